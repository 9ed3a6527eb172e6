/**
 * What a file is, judged by its first bytes rather than its name: saved
 * pages often lost their extension, and images were saved as `.aspx` or
 * with no extension at all.
 */

function startsWith( bytes: Uint8Array, signature: number[], at = 0 ): boolean {
	if ( bytes.length < at + signature.length ) {
		return false;
	}
	return signature.every( ( b, i ) => bytes[ at + i ] === b );
}

/**
 * The media type of an image, video or audio file, from its bytes.
 *
 * @param bytes At least the file's first 16 bytes.
 * @return The media type, or null when not a known media type.
 */
export function sniffMediaType( bytes: Uint8Array ): string | null {
	if ( startsWith( bytes, [ 0xff, 0xd8, 0xff ] ) ) {
		return 'image/jpeg';
	}
	if (
		startsWith( bytes, [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] )
	) {
		return 'image/png';
	}
	if (
		startsWith( bytes, [ 0x47, 0x49, 0x46, 0x38 ] ) &&
		( bytes[ 4 ] === 0x37 || bytes[ 4 ] === 0x39 ) &&
		bytes[ 5 ] === 0x61
	) {
		return 'image/gif';
	}
	if ( startsWith( bytes, [ 0x42, 0x4d ] ) && bytes.length >= 14 ) {
		return 'image/bmp';
	}
	if (
		startsWith( bytes, [ 0x52, 0x49, 0x46, 0x46 ] ) &&
		startsWith( bytes, [ 0x57, 0x45, 0x42, 0x50 ], 8 )
	) {
		return 'image/webp';
	}
	if (
		startsWith( bytes, [ 0x52, 0x49, 0x46, 0x46 ] ) &&
		startsWith( bytes, [ 0x41, 0x56, 0x49, 0x20 ], 8 )
	) {
		// WordPress's name for AVI.
		return 'video/avi';
	}
	if (
		startsWith( bytes, [ 0x49, 0x49, 0x2a, 0x00 ] ) ||
		startsWith( bytes, [ 0x4d, 0x4d, 0x00, 0x2a ] )
	) {
		return 'image/tiff';
	}
	if ( startsWith( bytes, [ 0x00, 0x00, 0x01, 0x00 ] ) ) {
		return 'image/x-icon';
	}
	if ( startsWith( bytes, [ 0x66, 0x74, 0x79, 0x70 ], 4 ) ) {
		return 'video/mp4';
	}
	if (
		startsWith( bytes, [ 0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11 ] )
	) {
		return 'video/x-ms-wmv';
	}
	if ( startsWith( bytes, [ 0x46, 0x4c, 0x56, 0x01 ] ) ) {
		return 'video/x-flv';
	}
	if ( startsWith( bytes, [ 0x1a, 0x45, 0xdf, 0xa3 ] ) ) {
		return 'video/webm';
	}
	if (
		startsWith( bytes, [ 0x49, 0x44, 0x33 ] ) ||
		startsWith( bytes, [ 0xff, 0xfb ] )
	) {
		return 'audio/mpeg';
	}
	return null;
}

/**
 * Tells whether bytes look like text markup (HTML, XML, RSS): after an
 * optional byte order mark and white space, the first character is `<`.
 *
 * @param bytes The file's first bytes.
 * @return Whether the file is worth decoding as a page.
 */
export function looksLikeMarkup( bytes: Uint8Array ): boolean {
	let i = 0;
	if ( startsWith( bytes, [ 0xef, 0xbb, 0xbf ] ) ) {
		i = 3;
	} else if (
		startsWith( bytes, [ 0xff, 0xfe ] ) ||
		startsWith( bytes, [ 0xfe, 0xff ] )
	) {
		// UTF-16: look at every other byte.
		const offset = bytes[ 0 ] === 0xff ? 2 : 3;
		for ( let j = offset; j < Math.min( bytes.length, 2048 ); j += 2 ) {
			const c = bytes[ j ];
			if ( c === 0x3c ) {
				return true;
			}
			if ( c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d ) {
				return false;
			}
		}
		return false;
	}
	for ( ; i < Math.min( bytes.length, 2048 ); i++ ) {
		const c = bytes[ i ];
		if ( c === 0x3c ) {
			return true;
		}
		if ( c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d ) {
			return false;
		}
	}
	return false;
}

/**
 * Tells whether bytes are a zip archive (an archive packed inside another).
 *
 * @param bytes The file's first bytes.
 * @return Whether it starts like a zip.
 */
export function looksLikeZip( bytes: Uint8Array ): boolean {
	return startsWith( bytes, [ 0x50, 0x4b, 0x03, 0x04 ] );
}
