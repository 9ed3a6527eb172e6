/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost, ArchiveVideo } from '../archive/model';
import { videoMarkup } from '../archive/video-markup';
import type { ImportOptions, PostPayload } from './types';

/** Attachment ids and URLs by archive path, from the media phase. */
export type UploadedMedia = Map<
	string,
	{ attachmentId: number; url: string }
>;

/**
 * The posts the run imports: all of them, less Windows Live Writer's
 * drafts when the owner chose to skip them.
 *
 * @param model   The archive.
 * @param options The owner's choices.
 * @return The archive, as imported.
 */
export function postsToImport(
	model: ArchiveModel,
	options: Pick< ImportOptions, 'liveWriterDrafts' >
): ArchiveModel {
	if ( options.liveWriterDrafts !== 'skip' ) {
		return model;
	}
	return {
		...model,
		posts: model.posts.filter( ( post ) => post.liveWriter !== 'draft' ),
	};
}

/**
 * A video block of an archive file that is not in the media library (the
 * site refused it, or images were left out) would show an empty player: it
 * becomes the link, named after the file, that unplayable files get.
 *
 * @param html  A body.
 * @param video One of its videos.
 * @return The body.
 */
function withoutEmptyPlayer( html: string, video: ArchiveVideo ): string {
	if ( video.kind !== 'file' || ! video.archivePath || ! video.playable ) {
		return html;
	}
	const link = { ...video, playable: false };
	return html
		.split( videoMarkup( video ) )
		.join( videoMarkup( link ) )
		.split( videoMarkup( video, false ) )
		.join( videoMarkup( link, false ) );
}

/**
 * The posts route's form of an archive post.
 *
 * @param post     A post of the archive model.
 * @param uploaded The archive's files already in the media library.
 * @param options  The owner's choices.
 * @return What the route takes.
 */
export function toPostPayload(
	post: ArchivePost,
	uploaded: UploadedMedia,
	options: ImportOptions
): PostPayload {
	const images: PostPayload[ 'images' ] = [];
	for ( const image of post.images ) {
		const media = image.archivePath && uploaded.get( image.archivePath );
		if ( media ) {
			images.push( {
				reference: image.reference,
				attachmentId: media.attachmentId,
			} );
		}
	}
	// Video files of the archive are media references like images: the
	// site points their blocks and links at the upload.
	let html = post.html;
	for ( const video of post.videos ?? [] ) {
		const media = video.archivePath && uploaded.get( video.archivePath );
		if ( ! media ) {
			html = withoutEmptyPlayer( html, video );
			continue;
		}
		if ( ! images.some( ( image ) => image.reference === video.url ) ) {
			images.push( {
				reference: video.url,
				attachmentId: media.attachmentId,
			} );
		}
	}
	return {
		sourceId: post.sourceId,
		title: post.title,
		html,
		published: post.published,
		categories: post.categories,
		originalUrl: post.originalUrl,
		comments:
			options.comments === 'none'
				? []
				: post.comments.map( ( comment ) => ( {
						author: comment.author,
						authorUrl: comment.authorUrl,
						published: comment.published,
						html: comment.html,
					} ) ),
		images,
		links: post.links.map( ( link ) => ( {
			href: link.href,
			sourceId: link.sourceId,
		} ) ),
		...( post.liveWriter === 'draft' ? { status: 'draft' as const } : {} ),
		...( post.tags?.length ? { tags: post.tags } : {} ),
		...( post.excerpt ? { excerpt: post.excerpt } : {} ),
	};
}
