/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import {
	hasUnplayableVideos,
	type ArchiveOverview,
	type ArchiveStats,
	type PostOverview,
	type VideoStats,
} from '../../archive/stats';
import { reportSummary, type ReportSummary } from '../../import/summary';
import type {
	ImportOptions,
	ImportProgress,
	RunInfo,
	RunReport,
} from '../../import/types';
import type { ChoiceSummary } from '../choice';
import type { ReadProgress } from '../reader/messages';
import type {
	Author,
	Category,
	ScreenNotice,
	State,
	Step,
	UnfinishedImport,
} from './types';

export const getStep = ( state: State ): Step => state.step;

/**
 * What the owner chose to read: one file, several, or a folder.
 *
 * @param state Store state.
 * @return Its summary, or null before a choice.
 */
export const getChosen = ( state: State ): ChoiceSummary | null => state.chosen;

export const getReadProgress = ( state: State ): ReadProgress | null =>
	state.readProgress;

/**
 * What the screen shows of the archive read: its blog, figures, warnings and
 * a line per post. The model itself stays in the reader's worker.
 *
 * @param state Store state.
 * @return The overview, or null before an archive is read.
 */
export const getOverview = ( state: State ): ArchiveOverview | null =>
	state.overview;

export const getFingerprint = ( state: State ): string | null =>
	state.fingerprint;

export const getOptions = ( state: State ): ImportOptions => state.options;

export const getImportProgress = ( state: State ): ImportProgress | null =>
	state.importProgress;

export const getReport = ( state: State ): RunReport | null => state.report;

export const isRetrying = ( state: State, sourceId: string ): boolean =>
	state.retrying.includes( sourceId );

export const getUndoRemaining = ( state: State ): number | null =>
	state.undoRemaining;

export const getUnfinished = ( state: State ): UnfinishedImport | null =>
	state.unfinished;

/**
 * Users who can write posts; fetched from the site when first asked for.
 *
 * @param state Store state.
 * @return The users, or null while they load.
 */
export const getAuthors = ( state: State ): Author[] | null => state.authors;

/**
 * The site's categories; fetched from the site when first asked for.
 *
 * @param state Store state.
 * @return The categories, or null while they load.
 */
export const getCategories = ( state: State ): Category[] | null =>
	state.categories;

export const getNotice = ( state: State ): ScreenNotice | null => state.notice;

/**
 * The first and last post dates of the archive, or null.
 *
 * @param state Store state.
 * @return `{ first, last }` as the model writes dates.
 */
export const getDateRange = (
	state: State
): ArchiveStats[ 'dateRange' ] | null =>
	state.overview?.stats.dateRange ?? null;

export interface ArchiveCounts {
	/** Every post, Windows Live Writer's drafts included. */
	posts: number;
	/** Of them, Windows Live Writer's drafts. */
	drafts: number;
	comments: number;
	/** Images the posts show that the archive holds. */
	imagesFound: number;
	/** Images the posts show that the archive lacks. */
	imagesMissing: number;
	categories: number;
	/** The posts' videos: all, those WordPress embeds, those that can no longer play, files of the archive. */
	videos: VideoStats;
}

const NO_COUNTS: ArchiveCounts = {
	posts: 0,
	drafts: 0,
	comments: 0,
	imagesFound: 0,
	imagesMissing: 0,
	categories: 0,
	videos: { found: 0, embeddable: 0, dead: 0, files: 0 },
};

/**
 * What the archive holds, counted for the preview (by the reader, once).
 *
 * @param state Store state.
 * @return The counts.
 */
export const getArchiveCounts = createSelector(
	( state: State ): ArchiveCounts => {
		const stats = state.overview?.stats;
		if ( ! stats ) {
			return NO_COUNTS;
		}
		return {
			posts: stats.posts,
			drafts: stats.drafts,
			comments: stats.comments,
			imagesFound: stats.imagesFound,
			imagesMissing: stats.imagesMissing,
			categories: stats.categories.length,
			videos: stats.videos,
		};
	},
	( state: State ) => [ state.overview ]
);

/**
 * The posts with videos that will not play on the new site, in the
 * archive's order.
 *
 * @param state Store state.
 * @return The posts' lines.
 */
export const getPostsWithUnplayableVideos = createSelector(
	( state: State ): PostOverview[] =>
		( state.overview?.posts ?? [] ).filter( hasUnplayableVideos ),
	( state: State ) => [ state.overview ]
);

export interface WarningGroup {
	code: string;
	count: number;
	/** The files concerned (those named), in the order met. */
	files: string[];
}

/**
 * The reader's warnings, one group per kind, so a hundred alike read as
 * one line.
 *
 * @param state Store state.
 * @return The groups, most frequent first.
 */
export const getWarningGroups = createSelector(
	( state: State ): WarningGroup[] => {
		const groups = new Map< string, WarningGroup >();
		for ( const warning of state.overview?.warnings ?? [] ) {
			let group = groups.get( warning.code );
			if ( ! group ) {
				group = { code: warning.code, count: 0, files: [] };
				groups.set( warning.code, group );
			}
			group.count++;
			if ( warning.file ) {
				group.files.push( warning.file );
			}
		}
		return [ ...groups.values() ].sort( ( a, b ) => b.count - a.count );
	},
	( state: State ) => [ state.overview ]
);

export interface PreviousImport {
	/** Posts of this archive already on the site, from any run. */
	importedPosts: number;
	/** The newest run of this archive. */
	latest: RunInfo;
	/** A run that stopped before it finished; Import continues it. */
	unfinished: RunInfo | null;
}

/**
 * Whether this archive was imported into this site before, and how much of
 * it is here.
 *
 * @param state Store state.
 * @return What the site holds, or null when it was never imported.
 */
export const getPreviousImport = createSelector(
	( state: State ): PreviousImport | null => {
		const runs = state.history.runs.filter(
			( run ) => run.state !== 'undone' || run.importedPosts > 0
		);
		if ( ! runs.length ) {
			return null;
		}
		return {
			importedPosts: Math.max(
				...runs.map( ( run ) => run.importedPosts ?? 0 )
			),
			latest: runs[ 0 ],
			unfinished: runs.find( ( run ) => run.state === 'running' ) ?? null,
		};
	},
	( state: State ) => [ state.history ]
);

/**
 * How far the whole run is, every phase together.
 *
 * @param state Store state.
 * @return 0 to 100.
 */
export const getOverallPercent = ( state: State ): number => {
	const progress = state.importProgress;
	if ( ! progress ) {
		return 0;
	}
	if ( progress.phase === 'done' ) {
		return 100;
	}
	const { media, posts, finalize } = progress;
	// Finishing is short but unknown in size until it starts: count it as
	// one step until the site says how many are left.
	const total = media.total + posts.total + Math.max( 1, finalize.total );
	const done = media.done + posts.done + finalize.done;
	return Math.min( 100, Math.floor( ( done / total ) * 100 ) );
};

export type { ReportSummary };

/**
 * What the run did, counted for the report.
 *
 * @param state Store state.
 * @return The counts and the failures.
 */
export const getReportSummary = createSelector(
	( state: State ): ReportSummary | null =>
		state.report ? reportSummary( state.report ) : null,
	( state: State ) => [ state.report ]
);

export interface UndoScope {
	posts: number;
	comments: number;
	images: number;
	/** Video files of the archive the run put in the media library. */
	videos: number;
	/** Posts the run changed: undo puts back what they said before. */
	updated: number;
}

/**
 * What undoing the run removes, for the confirmation.
 *
 * @param state Store state.
 * @return The counts, or null without a report.
 */
export const getUndoScope = createSelector(
	( state: State ): UndoScope | null => {
		const summary = getReportSummary( state );
		const counts = state.report?.run.counts;
		if ( ! summary ) {
			return null;
		}
		return {
			// The report's own counts include posts retried since; the run's
			// include what an earlier, interrupted session created.
			posts: Math.max( counts?.posts?.created ?? 0, summary.created ),
			comments: Math.max(
				counts?.comments?.created ?? 0,
				summary.comments
			),
			// The run counts its video files with its images.
			images: Math.max(
				( counts?.media?.created ?? 0 ) - summary.videosCreated,
				summary.imagesCreated
			),
			videos: summary.videosCreated,
			updated: counts?.posts?.updated ?? summary.updated,
		};
	},
	( state: State ) => [ state.report ]
);
