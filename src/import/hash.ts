/**
 * External dependencies
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of some bytes, as lowercase hex. Pure JavaScript on purpose: the
 * browser's `crypto.subtle` exists only on HTTPS pages, and many blogs are
 * served over plain HTTP.
 *
 * @param bytes The bytes.
 * @return 64 hex characters.
 */
export function sha256Hex( bytes: Uint8Array ): string {
	return bytesToHex( sha256( bytes ) );
}
