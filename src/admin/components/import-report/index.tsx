/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { PostResult } from '../../../import/types';
import { formatNumber } from '../../format';
import { getSettings } from '../../settings';
import { store } from '../../store';
import UndoDialog from '../undo-dialog';
import UnplayableVideos from './unplayable-videos';

/** Rows in the table of posts; the rest are in Posts. */
const LISTED_POSTS = 200;

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

function RetryButton( {
	sourceId,
	title,
}: {
	sourceId: string;
	title: string;
} ) {
	const retrying = useSelect(
		( select ) => select( store ).isRetrying( sourceId ),
		[ sourceId ]
	);
	const { retryPost } = useDispatch( store );
	return (
		<Button
			__next40pxDefaultSize
			variant="secondary"
			isBusy={ retrying }
			accessibleWhenDisabled
			disabled={ retrying }
			onClick={ () => retryPost( sourceId ) }
			label={ sprintf(
				/* translators: %s: post title. */
				__( 'Retry “%s”', 'spaces-importer' ),
				title
			) }
			showTooltip={ false }
		>
			{ __( 'Retry', 'spaces-importer' ) }
		</Button>
	);
}

/**
 * Step 5: what the import did, with links, a Retry for each failure, and
 * Undo.
 */
export default function ImportReport() {
	const { report, summary } = useSelect(
		( select ) => ( {
			report: select( store ).getReport(),
			summary: select( store ).getReportSummary(),
		} ),
		[]
	);
	const { reset, undoImport } = useDispatch( store );
	const [ confirming, setConfirming ] = useState( false );
	if ( ! report || ! summary ) {
		return null;
	}
	const imported = summary.created + summary.updated;
	const postsLink = addQueryArgs( getSettings().postsUrl, {
		spaces_importer_run: report.run.id,
	} );
	return (
		<section className="spaces-importer-report">
			<h2 tabIndex={ -1 }>
				{ __( 'Import finished', 'spaces-importer' ) }
			</h2>
			<p className="spaces-importer-report__summary">
				{ sprintf(
					/* translators: 1: posts imported, 2: posts already on the site, 3: posts that failed. */
					_n(
						'%1$s post imported, %2$s already here, %3$s failed.',
						'%1$s posts imported, %2$s already here, %3$s failed.',
						imported,
						'spaces-importer'
					),
					formatNumber( imported ),
					formatNumber( summary.skipped ),
					formatNumber( summary.failed.length )
				) }
			</p>
			<ul className="spaces-importer-report__counts">
				{ summary.updated > 0 && (
					<li>
						{ sprintf(
							/* translators: %s: number of posts. */
							_n(
								'%s of them was already here and was updated.',
								'%s of them were already here and were updated.',
								summary.updated,
								'spaces-importer'
							),
							formatNumber( summary.updated )
						) }
					</li>
				) }
				<li>
					{ sprintf(
						/* translators: %s: number of comments. */
						_n(
							'%s comment imported.',
							'%s comments imported.',
							summary.comments,
							'spaces-importer'
						),
						formatNumber( summary.comments )
					) }
				</li>
				<li>
					{ sprintf(
						/* translators: 1: images added, 2: images already in the library, 3: images that failed. */
						__(
							'Images: %1$s added to the media library, %2$s already there, %3$s failed.',
							'spaces-importer'
						),
						formatNumber( summary.imagesCreated ),
						formatNumber( summary.imagesExisting ),
						formatNumber( summary.imagesFailed.length )
					) }
				</li>
			</ul>
			<p>
				<a href={ postsLink }>
					{ __(
						'See the imported posts in Posts',
						'spaces-importer'
					) }
				</a>
			</p>
			{ summary.failed.length > 0 && (
				<div className="spaces-importer-report__failures">
					<h3>{ __( 'Posts not imported', 'spaces-importer' ) }</h3>
					<ul>
						{ summary.failed.map( ( result ) => {
							const title = result.title || result.sourceId;
							return (
								<li key={ result.sourceId }>
									<span>
										<strong>{ title }</strong>
										{ ': ' }
										{ result.message ||
											__(
												'The site gave no reason.',
												'spaces-importer'
											) }
									</span>
									<RetryButton
										sourceId={ result.sourceId }
										title={ title }
									/>
								</li>
							);
						} ) }
					</ul>
				</div>
			) }
			{ summary.imagesFailed.length > 0 && (
				<div className="spaces-importer-report__failures">
					<h3>{ __( 'Images not imported', 'spaces-importer' ) }</h3>
					<p>
						{ __(
							'These images stay linked to their old addresses. Pressing Import again with the same archive tries them once more.',
							'spaces-importer'
						) }
					</p>
					<ul>
						{ summary.imagesFailed.map( ( file ) => (
							<li key={ file.path }>
								<bdi>{ file.path }</bdi>
								{ ': ' }
								{ file.message ||
									__(
										'The site gave no reason.',
										'spaces-importer'
									) }
							</li>
						) ) }
					</ul>
				</div>
			) }
			<UnplayableVideos results={ report.results } />
			<div className="spaces-importer-table-scroll">
				<table className="widefat striped">
					<caption className="screen-reader-text">
						{ __( 'Every post of the archive', 'spaces-importer' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Post', 'spaces-importer' ) }
							</th>
							<th scope="col">
								{ __( 'Result', 'spaces-importer' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ report.results
							.slice( 0, LISTED_POSTS )
							.map( ( result ) => (
								<tr key={ result.sourceId }>
									<td>
										{ result.link &&
										result.status !== 'failed' ? (
											<a href={ result.link }>
												{ result.title ||
													result.sourceId }
											</a>
										) : (
											result.title || result.sourceId
										) }
									</td>
									<td>
										{ statusLabel( result.status ) }
										{ result.warnings?.map( ( warning ) => (
											<span
												key={ warning }
												className="spaces-importer-report__warning"
											>
												<br />
												{ warning }
											</span>
										) ) }
									</td>
								</tr>
							) ) }
					</tbody>
				</table>
			</div>
			{ report.results.length > LISTED_POSTS && (
				<p>
					{ sprintf(
						/* translators: %s: number of posts not listed. */
						_n(
							'and %s more post, listed in Posts.',
							'and %s more posts, listed in Posts.',
							report.results.length - LISTED_POSTS,
							'spaces-importer'
						),
						formatNumber( report.results.length - LISTED_POSTS )
					) }
				</p>
			) }
			<div className="spaces-importer-actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => reset() }
				>
					{ __( 'Import another archive', 'spaces-importer' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					isDestructive
					onClick={ () => setConfirming( true ) }
				>
					{ __( 'Undo this import…', 'spaces-importer' ) }
				</Button>
			</div>
			{ confirming && (
				<UndoDialog
					onClose={ () => setConfirming( false ) }
					onConfirm={ () => {
						setConfirming( false );
						undoImport();
					} }
				/>
			) }
		</section>
	);
}
