/**
 * The common interface of the extractors: one per kind of source file
 * (live-site pages, RSS feeds, photo feeds), chosen by looking at content.
 */

/**
 * Internal dependencies
 */
import type { ArchiveBlog, ArchivePost, ArchiveWarning } from '../model';

export interface PageInput {
	/** The file's path inside the archive. */
	path: string;
	/** The decoded text. */
	text: string;
	/** When the file was last written (the page's save time), if known. */
	modified: string | null;
	/** The latest time known for the archive, to place relative dates. */
	reference: string | null;
}

/** An image as found in a post, before it is matched to archive files. */
export interface FoundImage {
	reference: string;
	alt: string;
	/** For a full-size link wrapping a thumbnail, the thumbnail's `src`. */
	thumbnail: string | null;
}

/** A post as one file shows it; several files may show the same post. */
export interface FoundPost extends Omit<
	ArchivePost,
	'images' | 'links' | 'files'
> {
	/** The file it was found in. */
	file: string;
	/** The address relative references are resolved against. */
	baseUrl: string | null;
	images: FoundImage[];
	/** Every link target written in the body. */
	hrefs: string[];
}

/** A photo listed by an album feed, before it is matched to a file. */
export interface FoundPhoto {
	album: string;
	title: string;
	url: string;
	published: string | null;
	file: string;
}

export interface Extraction {
	posts: FoundPost[];
	/** Photos listed by album feeds. */
	photos?: FoundPhoto[];
	/** What the file says about the blog. */
	blog: Partial< ArchiveBlog >;
	warnings: ArchiveWarning[];
}

export interface Extractor {
	/** A short name, for reports. */
	readonly name: string;
	/**
	 * Tells whether this extractor reads the file, from its content.
	 *
	 * @param text The decoded text.
	 * @param path The file's path.
	 */
	detect: ( text: string, path: string ) => boolean;
	/**
	 * Reads the posts of one file.
	 *
	 * @param page The file.
	 */
	extract: ( page: PageInput ) => Extraction;
}
