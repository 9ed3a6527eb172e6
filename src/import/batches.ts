/**
 * Internal dependencies
 */
import type { PostPayload, RunLimits } from './types';

/** One post, or one part of a post's comments, in a request. */
export interface BatchPart {
	/** The post's place in the archive. */
	index: number;
	/** The post, with this part's comments. */
	payload: PostPayload;
	/** Whether this is the post's last part. */
	last: boolean;
}

/**
 * What a server that announces no weight limits takes: an older site, whose
 * requests carried every comment of a post.
 */
const LEGACY_COMMENTS = 5000;
const LEGACY_BYTES = 8 * 1024 * 1024;

/**
 * Requests are filled to this share of the announced limits: a slow host
 * must still write one well inside its time limit.
 */
const HEADROOM = 0.75;

/**
 * The size of a value as a request body (UTF-8), counted without an encoder
 * so it works in every environment the runner does.
 *
 * @param value Anything JSON.
 * @return Bytes.
 */
export function jsonBytes( value: unknown ): number {
	const text = JSON.stringify( value ) ?? '';
	let bytes = 0;
	for ( let i = 0; i < text.length; i++ ) {
		const code = text.charCodeAt( i );
		if ( code < 0x80 ) {
			bytes += 1;
		} else if ( code < 0x800 ) {
			bytes += 2;
		} else if ( code >= 0xd800 && code < 0xdc00 ) {
			// A surrogate pair: four bytes for both halves.
			bytes += 4;
			i++;
		} else {
			bytes += 3;
		}
	}
	return bytes;
}

/**
 * Splits the posts into requests by weight, not only by count: each request
 * stays within the site's posts, comments and bytes per request, and a post
 * with more comments than fit in one request is sent in several, each with
 * the post and the next part of its comments (the site adds a comment sent
 * twice only once, so a resent part is safe).
 *
 * @param posts  The posts, in the archive's order.
 * @param limits The site's limits.
 * @return The requests, each a list of parts.
 */
export function planBatches(
	posts: PostPayload[],
	limits: RunLimits
): BatchPart[][] {
	const maxPosts = Math.max( 1, limits.postsPerRequest );
	const maxComments = Math.max(
		1,
		Math.floor(
			( limits.maxCommentsPerRequest ?? LEGACY_COMMENTS ) * HEADROOM
		)
	);
	const maxBytes = Math.max(
		1,
		Math.floor( ( limits.maxRequestBytes ?? LEGACY_BYTES ) * HEADROOM )
	);
	const batches: BatchPart[][] = [];
	let batch: BatchPart[] = [];
	let batchComments = 0;
	let batchBytes = 0;
	const add = ( part: BatchPart, comments: number, bytes: number ) => {
		if (
			batch.length &&
			( batch.length + 1 > maxPosts ||
				batchComments + comments > maxComments ||
				batchBytes + bytes > maxBytes )
		) {
			batches.push( batch );
			batch = [];
			batchComments = 0;
			batchBytes = 0;
		}
		batch.push( part );
		batchComments += comments;
		batchBytes += bytes;
	};
	posts.forEach( ( post, index ) => {
		const base = jsonBytes( { ...post, comments: [] } ) + 1;
		const parts: PostPayload[ 'comments' ][] = [];
		let part: PostPayload[ 'comments' ] = [];
		let partBytes = base;
		for ( const comment of post.comments ) {
			const bytes = jsonBytes( comment ) + 1;
			if (
				part.length &&
				( part.length + 1 > maxComments ||
					partBytes + bytes > maxBytes )
			) {
				parts.push( part );
				part = [];
				partBytes = base;
			}
			part.push( comment );
			partBytes += bytes;
		}
		parts.push( part );
		parts.forEach( ( comments, at ) => {
			add(
				{
					index,
					payload: { ...post, comments },
					last: at === parts.length - 1,
				},
				comments.length,
				base +
					comments.reduce(
						( sum, comment ) => sum + jsonBytes( comment ) + 1,
						0
					)
			);
		} );
	} );
	if ( batch.length ) {
		batches.push( batch );
	}
	return batches;
}
