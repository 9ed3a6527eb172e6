/**
 * @jest-environment node
 */

/**
 * Mutated and truncated archives: the reader must answer each with a model
 * or an ArchiveError, nothing else, and promptly. Seeded, so every run
 * feeds the same cases.
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';
import { generateArchive } from '../testing/generate';
import { seededRandom } from '../testing/random';

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
			const started = Date.now();
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
			if ( Date.now() - started > 2000 ) {
				surprises.push(
					`${ seed }: took ${ Date.now() - started } ms`
				);
			}
		}
		expect( surprises ).toEqual( [] );
		expect( outcomes.model + outcomes.error ).toBe( CASES );
		// Both answers occur: the cases are neither all fatal nor all harmless.
		expect( outcomes.model ).toBeGreaterThan( 10 );
		expect( outcomes.error ).toBeGreaterThan( 10 );
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
			const started = Date.now();
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
			if ( Date.now() - started > 2000 ) {
				surprises.push(
					`${ seed }: took ${ Date.now() - started } ms`
				);
			}
		}
		expect( surprises ).toEqual( [] );
	}, 60000 );
} );
