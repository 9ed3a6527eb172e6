/**
 * Sentences a blog owner understands, for every failure the screen can meet.
 * The reader and the runner speak in stable codes; the words live here so
 * they can be translated.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TransportError } from '../import/transport';
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
					'“%s” is not a zip archive. Choose the space.zip you downloaded from Windows Live Spaces, or a zip of saved Spaces pages.',
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
					'“%s” holds no Windows Live Spaces blog posts. Choose the space.zip from Spaces, or a zip of pages saved from your space.',
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
	if ( error instanceof TransportError ) {
		if ( error.status === 0 ) {
			return __(
				'The site could not be reached. Check your connection and press Import again: posts already imported stay, and none is imported twice.',
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
