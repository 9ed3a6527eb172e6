/**
 * The normalized archive model: the one contract between the archive reader
 * and everything else (import runner, admin screen, command line).
 *
 * Dates without a zone are the blog's local wall-clock time,
 * `YYYY-MM-DDTHH:mm:ss`; Spaces pages carry no zone. A source that does carry
 * one (an RSS `pubDate`) keeps it as an ISO offset, `…+08:00` or `…Z`.
 */

/** How a post's date was found, so the report can say how sure it is. */
export type DateSource =
	| 'footer' // The entry footer's date/time text, read by the page's culture.
	| 'rss' // An RSS pubDate (carries a zone).
	| 'heading' // A date heading above the entry (list and month pages).
	| 'order' // No date could be read: placed by its number among the others.
	| 'live-writer' // A Windows Live Writer post file's date (UTC), or a draft's file date.
	| 'none';

export interface ArchiveBlog {
	/** The blog's title as the pages show it, plain text. */
	title: string;
	/** The space's host, e.g. `name.spaces.live.com`, when known. */
	host: string | null;
	/** The space's id, the `<CID>` of `cns!<CID>!<N>`. */
	cid: string | null;
	/** The pages' culture, e.g. `zh-CN`, from `web:culture`. */
	culture: string | null;
}

export interface ArchiveComment {
	author: string;
	authorUrl: string | null;
	/** Local wall-clock time, or an ISO time with offset; null when unknown. */
	published: string | null;
	/** The comment text as HTML (the server sanitizes it again). */
	html: string;
}

export interface ArchiveImage {
	/** The reference exactly as written in the body (`src` or WLPP `href`). */
	reference: string;
	/** The file inside the archive holding this image, or null when absent. */
	archivePath: string | null;
	alt: string;
}

export interface ArchiveLink {
	/** The link as written in the body. */
	href: string;
	/** The post it points at. */
	sourceId: string;
}

export interface ArchivePost {
	/**
	 * The post's identity, everywhere. Either its Spaces item id,
	 * `cns!<CID>!<N>` (`<CID>` 1–64 of `[0-9A-Za-z_-]`, `<N>` decimal), or,
	 * for a post whose pages carry none (the migration download, MSN Spaces
	 * posts without ids, posts found by their shape), an id the reader makes
	 * from what identifies the post in its files: `local!` and 16 lowercase
	 * hex digits (`makeLocalId()` in `ids.ts`). The same files always give
	 * the same ids, so importing them again adds nothing. Only `cns!` posts
	 * have an address on Spaces to redirect.
	 */
	sourceId: string;
	/**
	 * `<N>` of a `cns!` id: unique within one space, rising over time.
	 * 0 for a `local!` id: such posts are placed by their dates.
	 */
	number: number;
	/** Plain text, entities decoded. */
	title: string;
	/** The owner's body, without Spaces chrome. */
	html: string;
	published: string | null;
	dateSource: DateSource;
	categories: string[];
	/** The post's address on Spaces, when known. */
	originalUrl: string | null;
	/** Oldest first. */
	comments: ArchiveComment[];
	/** How many comments the page said the post had, when it said. */
	declaredCommentCount: number | null;
	images: ArchiveImage[];
	links: ArchiveLink[];
	/** The archive files this post was read from. */
	files: string[];
	/**
	 * Set for a post read from Windows Live Writer's `.wpost` files: `draft`
	 * for a draft (imported as a WordPress draft, or skipped, as the owner
	 * chooses), `copy` for a published post's local copy (alone, or merged
	 * with the archive's post).
	 */
	liveWriter?: 'draft' | 'copy';
	/** Tags (Live Writer's keywords). */
	tags?: string[];
	/** The post's excerpt, as Live Writer kept it. */
	excerpt?: string;
	/**
	 * The videos the body showed, in order (players and links to video
	 * files); the body holds a block in each player's place. The reader
	 * always sets it.
	 */
	videos?: ArchiveVideo[];
}

/**
 * What becomes of a video: `embed`, a service WordPress still embeds (a
 * `core/embed` block); `dead`, a player that can no longer play (a gone
 * service, a plugin player, a file not in the archive: a paragraph linking
 * its old address); `file`, a video file of the archive (uploaded; a
 * `core/video` block when browsers play it, a link otherwise).
 */
export type VideoKind = 'embed' | 'dead' | 'file';

export interface ArchiveVideo {
	/**
	 * `youtube`, `vimeo`, `dailymotion`, `flickr`, `ted`, `soapbox`,
	 * `msn-video`, `msnbc`, `google-video`, `youku`, `tudou`,
	 * `windows-media`, `flash`, `file`, or the host of an unknown `<iframe>`
	 * player.
	 */
	provider: string;
	kind: VideoKind;
	/** The address the markup gave: the player's, or the file reference. */
	url: string;
	/**
	 * The address the post now shows: the modern page WordPress embeds
	 * (`https://www.youtube.com/watch?v=ID`, `…/playlist?list=ID`), the
	 * video's old page, or the
	 * file reference.
	 */
	link: string;
	/** The title, when the markup gives one. */
	title: string | null;
	width: number | null;
	height: number | null;
	/** For a file: the archive file holding it. */
	archivePath: string | null;
	/** For a file: whether browsers play it in a `<video>` element. */
	playable: boolean;
}

export interface ArchiveMedia {
	/** Path inside the archive (or relative to the folder read). */
	path: string;
	size: number;
	/** Sniffed from the bytes, not the name; null when not a known type. */
	mimeType: string | null;
}

/** A photo listed by an album feed (`/photos/feed.rss`). */
export interface ArchivePhoto {
	/** The album's title, from the feed's channel. */
	album: string;
	title: string;
	/** The photo's address: the feed's `enclosure url`. */
	url: string;
	/** The file inside the archive holding this photo, or null when absent. */
	archivePath: string | null;
	/** An ISO time with offset, from the item's `pubDate`; null when absent. */
	published: string | null;
}

export interface ArchiveWarning {
	/** The archive file concerned, or null for the archive as a whole. */
	file: string | null;
	/** A stable code, for tests and for grouping in the report. */
	code: string;
	/** A sentence a blog owner understands. */
	message: string;
}

export interface ArchiveModel {
	/** The name of the archive (file or folder) that was read. */
	name: string;
	blog: ArchiveBlog;
	/**
	 * Oldest first: by `number` among `cns!` posts, by date otherwise.
	 */
	posts: ArchivePost[];
	media: ArchiveMedia[];
	/** Photos listed by album feeds in the archive (the reader always sets it). */
	photos?: ArchivePhoto[];
	warnings: ArchiveWarning[];
}
