/**
 * Internal dependencies
 */
import type { ImageSizeSettings } from './image-sizes';

/**
 * The REST contract of `spaces-importer/v1` (docs/rest-api.md): what the
 * client sends to each route and what it reads of the answers. The paths
 * are in `rest-client.ts`; `tests/integration/rest-contract.test.ts`
 * compares the request types with the routes' schemas on a running site.
 */

export type PostStatus = 'publish' | 'draft' | 'pending' | 'private';

/** The owner's choices; every one has a default. */
export interface ImportOptions {
	/** User id of the posts' author; 0 for the importing user. */
	author: number;
	status: PostStatus;
	comments: 'approved' | 'pending' | 'none';
	images: boolean;
	featuredImage: boolean;
	categories: { mode: 'categories' | 'tags' | 'single'; category: number };
	originalPostBlock: boolean;
	/** What to do with a post imported before whose content changed. */
	existing: 'skip' | 'update';
	/** Drafts from Windows Live Writer: imported as drafts (the default), or skipped. */
	liveWriterDrafts?: 'draft' | 'skip';
	/**
	 * Who makes the images' smaller sizes: the client when it can (else the
	 * site), or always the site.
	 */
	imageSizes?: 'client' | 'server';
}

export const DEFAULT_OPTIONS: ImportOptions = {
	author: 0,
	status: 'publish',
	comments: 'approved',
	images: true,
	featuredImage: true,
	categories: { mode: 'categories', category: 0 },
	originalPostBlock: false,
	existing: 'skip',
};

export interface RunLimits {
	postsPerRequest: number;
	/** Files (images and their sizes) one media request may carry. */
	mediaFilesPerRequest?: number;
	/** Comments one posts request may carry, over all its posts. */
	maxCommentsPerRequest?: number;
	/** Bytes of body one posts request may carry. */
	maxRequestBytes?: number;
	/** Characters of a post body. */
	maxPostBytes?: number;
	/** Characters of a comment. */
	maxCommentBytes?: number;
	maxUploadBytes?: number;
	allowedTypes?: string[];
}

export type ItemOutcome =
	'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface RunFailure {
	kind: 'post' | 'media';
	/** The post's Spaces id, or the media file's path in the archive. */
	sourceId: string;
	message: string;
}

/** What the archive holds, by kind (`totals` of a run). */
export interface RunTotals {
	posts?: number;
	comments?: number;
	media?: number;
}

export interface RunInfo {
	id: number;
	fingerprint: string;
	name: string;
	state: 'running' | 'complete' | 'undone';
	created: string;
	totals: RunTotals;
	options?: Partial< ImportOptions >;
	/** Posts of this archive already on the site, from any run. */
	importedPosts: number;
	counts?: {
		posts?: Partial< Record< ItemOutcome, number > >;
		comments?: { created?: number };
		media?: { created?: number; existing?: number; failed?: number };
	};
	failures?: RunFailure[];
	resumed?: boolean;
	limits: RunLimits;
	/** The sizes the client makes of each image; null when the site makes them. */
	imageSizes?: ImageSizeSettings | null;
	finalize?: { remaining: number };
	undo?: { remaining: number };
}

/** What one post became on the site, as the posts route answers. */
export interface SitePostResult {
	sourceId: string;
	postId: number;
	status: ItemOutcome;
	link?: string;
	message?: string;
	/** What was written differently than the archive asked (terms the user may not create). */
	warnings?: string[];
	comments?: { created?: number };
}

/** What one post became, in the report. */
export interface PostResult extends SitePostResult {
	/** Added by the runner: the post's title, for the report. */
	title?: string;
}

/** What one archive file became in the media library. */
export interface MediaResult {
	path: string;
	status: 'created' | 'existing' | 'failed';
	attachmentId?: number;
	url?: string;
	/** Who made the image's sizes, for a created one. */
	sizes?: 'client' | 'server';
	message?: string;
}

export interface CommentPayload {
	author: string;
	authorUrl: string | null;
	published: string | null;
	html: string;
}

/** The normalized post as the posts route takes it. */
export interface PostPayload {
	sourceId: string;
	title: string;
	html: string;
	published: string | null;
	categories: string[];
	originalUrl: string | null;
	comments: CommentPayload[];
	images: Array< { reference: string; attachmentId: number } >;
	links: Array< { href: string; sourceId: string } >;
	/** `draft` for a post imported as a draft whatever the run's status. */
	status?: 'draft';
	/** The post's own tags (Live Writer's keywords). */
	tags?: string[];
	excerpt?: string;
}

export type Phase = 'start' | 'media' | 'posts' | 'finalize' | 'done';

export interface PhaseProgress {
	done: number;
	total: number;
}

export interface ImportProgress {
	phase: Phase;
	media: PhaseProgress & { bytes: number };
	posts: PhaseProgress;
	finalize: PhaseProgress;
	/** Items (files and posts) per second, over the run so far. */
	rate: number;
	/** Seconds left at that rate, or null before it is known. */
	secondsLeft: number | null;
	paused: boolean;
}

export interface RunReport {
	run: RunInfo;
	results: PostResult[];
	media: MediaResult[];
}

/** Starting a run (`startRun`), or resuming the caller's unfinished one. */
export interface StartRunRequest {
	fingerprint: string;
	name: string;
	totals: RunTotals;
	/** The author is left out for the importing user. */
	options: Partial< ImportOptions >;
}

/** Listing runs (`listRuns`): those of one archive, or the recent ones. */
export interface ListRunsQuery {
	fingerprint?: string;
}

/** One step of undoing a run (`undoStep`). */
export interface UndoQuery {
	/** Delete the posts instead of moving them to the trash. */
	force?: boolean;
}

/** A finalize step (`finalizeStep`) takes nothing but the run. */
export type FinalizeRequest = Record< string, never >;

/** Which files the library already holds (`lookupMedia`). */
export interface MediaLookupRequest {
	hashes: string[];
}

/** An attachment the library holds. */
export interface FoundMedia {
	attachmentId: number;
	url: string;
}

export interface MediaLookupResponse {
	/** By hash, the files found. */
	found: Record< string, FoundMedia >;
}

/** One size of an image in a media batch; its bytes are in the field `file`. */
export interface MediaBatchSize {
	name: string;
	width: number;
	height: number;
	/** The name of the multipart field holding its bytes. */
	file: string;
}

/** One file of a media batch; its bytes are in the multipart field `file`. */
export interface MediaBatchItem {
	path: string;
	sha256: string;
	/** The name of the multipart field holding its bytes. */
	file: string;
	/** Upload folder month, `YYYY-MM`. */
	date?: string;
	/** The client made the sizes the image gets (perhaps none). */
	sized?: boolean;
	sizes?: MediaBatchSize[];
}

/** A media batch (`uploadMediaBatch`, multipart): the fields besides the bytes. */
export interface MediaBatchRequest {
	items: MediaBatchItem[];
}

/** The bytes of a multipart request, by field name. */
export interface MultipartFile {
	field: string;
	bytes: Uint8Array;
	type: string;
	name: string;
}

/** The site's answer for one file of a batch. */
export interface MediaBatchResult {
	path: string;
	status: 'created' | 'existing' | 'failed';
	attachmentId?: number;
	url?: string;
	sizes?: 'client' | 'server';
	code?: string;
	message?: string;
	/** For a file refused as too large: the largest the site takes, in bytes. */
	maxBytes?: number;
}

export interface MediaBatchResponse {
	/** In the order sent. */
	results: MediaBatchResult[];
}

/** Posts to create or update (`sendPosts`). */
export interface PostsRequest {
	posts: PostPayload[];
}

export interface PostsResponse {
	/** In the order sent. */
	results: SitePostResult[];
}
