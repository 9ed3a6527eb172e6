/**
 * WordPress's list component with the plugin's defaults. It carries its own
 * copy of the components it needs, so it is loaded only when a list shows.
 */

/**
 * WordPress dependencies
 */
import {
	DataViews,
	filterSortAndPaginate,
	type DataViewsProps,
} from '@wordpress/dataviews/wp';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PostListProps } from '.';
import { usePainted } from '../../use-painted';

/**
 * The list: search, filters, the table of one page, and paging.
 *
 * @param props The rows, their fields, the view and the actions.
 */
export default function DataViewsList< Item extends { id: string } >(
	props: PostListProps< Item >
) {
	const { data, fields, view, onChangeView, actions, empty } = props;
	const shown = useMemo(
		() => filterSortAndPaginate( data, view, fields ),
		[ data, view, fields ]
	);
	// Every row has an `id`, which `DataViews` reads by default; TypeScript
	// cannot resolve the props' conditional type for a generic row.
	const viewProps = {
		data: shown.data,
		fields,
		view,
		onChangeView,
		actions,
		paginationInfo: shown.paginationInfo,
		defaultLayouts: { table: {} },
		searchLabel: __( 'Search by title', 'spaces-importer' ),
		empty: <p>{ empty }</p>,
	} as unknown as DataViewsProps< Item >;
	// Mounted hidden, shown once the page has painted: mounting the list is one task
	// and laying out its first page (the fonts its titles need among it)
	// another, instead of one long task where the list's own effects lay
	// the page out at once.
	const visible = usePainted();
	return (
		<div hidden={ ! visible }>
			<DataViews< Item > { ...viewProps } />
		</div>
	);
}
