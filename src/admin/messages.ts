/**
 * Sentences a blog owner understands, for every failure the screen can meet.
 * The reader and the runner speak in stable codes; the words live here so
 * they can be translated.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	MAX_ARCHIVE_COMPRESSION_RATIO,
	MAX_KEPT_TEXT_CHARS,
	MAX_MARKUP_DEPTH,
	MAX_TOTAL_PAGE_BYTES,
} from '../archive/limits';
import { TransportError } from '../import/transport';
import type { Phase, PostResult, RunReport } from '../import/types';
import { formatNumber } from './format';
import { ReadFailure } from './reader';

/**
 * Why an archive could not be read, naming the file.
 *
 * @param code The reader's error code.
 * @param file The archive's file name.
 * @return A sentence.
 */
export function readFailureMessage( code: string, file: string ): string {
	switch ( code ) {
		case 'not-zip':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” is not a zip archive, and the importer opens no other kind of archive. Unpack it and choose its files or its folder, or choose the space.zip you downloaded from Windows Live Spaces.',
					'spaces-importer'
				),
				file
			);
		case 'not-archive':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” is not a Windows Live Spaces archive, saved page, web archive, feed or Windows Live Writer post. Choose the space.zip you downloaded from Windows Live Spaces, pages saved from your space (.htm, .mht), its feed (.rss) or your Windows Live Writer posts (.wpost).',
					'spaces-importer'
				),
				file
			);
		case 'truncated':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” is incomplete: the zip ends too early. Download or copy it again, then choose it once more.',
					'spaces-importer'
				),
				file
			);
		case 'encrypted':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” is protected by a password. Unzip it with your password, zip the files again without one, and choose the new zip.',
					'spaces-importer'
				),
				file
			);
		case 'too-large':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” unpacks to far more data than a blog archive holds, so it was not opened.',
					'spaces-importer'
				),
				file
			);
		case 'too-compressed':
			return sprintf(
				/* translators: 1: file name, 2: a number of times. */
				__(
					'“%1$s” would grow more than %2$s times its size once unpacked, which no blog archive does (it looks like a “zip bomb”), so it was not opened.',
					'spaces-importer'
				),
				file,
				formatNumber( MAX_ARCHIVE_COMPRESSION_RATIO )
			);
		case 'too-much-text':
			return sprintf(
				/* translators: 1: file name, 2: a size in megabytes, 3: a number of millions. */
				__(
					'“%1$s” holds more text than the importer reads from one archive (more than %2$s MB of web pages, or %3$s million characters of posts and comments), so it was not read. Import the blog in smaller parts.',
					'spaces-importer'
				),
				file,
				formatNumber( Math.round( MAX_TOTAL_PAGE_BYTES / 1048576 ) ),
				formatNumber( Math.round( MAX_KEPT_TEXT_CHARS / 1048576 ) )
			);
		case 'empty':
			return sprintf(
				/* translators: %s: file name. */
				__( '“%s” is empty.', 'spaces-importer' ),
				file
			);
		case 'no-posts':
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” holds no Windows Live Spaces blog posts. Choose the space.zip from Spaces, pages saved from your space (.htm, .mht), its feed (.rss), your Windows Live Writer posts (.wpost), or a folder holding them.',
					'spaces-importer'
				),
				file
			);
		default:
			return sprintf(
				/* translators: %s: file name. */
				__(
					'“%s” could not be read. It may be damaged; try downloading or copying it again.',
					'spaces-importer'
				),
				file
			);
	}
}

/**
 * What went wrong, for any error the screen catches.
 *
 * @param error The error.
 * @return A sentence.
 */
export function errorMessage( error: unknown ): string {
	if ( error instanceof ReadFailure ) {
		return readFailureMessage( error.code, error.file );
	}
	if (
		error instanceof DOMException &&
		error.name === 'QuotaExceededError'
	) {
		return __(
			'Your browser ran out of room for the archive. Close other tabs and press Import again.',
			'spaces-importer'
		);
	}
	if ( error instanceof TransportError ) {
		if ( error.status === 0 ) {
			return __(
				'The site could not be reached. Check your connection and press Import again: posts already imported stay, and none is imported twice.',
				'spaces-importer'
			);
		}
		if ( error.code === 'rest_cookie_invalid_nonce' ) {
			return __(
				'Your session on this site has expired. Reload the page, log in if asked, and the import continues where it stopped.',
				'spaces-importer'
			);
		}
		if ( error.status === 401 || error.status === 403 ) {
			return sprintf(
				/* translators: %s: the site's own explanation. */
				__( 'The site refused the import: %s', 'spaces-importer' ),
				error.message
			);
		}
		return sprintf(
			/* translators: %s: the site's own explanation. */
			__(
				'The site could not finish the import: %s Press Import again to continue where it stopped.',
				'spaces-importer'
			),
			error.message
		);
	}
	return __(
		'Something unexpected went wrong. Press Import again to continue where it stopped.',
		'spaces-importer'
	);
}

/**
 * A group of the reader's warnings in plain words.
 *
 * @param code     The warnings' stable code.
 * @param count    How many there are.
 * @param fallback The reader's own sentence, for a kind not known here.
 * @return A sentence.
 */
export function warningMessage(
	code: string,
	count: number,
	fallback: string
): string {
	const n = formatNumber( count );
	switch ( code ) {
		case 'image-missing':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post shows images that are not in the archive. They will keep pointing at their old Spaces addresses, which no longer work.',
					'%s posts show images that are not in the archive. They will keep pointing at their old Spaces addresses, which no longer work.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'image-external':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post shows images kept on other sites. They stay linked there and are not copied.',
					'%s posts show images kept on other sites. They stay linked there and are not copied.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'date-missing':
		case 'date-unreadable':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post has no date that could be read. It is dated next to its neighbours; you can correct the date after the import.',
					'%s posts have no date that could be read. They are dated next to their neighbours; you can correct the dates after the import.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'date-year-guessed':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s old MSN Spaces page shows its days without a year; the year was taken from the file’s own date. Check the dates of its posts after the import.',
					'%s old MSN Spaces pages show their days without a year; the year was taken from the files’ own dates. Check the dates of their posts after the import.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'comments-missing':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post had comments on Spaces that the archive does not hold. Only the comments in the archive can be imported.',
					'%s posts had comments on Spaces that the archive does not hold. Only the comments in the archive can be imported.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'charset-guessed':
		case 'charset-unknown':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s page did not say which text encoding it uses; it was read with the likeliest one. Check its text after the import.',
					'%s pages did not say which text encoding they use; they were read with the likeliest one. Check their text after the import.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'charset-bad-bytes':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s page is UTF-8 text with a few damaged bytes. They show as “�”; the rest of its text reads normally.',
					'%s pages are UTF-8 text with a few damaged bytes. Those bytes show as “�”; the rest of their text reads normally.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'markup-flattened':
			return sprintf(
				/* translators: 1: number of posts, 2: a number of levels. */
				_n(
					'%1$s post nests its formatting more than %2$s levels deep. Its text was kept, but formatting nested deeper than that was dropped.',
					'%1$s posts nest their formatting more than %2$s levels deep. Their text was kept, but formatting nested deeper than that was dropped.',
					count,
					'spaces-importer'
				),
				n,
				formatNumber( MAX_MARKUP_DEPTH / 2 )
			);
		case 'file-truncated':
		case 'file-damaged':
		case 'file-encrypted':
		case 'file-unsupported':
		case 'file-unreadable':
		case 'page-unreadable':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s file in the archive could not be read and was skipped. If it holds posts, download or copy the archive again.',
					'%s files in the archive could not be read and were skipped. If they hold posts, download or copy the archive again.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'live-writer-not-compound':
		case 'live-writer-damaged':
		case 'live-writer-unknown-version':
		case 'live-writer-no-post':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s Windows Live Writer file (.wpost) could not be read and was skipped: it is damaged or cut off, holds no post, or is not a post Live Writer saved.',
					'%s Windows Live Writer files (.wpost) could not be read and were skipped: they are damaged or cut off, hold no post, or are not posts Live Writer saved.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'live-writer-file-damaged':
		case 'live-writer-file-missing':
			return sprintf(
				/* translators: %s: number of pictures or files. */
				_n(
					'%s picture or file of a Windows Live Writer post is damaged or missing; the post is imported without it.',
					'%s pictures or files of Windows Live Writer posts are damaged or missing; the posts are imported without them.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'nested-zip':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'The archive holds %s zip file of its own, which was not opened. Choose it separately to import what it holds.',
					'The archive holds %s zip files of its own, which were not opened. Choose them separately to import what they hold.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'web-archive-damaged':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s web archive (.mht) is damaged or incomplete; what could be read was used. Check its posts and images after the import.',
					'%s web archives (.mht) are damaged or incomplete; what could be read was used. Check their posts and images after the import.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'pages-without-posts':
			return __(
				'Some pages in the archive hold no posts (lists, photos, profile) and were not imported.',
				'spaces-importer'
			);
		case 'categories-absent':
			return __(
				'The migration download (space.zip) holds no categories, so its posts are imported without them. You can sort them into categories after the import.',
				'spaces-importer'
			);
		case 'posts-found-by-shape':
			return sprintf(
				/* translators: %s: number of files. */
				_n(
					'%s page is not in a Windows Live Spaces layout; its posts were recognized by their shape (a title, a date and a text). Check them in the preview before importing.',
					'%s pages are not in a Windows Live Spaces layout; their posts were recognized by their shape (a title, a date and a text). Check them in the preview before importing.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'video-unplayable':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post shows videos that can no longer play (MSN Video and Soapbox, Google Video, Flash players, files not in the archive). Each becomes a link to its old address.',
					'%s posts show videos that can no longer play (MSN Video and Soapbox, Google Video, Flash players, files not in the archive). Each becomes a link to its old address.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'video-file-unplayable':
			return sprintf(
				/* translators: %s: number of posts. */
				_n(
					'%s post shows video files that browsers do not play (such as .wmv or .avi). They are imported to the media library, if this site accepts their type, and linked for download.',
					'%s posts show video files that browsers do not play (such as .wmv or .avi). They are imported to the media library, if this site accepts their type, and linked for download.',
					count,
					'spaces-importer'
				),
				n
			);
		case 'feed-items-skipped':
			return __(
				'Some entries of a feed could not be read and were skipped; the pages of those posts are used where the archive has them.',
				'spaces-importer'
			);
		default:
			return count > 1
				? sprintf(
						/* translators: 1: the reader's sentence, 2: number of other places. */
						__( '%1$s (and %2$s more like it)', 'spaces-importer' ),
						fallback,
						formatNumber( count - 1 )
					)
				: fallback;
	}
}

/**
 * What a phase of the run does, for screen readers; empty for none.
 *
 * @param phase The phase, or a change of pause.
 * @return A sentence.
 */
export function phaseMessage( phase: Phase | 'paused' | 'resumed' ): string {
	switch ( phase ) {
		case 'media':
			return __( 'Uploading images.', 'spaces-importer' );
		case 'posts':
			return __( 'Importing posts and comments.', 'spaces-importer' );
		case 'finalize':
			return __(
				'Pointing links between posts at their new addresses.',
				'spaces-importer'
			);
		case 'paused':
			return __(
				'Import paused. Press Resume to go on.',
				'spaces-importer'
			);
		case 'resumed':
			return __( 'Import resumed.', 'spaces-importer' );
		default:
			return '';
	}
}

export const importSummaryMessage = {
	/**
	 * The archive was read.
	 *
	 * @param posts Posts found.
	 * @return A sentence.
	 */
	read: ( posts: number ): string =>
		sprintf(
			/* translators: %s: number of posts. */
			_n(
				'Archive read: %s post found. Its preview follows.',
				'Archive read: %s posts found. Its preview follows.',
				posts,
				'spaces-importer'
			),
			formatNumber( posts )
		),
	/**
	 * The run finished.
	 *
	 * @param report The run's report.
	 * @return A sentence.
	 */
	done: ( report: RunReport ): string => {
		const failed = report.results.filter(
			( result ) => result.status === 'failed'
		).length;
		return failed
			? sprintf(
					/* translators: %s: number of posts that failed. */
					_n(
						'Import finished. %s post could not be imported; the report lists it with a Retry button.',
						'Import finished. %s posts could not be imported; the report lists them with Retry buttons.',
						failed,
						'spaces-importer'
					),
					formatNumber( failed )
				)
			: __(
					'Import finished. Every post was imported.',
					'spaces-importer'
				);
	},
};

/**
 * The run was stopped by the owner.
 *
 * @param postsDone Posts sent before it stopped.
 * @return A sentence.
 */
export function importCancelledMessage( postsDone: number ): string {
	return sprintf(
		/* translators: %s: number of posts. */
		_n(
			'Import stopped. The %s post already imported stays on the site; press Import to continue where it stopped.',
			'Import stopped. The %s posts already imported stay on the site; press Import to continue where it stopped.',
			postsDone,
			'spaces-importer'
		),
		formatNumber( postsDone )
	);
}

/**
 * A failed post was sent again.
 *
 * @param title  The post's title.
 * @param result What it became.
 * @return A sentence.
 */
export function retryMessage( title: string, result: PostResult ): string {
	return result.status === 'failed'
		? sprintf(
				/* translators: 1: post title, 2: the site's explanation. */
				__( '“%1$s” failed again: %2$s', 'spaces-importer' ),
				title,
				result.message ?? ''
			)
		: sprintf(
				/* translators: %s: post title. */
				__( '“%s” is imported.', 'spaces-importer' ),
				title
			);
}

/**
 * The run was undone.
 *
 * @param name The archive's name.
 * @return A sentence.
 */
export function undoneMessage( name: string ): string {
	return sprintf(
		/* translators: %s: archive file name. */
		__(
			'The import of “%s” was undone: what it added to the site has been removed.',
			'spaces-importer'
		),
		name
	);
}

/**
 * The owner chose another archive than the one whose import is unfinished.
 *
 * @param name The unfinished import's archive.
 * @return A sentence.
 */
export function wrongArchiveMessage( name: string ): string {
	return sprintf(
		/* translators: %s: archive file name. */
		__(
			'This is not the archive of the unfinished import (“%s”), so that import stays where it stopped. To continue it, choose that archive instead.',
			'spaces-importer'
		),
		name
	);
}
