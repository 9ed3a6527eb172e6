/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../../store';

/**
 * While the worker reads: what it has read so far, and a way out.
 */
export default function ReadingProgress() {
	const { fileName, progress } = useSelect(
		( select ) => ( {
			fileName: select( store ).getFileName(),
			progress: select( store ).getReadProgress(),
		} ),
		[]
	);
	const { cancelReading } = useDispatch( store );
	return (
		<div className="spaces-importer-reading" role="status">
			<Spinner />
			<p>
				{ sprintf(
					/* translators: %s: file name. */
					__( 'Reading “%s”…', 'spaces-importer' ),
					fileName ?? ''
				) }
			</p>
			{ progress && (
				<p>
					{ sprintf(
						/* translators: 1: files read, 2: files in the archive, 3: posts found. */
						__(
							'%1$d of %2$d files read, %3$d posts found.',
							'spaces-importer'
						),
						progress.filesRead,
						progress.filesTotal,
						progress.postsFound
					) }
				</p>
			) }
			<Button
				__next40pxDefaultSize
				variant="secondary"
				onClick={ () => cancelReading() }
			>
				{ __( 'Cancel', 'spaces-importer' ) }
			</Button>
		</div>
	);
}
