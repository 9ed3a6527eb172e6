/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import type { Field, View } from '@wordpress/dataviews/wp';
import { Spinner } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PostOverview } from '../../../archive/stats';
import { formatNumber } from '../../format';
import { store } from '../../store';
import { usePainted } from '../../use-painted';
import PostList, { tableView } from '../post-list';
import { dateField } from '../post-list/fields';

/** One post of the archive, as the preview lists it. */
export type PreviewRow = PostOverview & { id: string };

function toRow( post: PostOverview ): PreviewRow {
	return { ...post, id: post.sourceId };
}

/**
 * A title as the lists show it: the post's own, or a word for none.
 *
 * @param title The post's title.
 * @return What to show.
 */
export function shownTitle( title: string ): string {
	return title || __( '(no title)', 'spaces-importer' );
}

/**
 * The columns of the preview's list.
 *
 * @param categories Every category of the archive, for the filter.
 * @return The fields.
 */
function previewFields( categories: string[] ): Field< PreviewRow >[] {
	return [
		{
			id: 'title',
			type: 'text',
			label: __( 'Title', 'spaces-importer' ),
			enableGlobalSearch: true,
			enableHiding: false,
			filterBy: false,
			render: ( { item } ) => <bdi>{ shownTitle( item.title ) }</bdi>,
		},
		dateField< PreviewRow >(),
		{
			id: 'categories',
			type: 'array',
			label: __( 'Categories', 'spaces-importer' ),
			elements: categories.map( ( name ) => ( {
				value: name,
				label: name,
			} ) ),
			filterBy: categories.length ? { operators: [ 'isAny' ] } : false,
			enableSorting: false,
			render: ( { item } ) =>
				item.categories.length ? (
					<bdi>{ item.categories.join( ', ' ) }</bdi>
				) : (
					'—'
				),
		},
		{
			id: 'comments',
			type: 'integer',
			label: __( 'Comments', 'spaces-importer' ),
			filterBy: false,
			render: ( { item } ) => formatNumber( item.comments ),
		},
		{
			id: 'images',
			type: 'integer',
			label: __( 'Images', 'spaces-importer' ),
			filterBy: false,
			render: ( { item } ) =>
				item.imagesMissing
					? sprintf(
							/* translators: 1: images a post shows, 2: of them, those missing from the archive. */
							__( '%1$s (%2$s missing)', 'spaces-importer' ),
							formatNumber( item.images ),
							formatNumber( item.imagesMissing )
						)
					: formatNumber( item.images ),
		},
	];
}

const COLUMNS = [ 'published', 'categories', 'comments', 'images' ];

/**
 * Every post of the archive, one page at a time, with search by title and
 * a filter by category.
 */
export default function PreviewPostList() {
	const overview = useSelect(
		( select ) => select( store ).getOverview(),
		[]
	);
	const rows = useMemo(
		() => ( overview?.posts ?? [] ).map( toRow ),
		[ overview ]
	);
	const fields = useMemo(
		() =>
			previewFields(
				( overview?.stats.categories ?? [] )
					.map( ( category ) => category.name )
					.sort( ( a, b ) => a.localeCompare( b ) )
			),
		[ overview ]
	);
	const [ view, setView ] = useState< View >( () => tableView( COLUMNS ) );
	const painted = usePainted();
	if ( ! overview ) {
		return null;
	}
	return (
		<section
			className="spaces-importer-preview__posts"
			aria-labelledby="spaces-importer-preview-posts"
		>
			<h3 id="spaces-importer-preview-posts">
				{ __( 'Posts in the archive', 'spaces-importer' ) }
			</h3>
			{ painted ? (
				<PostList< PreviewRow >
					data={ rows }
					fields={ fields }
					view={ view }
					onChangeView={ setView }
					empty={ __(
						'No post of the archive matches.',
						'spaces-importer'
					) }
				/>
			) : (
				<Spinner />
			) }
		</section>
	);
}
