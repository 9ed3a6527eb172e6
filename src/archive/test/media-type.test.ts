/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '..';
import { pngBytes } from '../../../tests/support/archive/png';

const PAGE = `<html web:culture="en-US"><body>
<div id="entrycns!1234567890ABCDEF!5" class="bvEntry" bv:cns="cns!1234567890ABCDEF!5">
<h4 id="subjcns!1234567890ABCDEF!5">Hello</h4>
<div id="msgcns!1234567890ABCDEF!5" class="bvMsg"><img src="img/photo.jpg"></div>
<div class="footerLinks">4/20/2007 1:29 PM</div>
</div></body></html>`;

/**
 * A photo-like file: a JPEG signature, then bytes that do not compress, as
 * in a real photo. Deflate keeps such data in "stored" blocks.
 *
 * @param size Bytes.
 * @return The file.
 */
function photo( size: number ): Uint8Array {
	const bytes = new Uint8Array( size );
	let seed = 7;
	for ( let i = 0; i < size; i++ ) {
		seed = ( seed * 1103515245 + 12345 ) % 2147483648;
		bytes[ i ] = seed % 256;
	}
	bytes.set( [ 0xff, 0xd8, 0xff, 0xe0 ] );
	return bytes;
}

describe( 'media types', () => {
	it.each( [ 1000, 5000, 70000, 300000 ] )(
		'are sniffed from a deflated %d-byte photo, read whole or as a Blob',
		async ( size ) => {
			const zip = zipSync( {
				'entry.html': strToU8( PAGE ),
				'img/photo.jpg': [ photo( size ), { level: 6 } ],
				'img/small.png': pngBytes( 60, 40, [ 10, 20, 30 ] ),
			} );
			for ( const input of [ zip, new Blob( [ zip ] ) ] ) {
				const { model } = await readArchive( input, 'space.zip' );
				const types = Object.fromEntries(
					model.media.map( ( file ) => [ file.path, file.mimeType ] )
				);
				expect( types ).toEqual( {
					'img/photo.jpg': 'image/jpeg',
					'img/small.png': 'image/png',
				} );
			}
		}
	);
} );
