/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../archive/model';
import type { ImportProgress, RunReport } from '../../import/types';
import type { ReadProgress } from '../reader/messages';

export type Step = 'choose' | 'reading' | 'preview' | 'importing' | 'done';

export interface State {
	step: Step;
	fileName: string | null;
	readProgress: ReadProgress | null;
	model: ArchiveModel | null;
	importProgress: ImportProgress | null;
	report: RunReport | null;
	/** A sentence for the owner, or null. */
	error: string | null;
}

export type Action =
	| { type: 'READ_STARTED'; fileName: string }
	| { type: 'READ_PROGRESSED'; progress: ReadProgress }
	| { type: 'READ_FINISHED'; model: ArchiveModel }
	| { type: 'READ_FAILED'; error: string }
	| { type: 'IMPORT_STARTED' }
	| { type: 'IMPORT_PROGRESSED'; progress: ImportProgress }
	| { type: 'IMPORT_FINISHED'; report: RunReport }
	| { type: 'IMPORT_FAILED'; error: string }
	| { type: 'RESET' };
