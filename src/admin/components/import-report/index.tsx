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
import { formatNumber } from '../../format';
import { getSettings } from '../../settings';
import { store } from '../../store';
import UndoDialog from '../undo-dialog';
import FailedFiles from './failed-files';
import UnplayableVideos from './unplayable-videos';
import ResultList from './result-list';

/**
 * Step 5: what the import did, the list of its posts with links and a
 * Retry for each failure, and Undo.
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
				{ summary.videosCreated +
					summary.videosExisting +
					summary.videosFailed.length >
					0 && (
					<li>
						{ sprintf(
							/* translators: 1: video files added, 2: video files already in the library, 3: video files not imported. */
							__(
								'Video files: %1$s added to the media library, %2$s already there, %3$s not imported.',
								'spaces-importer'
							),
							formatNumber( summary.videosCreated ),
							formatNumber( summary.videosExisting ),
							formatNumber( summary.videosFailed.length )
						) }
					</li>
				) }
			</ul>
			<p>
				<a href={ postsLink }>
					{ __(
						'See the imported posts in Posts',
						'spaces-importer'
					) }
				</a>
			</p>
			<FailedFiles
				files={ summary.imagesFailed }
				heading={ __( 'Images not imported', 'spaces-importer' ) }
				explanation={ __(
					'These images stay linked to their old addresses. Pressing Import again with the same archive tries them once more.',
					'spaces-importer'
				) }
			/>
			<FailedFiles
				files={ summary.videosFailed }
				heading={ __( 'Video files not imported', 'spaces-importer' ) }
				explanation={ __(
					'The posts show each of these as a link named after the file, which leads nowhere on this site. Upload the file yourself (converted to MP4 if this site does not accept its type) and replace the link.',
					'spaces-importer'
				) }
			/>
			<UnplayableVideos results={ report.results } />
			<ResultList />
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
