/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeChoice } from '../../choice';
import { formatDate, formatNumber } from '../../format';
import { warningMessage } from '../../messages';
import { store } from '../../store';
import type { PreviousImport } from '../../store/selectors';
import PreviewPostList from './post-list';
import VideoFiles from './video-files';

/**
 * What the site already holds of this archive, in a sentence.
 *
 * @param previous What the site said.
 * @param total    Posts in the archive.
 * @return A sentence.
 */
function previousImportMessage(
	previous: PreviousImport,
	total: number
): string {
	if ( previous.unfinished ) {
		return sprintf(
			/* translators: 1: date, 2: posts already on the site, 3: posts in the archive. */
			__(
				'An import of this archive started on %1$s stopped before it finished: %2$s of its %3$s posts are on this site. Press Import to continue it; nothing is imported twice.',
				'spaces-importer'
			),
			formatDate( previous.unfinished.created ),
			formatNumber( previous.importedPosts ),
			formatNumber( total )
		);
	}
	return sprintf(
		/* translators: 1: date, 2: posts already on the site, 3: posts in the archive. */
		__(
			'This archive was imported into this site before, on %1$s: %2$s of its %3$s posts are already here. Importing again adds only what is missing.',
			'spaces-importer'
		),
		formatDate( previous.latest.created ),
		formatNumber( previous.importedPosts ),
		formatNumber( total )
	);
}

/**
 * Step 2: what the archive holds, before anything is sent to the site.
 */
export default function ArchivePreview() {
	const { overview, chosen, counts, range, warnings, previous, unplayable } =
		useSelect(
			( select ) => ( {
				overview: select( store ).getOverview(),
				unplayable: select( store ).getPostsWithUnplayableVideos(),
				chosen: select( store ).getChosen(),
				counts: select( store ).getArchiveCounts(),
				range: select( store ).getDateRange(),
				warnings: select( store ).getWarningGroups(),
				previous: select( store ).getPreviousImport(),
			} ),
			[]
		);
	if ( ! overview ) {
		return null;
	}
	// Windows Live Writer's drafts are counted apart from the posts.
	const drafts = counts.drafts;
	const firstMessages = new Map< string, string >();
	for ( const warning of overview.warnings ) {
		if ( ! firstMessages.has( warning.code ) ) {
			firstMessages.set( warning.code, warning.message );
		}
	}
	return (
		<section
			className="spaces-importer-preview"
			aria-labelledby="spaces-importer-preview-title"
		>
			<h2 id="spaces-importer-preview-title" tabIndex={ -1 }>
				{ overview.blog.title || overview.name }
			</h2>
			{ overview.blog.host && (
				<p className="spaces-importer-preview__host">
					<bdi>{ overview.blog.host }</bdi>
				</p>
			) }
			{ chosen && (
				<p className="spaces-importer-chosen">
					{ sprintf(
						/* translators: %s: what was chosen, e.g. “space.zip” or “Folder “My Blog” (214 files)”. */
						__( 'Chosen: %s', 'spaces-importer' ),
						describeChoice( chosen )
					) }
				</p>
			) }
			{ previous && (
				<Notice status="info" isDismissible={ false }>
					{ previousImportMessage( previous, counts.posts ) }
				</Notice>
			) }
			<ul className="spaces-importer-preview__counts">
				<li>
					{ sprintf(
						/* translators: 1: number of posts, 2: number of comments. */
						_n(
							'%1$s post, %2$s comments found.',
							'%1$s posts, %2$s comments found.',
							counts.posts - drafts,
							'spaces-importer'
						),
						formatNumber( counts.posts - drafts ),
						formatNumber( counts.comments )
					) }
				</li>
				{ drafts > 0 && (
					<li>
						{ sprintf(
							/* translators: %s: number of drafts. */
							_n(
								'%s draft from Windows Live Writer.',
								'%s drafts from Windows Live Writer.',
								drafts,
								'spaces-importer'
							),
							formatNumber( drafts )
						) }
					</li>
				) }
				<li>
					{ counts.imagesMissing
						? sprintf(
								/* translators: 1: images in the archive, 2: images missing from it. */
								__(
									'Images: %1$s in the archive, %2$s missing from it.',
									'spaces-importer'
								),
								formatNumber( counts.imagesFound ),
								formatNumber( counts.imagesMissing )
							)
						: sprintf(
								/* translators: %s: number of images. */
								__(
									'Images: %s, all in the archive.',
									'spaces-importer'
								),
								formatNumber( counts.imagesFound )
							) }
				</li>
				{ counts.videos.found > 0 && (
					<li className="spaces-importer-preview__videos">
						{ sprintf(
							/* translators: 1: videos found, 2: videos WordPress embeds, 3: videos that can no longer play, 4: video files in the archive. */
							__(
								'Videos: %1$s found (WordPress embeds: %2$s; can no longer play, become links: %3$s; video files of the archive: %4$s).',
								'spaces-importer'
							),
							formatNumber( counts.videos.found ),
							formatNumber( counts.videos.embeddable ),
							formatNumber( counts.videos.dead ),
							formatNumber( counts.videos.files )
						) }
						{ unplayable.length > 0 && (
							<details>
								<summary>
									{ sprintf(
										/* translators: %s: number of posts. */
										_n(
											'%s post has videos that cannot play',
											'%s posts have videos that cannot play',
											unplayable.length,
											'spaces-importer'
										),
										formatNumber( unplayable.length )
									) }
								</summary>
								<ul>
									{ unplayable
										.slice( 0, 50 )
										.map( ( post ) => (
											<li key={ post.sourceId }>
												{ post.title ||
													__(
														'(no title)',
														'spaces-importer'
													) }
											</li>
										) ) }
								</ul>
							</details>
						) }
						<VideoFiles />
					</li>
				) }
				<li>
					{ sprintf(
						/* translators: %s: number of categories. */
						_n(
							'%s category.',
							'%s categories.',
							counts.categories,
							'spaces-importer'
						),
						formatNumber( counts.categories )
					) }
				</li>
				{ range && (
					<li>
						{ sprintf(
							/* translators: 1: first post date, 2: last post date. */
							__(
								'Written from %1$s to %2$s.',
								'spaces-importer'
							),
							formatDate( range.first ),
							formatDate( range.last )
						) }
					</li>
				) }
			</ul>
			{ warnings.length > 0 && (
				<div className="spaces-importer-preview__warnings">
					<h3>{ __( 'Worth knowing', 'spaces-importer' ) }</h3>
					<ul>
						{ warnings.map( ( group ) => (
							<li key={ group.code }>
								{ warningMessage(
									group.code,
									group.count,
									firstMessages.get( group.code ) ?? ''
								) }
								{ group.files.length > 0 && (
									<details>
										<summary>
											{ __(
												'Which files',
												'spaces-importer'
											) }
										</summary>
										<ul>
											{ group.files
												.slice( 0, 20 )
												.map( ( file, index ) => (
													<li key={ index }>
														<bdi>{ file }</bdi>
													</li>
												) ) }
										</ul>
									</details>
								) }
							</li>
						) ) }
					</ul>
				</div>
			) }
			<PreviewPostList />
		</section>
	);
}
