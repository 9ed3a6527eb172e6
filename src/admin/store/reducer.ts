/**
 * Internal dependencies
 */
import type { Action, State } from './types';

export const initialState: State = {
	step: 'choose',
	fileName: null,
	readProgress: null,
	model: null,
	importProgress: null,
	report: null,
	error: null,
};

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
				...initialState,
				step: 'reading',
				fileName: action.fileName,
			};
		case 'READ_PROGRESSED':
			return { ...state, readProgress: action.progress };
		case 'READ_FINISHED':
			return { ...state, step: 'preview', model: action.model };
		case 'READ_FAILED':
			return { ...initialState, error: action.error };
		case 'IMPORT_STARTED':
			return {
				...state,
				step: 'importing',
				error: null,
				importProgress: null,
			};
		case 'IMPORT_PROGRESSED':
			return { ...state, importProgress: action.progress };
		case 'IMPORT_FINISHED':
			return { ...state, step: 'done', report: action.report };
		case 'IMPORT_FAILED':
			// Back to the preview: pressing Import again resumes the run.
			return { ...state, step: 'preview', error: action.error };
		case 'RESET':
			return initialState;
	}
	return state;
}
