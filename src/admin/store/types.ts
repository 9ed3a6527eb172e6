/**
 * Internal dependencies
 */
import type { ArchiveOverview } from '../../archive/stats';
import type {
	ImportOptions,
	ImportProgress,
	PostResult,
	RunInfo,
	RunReport,
} from '../../import/types';
import type { ChoiceSummary } from '../choice';
import type { ReadProgress } from '../reader/messages';

export type Step =
	| 'choose'
	| 'reading'
	| 'preview'
	| 'importing'
	| 'done'
	| 'undoing'
	| 'undone';

/** A message above the current step. */
export interface ScreenNotice {
	status: 'error' | 'warning' | 'info' | 'success';
	/** A sentence for the owner. */
	message: string;
}

/** An import that stopped before it finished, found when the screen opens. */
export interface UnfinishedImport {
	fingerprint: string;
	name: string;
	options: Partial< ImportOptions >;
	/** Whether the archive's files are kept in the browser (no reselection). */
	hasFile: boolean;
	/** Posts of the archive already on the site, when the site said. */
	importedPosts: number | null;
	totalPosts: number | null;
}

/** A user who can be the author of the imported posts. */
export interface Author {
	id: number;
	name: string;
}

/** A category the posts can all go into. */
export interface Category {
	id: number;
	name: string;
	parent: number;
}

/** What the site already holds of the archive being previewed. */
export interface ArchiveHistory {
	status: 'idle' | 'loading' | 'ready' | 'unavailable';
	/** Runs of this archive on the site, newest first. */
	runs: RunInfo[];
}

export interface State {
	step: Step;
	/** What the owner chose: one file, several, or a folder. */
	chosen: ChoiceSummary | null;
	readProgress: ReadProgress | null;
	/** What the screen shows of the archive read; the worker keeps the rest. */
	overview: ArchiveOverview | null;
	fingerprint: string | null;
	history: ArchiveHistory;
	options: ImportOptions;
	importProgress: ImportProgress | null;
	report: RunReport | null;
	/** Posts being sent again from the report, by source id. */
	retrying: string[];
	/** Items the undo still has to remove, once the site said. */
	undoRemaining: number | null;
	unfinished: UnfinishedImport | null;
	authors: Author[] | null;
	categories: Category[] | null;
	notice: ScreenNotice | null;
}

export type Action =
	| { type: 'READ_STARTED'; chosen: ChoiceSummary }
	| { type: 'READ_PROGRESSED'; progress: ReadProgress }
	| { type: 'READ_FINISHED'; overview: ArchiveOverview; fingerprint: string }
	| { type: 'READ_FAILED'; error: string }
	| { type: 'HISTORY_REQUESTED' }
	| { type: 'HISTORY_RECEIVED'; runs: RunInfo[] }
	| { type: 'HISTORY_UNAVAILABLE' }
	| { type: 'OPTIONS_CHANGED'; options: Partial< ImportOptions > }
	| { type: 'IMPORT_STARTED' }
	| { type: 'IMPORT_PROGRESSED'; progress: ImportProgress }
	| { type: 'IMPORT_FINISHED'; report: RunReport }
	| { type: 'IMPORT_FAILED'; error: string }
	| { type: 'IMPORT_CANCELLED'; message: string }
	| { type: 'RETRY_STARTED'; sourceId: string }
	| { type: 'RETRY_FINISHED'; result: PostResult }
	| { type: 'RETRY_FAILED'; sourceId: string; error: string }
	| { type: 'UNDO_STARTED' }
	| { type: 'UNDO_PROGRESSED'; remaining: number }
	| { type: 'UNDO_FINISHED'; message: string }
	| { type: 'UNDO_FAILED'; error: string }
	| { type: 'UNFINISHED_FOUND'; unfinished: UnfinishedImport }
	| { type: 'UNFINISHED_CLEARED' }
	| { type: 'AUTHORS_RECEIVED'; authors: Author[] }
	| { type: 'CATEGORIES_RECEIVED'; categories: Category[] }
	| { type: 'NOTICE_SET'; notice: ScreenNotice | null }
	| { type: 'RESET' };
