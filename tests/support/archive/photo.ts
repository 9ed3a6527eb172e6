/**
 * Photo-like JPEGs for benchmarks: 640×480, about 40–80 KB each, the same
 * bytes on every run. Soft shapes over a gradient with fine grain, so the
 * site's image library has the work a real photo gives it.
 */

/**
 * External dependencies
 */
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import { seededRandom } from './random';

const WIDTH = 640;
const HEIGHT = 480;
const QUALITY = 80;
/** Amplitude of the grain; sets the size (about 60 KB at quality 80). */
const GRAIN = 30;

/**
 * One photo.
 *
 * @param index Which photo: each index gives other bytes.
 * @return JPEG bytes.
 */
export async function photoBytes( index: number ): Promise< Uint8Array > {
	const random = seededRandom( 1000 + index );
	const base = [
		random.int( 0, 255 ),
		random.int( 0, 255 ),
		random.int( 0, 255 ),
	];
	const blobs = Array.from( { length: 6 }, () => ( {
		x: random.next() * WIDTH,
		y: random.next() * HEIGHT,
		r2: ( 40 + random.next() * 160 ) ** 2,
		c: [ random.int( 0, 255 ), random.int( 0, 255 ), random.int( 0, 255 ) ],
	} ) );
	const pixels = Buffer.alloc( WIDTH * HEIGHT * 3 );
	for ( let y = 0; y < HEIGHT; y++ ) {
		for ( let x = 0; x < WIDTH; x++ ) {
			let r =
				( base[ 0 ] * ( HEIGHT - y ) ) / HEIGHT + ( 60 * x ) / WIDTH;
			let g = ( base[ 1 ] * ( WIDTH - x ) ) / WIDTH + ( 60 * y ) / HEIGHT;
			let b = base[ 2 ] * 0.6 + 40 * Math.sin( ( x + y ) / 37 + index );
			for ( const blob of blobs ) {
				const d =
					( ( x - blob.x ) ** 2 + ( y - blob.y ) ** 2 ) / blob.r2;
				if ( d < 1 ) {
					const w = 1 - d;
					r = r * ( 1 - w ) + blob.c[ 0 ] * w;
					g = g * ( 1 - w ) + blob.c[ 1 ] * w;
					b = b * ( 1 - w ) + blob.c[ 2 ] * w;
				}
			}
			const noise = ( random.next() - 0.5 ) * GRAIN;
			const at = ( y * WIDTH + x ) * 3;
			pixels[ at ] = Math.max( 0, Math.min( 255, r + noise ) );
			pixels[ at + 1 ] = Math.max( 0, Math.min( 255, g + noise ) );
			pixels[ at + 2 ] = Math.max( 0, Math.min( 255, b + noise ) );
		}
	}
	const jpeg = await sharp( pixels, {
		raw: { width: WIDTH, height: HEIGHT, channels: 3 },
	} )
		.jpeg( { quality: QUALITY, mozjpeg: false } )
		.toBuffer();
	return new Uint8Array( jpeg );
}
