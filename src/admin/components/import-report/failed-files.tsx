/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { MediaResult } from '../../../import/types';

/**
 * The report's list of files not imported, each with the site's reason.
 * Nothing when there are none.
 *
 * @param props             Props.
 * @param props.files       The files that failed.
 * @param props.heading     What they are.
 * @param props.explanation What became of them, and what the owner can do.
 */
export default function FailedFiles( {
	files,
	heading,
	explanation,
}: {
	files: MediaResult[];
	heading: string;
	explanation: string;
} ) {
	if ( files.length === 0 ) {
		return null;
	}
	return (
		<div className="spaces-importer-report__failures">
			<h3>{ heading }</h3>
			<p>{ explanation }</p>
			<ul>
				{ files.map( ( file ) => (
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
	);
}
