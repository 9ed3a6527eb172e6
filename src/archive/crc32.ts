/**
 * CRC-32 as zip uses it, to notice damaged files instead of importing
 * garbage. fflate computes it internally but does not export it.
 */

/* eslint-disable no-bitwise -- reading a binary format is bit arithmetic. */

const TABLE = ( () => {
	const table = new Int32Array( 256 );
	for ( let n = 0; n < 256; n++ ) {
		let c = n;
		for ( let k = 0; k < 8; k++ ) {
			c = c & 1 ? 0xedb88320 ^ ( c >>> 1 ) : c >>> 1;
		}
		table[ n ] = c;
	}
	return table;
} )();

/**
 * Computes the CRC-32 of some bytes.
 *
 * @param bytes The bytes.
 * @return The checksum as an unsigned 32-bit number.
 */
export function crc32( bytes: Uint8Array ): number {
	let c = -1;
	for ( let i = 0; i < bytes.length; i++ ) {
		c = TABLE[ ( c ^ bytes[ i ] ) & 0xff ] ^ ( c >>> 8 );
	}
	return ( c ^ -1 ) >>> 0;
}
