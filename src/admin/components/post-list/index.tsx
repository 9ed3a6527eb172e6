/**
 * A list of posts as WordPress lists them: `DataViews` in its table layout,
 * one page at a time, with search and filters, whatever the archive's size.
 * The rows are all in memory; the view picks what one page shows.
 */

/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import type { Action, Field, View } from '@wordpress/dataviews/wp';
import { lazy, Suspense, type ComponentType } from '@wordpress/element';

/** Rows on one page, until the owner picks another number. */
export const POSTS_PER_PAGE = 20;

/**
 * The table view a list starts with: the first page, in the archive's order.
 *
 * @param fields The columns shown beside the title.
 * @param extra  What else differs, e.g. a filter.
 * @return The view.
 */
export function tableView( fields: string[], extra: Partial< View > = {} ) {
	return {
		type: 'table',
		page: 1,
		perPage: POSTS_PER_PAGE,
		search: '',
		filters: [],
		titleField: 'title',
		fields,
		layout: {},
		...extra,
	} as View;
}

export interface PostListProps< Item extends { id: string } > {
	/** Every row; only one page of them is rendered. */
	data: Item[];
	fields: Field< Item >[];
	view: View;
	onChangeView: ( view: View ) => void;
	actions?: Action< Item >[];
	/** Shown when no row matches the search and filters. */
	empty: string;
}

// The list component is large (it bundles the components it needs); the
// screen's first step does without it. The browser fetches it when idle, so
// that it is there, not yet run, when a list first shows.
const DataViewsList = lazy(
	() =>
		import(
			/* webpackChunkName: "post-list", webpackPrefetch: true */
			'./data-views-list'
		)
);

/**
 * The list: search, filters, the table of one page, and paging.
 *
 * @param props The rows, their fields and the view.
 */
export default function PostList< Item extends { id: string } >(
	props: PostListProps< Item >
) {
	// `lazy` loses the component's type parameter.
	const List = DataViewsList as unknown as ComponentType<
		PostListProps< Item >
	>;
	return (
		<div className="spaces-importer-post-list">
			<Suspense fallback={ <Spinner /> }>
				<List { ...props } />
			</Suspense>
		</div>
	);
}
