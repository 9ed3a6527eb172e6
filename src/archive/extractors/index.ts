/**
 * The extractors, in the order they are tried: the first whose detection
 * accepts a file reads it. Feeds come first because a feed's descriptions
 * may quote page markup. The shape reader comes last: it reads pages that
 * no other extractor claims, by their layout alone.
 */

/**
 * Internal dependencies
 */
import { livePage } from './live-page';
import { migrationPage } from './migration-page';
import { msnPage } from './msn-page';
import { photoFeed } from './photo-feed';
import { rssFeed } from './rss';
import { shapePage } from './shape-page';
import type { Extractor } from './types';

export const EXTRACTORS: readonly Extractor[] = [
	photoFeed,
	rssFeed,
	// Before the live site's pages: MSN posts may sit in `entrycns` divs.
	msnPage,
	livePage,
	// After the live site's pages: a page with live entries is theirs.
	migrationPage,
	// Last: only pages no other extractor claims are read by their shape.
	shapePage,
];

/**
 * Chooses the extractor for a file, by its content.
 *
 * @param text The decoded file.
 * @param path Its path.
 * @return The extractor, or null when none reads this file.
 */
export function chooseExtractor(
	text: string,
	path: string
): Extractor | null {
	return EXTRACTORS.find( ( e ) => e.detect( text, path ) ) ?? null;
}
