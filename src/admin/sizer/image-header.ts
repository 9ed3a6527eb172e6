/**
 * What the browser sizer needs from an image's header, read without decoding
 * it: its type and dimensions as WordPress reads them (`wp_getimagesize()`),
 * and whether WordPress would turn it first (an EXIF orientation) or keep
 * more than one frame, which the site then handles itself.
 */

export interface ImageHeader {
	mimeType: 'image/jpeg' | 'image/png';
	width: number;
	height: number;
	/**
	 * True when the image is more than its pixels as stored: turned by an
	 * EXIF orientation other than 1, or animated. Its sizes are the site's.
	 */
	special: boolean;
}

const PNG_SIGNATURE = [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ];

function uint16( bytes: Uint8Array, at: number, little = false ): number {
	return little
		? bytes[ at ] + bytes[ at + 1 ] * 0x100
		: bytes[ at ] * 0x100 + bytes[ at + 1 ];
}

function uint32( bytes: Uint8Array, at: number, little = false ): number {
	return little
		? uint16( bytes, at + 2, true ) * 0x10000 + uint16( bytes, at, true )
		: uint16( bytes, at ) * 0x10000 + uint16( bytes, at + 2 );
}

function chunkName( bytes: Uint8Array, at: number ): string {
	return String.fromCharCode( ...bytes.subarray( at, at + 4 ) );
}

/**
 * A PNG's header: IHDR's dimensions; animated (`acTL`) or with EXIF
 * (`eXIf`, which browsers apply and WordPress does not) is special.
 *
 * @param bytes The file.
 * @return The header, or null when it is no PNG.
 */
function pngHeader( bytes: Uint8Array ): ImageHeader | null {
	if (
		bytes.length < 24 ||
		PNG_SIGNATURE.some( ( byte, at ) => bytes[ at ] !== byte ) ||
		chunkName( bytes, 12 ) !== 'IHDR'
	) {
		return null;
	}
	let special = false;
	for ( let at = 8; at + 8 <= bytes.length; ) {
		const name = chunkName( bytes, at + 4 );
		if ( name === 'IDAT' || name === 'IEND' ) {
			break;
		}
		if ( name === 'acTL' || name === 'eXIf' ) {
			special = true;
		}
		at += 12 + uint32( bytes, at );
	}
	return {
		mimeType: 'image/png',
		width: uint32( bytes, 16 ),
		height: uint32( bytes, 20 ),
		special,
	};
}

/**
 * The orientation an EXIF block (APP1, after `Exif\0\0`) gives, 1 when none.
 *
 * @param bytes The file.
 * @param start Where the TIFF header starts.
 * @param end   Where the block ends.
 * @return The orientation, 1–8.
 */
function exifOrientation(
	bytes: Uint8Array,
	start: number,
	end: number
): number {
	if ( start + 8 > end ) {
		return 1;
	}
	const little = bytes[ start ] === 0x49;
	const ifd = start + uint32( bytes, start + 4, little );
	if ( ifd + 2 > end ) {
		return 1;
	}
	const entries = uint16( bytes, ifd, little );
	for ( let entry = 0; entry < entries; entry++ ) {
		const at = ifd + 2 + entry * 12;
		if ( at + 12 > end ) {
			break;
		}
		if ( uint16( bytes, at, little ) === 0x0112 ) {
			return uint16( bytes, at + 8, little ) || 1;
		}
	}
	return 1;
}

/**
 * A JPEG's header: the frame's dimensions and the EXIF orientation, read
 * from the markers before the image data.
 *
 * @param bytes The file.
 * @return The header, or null when it is no JPEG or has no frame.
 */
function jpegHeader( bytes: Uint8Array ): ImageHeader | null {
	if ( bytes[ 0 ] !== 0xff || bytes[ 1 ] !== 0xd8 ) {
		return null;
	}
	let orientation = 1;
	let at = 2;
	while ( at + 4 <= bytes.length ) {
		if ( bytes[ at ] !== 0xff ) {
			return null;
		}
		const marker = bytes[ at + 1 ];
		if ( marker === 0xff ) {
			// Fill bytes.
			at++;
			continue;
		}
		const length = uint16( bytes, at + 2 );
		const body = at + 4;
		if (
			marker === 0xe1 &&
			chunkName( bytes, body ) === 'Exif' &&
			bytes[ body + 4 ] === 0 &&
			bytes[ body + 5 ] === 0
		) {
			orientation = exifOrientation(
				bytes,
				body + 6,
				Math.min( bytes.length, at + 2 + length )
			);
		}
		// Start of frame: every SOFn but the DHT, JPG and DAC markers.
		if (
			marker >= 0xc0 &&
			marker <= 0xcf &&
			marker !== 0xc4 &&
			marker !== 0xc8 &&
			marker !== 0xcc
		) {
			if ( body + 5 > bytes.length ) {
				return null;
			}
			return {
				mimeType: 'image/jpeg',
				height: uint16( bytes, body + 1 ),
				width: uint16( bytes, body + 3 ),
				special: orientation !== 1,
			};
		}
		if ( marker === 0xda ) {
			return null;
		}
		at += 2 + length;
	}
	return null;
}

/**
 * Reads a JPEG's or PNG's header.
 *
 * @param bytes The file.
 * @return The header, or null for another type or a header it cannot read.
 */
export function readImageHeader( bytes: Uint8Array ): ImageHeader | null {
	return pngHeader( bytes ) ?? jpegHeader( bytes );
}
