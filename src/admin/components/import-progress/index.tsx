/**
 * WordPress dependencies
 */
import { ProgressBar } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../../store';

/**
 * Step 4: how far the import is.
 */
export default function ImportProgress() {
	const progress = useSelect(
		( select ) => select( store ).getImportProgress(),
		[]
	);
	const done = ( progress?.posts.done ?? 0 ) + ( progress?.media.done ?? 0 );
	const total =
		( progress?.posts.total ?? 0 ) + ( progress?.media.total ?? 0 );
	const percent = total ? Math.round( ( done / total ) * 100 ) : 0;
	let label: string = __( 'Starting the import…', 'spaces-importer' );
	if ( progress?.phase === 'media' ) {
		label = sprintf(
			/* translators: 1: images uploaded, 2: images in all. */
			__( '%1$d of %2$d images uploaded…', 'spaces-importer' ),
			progress.media.done,
			progress.media.total
		);
	} else if ( progress?.phase === 'posts' ) {
		label = sprintf(
			/* translators: 1: posts imported, 2: posts in all. */
			__( '%1$d of %2$d posts imported…', 'spaces-importer' ),
			progress.posts.done,
			progress.posts.total
		);
	} else if ( progress?.phase === 'finalize' || progress?.phase === 'done' ) {
		label = __( 'Finishing…', 'spaces-importer' );
	}
	return (
		<div className="spaces-importer-progress" role="status">
			<ProgressBar value={ percent } />
			<p>{ label }</p>
		</div>
	);
}
