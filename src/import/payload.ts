/**
 * Internal dependencies
 */
import type { ArchivePost } from '../archive/model';
import type { PostPayload } from './types';

/**
 * The posts route's form of an archive post.
 *
 * @param post A post of the archive model.
 * @return What the route takes.
 */
export function toPostPayload( post: ArchivePost ): PostPayload {
	return {
		sourceId: post.sourceId,
		title: post.title,
		html: post.html,
		published: post.published,
		categories: post.categories,
		originalUrl: post.originalUrl,
	};
}
