/**
 * What an archive holds, counted once: the preview, the command line's
 * summary and the reader's worker all use these figures. And the overview:
 * the part of the model a screen shows, small enough to hand to the page
 * while the reader keeps the posts' bodies and comments.
 */

/**
 * Internal dependencies
 */
import type {
	ArchiveBlog,
	ArchiveModel,
	ArchivePost,
	ArchiveWarning,
} from './model';

/** The posts' videos by what becomes of them (see `VideoKind`). */
export interface VideoStats {
	found: number;
	/** Services WordPress still embeds. */
	embeddable: number;
	/** Players that can no longer play: they become links. */
	dead: number;
	/** Video files of the archive. */
	files: number;
}

/** A video file of the archive the posts show. */
export interface VideoFileStat {
	/** Its path in the archive. */
	path: string;
	/** Its type, from its bytes; null when unknown. */
	mimeType: string | null;
	/** Whether browsers play it (a `core/video` block); else a link. */
	playable: boolean;
}

export interface ArchiveStats {
	/** Every post, Windows Live Writer's drafts included. */
	posts: number;
	/** Of them, Windows Live Writer's drafts. */
	drafts: number;
	/** Comments read. */
	comments: number;
	/** Comments the pages said the posts had (at least those read). */
	declaredComments: number;
	/** Image references in the posts' bodies, each time one appears. */
	imageReferences: number;
	/** Distinct archive files the posts show. */
	imagesFound: number;
	/** Distinct images the posts show that the archive lacks. */
	imagesMissing: number;
	/** Links from one post to another. */
	links: number;
	videos: VideoStats;
	/** The distinct video files of the archive the posts show, by path. */
	videoFiles: VideoFileStat[];
	/** Each category with the number of its posts, most used first. */
	categories: Array< { name: string; posts: number } >;
	/** The first and last post dates, as the model writes them. */
	dateRange: { first: string; last: string } | null;
}

/**
 * Counts what the archive holds.
 *
 * @param model The model.
 * @return The figures.
 */
export function archiveStats( model: ArchiveModel ): ArchiveStats {
	const found = new Set< string >();
	const missing = new Set< string >();
	const categories = new Map< string, number >();
	const videos: VideoStats = { found: 0, embeddable: 0, dead: 0, files: 0 };
	const videoFiles = new Map< string, VideoFileStat >();
	const mediaTypes = new Map(
		model.media.map( ( file ) => [ file.path, file.mimeType ] )
	);
	let drafts = 0;
	let comments = 0;
	let declaredComments = 0;
	let imageReferences = 0;
	let links = 0;
	let first: string | null = null;
	let last: string | null = null;
	for ( const post of model.posts ) {
		if ( post.liveWriter === 'draft' ) {
			drafts++;
		}
		comments += post.comments.length;
		declaredComments += Math.max(
			post.declaredCommentCount ?? 0,
			post.comments.length
		);
		links += post.links.length;
		for ( const name of post.categories ) {
			categories.set( name, ( categories.get( name ) ?? 0 ) + 1 );
		}
		imageReferences += post.images.length;
		for ( const image of post.images ) {
			if ( image.archivePath ) {
				found.add( image.archivePath );
			} else {
				missing.add( image.reference );
			}
		}
		for ( const video of post.videos ?? [] ) {
			videos.found++;
			if ( video.kind === 'embed' ) {
				videos.embeddable++;
			} else if ( video.kind === 'dead' ) {
				videos.dead++;
			} else {
				videos.files++;
			}
			if ( video.archivePath && ! videoFiles.has( video.archivePath ) ) {
				videoFiles.set( video.archivePath, {
					path: video.archivePath,
					mimeType: mediaTypes.get( video.archivePath ) ?? null,
					playable: video.playable,
				} );
			}
		}
		if ( post.published ) {
			if ( first === null || post.published < first ) {
				first = post.published;
			}
			if ( last === null || post.published > last ) {
				last = post.published;
			}
		}
	}
	return {
		posts: model.posts.length,
		drafts,
		comments,
		declaredComments,
		imageReferences,
		imagesFound: found.size,
		imagesMissing: missing.size,
		links,
		videos,
		videoFiles: [ ...videoFiles.values() ].sort( ( a, b ) =>
			a.path < b.path ? -1 : Number( a.path > b.path )
		),
		categories: [ ...categories ]
			.map( ( [ name, posts ] ) => ( { name, posts } ) )
			.sort( ( a, b ) => b.posts - a.posts ),
		dateRange: first && last ? { first, last } : null,
	};
}

/** A post as the screen's lists show it: no body, no comments. */
export type PostOverview = Pick<
	ArchivePost,
	'sourceId' | 'title' | 'published' | 'categories' | 'liveWriter'
> & {
	/** Comments read. */
	comments: number;
	/** Images the post shows. */
	images: number;
	/** Of them, those the archive lacks. */
	imagesMissing: number;
	/** Its videos that can no longer play (gone services, files not in the archive). */
	deadVideos: number;
	/** Its video files browsers do not play (imported, linked for download). */
	unplayableVideoFiles: number;
};

/**
 * A post's line in the overview.
 *
 * @param post The post.
 * @return What the lists show of it.
 */
export function postOverview( post: ArchivePost ): PostOverview {
	const videos = post.videos ?? [];
	return {
		sourceId: post.sourceId,
		title: post.title,
		published: post.published,
		categories: post.categories,
		...( post.liveWriter ? { liveWriter: post.liveWriter } : {} ),
		comments: post.comments.length,
		images: post.images.length,
		imagesMissing: post.images.filter( ( image ) => ! image.archivePath )
			.length,
		deadVideos: videos.filter( ( video ) => video.kind === 'dead' ).length,
		unplayableVideoFiles: videos.filter(
			( video ) => video.kind === 'file' && ! video.playable
		).length,
	};
}

/**
 * Whether some of a post's videos cannot play on the new site.
 *
 * @param post The post's line.
 * @return True when one is dead or a file browsers do not play.
 */
export function hasUnplayableVideos( post: PostOverview ): boolean {
	return post.deadVideos > 0 || post.unplayableVideoFiles > 0;
}

/**
 * What a screen shows of an archive: its blog, figures, warnings, and a
 * line per post (title, date, categories, counts), without bodies or
 * comments.
 */
export interface ArchiveOverview {
	name: string;
	blog: ArchiveBlog;
	stats: ArchiveStats;
	/** In the model's order. */
	posts: PostOverview[];
	warnings: ArchiveWarning[];
}

/**
 * The overview of a model.
 *
 * @param model The model.
 * @return What a screen shows of it.
 */
export function archiveOverview( model: ArchiveModel ): ArchiveOverview {
	return {
		name: model.name,
		blog: model.blog,
		stats: archiveStats( model ),
		posts: model.posts.map( postOverview ),
		warnings: model.warnings,
	};
}
