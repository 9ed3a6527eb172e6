/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { VideoFileStat } from '../../../archive/stats';
import { formatNumber } from '../../format';
import { getSettings } from '../../settings';
import { store } from '../../store';

/** Files named; the rest are counted. */
const LISTED = 50;

/**
 * Whether this site would refuse a file: a type it does not accept, or one
 * the importer does not recognise as a video. Unknown when the screen was
 * not told the site's types.
 *
 * @param file    The file.
 * @param allowed The types the site accepts, if known.
 * @return True when the site would refuse it.
 */
export function isRefused(
	file: VideoFileStat,
	allowed: string[] | undefined
): boolean {
	if ( ! allowed ) {
		return false;
	}
	return ! file.mimeType || ! allowed.includes( file.mimeType );
}

function FileList( { files }: { files: VideoFileStat[] } ) {
	return (
		<>
			<ul>
				{ files.slice( 0, LISTED ).map( ( file ) => (
					<li key={ file.path }>
						<bdi>{ file.path }</bdi>
					</li>
				) ) }
			</ul>
			{ files.length > LISTED && (
				<p>
					{ sprintf(
						/* translators: %s: number of files not listed. */
						_n(
							'and %s more file.',
							'and %s more files.',
							files.length - LISTED,
							'spaces-importer'
						),
						formatNumber( files.length - LISTED )
					) }
				</p>
			) }
		</>
	);
}

/**
 * The preview's video files of the archive, by name: those this site would
 * refuse (never imported, each left as a link named after the file), those
 * browsers do not play (imported and linked for download), and those shown
 * in a video player.
 */
export default function VideoFiles() {
	const files = useSelect(
		( select ) => select( store ).getOverview()?.stats.videoFiles ?? [],
		[]
	);
	if ( ! files.length ) {
		return null;
	}
	const allowed = getSettings().allowedTypes;
	const refused = files.filter( ( file ) => isRefused( file, allowed ) );
	const linked = files.filter(
		( file ) => ! isRefused( file, allowed ) && ! file.playable
	);
	const played = files.filter(
		( file ) => ! isRefused( file, allowed ) && file.playable
	);
	return (
		<div className="spaces-importer-preview__video-files">
			{ refused.length > 0 && (
				<div className="spaces-importer-preview__video-files-refused">
					<p>
						{ sprintf(
							/* translators: %s: number of video files. */
							_n(
								'This site does not accept %s video file of the archive: it will not be imported, and its post keeps a link named after it. The report lists it again.',
								'This site does not accept %s video files of the archive: they will not be imported, and their posts keep a link named after each. The report lists them again.',
								refused.length,
								'spaces-importer'
							),
							formatNumber( refused.length )
						) }
					</p>
					<FileList files={ refused } />
				</div>
			) }
			{ linked.length > 0 && (
				<details>
					<summary>
						{ sprintf(
							/* translators: %s: number of video files. */
							_n(
								'%s video file browsers do not play: imported, and linked for download',
								'%s video files browsers do not play: imported, and linked for download',
								linked.length,
								'spaces-importer'
							),
							formatNumber( linked.length )
						) }
					</summary>
					<FileList files={ linked } />
				</details>
			) }
			{ played.length > 0 && (
				<details>
					<summary>
						{ sprintf(
							/* translators: %s: number of video files. */
							_n(
								'%s video file shown in a video player',
								'%s video files shown in a video player',
								played.length,
								'spaces-importer'
							),
							formatNumber( played.length )
						) }
					</summary>
					<FileList files={ played } />
				</details>
			) }
		</div>
	);
}
