/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../archive/model';
import type { ImportProgress, RunReport } from '../../import/types';
import type { ReadProgress } from '../reader/messages';
import type { State, Step } from './types';

export const getStep = ( state: State ): Step => state.step;

export const getFileName = ( state: State ): string | null => state.fileName;

export const getReadProgress = ( state: State ): ReadProgress | null =>
	state.readProgress;

export const getModel = ( state: State ): ArchiveModel | null => state.model;

export const getImportProgress = ( state: State ): ImportProgress | null =>
	state.importProgress;

export const getReport = ( state: State ): RunReport | null => state.report;

export const getError = ( state: State ): string | null => state.error;

/**
 * Comments found in the archive, all posts together.
 *
 * @param state Store state.
 * @return Count.
 */
export const getCommentCount = ( state: State ): number =>
	state.model?.posts.reduce(
		( sum, post ) => sum + post.comments.length,
		0
	) ?? 0;

/**
 * The first and last post dates of the archive (date part), or null.
 *
 * @param state Store state.
 * @return `{ first, last }` as `YYYY-MM-DD`.
 */
export const getDateRange = createSelector(
	( state: State ): { first: string; last: string } | null => {
		const dates = ( state.model?.posts ?? [] )
			.map( ( post ) => post.published?.slice( 0, 10 ) )
			.filter( ( date ): date is string => !! date )
			.sort();
		return dates.length
			? { first: dates[ 0 ], last: dates[ dates.length - 1 ] }
			: null;
	},
	( state: State ) => [ state.model ]
);
