/**
 * @jest-environment node
 */

/**
 * Windows Live Writer's `.wpost` files: both format versions read, drafts
 * told from published copies, images resolved to the files they hold, a
 * `My Weblog Posts` folder mixed with a space.zip merged, and damaged
 * files answered with a warning naming them.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readInputs, type InputFile } from '..';
import { expandLiveWriterPosts, openLiveWriterPost } from '../live-writer';
import { generateArchive } from '../../../tests/support/archive/generate';
import { generateMigrationArchive } from '../../../tests/support/archive/migration';
import { pngBytes } from '../../../tests/support/archive/png';
import { makeWpost } from '../../../tests/support/archive/wpost';

const FULL = pngBytes( 320, 240, [ 200, 10, 10 ] );
const THUMB = pngBytes( 64, 48, [ 200, 10, 10 ] );
const CACHE_XML = strToU8(
	'<?xml version="1.0" encoding="utf-8"?><PostEditorFileLookupCache />'
);

function draft( version: 1 | 2 ) {
	return makeWpost( {
		version,
		title: '春天的草稿',
		html: '<p>还没写完。</p><a href="{{file:0}}"><img src="{{file:1}}" width="64" height="48"></a>',
		files: [
			{ name: 'garden.png', bytes: FULL },
			{ name: 'garden_thumb.png', bytes: THUMB },
		],
		categories: [ 'Travel & Places', '音乐' ],
		keywords: 'spring, garden',
		excerpt: 'Spring.',
		datePublishedOverride: '2010-03-21T08:30:00Z',
	} );
}

function folder( files: Record< string, Uint8Array > ): InputFile[] {
	return Object.entries( files ).map( ( [ path, data ] ) => ( {
		path,
		data,
		modified: '2010-04-01T10:00:00',
	} ) );
}

describe( 'a .wpost file', () => {
	it.each( [ 1, 2 ] as const )(
		'of format version %d is read: title, body, categories, keywords, the date override, the images',
		async ( version ) => {
			const { model, readMedia } = await readInputs(
				folder( {
					'My Weblog Posts/Drafts/春天的草稿.wpost': draft( version ),
				} ),
				'My Weblog Posts'
			);
			expect( model.posts ).toHaveLength( 1 );
			const [ post ] = model.posts;
			expect( post.title ).toBe( '春天的草稿' );
			expect( post.liveWriter ).toBe( 'draft' );
			expect( post.categories ).toEqual( [ 'Travel & Places', '音乐' ] );
			expect( post.tags ).toEqual( [ 'spring', 'garden' ] );
			expect( post.excerpt ).toBe( 'Spring.' );
			expect( post.published ).toBe( '2010-03-21T08:30:00Z' );
			expect( post.html ).toContain( '还没写完' );
			expect( post.html ).not.toMatch( /SupportingFileReference/i );
			// The linked full-size picture and its thumbnail, both held.
			expect( post.images ).toHaveLength( 2 );
			const paths = post.images.map( ( i ) => i.archivePath );
			expect( paths ).toEqual( [
				'My Weblog Posts/Drafts/春天的草稿.wpost/garden.png',
				'My Weblog Posts/Drafts/春天的草稿.wpost/garden_thumb.png',
			] );
			expect( await readMedia( paths[ 0 ] ?? '' ) ).toEqual( FULL );
			expect( await readMedia( paths[ 1 ] ?? '' ) ).toEqual( THUMB );
			expect(
				model.media.find( ( m ) => m.path === paths[ 0 ] )?.mimeType
			).toBe( 'image/png' );
			expect( model.warnings ).toEqual( [] );
		}
	);

	it( 'is a draft when it has no post id, wherever it is kept, and dated by its file when it has no date', async () => {
		const { model } = await readInputs(
			[
				{
					path: 'Untitled.wpost',
					data: makeWpost( { title: 'Loose', html: '<p>x</p>' } ),
					modified: '2009-11-05T21:15:00',
				},
			],
			'Untitled.wpost'
		);
		expect( model.posts[ 0 ].liveWriter ).toBe( 'draft' );
		expect( model.posts[ 0 ].published ).toBe( '2009-11-05T21:15:00' );
	} );

	it( 'is a draft when it is kept in Drafts, even with a post id', async () => {
		const bytes = makeWpost( {
			title: 'Saved again as a draft',
			html: '<p>x</p>',
			postId: 'cns!1A2B3C!43',
			permalink:
				'http://example.spaces.live.com/blog/cns!1A2B3C!43.entry',
			datePublished: '2008-01-02T03:04:05Z',
		} );
		const { model } = await readInputs(
			folder( {
				'My Weblog Posts/Drafts/Saved again.wpost': bytes,
			} ),
			'My Weblog Posts'
		);
		expect( model.posts ).toHaveLength( 1 );
		expect( model.posts[ 0 ].liveWriter ).toBe( 'draft' );
		// A draft is not the published post: neither its id nor its address.
		expect( model.posts[ 0 ].sourceId ).not.toContain( '1A2B3C' );
		expect( model.posts[ 0 ].originalUrl ).toBeNull();
		// The same file among the published copies is the published post.
		const copy = await readInputs(
			folder( {
				'My Weblog Posts/Recent Posts/Saved again.wpost': bytes,
			} ),
			'My Weblog Posts'
		);
		expect( copy.model.posts[ 0 ].liveWriter ).toBe( 'copy' );
		expect( copy.model.posts[ 0 ].sourceId ).toBe( 'cns!1A2B3C!43' );
	} );

	it( 'is a draft left undated for the owner when neither it nor its file has a date', async () => {
		const { model } = await readInputs(
			[
				{
					path: 'My Weblog Posts/Drafts/Someday.wpost',
					data: makeWpost( { title: 'Someday', html: '<p>x</p>' } ),
					modified: null,
				},
				{
					path: 'My Weblog Posts/Recent Posts/Dated.wpost',
					data: makeWpost( {
						title: 'Dated',
						html: '<p>y</p>',
						postId: '7',
						datePublished: '2009-05-05T05:05:05Z',
					} ),
					modified: null,
				},
			],
			'My Weblog Posts'
		);
		const someday = model.posts.find( ( p ) => p.title === 'Someday' );
		expect( someday?.liveWriter ).toBe( 'draft' );
		// Not placed next to another post's date: WordPress dates it when it
		// is published.
		expect( someday?.published ).toBeNull();
		expect( someday?.dateSource ).toBe( 'none' );
		expect( model.warnings ).toEqual( [] );
	} );

	it( 'shows its pictures under the names Live Writer gave them', async () => {
		const { model, readMedia } = await readInputs(
			folder( {
				'My Weblog Posts/Drafts/Names.wpost': makeWpost( {
					title: 'Names',
					html: '<p><a href="{{file:0}}"><img src="{{file:1}}"></a><img src="{{file:2}}"></p>',
					files: [
						{ name: 'image[2].png', bytes: FULL },
						{ name: 'image_thumb[2].png', bytes: THUMB },
						{
							name: '花 园 #1.png',
							bytes: pngBytes( 8, 8, [ 1, 2, 3 ] ),
						},
					],
				} ),
			} ),
			'My Weblog Posts'
		);
		const [ post ] = model.posts;
		const folderOf = 'My Weblog Posts/Drafts/Names.wpost/';
		expect( post.images.map( ( i ) => i.archivePath ) ).toEqual( [
			`${ folderOf }image[2].png`,
			`${ folderOf }image_thumb[2].png`,
			`${ folderOf }花 园 #1.png`,
		] );
		expect( await readMedia( `${ folderOf }image[2].png` ) ).toEqual(
			FULL
		);
		expect( await readMedia( `${ folderOf }image_thumb[2].png` ) ).toEqual(
			THUMB
		);
		expect( model.warnings ).toEqual( [] );
	} );

	it( 'is a published copy when it is in Recent Posts with a post id', () => {
		const { post } = openLiveWriterPost(
			makeWpost( {
				title: 'Out',
				html: '<p>x</p>',
				postId: 'cns!1A2B3C!42',
				datePublished: '2008-01-02T03:04:05Z',
			} ),
			'My Weblog Posts/Recent Posts/Out.wpost'
		);
		expect( post.draft ).toBe( false );
		expect( post.postId ).toBe( 'cns!1A2B3C!42' );
		expect( post.published ).toBe( '2008-01-02T03:04:05Z' );
	} );

	it( 'is dated by the date chosen in Live Writer over the published date', () => {
		const { post } = openLiveWriterPost(
			makeWpost( {
				title: 'Backdated',
				html: '<p>x</p>',
				postId: '44',
				datePublished: '2008-01-02T03:04:05Z',
				datePublishedOverride: '2007-12-24T18:00:00Z',
			} ),
			'My Weblog Posts/Recent Posts/Backdated.wpost'
		);
		expect( post.published ).toBe( '2007-12-24T18:00:00Z' );
	} );
} );

describe( 'a My Weblog Posts folder with a space.zip', () => {
	const archive = generateArchive( {
		posts: 4,
		comments: 8,
		images: 2,
		seed: 12,
	} );
	const [ first, second ] = archive.posts;
	const withImage = archive.posts.find( ( p ) =>
		p.html.includes( 'img/photo0_' )
	);
	const imagePath = archive.images[ 0 ];
	const imageName = imagePath.split( '/' ).pop() ?? '';

	function liveWriterFolder() {
		return {
			'My Weblog Posts/cache.xml': CACHE_XML,
			// The published copy of the post showing photo 0, by its id, with
			// the photo at full size and fewer words.
			'My Weblog Posts/Recent Posts/With photo.wpost': makeWpost( {
				title: withImage?.title ?? '',
				html: `<p>short</p><p><img src="{{file:0}}"></p>`,
				files: [ { name: imageName, bytes: FULL } ],
				postId: `cns!${ withImage?.cid }!${ withImage?.number }`,
				keywords: 'photos',
				datePublished: '2008-01-01T00:00:00Z',
			} ),
			// The copy of another, found by its permalink, with a longer body.
			'My Weblog Posts/Recent Posts/Longer.wpost': makeWpost( {
				version: 1,
				title: second.title,
				html: `<p>${ 'A much longer body, as written before Spaces trimmed it. '.repeat(
					40
				) }</p>`,
				permalink: `http://${ archive.page.host }/blog/cns!${ second.cid }!${ second.number }.entry`,
				postId: '9999',
				datePublished: '2008-01-01T00:00:00Z',
			} ),
			// Only in Live Writer.
			'My Weblog Posts/Recent Posts/Only here.wpost': makeWpost( {
				title: 'Only on my PC',
				html: '<p>lost on Spaces</p>',
				postId: `cns!${ first.cid }!900`,
				datePublished: '2010-06-01T12:00:00Z',
			} ),
			'My Weblog Posts/Drafts/春天的草稿.wpost': draft( 2 ),
		};
	}

	it( 'merges copies into the archive posts, keeps comments and the richer body, and adds the rest', async () => {
		const { model } = await readInputs(
			[
				{
					path: 'space.zip',
					data: zipSync( archive.files ),
				},
				...folder( liveWriterFolder() ),
			],
			'chosen'
		);
		expect( model.posts ).toHaveLength( archive.posts.length + 2 );

		const photo = model.posts.find(
			( p ) =>
				p.sourceId === `cns!${ withImage?.cid }!${ withImage?.number }`
		);
		expect( photo?.comments ).toHaveLength(
			withImage?.comments.length ?? -1
		);
		// The archive's body, longer than the copy's.
		expect( photo?.html ).not.toContain( 'short' );
		expect( photo?.liveWriter ).toBe( 'copy' );
		expect( photo?.tags ).toEqual( [ 'photos' ] );
		// The full-size local file instead of the archive's smaller one.
		expect(
			photo?.images.find( ( i ) => i.reference.includes( imageName ) )
				?.archivePath
		).toBe(
			`My Weblog Posts/Recent Posts/With photo.wpost/${ imageName }`
		);

		const longer = model.posts.find(
			( p ) => p.sourceId === `cns!${ second.cid }!${ second.number }`
		);
		expect( longer?.html ).toContain( 'A much longer body' );
		expect( longer?.comments ).toHaveLength( second.comments.length );

		const only = model.posts.find( ( p ) => p.title === 'Only on my PC' );
		expect( only?.sourceId ).toBe( `cns!${ first.cid }!900` );
		expect( only?.liveWriter ).toBe( 'copy' );

		const drafts = model.posts.filter( ( p ) => p.liveWriter === 'draft' );
		expect( drafts.map( ( p ) => p.title ) ).toEqual( [ '春天的草稿' ] );
		expect( drafts[ 0 ].sourceId ).toMatch( /^local![0-9a-f]{16}$/ );
	} );

	it( 'takes a local image where the archive has none, inside one zip as well', async () => {
		const files: Record< string, Uint8Array > = { ...archive.files };
		delete files[ imagePath ];
		for ( const [ path, bytes ] of Object.entries( liveWriterFolder() ) ) {
			files[ path ] = bytes;
		}
		const { model, readMedia } = await readInputs(
			[ { path: 'everything.zip', data: zipSync( files ) } ],
			'everything.zip'
		);
		const photo = model.posts.find(
			( p ) =>
				p.sourceId === `cns!${ withImage?.cid }!${ withImage?.number }`
		);
		const image = photo?.images.find( ( i ) =>
			i.reference.includes( imageName )
		);
		expect( image?.archivePath ).toBe(
			`My Weblog Posts/Recent Posts/With photo.wpost/${ imageName }`
		);
		expect( await readMedia( image?.archivePath ?? '' ) ).toEqual( FULL );
		expect(
			model.warnings.filter(
				( w ) =>
					w.code === 'image-missing' &&
					w.message.includes( withImage?.title ?? '' )
			)
		).toEqual( [] );
	} );

	it( 'finds the archive image a local file replaces by the name Live Writer kept', async () => {
		// The copy holds a picture the archive lacks before the one it has:
		// the two are not paired by their order but by the file's name.
		const { model } = await readInputs(
			[
				{ path: 'space.zip', data: zipSync( archive.files ) },
				...folder( {
					'My Weblog Posts/Recent Posts/With photo.wpost': makeWpost(
						{
							title: withImage?.title ?? '',
							html: '<p><img src="{{file:0}}"></p><p><img src="{{file:1}}"></p>',
							files: [
								{ name: 'other.png', bytes: THUMB },
								{ name: imageName.toUpperCase(), bytes: FULL },
							],
							postId: `cns!${ withImage?.cid }!${ withImage?.number }`,
							datePublished: '2008-01-01T00:00:00Z',
						}
					),
				} ),
			],
			'chosen'
		);
		const photo = model.posts.find(
			( p ) =>
				p.sourceId === `cns!${ withImage?.cid }!${ withImage?.number }`
		);
		expect( photo?.images.map( ( i ) => i.archivePath ) ).toEqual( [
			`My Weblog Posts/Recent Posts/With photo.wpost/${ imageName.toUpperCase() }`,
		] );
	} );

	it( 'reads a zip holding only the My Weblog Posts folder', async () => {
		const { model, readMedia } = await readInputs(
			[
				{
					path: 'My Weblog Posts.zip',
					data: zipSync( liveWriterFolder() ),
				},
			],
			'My Weblog Posts.zip'
		);
		expect( model.posts.map( ( p ) => p.title ).sort() ).toEqual(
			[
				withImage?.title ?? '',
				second.title,
				'Only on my PC',
				'春天的草稿',
			].sort()
		);
		expect(
			model.posts.filter( ( p ) => p.liveWriter === 'draft' )
		).toHaveLength( 1 );
		expect(
			model.posts.filter( ( p ) => p.liveWriter === 'copy' )
		).toHaveLength( 3 );
		const draftImage = model.posts.find( ( p ) => p.title === '春天的草稿' )
			?.images[ 0 ]?.archivePath;
		expect( await readMedia( draftImage ?? '' ) ).toEqual( FULL );
		expect( model.warnings ).toEqual( [] );
	} );

	it( 'merges with the migration download by title and day', async () => {
		const migration = generateMigrationArchive( {
			posts: 3,
			comments: 4,
			images: 0,
			seed: 5,
			locale: 'en-US',
		} );
		const target = migration.posts[ 1 ];
		const { model } = await readInputs(
			[
				{ path: 'space.zip', data: zipSync( migration.files ) },
				{
					path: 'My Weblog Posts/Recent Posts/copy.wpost',
					data: makeWpost( {
						title: target.title,
						html: '<p>x</p>',
						postId: '12',
						datePublished: `${ target.published.slice( 0, 10 ) }T23:30:00Z`,
					} ),
				},
			],
			'chosen'
		);
		expect( model.posts ).toHaveLength( 3 );
		const merged = model.posts.find( ( p ) => p.title === target.title );
		expect( merged?.liveWriter ).toBe( 'copy' );
		expect( merged?.comments ).toHaveLength( target.comments.length );
	} );
} );

describe( 'damaged .wpost files', () => {
	const good = makeWpost( {
		title: 'Fine',
		html: '<p>fine</p>',
		postId: '1',
		datePublished: '2009-01-01T00:00:00Z',
	} );
	const withImage = makeWpost( {
		title: 'Pictured',
		html: '<p><img src="{{file:0}}"></p>',
		files: [ { name: 'big.png', bytes: FULL } ],
	} );

	it.each( [
		[
			'not a compound file',
			strToU8( 'just some text, saved as .wpost' ),
			'live-writer-not-compound',
		],
		[
			'a compound file without the post streams',
			makeWpost( {
				title: 'x',
				html: 'x',
				omit: [ 'Title', 'Contents' ],
			} ),
			'live-writer-no-post',
		],
		[
			'an unknown format version',
			makeWpost( {
				title: 'x',
				html: 'x',
				clsid: '00020906-0000-0000-C000-000000000046',
			} ),
			'live-writer-unknown-version',
		],
		[
			'cut off',
			withImage.subarray( 0, Math.floor( withImage.length / 3 ) ),
			'live-writer-damaged',
		],
	] )(
		'%s: a warning naming the file, the other posts read',
		async ( _, bytes, code ) => {
			const { model } = await readInputs(
				folder( {
					'My Weblog Posts/Recent Posts/Fine.wpost': good,
					'My Weblog Posts/Drafts/Broken.wpost': bytes,
				} ),
				'My Weblog Posts'
			);
			expect( model.posts.map( ( p ) => p.title ) ).toEqual( [ 'Fine' ] );
			expect( model.warnings ).toEqual( [
				expect.objectContaining( {
					file: 'My Weblog Posts/Drafts/Broken.wpost',
					code,
					message: expect.stringContaining( 'Broken.wpost' ),
				} ),
			] );
		}
	);

	it.each( [
		[
			'not a compound file',
			strToU8( 'just some text' ),
			'not a Windows Live Writer post',
		],
		[
			'cut off',
			withImage.subarray( 0, Math.floor( withImage.length / 3 ) ),
			'damaged Windows Live Writer post',
		],
	] )(
		'%s, chosen alone: the reading fails naming the file and why',
		async ( _, bytes, why ) => {
			await expect(
				readInputs(
					[ { path: 'Broken.wpost', data: bytes } ],
					'Broken.wpost'
				)
			).rejects.toMatchObject( {
				code: 'damaged-file',
				file: 'Broken.wpost',
				message: expect.stringContaining( why ),
			} );
		}
	);

	it( 'a truncated supporting file: the post is read without it, and said so', async () => {
		// The image's stream claims more bytes than its sectors hold.
		const damaged = new Uint8Array( withImage );
		const name = new Uint8Array(
			[ ...'SupportingFileContents' ].flatMap( ( c ) => [
				c.charCodeAt( 0 ),
				0,
			] )
		);
		let entry = -1;
		for ( let i = 0; i < damaged.length - name.length; i += 128 ) {
			if ( name.every( ( b, j ) => damaged[ i + j ] === b ) ) {
				entry = i;
			}
		}
		expect( entry ).toBeGreaterThan( 0 );
		const view = new DataView( damaged.buffer );
		view.setUint32(
			entry + 120,
			view.getUint32( entry + 120, true ) * 4,
			true
		);
		const { model } = await readInputs(
			folder( {
				'My Weblog Posts/Recent Posts/Fine.wpost': good,
				'My Weblog Posts/Drafts/Pictured.wpost': damaged,
			} ),
			'My Weblog Posts'
		);
		expect( model.posts.map( ( p ) => p.title ).sort() ).toEqual( [
			'Fine',
			'Pictured',
		] );
		expect( model.warnings ).toContainEqual(
			expect.objectContaining( {
				file: 'My Weblog Posts/Drafts/Pictured.wpost',
				code: 'live-writer-file-damaged',
				message: expect.stringContaining( 'big.png' ),
			} )
		);
	} );

	it( 'a file larger than any post is skipped unread, and said so', async () => {
		const read = jest.fn();
		const { posts, warnings } = await expandLiveWriterPosts( {
			files: [
				{
					path: 'Drafts/Huge.wpost',
					size: 300 * 1024 * 1024,
					modified: null,
					encrypted: false,
				},
			],
			read,
			readHead: read,
		} );
		expect( read ).not.toHaveBeenCalled();
		expect( posts ).toEqual( [] );
		expect( warnings ).toEqual( [
			expect.objectContaining( {
				file: 'Drafts/Huge.wpost',
				message: expect.stringContaining( 'Huge.wpost' ),
			} ),
		] );
	} );
} );
