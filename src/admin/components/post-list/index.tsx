/**
 * A list of posts as WordPress lists them: `DataViews` in its table layout,
 * one page at a time, with search and filters, whatever the archive's size.
 * The rows are all in memory; the view picks what one page shows.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import type { Action, Field, View } from '@wordpress/dataviews/wp';
import {
	Component,
	lazy,
	startTransition,
	Suspense,
	useState,
	type ComponentType,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

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
// screen's first step does without it. `preloadList` runs it while the page
// is idle after loading, so that it is ready, and no longer blocks the page,
// by the time a list first shows.
const loadList = () =>
	import(
		/* webpackChunkName: "post-list" */
		'./data-views-list'
	);
let listLoading: ReturnType< typeof loadList > | undefined;

/**
 * Loads and runs the list's code, once.
 *
 * @return The list's module.
 */
export function preloadList(): ReturnType< typeof loadList > {
	listLoading ??= loadList().catch( ( error ) => {
		// Tried again the next time a list shows.
		listLoading = undefined;
		throw error;
	} );
	return listLoading;
}

// Made again to try again: `lazy` keeps a failure for good.
let DataViewsList = lazy( preloadList );

/**
 * What shows when the list's code could not be loaded (a lost network, a
 * file the host blocks): a sentence and a way to try again, instead of the
 * whole screen going blank. Everything else on the screen works without it.
 */
class ListBoundary extends Component<
	{ children: ReactNode; onRetry: () => void },
	{ failed: boolean }
> {
	override state = { failed: false };

	static getDerivedStateFromError() {
		return { failed: true };
	}

	override render() {
		if ( ! this.state.failed ) {
			return this.props.children;
		}
		return (
			<Notice status="warning" isDismissible={ false }>
				<p>
					{ __(
						'The list of posts could not be loaded. Everything else on this screen works without it, importing too.',
						'spaces-importer'
					) }
				</p>
				<Button variant="secondary" onClick={ this.props.onRetry }>
					{ __( 'Try again', 'spaces-importer' ) }
				</Button>
			</Notice>
		);
	}
}

/**
 * The list: search, filters, the table of one page, and paging.
 *
 * @param props The rows, their fields and the view.
 */
export default function PostList< Item extends { id: string } >(
	props: PostListProps< Item >
) {
	const [ attempt, setAttempt ] = useState( 0 );
	// `lazy` loses the component's type parameter.
	const List = DataViewsList as unknown as ComponentType<
		PostListProps< Item >
	>;
	return (
		<div className="spaces-importer-post-list">
			<ListBoundary
				key={ attempt }
				onRetry={ () => {
					DataViewsList = lazy( preloadList );
					setAttempt( ( count ) => count + 1 );
				} }
			>
				<Suspense fallback={ <Spinner /> }>
					<List
						{ ...props }
						// Another page, a search or a filter renders in
						// slices that leave the page free between them.
						onChangeView={ ( view ) =>
							startTransition( () => props.onChangeView( view ) )
						}
					/>
				</Suspense>
			</ListBoundary>
		</div>
	);
}
