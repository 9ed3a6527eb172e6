/**
 * The same post met in several files (its permalink page and a list page,
 * a page and the feed) becomes one post: the richer copy wins, and gaps in
 * it are filled from the others.
 */

/**
 * Internal dependencies
 */
import type { FoundPost } from './extractors/types';

export interface MergedPost extends FoundPost {
	/** Every file the post was found in. */
	files: string[];
}

/**
 * Tells whether copy `a` of a post is richer than copy `b`: more comments,
 * then a longer body, then a known date.
 *
 * @param a A copy.
 * @param b Another copy.
 * @return Whether `a` should be kept over `b`.
 */
export function isRicher( a: FoundPost, b: FoundPost ): boolean {
	if ( a.comments.length !== b.comments.length ) {
		return a.comments.length > b.comments.length;
	}
	if ( a.html.length !== b.html.length ) {
		return a.html.length > b.html.length;
	}
	return a.published !== null && b.published === null;
}

function fillGaps( kept: MergedPost, other: CopyGaps ): void {
	if ( ! kept.title && other.title ) {
		kept.title = other.title;
	}
	// A footer date beats a heading or a feed date; a zoned feed date is
	// kept only when no page gave one.
	const rank = {
		footer: 4,
		heading: 3,
		rss: 2,
		'live-writer': 2,
		order: 1,
		none: 0,
	};
	if (
		other.published &&
		( ! kept.published ||
			rank[ other.dateSource ] > rank[ kept.dateSource ] )
	) {
		kept.published = other.published;
		kept.dateSource = other.dateSource;
	}
	if ( ! kept.originalUrl && other.originalUrl ) {
		kept.originalUrl = other.originalUrl;
	}
	for ( const category of other.categories ) {
		if ( ! kept.categories.includes( category ) ) {
			kept.categories.push( category );
		}
	}
	if ( other.declaredCommentCount !== null ) {
		kept.declaredCommentCount = Math.max(
			kept.declaredCommentCount ?? 0,
			other.declaredCommentCount
		);
	}
}

/** What `fillGaps` reads of a copy: a copy without its body and comments. */
type CopyGaps = Pick<
	FoundPost,
	| 'title'
	| 'published'
	| 'dateSource'
	| 'originalUrl'
	| 'categories'
	| 'declaredCommentCount'
>;

function gapsOf( post: FoundPost ): CopyGaps {
	return {
		title: post.title,
		published: post.published,
		dateSource: post.dateSource,
		originalUrl: post.originalUrl,
		categories: post.categories,
		declaredCommentCount: post.declaredCommentCount,
	};
}

/**
 * Characters of HTML a copy holds: its body and its comments.
 *
 * @param post A copy.
 * @return Its size.
 */
function textSize( post: FoundPost ): number {
	let size = post.html.length;
	for ( const comment of post.comments ) {
		size += comment.html.length;
	}
	return size;
}

/**
 * Merges posts as they are found, keeping only the richest copy of each
 * whole: the others shrink to what fills its gaps, so a post met in many
 * pages costs one body, not one per page.
 */
export class PostMerger {
	private readonly byId = new Map<
		string,
		{ kept: MergedPost; copies: CopyGaps[] }
	>();

	/** Characters of post and comment HTML kept so far. */
	keptChars = 0;

	/** How many posts (distinct ids) were found. */
	get size(): number {
		return this.byId.size;
	}

	/**
	 * Adds one copy of a post, as a file showed it.
	 *
	 * @param post The copy.
	 */
	add( post: FoundPost ): void {
		const entry = this.byId.get( post.sourceId );
		if ( ! entry ) {
			this.byId.set( post.sourceId, {
				kept: { ...post, files: [ post.file ] },
				copies: [ gapsOf( post ) ],
			} );
			this.keptChars += textSize( post );
			return;
		}
		entry.copies.push( gapsOf( post ) );
		if ( ! entry.kept.files.includes( post.file ) ) {
			entry.kept.files.push( post.file );
		}
		if ( isRicher( post, entry.kept ) ) {
			this.keptChars += textSize( post ) - textSize( entry.kept );
			entry.kept = {
				...post,
				categories: [ ...post.categories ],
				files: entry.kept.files,
			};
		}
	}

	/**
	 * One post per id, gaps in each filled from its other copies.
	 *
	 * @return The posts, in the order their ids were first met.
	 */
	result(): MergedPost[] {
		const merged: MergedPost[] = [];
		for ( const { kept, copies } of this.byId.values() ) {
			for ( const copy of copies ) {
				fillGaps( kept, copy );
			}
			merged.push( kept );
		}
		return merged;
	}
}
