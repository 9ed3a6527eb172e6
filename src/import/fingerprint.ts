/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../archive/model';

/**
 * A fingerprint of an archive's content: the same blog's posts give the same
 * fingerprint, whatever the file is called, so a run can be found again.
 *
 * @param model The archive read.
 * @return Lowercase hex SHA-256.
 */
export async function archiveFingerprint(
	model: ArchiveModel
): Promise< string > {
	const ids = model.posts.map( ( post ) => post.sourceId ).sort();
	const text = JSON.stringify( [ model.blog.cid, ids ] );
	const digest = await globalThis.crypto.subtle.digest(
		'SHA-256',
		new TextEncoder().encode( text )
	);
	return Array.from( new Uint8Array( digest ), ( byte ) =>
		byte.toString( 16 ).padStart( 2, '0' )
	).join( '' );
}
