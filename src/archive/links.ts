/**
 * Links from one post to another of the same space, in any permalink era,
 * so the importer can point them at the posts' new addresses.
 */

/**
 * Internal dependencies
 */
import type { ArchiveLink } from './model';
import { permalinkTarget } from './ids';

/**
 * Picks, among a body's links, those that lead to a post of this space.
 *
 * @param hrefs    The body's link targets as written.
 * @param selfId   The post's own id (links to itself are not listed).
 * @param cid      The space's id, when known.
 * @param knownIds Ids of the posts in the archive.
 * @return The links, each with the id it points at.
 */
export function findPostLinks(
	hrefs: string[],
	selfId: string,
	cid: string | null,
	knownIds: Set< string >
): ArchiveLink[] {
	const links: ArchiveLink[] = [];
	for ( const href of hrefs ) {
		const target = permalinkTarget( href );
		if ( ! target || target.sourceId === selfId ) {
			continue;
		}
		const sameSpace =
			knownIds.has( target.sourceId ) ||
			( cid !== null && target.cid.toLowerCase() === cid.toLowerCase() );
		if ( sameSpace ) {
			links.push( { href, sourceId: target.sourceId } );
		}
	}
	return links;
}
