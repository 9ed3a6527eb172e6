/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import { readImageHeader } from '../image-header';

function raw( width: number, height: number ) {
	return sharp( Buffer.alloc( width * height * 3, 128 ), {
		raw: { width, height, channels: 3 },
	} );
}

async function bytes( image: sharp.Sharp ): Promise< Uint8Array > {
	return new Uint8Array( await image.toBuffer() );
}

/**
 * A PNG with a chunk added after its header (its CRC is not checked).
 *
 * @param png  The PNG.
 * @param name The chunk's name.
 * @return The new PNG.
 */
function withChunk( png: Uint8Array, name: string ): Uint8Array {
	const chunk = new Uint8Array( 12 + 8 );
	chunk.set( [ 0, 0, 0, 8 ], 0 );
	chunk.set(
		[ ...name ].map( ( c ) => c.charCodeAt( 0 ) ),
		4
	);
	const ihdrEnd = 8 + 12 + 13;
	return new Uint8Array( [
		...png.subarray( 0, ihdrEnd ),
		...chunk,
		...png.subarray( ihdrEnd ),
	] );
}

describe( 'readImageHeader', () => {
	it( 'reads a JPEG’s and a PNG’s dimensions as WordPress does', async () => {
		expect(
			readImageHeader( await bytes( raw( 640, 480 ).jpeg() ) )
		).toEqual( {
			mimeType: 'image/jpeg',
			width: 640,
			height: 480,
			special: false,
		} );
		expect(
			readImageHeader(
				await bytes( raw( 33, 1200 ).jpeg( { progressive: true } ) )
			)
		).toMatchObject( { width: 33, height: 1200, special: false } );
		expect(
			readImageHeader( await bytes( raw( 400, 300 ).png() ) )
		).toEqual( {
			mimeType: 'image/png',
			width: 400,
			height: 300,
			special: false,
		} );
	} );

	it( 'marks a JPEG that WordPress would turn by its EXIF orientation, and not one upright', async () => {
		const turned = await bytes(
			raw( 640, 480 ).withMetadata( { orientation: 6 } ).jpeg()
		);
		expect( readImageHeader( turned ) ).toMatchObject( {
			width: 640,
			height: 480,
			special: true,
		} );
		const upright = await bytes(
			raw( 640, 480 ).withMetadata( { orientation: 1 } ).jpeg()
		);
		expect( readImageHeader( upright ) ).toMatchObject( {
			special: false,
		} );
	} );

	it( 'marks an animated PNG and one with EXIF', async () => {
		const png = await bytes( raw( 400, 300 ).png() );
		expect( readImageHeader( withChunk( png, 'acTL' ) ) ).toMatchObject( {
			width: 400,
			special: true,
		} );
		expect( readImageHeader( withChunk( png, 'eXIf' ) ) ).toMatchObject( {
			special: true,
		} );
	} );

	it( 'reads nothing from another type or a cut-off file', async () => {
		const gif = await bytes( raw( 10, 10 ).gif() );
		expect( readImageHeader( gif ) ).toBeNull();
		const jpeg = await bytes( raw( 640, 480 ).jpeg() );
		expect( readImageHeader( jpeg.subarray( 0, 30 ) ) ).toBeNull();
		expect( readImageHeader( new Uint8Array( 0 ) ) ).toBeNull();
	} );
} );
