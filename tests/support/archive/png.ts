/**
 * External dependencies
 */
import { zlibSync } from 'fflate';

/**
 * Internal dependencies
 */
import { crc32 } from '../../../src/archive/crc32';

/**
 * One PNG chunk: length, type, data, CRC of type and data.
 *
 * @param type 4-letter chunk type.
 * @param data Chunk data.
 * @return The chunk's bytes.
 */
function chunk( type: string, data: Uint8Array ): Uint8Array {
	const out = new Uint8Array( 12 + data.length );
	const view = new DataView( out.buffer );
	view.setUint32( 0, data.length );
	for ( let i = 0; i < 4; i++ ) {
		out[ 4 + i ] = type.charCodeAt( i );
	}
	out.set( data, 8 );
	view.setUint32(
		8 + data.length,
		crc32( out.subarray( 4, 8 + data.length ) )
	);
	return out;
}

/**
 * A real, small RGB PNG with a diagonal gradient: every (width, height, rgb)
 * gives different bytes, and image libraries (GD, Imagick) can read it, so
 * uploads and thumbnails behave as with an owner's photos.
 *
 * @param width  Pixels.
 * @param height Pixels.
 * @param rgb    Base colour, 3 bytes.
 * @return The PNG file's bytes.
 */
export function pngBytes(
	width: number,
	height: number,
	rgb: [ number, number, number ]
): Uint8Array {
	const header = new Uint8Array( 13 );
	const view = new DataView( header.buffer );
	view.setUint32( 0, width );
	view.setUint32( 4, height );
	header[ 8 ] = 8; // Bit depth.
	header[ 9 ] = 2; // Colour type: RGB.
	const rows = new Uint8Array( height * ( 1 + width * 3 ) );
	for ( let y = 0; y < height; y++ ) {
		const row = y * ( 1 + width * 3 );
		rows[ row ] = 0; // Filter: none.
		for ( let x = 0; x < width; x++ ) {
			const at = row + 1 + x * 3;
			rows[ at ] = ( rgb[ 0 ] + x ) % 256;
			rows[ at + 1 ] = ( rgb[ 1 ] + y ) % 256;
			rows[ at + 2 ] = ( rgb[ 2 ] + x + y ) % 256;
		}
	}
	const parts = [
		new Uint8Array( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', header ),
		chunk( 'IDAT', zlibSync( rows ) ),
		chunk( 'IEND', new Uint8Array( 0 ) ),
	];
	const out = new Uint8Array( parts.reduce( ( n, p ) => n + p.length, 0 ) );
	let offset = 0;
	for ( const part of parts ) {
		out.set( part, offset );
		offset += part.length;
	}
	return out;
}
