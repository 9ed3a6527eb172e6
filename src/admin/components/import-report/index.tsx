/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PostResult } from '../../../import/types';
import { store } from '../../store';

/**
 * Words for each result.
 *
 * @param status A post's result.
 * @return Its label.
 */
function statusLabel( status: PostResult[ 'status' ] ): string {
	switch ( status ) {
		case 'created':
			return __( 'Imported', 'spaces-importer' );
		case 'updated':
			return __( 'Updated', 'spaces-importer' );
		case 'unchanged':
			return __( 'Already here', 'spaces-importer' );
		case 'skipped':
			return __( 'Already here, left as it was', 'spaces-importer' );
		case 'failed':
			return __( 'Failed', 'spaces-importer' );
	}
}

/**
 * Step 5: what the import did, post by post, with links.
 */
export default function ImportReport() {
	const report = useSelect( ( select ) => select( store ).getReport(), [] );
	const { reset } = useDispatch( store );
	if ( ! report ) {
		return null;
	}
	const count = ( status: PostResult[ 'status' ] ) =>
		report.results.filter( ( result ) => result.status === status ).length;
	return (
		<div className="spaces-importer-report">
			<h2>{ __( 'Import finished', 'spaces-importer' ) }</h2>
			<p role="status">
				{ sprintf(
					/* translators: 1: posts created, 2: posts already on the site, 3: posts that failed. */
					__(
						'%1$d posts imported, %2$d already here, %3$d failed.',
						'spaces-importer'
					),
					count( 'created' ) + count( 'updated' ),
					count( 'unchanged' ) + count( 'skipped' ),
					count( 'failed' )
				) }
			</p>
			<table className="widefat striped">
				<thead>
					<tr>
						<th scope="col">{ __( 'Post', 'spaces-importer' ) }</th>
						<th scope="col">
							{ __( 'Result', 'spaces-importer' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ report.results.map( ( result ) => (
						<tr key={ result.sourceId }>
							<td>
								{ result.link ? (
									<a href={ result.link }>
										{ result.title || result.sourceId }
									</a>
								) : (
									result.title || result.sourceId
								) }
							</td>
							<td>
								{ statusLabel( result.status ) }
								{ result.message && `: ${ result.message }` }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
			<div className="spaces-importer-actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => reset() }
				>
					{ __( 'Import another archive', 'spaces-importer' ) }
				</Button>
			</div>
		</div>
	);
}
