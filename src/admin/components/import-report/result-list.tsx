/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import type { Field, Filter, View } from '@wordpress/dataviews/wp';
import { useMemo, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ItemOutcome, PostResult } from '../../../import/types';
import { formatNumber } from '../../format';
import { store } from '../../store';
import PostList, { tableView } from '../post-list';
import { dateField } from '../post-list/fields';

/** One post of the run, as the report lists it. */
interface ResultRow {
	id: string;
	title: string;
	status: ItemOutcome;
	/** The imported post, once it is on the site. */
	link: string | null;
	/** Why it failed. */
	message: string | null;
	/** What the site wrote differently than the archive asked. */
	warnings: string[];
	published: string | null;
}

/**
 * Words for each result, in the order the filter offers them.
 *
 * @return Value and label of each.
 */
function statusElements(): Array< { value: ItemOutcome; label: string } > {
	return [
		{ value: 'created', label: __( 'Imported', 'spaces-importer' ) },
		{ value: 'updated', label: __( 'Updated', 'spaces-importer' ) },
		{ value: 'unchanged', label: __( 'Already here', 'spaces-importer' ) },
		{
			value: 'skipped',
			label: __( 'Already here, left as it was', 'spaces-importer' ),
		},
		{ value: 'failed', label: __( 'Failed', 'spaces-importer' ) },
	];
}

const FAILED_ONLY: Filter = {
	field: 'status',
	operator: 'isAny',
	value: [ 'failed' ],
};

const COLUMNS = [ 'status', 'details', 'published' ];

function RetryButton( {
	row,
	onGone,
}: {
	row: ResultRow;
	onGone: () => void;
} ) {
	const retrying = useSelect(
		( select ) => select( store ).isRetrying( row.id ),
		[ row.id ]
	);
	const { retryPost } = useDispatch( store );
	const ref = useRef< HTMLButtonElement >( null );
	return (
		<Button
			ref={ ref }
			__next40pxDefaultSize
			variant="secondary"
			size="compact"
			isBusy={ retrying }
			accessibleWhenDisabled
			disabled={ retrying }
			onClick={ async () => {
				await retryPost( row.id );
				// Imported, the post leaves a list of failures: keyboard
				// users go on from the list's heading, not the page's top.
				if ( ! ref.current?.isConnected ) {
					onGone();
				}
			} }
			label={ sprintf(
				/* translators: %s: post title. */
				__( 'Retry “%s”', 'spaces-importer' ),
				row.title
			) }
			showTooltip={ false }
		>
			{ __( 'Retry', 'spaces-importer' ) }
		</Button>
	);
}

/**
 * The columns of the report's list.
 *
 * @param onRetried What to do when a retried post leaves the page.
 * @return The fields.
 */
function resultFields( onRetried: () => void ): Field< ResultRow >[] {
	const elements = statusElements();
	return [
		{
			id: 'title',
			type: 'text',
			label: __( 'Post', 'spaces-importer' ),
			enableGlobalSearch: true,
			enableHiding: false,
			filterBy: false,
			render: ( { item } ) =>
				item.link && item.status !== 'failed' ? (
					<a href={ item.link }>{ item.title }</a>
				) : (
					<bdi>{ item.title }</bdi>
				),
		},
		{
			id: 'status',
			type: 'text',
			label: __( 'Result', 'spaces-importer' ),
			elements,
			filterBy: { operators: [ 'isAny' ], isPrimary: true },
			render: ( { item } ) => (
				<span className="spaces-importer-report__result">
					{ elements.find(
						( element ) => element.value === item.status
					)?.label ?? item.status }
					{ item.status === 'failed' && (
						<RetryButton row={ item } onGone={ onRetried } />
					) }
				</span>
			),
		},
		{
			id: 'details',
			type: 'text',
			label: __( 'Details', 'spaces-importer' ),
			enableSorting: false,
			filterBy: false,
			getValue: ( { item } ) =>
				[ item.message ?? '', ...item.warnings ].join( ' ' ),
			render: ( { item } ) => {
				if ( item.status === 'failed' ) {
					return (
						item.message ||
						__( 'The site gave no reason.', 'spaces-importer' )
					);
				}
				return item.warnings.length ? (
					<ul className="spaces-importer-report__warnings">
						{ item.warnings.map( ( warning ) => (
							<li key={ warning }>{ warning }</li>
						) ) }
					</ul>
				) : null;
			},
		},
		dateField< ResultRow >(),
	];
}

function toRows(
	results: PostResult[],
	dates: Map< string, string | null >
): ResultRow[] {
	return results.map( ( result ) => ( {
		id: result.sourceId,
		title: result.title || result.sourceId,
		status: result.status,
		link: result.link ?? null,
		message: result.message ?? null,
		warnings: result.warnings ?? [],
		published: dates.get( result.sourceId ) ?? null,
	} ) );
}

/**
 * Every post of the run with its result, one page at a time: search by
 * title, a filter by result, the failures one click away, each with Retry.
 */
export default function ResultList() {
	const { results, posts } = useSelect(
		( select ) => ( {
			results: select( store ).getReport()?.results ?? null,
			posts: select( store ).getOverview()?.posts ?? null,
		} ),
		[]
	);
	const heading = useRef< HTMLHeadingElement >( null );
	const rows = useMemo( () => {
		const dates = new Map(
			( posts ?? [] ).map( ( post ) => [ post.sourceId, post.published ] )
		);
		return toRows( results ?? [], dates );
	}, [ results, posts ] );
	const fields = useMemo(
		() => resultFields( () => heading.current?.focus() ),
		[]
	);
	const failed = rows.filter( ( row ) => row.status === 'failed' ).length;
	// With failures, the list opens on them: they are what needs doing.
	const [ view, setView ] = useState< View >( () =>
		tableView( COLUMNS, failed ? { filters: [ FAILED_ONLY ] } : {} )
	);
	if ( ! results ) {
		return null;
	}
	const showingFailures =
		view.filters?.length === 1 &&
		view.filters[ 0 ].field === 'status' &&
		JSON.stringify( view.filters[ 0 ].value ) === '["failed"]' &&
		! view.search;
	return (
		<section
			className="spaces-importer-report__posts"
			aria-labelledby="spaces-importer-report-posts"
		>
			<h3
				id="spaces-importer-report-posts"
				ref={ heading }
				tabIndex={ -1 }
			>
				{ __( 'Posts of the archive', 'spaces-importer' ) }
			</h3>
			{ failed > 0 && ! showingFailures && (
				<p>
					<Button
						variant="link"
						onClick={ () =>
							setView( {
								...view,
								search: '',
								filters: [ FAILED_ONLY ],
								page: 1,
							} )
						}
					>
						{ sprintf(
							/* translators: %s: number of posts. */
							_n(
								'Show the %s post that failed',
								'Show the %s posts that failed',
								failed,
								'spaces-importer'
							),
							formatNumber( failed )
						) }
					</Button>
				</p>
			) }
			<PostList< ResultRow >
				data={ rows }
				fields={ fields }
				view={ view }
				onChangeView={ setView }
				empty={ __(
					'No post of this import matches.',
					'spaces-importer'
				) }
			/>
		</section>
	);
}
