/**
 * Links from one post to another of the same space, in any permalink era,
 * so the importer can point them at the posts' new addresses.
 */

/**
 * Internal dependencies
 */
import type { ArchiveLink } from './model';
import { permalinkTarget } from './ids';
import { archivePathOf } from './paths';

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

/**
 * Picks, among a body's links, those that lead by a relative path to the
 * page of another post in the archive (the migration download's entry
 * pages link each other by file name).
 *
 * @param hrefs    The body's link targets as written.
 * @param pagePath The archive path of the page the body was read from.
 * @param selfId   The post's own id (links to itself are not listed).
 * @param byPath   Ids of the posts by the archive path (lower case) of the
 *                 page holding each alone.
 * @return The links, each with the id it points at.
 */
export function findPathLinks(
	hrefs: string[],
	pagePath: string,
	selfId: string,
	byPath: Map< string, string >
): ArchiveLink[] {
	const links: ArchiveLink[] = [];
	for ( const href of hrefs ) {
		const path = archivePathOf( href, pagePath );
		const target = path ? byPath.get( path ) : undefined;
		if ( target && target !== selfId ) {
			links.push( { href, sourceId: target } );
		}
	}
	return links;
}

/**
 * Which post each page holds, for pages holding exactly one.
 *
 * @param posts The posts, with the files each was read from.
 * @return Post ids by archive path, lower case.
 */
export function postsByPagePath(
	posts: Array< { sourceId: string; files: string[] } >
): Map< string, string > {
	const byPath = new Map< string, string >();
	const shared = new Set< string >();
	for ( const post of posts ) {
		for ( const file of post.files ) {
			const key = file.toLowerCase();
			const known = byPath.get( key );
			if ( known !== undefined && known !== post.sourceId ) {
				shared.add( key );
			}
			byPath.set( key, post.sourceId );
		}
	}
	for ( const key of shared ) {
		byPath.delete( key );
	}
	return byPath;
}
