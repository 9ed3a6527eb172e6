/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../format';
import { store } from '../../store';

/**
 * While the site removes what the run created, and once it has.
 */
export default function UndoProgress() {
	const { step, remaining } = useSelect(
		( select ) => ( {
			step: select( store ).getStep(),
			remaining: select( store ).getUndoRemaining(),
		} ),
		[]
	);
	const { reset } = useDispatch( store );
	if ( step === 'undone' ) {
		return (
			<section className="spaces-importer-undone">
				<h2 tabIndex={ -1 }>
					{ __( 'Import undone', 'spaces-importer' ) }
				</h2>
				<div className="spaces-importer-actions">
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () => reset() }
					>
						{ __( 'Import an archive', 'spaces-importer' ) }
					</Button>
				</div>
			</section>
		);
	}
	return (
		<section className="spaces-importer-undoing">
			<h2 tabIndex={ -1 }>
				{ __( 'Undoing the import', 'spaces-importer' ) }
			</h2>
			<p role="status">
				<Spinner />
				{ remaining === null
					? __( 'Removing what the import added…', 'spaces-importer' )
					: sprintf(
							/* translators: %s: number of items. */
							_n(
								'%s item left to remove…',
								'%s items left to remove…',
								remaining,
								'spaces-importer'
							),
							formatNumber( remaining )
						) }
			</p>
		</section>
	);
}
