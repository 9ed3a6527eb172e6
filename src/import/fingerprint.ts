/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../archive/model';
import { sha256Hex } from './hash';

/**
 * A fingerprint of an archive's content: the same blog's posts give the same
 * fingerprint, whatever the file is called, so a run can be found again.
 *
 * @param model The archive read.
 * @return Lowercase hex SHA-256.
 */
export function archiveFingerprint( model: ArchiveModel ): string {
	const ids = model.posts.map( ( post ) => post.sourceId ).sort();
	const text = JSON.stringify( [ model.blog.cid, ids ] );
	return sha256Hex( new TextEncoder().encode( text ) );
}
