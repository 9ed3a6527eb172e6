/**
 * WordPress dependencies
 */
import { Button, ProgressBar } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeChoice } from '../../choice';
import { formatNumber } from '../../format';
import { store } from '../../store';

/**
 * While the worker reads: what it has read so far, and a way out.
 */
export default function ReadingProgress() {
	const { chosen, progress } = useSelect(
		( select ) => ( {
			chosen: select( store ).getChosen(),
			progress: select( store ).getReadProgress(),
		} ),
		[]
	);
	const { cancelReading } = useDispatch( store );
	const percent = progress?.filesTotal
		? Math.floor( ( progress.filesRead / progress.filesTotal ) * 100 )
		: undefined;
	return (
		<div className="spaces-importer-reading">
			<h2 tabIndex={ -1 }>
				{ sprintf(
					/* translators: %s: file or folder name. */
					__( 'Reading “%s”', 'spaces-importer' ),
					chosen?.name ?? ''
				) }
			</h2>
			{ chosen && chosen.kind !== 'file' && (
				<p className="spaces-importer-chosen">
					{ describeChoice( chosen ) }
				</p>
			) }
			<ProgressBar
				className="spaces-importer-progress-bar"
				value={ percent }
				aria-label={ __( 'Reading the archive', 'spaces-importer' ) }
			/>
			{ /* Polite: counts change often, a reader hears the latest. */ }
			<p role="status" aria-live="polite" aria-atomic="true">
				{ progress
					? sprintf(
							/* translators: 1: files read, 2: files in the archive, 3: posts found. */
							__(
								'%1$s of %2$s files read, %3$s posts found.',
								'spaces-importer'
							),
							formatNumber( progress.filesRead ),
							formatNumber( progress.filesTotal ),
							formatNumber( progress.postsFound )
						)
					: __( 'Opening the archive…', 'spaces-importer' ) }
			</p>
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
