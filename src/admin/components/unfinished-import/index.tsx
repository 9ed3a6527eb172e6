/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../format';
import { store } from '../../store';

/**
 * An import that stopped before it finished: resume it (with the archive
 * the browser kept, or after the owner chooses it again) or leave it.
 */
export default function UnfinishedImport() {
	const unfinished = useSelect(
		( select ) => select( store ).getUnfinished(),
		[]
	);
	const { resumeUnfinished, discardUnfinished } = useDispatch( store );
	if ( ! unfinished ) {
		return null;
	}
	const { name, importedPosts, totalPosts, hasFile } = unfinished;
	return (
		<div
			className="spaces-importer-unfinished"
			role="region"
			aria-labelledby="spaces-importer-unfinished-title"
		>
			<h2 id="spaces-importer-unfinished-title">
				{ __( 'An import is unfinished', 'spaces-importer' ) }
			</h2>
			<p>
				{ importedPosts !== null && totalPosts !== null
					? sprintf(
							/* translators: 1: archive file name, 2: posts on the site, 3: posts in the archive. */
							__(
								'The import of “%1$s” stopped before it finished: %2$s of its %3$s posts are on this site.',
								'spaces-importer'
							),
							name,
							formatNumber( importedPosts ),
							formatNumber( totalPosts )
						)
					: sprintf(
							/* translators: %s: archive file name. */
							__(
								'The import of “%s” stopped before it finished.',
								'spaces-importer'
							),
							name
						) }{ ' ' }
				{ hasFile
					? __(
							'Resume it to bring in the rest; nothing is imported twice.',
							'spaces-importer'
						)
					: sprintf(
							/* translators: %s: archive file name. */
							__(
								'To bring in the rest, choose “%s” again below; the import goes on where it stopped.',
								'spaces-importer'
							),
							name
						) }
			</p>
			<div className="spaces-importer-actions">
				{ hasFile && (
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () => resumeUnfinished() }
					>
						{ __( 'Resume the import', 'spaces-importer' ) }
					</Button>
				) }
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ () => discardUnfinished() }
				>
					{ __( 'Leave it unfinished', 'spaces-importer' ) }
				</Button>
			</div>
		</div>
	);
}
