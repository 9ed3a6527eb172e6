/**
 * Internal dependencies
 */
import { INITIAL_OPTIONS } from './constants';
import type { Action, State } from './types';

export const initialState: State = {
	step: 'choose',
	chosen: null,
	readProgress: null,
	overview: null,
	fingerprint: null,
	history: { status: 'idle', runs: [] },
	options: INITIAL_OPTIONS,
	importProgress: null,
	report: null,
	retrying: [],
	undoRemaining: null,
	unfinished: null,
	authors: null,
	categories: null,
	notice: null,
};

/**
 * What outlives starting over with another archive: the site's users and
 * categories, and an unfinished import the owner has not dealt with yet.
 *
 * @param state Current state.
 * @return The state of an empty screen that keeps them.
 */
function freshScreen( state: State ): State {
	return {
		...initialState,
		unfinished: state.unfinished,
		authors: state.authors,
		categories: state.categories,
	};
}

/**
 * The importer screen's state.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 * @return New state.
 */
export default function reducer(
	state: State = initialState,
	action: Action
): State {
	switch ( action.type ) {
		case 'READ_STARTED':
			return {
				...freshScreen( state ),
				step: 'reading',
				chosen: action.chosen,
			};
		case 'READ_PROGRESSED':
			return { ...state, readProgress: action.progress };
		case 'READ_FINISHED':
			return {
				...state,
				step: 'preview',
				overview: action.overview,
				fingerprint: action.fingerprint,
			};
		case 'READ_FAILED':
			return {
				...freshScreen( state ),
				notice: { status: 'error', message: action.error },
			};
		case 'HISTORY_REQUESTED':
			return { ...state, history: { status: 'loading', runs: [] } };
		case 'HISTORY_RECEIVED':
			return {
				...state,
				history: { status: 'ready', runs: action.runs },
			};
		case 'HISTORY_UNAVAILABLE':
			return { ...state, history: { status: 'unavailable', runs: [] } };
		case 'OPTIONS_CHANGED':
			return {
				...state,
				options: {
					...state.options,
					...action.options,
					categories: {
						...state.options.categories,
						...action.options.categories,
					},
				},
			};
		case 'IMPORT_STARTED':
			return {
				...state,
				step: 'importing',
				notice: null,
				importProgress: null,
				report: null,
			};
		case 'IMPORT_PROGRESSED':
			return { ...state, importProgress: action.progress };
		case 'IMPORT_FINISHED':
			return {
				...state,
				step: 'done',
				report: action.report,
				retrying: [],
			};
		case 'IMPORT_FAILED':
			// Back to the preview: pressing Import again resumes the run.
			return {
				...state,
				step: 'preview',
				notice: { status: 'error', message: action.error },
			};
		case 'IMPORT_CANCELLED':
			return {
				...state,
				step: 'preview',
				notice: { status: 'info', message: action.message },
			};
		case 'RETRY_STARTED':
			return {
				...state,
				notice: null,
				retrying: [ ...state.retrying, action.sourceId ],
			};
		case 'RETRY_FINISHED': {
			const { result } = action;
			return {
				...state,
				retrying: state.retrying.filter(
					( id ) => id !== result.sourceId
				),
				report: state.report && {
					...state.report,
					results: state.report.results.map( ( old ) =>
						old.sourceId === result.sourceId
							? { ...result, title: result.title ?? old.title }
							: old
					),
				},
			};
		}
		case 'RETRY_FAILED':
			return {
				...state,
				retrying: state.retrying.filter(
					( id ) => id !== action.sourceId
				),
				notice: { status: 'error', message: action.error },
			};
		case 'UNDO_STARTED':
			return {
				...state,
				step: 'undoing',
				notice: null,
				undoRemaining: null,
			};
		case 'UNDO_PROGRESSED':
			return { ...state, undoRemaining: action.remaining };
		case 'UNDO_FINISHED':
			return {
				...state,
				step: 'undone',
				undoRemaining: 0,
				notice: { status: 'success', message: action.message },
			};
		case 'UNDO_FAILED':
			return {
				...state,
				step: 'done',
				notice: { status: 'error', message: action.error },
			};
		case 'UNFINISHED_FOUND':
			return { ...state, unfinished: action.unfinished };
		case 'UNFINISHED_CLEARED':
			return { ...state, unfinished: null };
		case 'AUTHORS_RECEIVED':
			return { ...state, authors: action.authors };
		case 'CATEGORIES_RECEIVED':
			return { ...state, categories: action.categories };
		case 'NOTICE_SET':
			return { ...state, notice: action.notice };
		case 'RESET':
			return freshScreen( state );
	}
	return state;
}
