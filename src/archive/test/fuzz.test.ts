/**
 * @jest-environment node
 */

/**
 * Mutated and truncated archives: the reader must answer each with a model
 * or an ArchiveError, nothing else. Seeded, so every run feeds the same
 * cases.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive, readInputs } from '..';
import { generateArchive } from '../../../tests/support/archive/generate';
import { generateWebArchive } from '../../../tests/support/archive/mht';
import { generateMigrationArchive } from '../../../tests/support/archive/migration';
import {
	msnPageHtml,
	sampleMsnPosts,
} from '../../../tests/support/archive/msn';
import { pngBytes } from '../../../tests/support/archive/png';
import { seededRandom } from '../../../tests/support/archive/random';
import {
	NOT_BLOG_PAGES,
	blogShapeHtml,
	shapePosts,
} from '../../../tests/support/archive/shapes';
import { makeWpost } from '../../../tests/support/archive/wpost';

const CASES = 400;

function mutate( source: Uint8Array, seed: number ): Uint8Array {
	const random = seededRandom( seed );
	const bytes = new Uint8Array( source );
	switch ( seed % 5 ) {
		case 0:
			// Cut off anywhere.
			return bytes.subarray( 0, random.int( 0, bytes.length - 1 ) );
		case 1:
			// A few random bytes changed anywhere.
			for ( let i = random.int( 1, 20 ); i > 0; i-- ) {
				bytes[ random.int( 0, bytes.length - 1 ) ] = random.int(
					0,
					255
				);
			}
			return bytes;
		case 2: {
			// The central directory damaged (sizes, offsets, flags, names).
			const tail = Math.max( 0, bytes.length - 2000 );
			for ( let i = random.int( 1, 8 ); i > 0; i-- ) {
				bytes[ random.int( tail, bytes.length - 1 ) ] = random.pick( [
					0,
					0xff,
					1,
					8,
					0x80,
					random.int( 0, 255 ),
				] );
			}
			return bytes;
		}
		case 3: {
			// A run of bytes overwritten inside the packed data.
			const at = random.int( 0, bytes.length - 1 );
			const length = random.int( 1, 512 );
			for ( let i = at; i < Math.min( bytes.length, at + length ); i++ ) {
				bytes[ i ] = random.int( 0, 255 );
			}
			return bytes;
		}
		default: {
			// Truncated, then damaged.
			const cut = bytes.subarray( 0, random.int( 22, bytes.length ) );
			for ( let i = random.int( 1, 5 ); i > 0; i-- ) {
				const at = random.int( 0, cut.length - 1 );
				cut[ at ] = ( cut[ at ] + random.int( 1, 255 ) ) % 256;
			}
			return cut;
		}
	}
}

describe( 'fuzzed archives', () => {
	const { files } = generateArchive( {
		posts: 6,
		comments: 12,
		images: 3,
		seed: 3,
		feed: true,
		monthPages: true,
	} );
	const stored = zipSync( files, { level: 0 } );
	const deflated = zipSync( files );

	it( `answers ${ CASES } damaged archives with a model or an ArchiveError`, async () => {
		const outcomes = { model: 0, error: 0 };
		const surprises: string[] = [];
		for ( let seed = 1; seed <= CASES; seed++ ) {
			const source = seed % 2 ? deflated : stored;
			const input = mutate( source, seed );
			const outcome = await readArchive(
				seed % 7 === 0
					? new Blob( [ new Uint8Array( input ) ] )
					: input,
				'fuzz.zip'
			).then(
				async ( reader ) => {
					for ( const media of reader.model.media ) {
						await reader
							.readMedia( media.path )
							.catch( ( error ) => {
								if ( ! ( error instanceof ArchiveError ) ) {
									surprises.push(
										`${ seed }: readMedia threw ${ error }`
									);
								}
							} );
					}
					return reader.model.posts.length > 0
						? 'model'
						: `${ seed }: a model without posts`;
				},
				( error ) =>
					error instanceof ArchiveError &&
					error.message.includes( 'fuzz.zip' )
						? 'error'
						: `${ seed }: threw ${ String( error ) }`
			);
			if ( outcome === 'model' || outcome === 'error' ) {
				outcomes[ outcome ]++;
			} else {
				surprises.push( outcome );
			}
		}
		expect( surprises ).toEqual( [] );
		expect( outcomes.model + outcomes.error ).toBe( CASES );
		// Both answers occur: the cases are neither all fatal nor all harmless.
		expect( outcomes.model ).toBeGreaterThan( 10 );
		expect( outcomes.error ).toBeGreaterThan( 10 );
	}, 60000 );
} );

describe( 'fuzzed MSN Spaces pages', () => {
	const samples = sampleMsnPosts();
	const text = msnPageHtml( samples, {
		member: 'anna',
		blogTitle: 'Anna',
		archiveMonths: [
			[ 2004, 12 ],
			[ 2005, 1 ],
		],
	} );
	const titles = new Set( samples.map( ( p ) => p.title ) );

	function damage( seed: number ): string {
		const random = seededRandom( seed );
		let page = text;
		switch ( seed % 4 ) {
			case 0:
				// Cut off anywhere (a page saved half-way).
				return page.slice( 0, random.int( 0, page.length ) );
			case 1:
				// Pieces of markup lost.
				for ( let i = random.int( 1, 12 ); i > 0; i-- ) {
					const at = random.int( 0, page.length - 1 );
					page =
						page.slice( 0, at ) +
						page.slice( at + random.int( 1, 80 ) );
				}
				return page;
			case 2:
				// Pieces repeated elsewhere (a post or a row twice).
				for ( let i = random.int( 1, 6 ); i > 0; i-- ) {
					const from = random.int( 0, page.length - 1 );
					const piece = page.slice(
						from,
						from + random.int( 1, 600 )
					);
					const at = random.int( 0, page.length - 1 );
					page = page.slice( 0, at ) + piece + page.slice( at );
				}
				return page;
			default:
				// Characters changed anywhere.
				for ( let i = random.int( 1, 30 ); i > 0; i-- ) {
					const at = random.int( 0, page.length - 1 );
					page =
						page.slice( 0, at ) +
						random.pick( [ '<', '>', '"', '-', ' ', '1', 'x' ] ) +
						page.slice( at + 1 );
				}
				return page;
		}
	}

	it( 'answers 200 damaged pages with a model or an ArchiveError', async () => {
		const outcomes = { model: 0, error: 0 };
		const surprises: string[] = [];
		for ( let seed = 1; seed <= 200; seed++ ) {
			const page = damage( seed );
			try {
				const { model } = await readInputs(
					[
						{
							path: 'default.htm',
							data: new TextEncoder().encode( page ),
							modified: seed % 3 ? null : '2005-02-01T10:00:00',
						},
					],
					'default.htm'
				);
				outcomes.model++;
				for ( const post of model.posts ) {
					if (
						post.published !== null &&
						! /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(
							post.published
						)
					) {
						surprises.push( `${ seed }: date ${ post.published }` );
					}
					for ( const comment of post.comments ) {
						if ( /mailto:/i.test( comment.authorUrl ?? '' ) ) {
							surprises.push( `${ seed }: an e-mail address` );
						}
					}
				}
				// A page cut short loses posts, never invents ones: every
				// title read is one of the page's, or the start of one.
				for ( const post of model.posts ) {
					if (
						seed % 4 === 0 &&
						! [ ...titles ].some( ( t ) =>
							t.startsWith( post.title )
						)
					) {
						surprises.push( `${ seed }: title ${ post.title }` );
					}
				}
			} catch ( error ) {
				if ( error instanceof ArchiveError ) {
					outcomes.error++;
				} else {
					surprises.push( `${ seed }: threw ${ String( error ) }` );
				}
			}
		}
		expect( surprises ).toEqual( [] );
		expect( outcomes.model + outcomes.error ).toBe( 200 );
		expect( outcomes.model ).toBeGreaterThan( 10 );
		expect( outcomes.error ).toBeGreaterThan( 5 );
	}, 60000 );
} );

describe( 'fuzzed pages read by their shape', () => {
	const SHAPE_CASES = 150;
	const pages = [
		blogShapeHtml( 'word', shapePosts( { count: 4, comments: [ 2, 0 ] } ) ),
		blogShapeHtml(
			'blogger',
			shapePosts( { count: 4, comments: [ 1, 3 ], sameDay: true } )
		),
		blogShapeHtml(
			'chinese',
			shapePosts( { count: 3, comments: [ 2 ], chinese: true } )
		),
		blogShapeHtml( 'minimal', shapePosts( { count: 3 } ) ),
		...Object.values( NOT_BLOG_PAGES ),
	];
	const INSERTS = [
		'<h2>',
		'</div>',
		'<p><i>3/3/2006 9:15 PM</i></p>',
		'<div class="comment">',
		'<h3 class="post-title">Title</h3>',
		'<dl><dt>',
		'<!--',
		'&#',
	];

	function mutateText( text: string, seed: number ): string {
		const random = seededRandom( seed );
		let out = text;
		for ( let i = random.int( 1, 6 ); i > 0; i-- ) {
			const at = random.int( 0, out.length );
			const end = Math.min( out.length, at + random.int( 1, 400 ) );
			switch ( random.int( 0, 3 ) ) {
				case 0:
					out = out.slice( 0, at ) + out.slice( end );
					break;
				case 1:
					// A run repeated: more blocks of the same shape.
					out =
						out.slice( 0, end ) +
						out.slice( at, end ) +
						out.slice( end );
					break;
				case 2:
					out =
						out.slice( 0, at ) +
						random.pick( INSERTS ) +
						out.slice( at );
					break;
				default:
					out = out.slice( 0, at );
			}
		}
		return out;
	}

	it( `answers ${ SHAPE_CASES } mutated pages with a model or an ArchiveError, every shaped post reported`, async () => {
		const surprises: string[] = [];
		let models = 0;
		for ( let seed = 1; seed <= SHAPE_CASES; seed++ ) {
			const text = mutateText( pages[ seed % pages.length ], seed );
			try {
				const { model } = await readArchive(
					zipSync( { 'page.htm': strToU8( text ) } ),
					'shape.zip'
				);
				models++;
				const reported = model.warnings.some(
					( w ) =>
						w.code === 'posts-found-by-shape' &&
						w.file === 'page.htm'
				);
				if ( ! reported ) {
					surprises.push( `${ seed }: posts without their warning` );
				}
				if ( model.posts.some( ( p ) => ! p.published ) ) {
					surprises.push( `${ seed }: a post without a date` );
				}
			} catch ( error ) {
				if ( ! ( error instanceof ArchiveError ) ) {
					surprises.push( `${ seed }: threw ${ String( error ) }` );
				}
			}
		}
		expect( surprises ).toEqual( [] );
		// Most mutated blog pages still read; the pages that are not blogs
		// never do.
		expect( models ).toBeGreaterThan( 20 );
	}, 60000 );
} );

describe( 'fuzzed hostile markup', () => {
	const TAGS = [ 'div', 'font', 'b', 'span', 'td', 'a', 'p', 'li' ];

	it( 'reads every post of pages with random deep nesting and bad bytes', async () => {
		const surprises: string[] = [];
		for ( let seed = 1; seed <= 20; seed++ ) {
			const random = seededRandom( seed );
			const { files, posts } = generateArchive( {
				posts: 3,
				comments: 3,
				images: 0,
				seed,
			} );
			const hostile: Record< string, Uint8Array > = {};
			for ( const [ path, bytes ] of Object.entries( files ) ) {
				if ( ! /\.html?$/i.test( path ) ) {
					hostile[ path ] = bytes;
					continue;
				}
				// Unclosed tags thousands deep inside a body, and a few
				// bytes that are not UTF-8 somewhere after the head.
				const text = new TextDecoder().decode( bytes );
				const at = text.indexOf( 'class="bvMsg">' ) + 14;
				const deep = `<${ random.pick( TAGS ) }>`.repeat(
					random.int( 1000, 30000 )
				);
				const out = new TextEncoder().encode(
					text.slice( 0, at ) + deep + text.slice( at )
				);
				for ( let i = random.int( 0, 3 ); i > 0; i-- ) {
					out[ random.int( 4096, out.length - 1 ) ] = 0xff;
				}
				hostile[ path ] = out;
			}
			try {
				const { model } = await readArchive(
					zipSync( hostile ),
					'deep.zip'
				);
				if ( model.posts.length !== posts.length ) {
					surprises.push(
						`${ seed }: ${ model.posts.length } of ${ posts.length } posts`
					);
				}
			} catch ( error ) {
				surprises.push( `${ seed }: threw ${ String( error ) }` );
			}
		}
		expect( surprises ).toEqual( [] );
	}, 60000 );
} );

const MHT_CASES = 300;

/**
 * Damages a web archive the ways a save or a copy breaks one.
 *
 * @param source The `.mht` bytes.
 * @param seed   Which damage, and where.
 * @return The damaged bytes.
 */
function mutateMime( source: Uint8Array, seed: number ): Uint8Array {
	const random = seededRandom( seed );
	if ( seed % 6 === 0 ) {
		// Cut off anywhere, often inside base64.
		return source.subarray( 0, random.int( 0, source.length - 1 ) );
	}
	const text = Buffer.from( source ).toString( 'latin1' );
	const bytes = ( value: string ) =>
		new Uint8Array( Buffer.from( value, 'latin1' ) );
	const delimiters = [ ...text.matchAll( /^--.*$/gm ) ].map(
		( m ) => m.index ?? 0
	);
	const at = random.pick( delimiters );
	switch ( seed % 6 ) {
		case 1: {
			// A boundary line broken: a character changed or removed.
			const where = at + random.int( 0, 50 );
			return bytes(
				text.slice( 0, where ) +
					random.pick( [ '', 'x', '-', '\n', '"' ] ) +
					text.slice( where + 1 )
			);
		}
		case 2: {
			// A part's headers lost: from its boundary to its blank line.
			const end = text.indexOf( '\r\n\r\n', at );
			const line = text.indexOf( '\n', at );
			return bytes(
				text.slice( 0, line + 1 ) +
					text.slice( end < 0 ? line + 1 : end + random.int( 0, 4 ) )
			);
		}
		case 3: {
			// A huge part declared: an endless header, a giant length, a
			// long run of base64 that never ends in a boundary.
			const line = text.indexOf( '\n', at );
			const huge =
				'Content-Length: 99999999999999\r\nX-Pad: ' +
				'a'.repeat( random.int( 1, 200000 ) ) +
				'\r\n';
			const tail = random.chance( 0.5 )
				? 'QUJD'.repeat( random.int( 1, 200000 ) ) + 'Q'
				: text.slice( line + 1 );
			return bytes( text.slice( 0, line + 1 ) + huge + tail );
		}
		case 4: {
			// The top headers damaged or missing.
			const blank = text.indexOf( '\r\n\r\n' );
			return random.chance( 0.5 )
				? bytes( text.slice( blank + 4 ) )
				: bytes(
						text
							.slice( 0, blank )
							.replace(
								/boundary=|multipart|MIME-Version/i,
								'x'
							) + text.slice( blank )
					);
		}
		default: {
			// Random bytes changed anywhere.
			const out = new Uint8Array( source );
			for ( let i = random.int( 1, 30 ); i > 0; i-- ) {
				out[ random.int( 0, out.length - 1 ) ] = random.int( 0, 255 );
			}
			return out;
		}
	}
}

describe( 'fuzzed web archives', () => {
	const saves = [
		generateWebArchive( {
			posts: 3,
			comments: 4,
			images: 4,
			charset: 'utf-8',
		} ).bytes,
		generateWebArchive( {
			posts: 1,
			comments: 2,
			images: 3,
			charset: 'windows-1252',
			newline: '\n',
			unquotedBoundary: true,
		} ).bytes,
	];

	it( `answers ${ MHT_CASES } damaged web archives with a model or an ArchiveError`, async () => {
		const outcomes = { model: 0, error: 0 };
		const surprises: string[] = [];
		for ( let seed = 1; seed <= MHT_CASES; seed++ ) {
			const input = mutateMime( saves[ seed % 2 ], seed );
			const name = seed % 5 === 0 ? 'fuzz' : 'fuzz.mht';
			const outcome = await readArchive(
				seed % 3 === 0
					? new Blob( [ new Uint8Array( input ) ] )
					: input,
				name
			).then(
				async ( reader ) => {
					for ( const media of reader.model.media ) {
						await reader.readMedia( media.path );
					}
					for ( const warning of reader.model.warnings ) {
						if (
							warning.code === 'web-archive-damaged' &&
							! warning.message.includes( `“${ name }”` )
						) {
							return `${ seed }: a warning not naming the file`;
						}
					}
					return reader.model.posts.length > 0
						? 'model'
						: `${ seed }: a model without posts`;
				},
				( error ) =>
					error instanceof ArchiveError &&
					error.message.includes( name )
						? 'error'
						: `${ seed }: threw ${ String( error ) }`
			);
			if ( outcome === 'model' || outcome === 'error' ) {
				outcomes[ outcome ]++;
			} else {
				surprises.push( outcome );
			}
		}
		expect( surprises ).toEqual( [] );
		expect( outcomes.model ).toBeGreaterThan( 10 );
		expect( outcomes.error ).toBeGreaterThan( 10 );
	}, 120000 );
} );

describe( 'fuzzed migration downloads', () => {
	const download = generateMigrationArchive( {
		posts: 8,
		comments: 14,
		images: 3,
		seed: 17,
		locale: 'de-DE',
	} );
	const entryPages = Object.keys( download.files ).filter(
		( p ) => /entry/i.test( p ) && /\.html?$/i.test( p )
	);

	it( 'reads an index that links nothing, and pages that link each other in a circle', async () => {
		const files = { ...download.files };
		files[ download.index ] = strToU8(
			'<html><head><title>Empty</title></head><body><h1>Empty index</h1><p>No entries here.</p></body></html>'
		);
		// Every entry page links the next, the last the first, and the index
		// links itself: the reader follows no link, so nothing loops.
		entryPages.forEach( ( page, i ) => {
			const next = entryPages[ ( i + 1 ) % entryPages.length ];
			const text = new TextDecoder().decode( files[ page ] );
			files[ page ] = strToU8(
				text.replace(
					'</body>',
					`<a href="${ next.split( '/' ).pop() }">next</a><a href="index.html">index</a></body>`
				)
			);
		} );
		const { model } = await readArchive( zipSync( files ), 'circle.zip' );
		expect( model.posts ).toHaveLength( download.posts.length );
		expect(
			model.posts
				.map( ( p ) => p.comments.length )
				.reduce( ( a, b ) => a + b )
		).toBe( 14 );
	} );

	it( 'answers 150 damaged entry pages with a model or an ArchiveError naming the archive', async () => {
		const surprises: string[] = [];
		let models = 0;
		for ( let seed = 1; seed <= 150; seed++ ) {
			const random = seededRandom( seed );
			const files = { ...download.files };
			for ( const page of entryPages ) {
				if ( ! random.chance( 0.5 ) ) {
					continue;
				}
				let text = new TextDecoder().decode( files[ page ] );
				for ( let i = random.int( 1, 8 ); i > 0; i-- ) {
					const at = random.int( 0, text.length );
					text = random.chance( 0.5 )
						? text.slice( 0, at ) +
							random.pick( [
								'<div id="bp">',
								'<h5 id="publish">2009/13/45 99:99:99</h5>',
								'</div>',
								'<div class="comments"><div id="comment"><h5> - </h5>',
								'<h2 id="Title">',
							] ) +
							text.slice( at )
						: text.slice( 0, at ) +
							text.slice( at + random.int( 1, 300 ) );
				}
				files[ page ] = strToU8( text );
			}
			try {
				const { model } = await readArchive(
					zipSync( files ),
					'download.zip'
				);
				models++;
				for ( const post of model.posts ) {
					if ( ! /^local![0-9a-f]{16}$/.test( post.sourceId ) ) {
						surprises.push( `${ seed }: id ${ post.sourceId }` );
					}
					if (
						post.published !== null &&
						! /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(
							post.published
						)
					) {
						surprises.push( `${ seed }: date ${ post.published }` );
					}
				}
			} catch ( error ) {
				if (
					! ( error instanceof ArchiveError ) ||
					! error.message.includes( 'download.zip' )
				) {
					surprises.push( `${ seed }: threw ${ String( error ) }` );
				}
			}
		}
		expect( surprises ).toEqual( [] );
		expect( models ).toBeGreaterThan( 100 );
	}, 60000 );
} );

describe( 'fuzzed Live Writer post files', () => {
	const WPOST_CASES = 200;
	const sound = makeWpost( {
		title: 'Sound',
		html: '<p>sound</p>',
		postId: '1',
		datePublished: '2009-01-01T00:00:00Z',
	} );
	const source = makeWpost( {
		title: 'Pictured 图',
		html: '<p><a href="{{file:0}}"><img src="{{file:1}}"></a></p>',
		files: [
			{ name: 'big.png', bytes: pngBytes( 200, 150, [ 9, 90, 200 ] ) },
			{ name: 'small.png', bytes: pngBytes( 20, 15, [ 9, 90, 200 ] ) },
		],
		categories: [ 'Fotos' ],
	} );

	it( `answers ${ WPOST_CASES } truncated and corrupted .wpost files with the other posts and a warning or the post`, async () => {
		const surprises: string[] = [];
		for ( let seed = 1; seed <= WPOST_CASES; seed++ ) {
			const input = mutate( source, seed );
			try {
				const reader = await readInputs(
					[
						{
							path: 'My Weblog Posts/Drafts/Sound.wpost',
							data: sound,
						},
						{
							path: 'My Weblog Posts/Drafts/Fuzz.wpost',
							data: input,
						},
					],
					'My Weblog Posts'
				);
				if (
					! reader.model.posts.some( ( p ) => p.title === 'Sound' )
				) {
					surprises.push( `${ seed }: the sound post was lost` );
				}
				const read = reader.model.posts.some(
					( p ) =>
						p.files[ 0 ] === 'My Weblog Posts/Drafts/Fuzz.wpost'
				);
				const warned = reader.model.warnings.some(
					( w ) => w.file === 'My Weblog Posts/Drafts/Fuzz.wpost'
				);
				if ( ! read && ! warned ) {
					surprises.push( `${ seed }: neither read nor reported` );
				}
				for ( const media of reader.model.media ) {
					await reader.readMedia( media.path ).catch( ( error ) => {
						if ( ! ( error instanceof ArchiveError ) ) {
							surprises.push(
								`${ seed }: readMedia threw ${ error }`
							);
						}
					} );
				}
			} catch ( error ) {
				surprises.push( `${ seed }: threw ${ String( error ) }` );
			}
		}
		expect( surprises ).toEqual( [] );
	}, 120000 );
} );
