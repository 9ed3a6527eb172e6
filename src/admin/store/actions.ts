/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../archive/model';
import { runImport } from '../../import/runner';
import type {
	ImportOptions,
	ImportProgress,
	RunReport,
} from '../../import/types';
import { apiFetchTransport } from '../api-fetch-transport';
import { errorMessage } from '../messages';
import { readInWorker, type ReadProgress } from '../reader';
import type { Action, State } from './types';

interface ThunkArgs {
	dispatch: ( action: Action ) => void;
	select: {
		getModel: () => ArchiveModel | null;
		getStep: () => State[ 'step' ];
	};
}

/** Cancels the reading under way, if any. */
let readingController: AbortController | null = null;

export const readStarted = ( fileName: string ): Action => ( {
	type: 'READ_STARTED',
	fileName,
} );

export const readProgressed = ( progress: ReadProgress ): Action => ( {
	type: 'READ_PROGRESSED',
	progress,
} );

export const readFinished = ( model: ArchiveModel ): Action => ( {
	type: 'READ_FINISHED',
	model,
} );

export const readFailed = ( error: string ): Action => ( {
	type: 'READ_FAILED',
	error,
} );

export const importStarted = (): Action => ( { type: 'IMPORT_STARTED' } );

export const importProgressed = ( progress: ImportProgress ): Action => ( {
	type: 'IMPORT_PROGRESSED',
	progress,
} );

export const importFinished = ( report: RunReport ): Action => ( {
	type: 'IMPORT_FINISHED',
	report,
} );

export const importFailed = ( error: string ): Action => ( {
	type: 'IMPORT_FAILED',
	error,
} );

export const reset = (): Action => ( { type: 'RESET' } );

/**
 * Reads the chosen archive in the worker and shows its preview.
 *
 * @param file The archive.
 */
export const chooseFile =
	( file: File ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		readingController?.abort();
		const controller = new AbortController();
		readingController = controller;
		dispatch( readStarted( file.name ) );
		try {
			const model = await readInWorker(
				file,
				( progress ) => dispatch( readProgressed( progress ) ),
				controller.signal
			);
			dispatch( readFinished( model ) );
		} catch ( error ) {
			if ( ! controller.signal.aborted ) {
				dispatch( readFailed( errorMessage( error ) ) );
			}
		} finally {
			if ( readingController === controller ) {
				readingController = null;
			}
		}
	};

/**
 * Stops the reading under way and goes back to choosing a file.
 */
export const cancelReading =
	() =>
	( { dispatch }: ThunkArgs ): void => {
		readingController?.abort();
		readingController = null;
		dispatch( reset() );
	};

/**
 * Imports the archive read into the site.
 *
 * @param options The owner's choices.
 */
export const startImport =
	( options: Partial< ImportOptions > = {} ) =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const model = select.getModel();
		if ( ! model || select.getStep() === 'importing' ) {
			return;
		}
		dispatch( importStarted() );
		try {
			const report = await runImport( {
				model,
				transport: apiFetchTransport,
				options,
				onProgress: ( progress ) =>
					dispatch( importProgressed( progress ) ),
			} );
			dispatch( importFinished( report ) );
		} catch ( error ) {
			dispatch( importFailed( errorMessage( error ) ) );
		}
	};
