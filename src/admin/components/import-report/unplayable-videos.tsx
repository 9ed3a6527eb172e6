/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PostResult } from '../../../import/types';
import { formatNumber } from '../../format';
import { store } from '../../store';

/** Posts listed; the rest are counted. */
const LISTED = 100;

/**
 * The report's list of imported posts whose videos cannot play on this
 * site: players of services that are gone became links to their old
 * addresses, and video files browsers do not play are linked for download.
 *
 * @param props         Props.
 * @param props.results The run's results, for links to the posts.
 */
export default function UnplayableVideos( {
	results,
}: {
	results: PostResult[];
} ) {
	const posts = useSelect(
		( select ) => select( store ).getPostsWithUnplayableVideos(),
		[]
	);
	if ( ! posts.length ) {
		return null;
	}
	const links = new Map(
		results
			.filter( ( result ) => result.link && result.status !== 'failed' )
			.map( ( result ) => [ result.sourceId, result.link as string ] )
	);
	return (
		<div className="spaces-importer-report__videos">
			<h3>{ __( 'Videos that cannot play', 'spaces-importer' ) }</h3>
			<p>
				{ __(
					'These posts showed videos of services that are gone (MSN Video and Soapbox, Google Video, Flash players) or video files browsers do not play. Each is now a link to its old address or to the file; check the posts and replace them if you still have the videos.',
					'spaces-importer'
				) }
			</p>
			<ul>
				{ posts.slice( 0, LISTED ).map( ( post ) => {
					const title =
						post.title || __( '(no title)', 'spaces-importer' );
					const link = links.get( post.sourceId );
					return (
						<li key={ post.sourceId }>
							{ link ? <a href={ link }>{ title }</a> : title }
							{ ': ' }
							{ sprintf(
								/* translators: %s: number of videos. */
								_n(
									'%s video',
									'%s videos',
									post.deadVideos + post.unplayableVideoFiles,
									'spaces-importer'
								),
								formatNumber(
									post.deadVideos + post.unplayableVideoFiles
								)
							) }
						</li>
					);
				} ) }
			</ul>
			{ posts.length > LISTED && (
				<p>
					{ sprintf(
						/* translators: %s: number of posts not listed. */
						_n(
							'and %s more post.',
							'and %s more posts.',
							posts.length - LISTED,
							'spaces-importer'
						),
						formatNumber( posts.length - LISTED )
					) }
				</p>
			) }
		</div>
	);
}
