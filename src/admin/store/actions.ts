/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ArchiveOverview } from '../../archive/stats';
import { RunControl } from '../../import/control';
import { createRestClient } from '../../import/rest-client';
import { runImport, sendPosts, undoRun } from '../../import/runner';
import type {
	ImportOptions,
	ImportProgress,
	RunInfo,
	RunReport,
} from '../../import/types';
import { apiFetchTransport } from '../api-fetch-transport';
import { summarizeChoice, type Choice, type ChoiceSummary } from '../choice';
import {
	errorMessage,
	importCancelledMessage,
	importSummaryMessage,
	phaseMessage,
	retryMessage,
	undoneMessage,
	wrongArchiveMessage,
} from '../messages';
import { openArchive, type ReadProgress } from '../reader';
import {
	forgetArchive,
	saveArchive,
	savedArchives,
	savedChoice,
} from '../saved-archives';
import { createBrowserSizer } from '../sizer';
import { closeSession, session } from './session';
import type * as selectors from './selectors';
import type { Action, ScreenNotice, State, UnfinishedImport } from './types';

type BoundSelector< F > = F extends (
	state: State,
	...args: infer A
) => infer R
	? ( ...args: A ) => R
	: never;

export interface ThunkArgs {
	dispatch: ( action: Action | Thunk ) => unknown;
	select: {
		[ K in keyof typeof selectors ]: BoundSelector<
			( typeof selectors )[ K ]
		>;
	};
}

export type Thunk = ( args: ThunkArgs ) => unknown;

export const readStarted = ( chosen: ChoiceSummary ): Action => ( {
	type: 'READ_STARTED',
	chosen,
} );

export const readProgressed = ( progress: ReadProgress ): Action => ( {
	type: 'READ_PROGRESSED',
	progress,
} );

export const readFinished = (
	overview: ArchiveOverview,
	fingerprint: string
): Action => ( {
	type: 'READ_FINISHED',
	overview,
	fingerprint,
} );

export const readFailed = ( error: string ): Action => ( {
	type: 'READ_FAILED',
	error,
} );

export const historyReceived = ( runs: RunInfo[] ): Action => ( {
	type: 'HISTORY_RECEIVED',
	runs,
} );

/**
 * Changes some of the owner's choices.
 *
 * @param options The choices changed.
 * @return The action.
 */
export const setOptions = ( options: Partial< ImportOptions > ): Action => ( {
	type: 'OPTIONS_CHANGED',
	options,
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

export const unfinishedFound = ( unfinished: UnfinishedImport ): Action => ( {
	type: 'UNFINISHED_FOUND',
	unfinished,
} );

export const setNotice = ( notice: ScreenNotice | null ): Action => ( {
	type: 'NOTICE_SET',
	notice,
} );

/**
 * Starts over with an empty screen: the worker and the run are let go.
 */
export const reset =
	() =>
	( { dispatch }: ThunkArgs ): void => {
		closeSession();
		dispatch( { type: 'RESET' } );
	};

/** The plugin's routes, as the logged-in user. */
const site = createRestClient( apiFetchTransport );

/**
 * The runs of an archive on this site, newest first.
 *
 * @param fingerprint The archive's fingerprint.
 * @return The runs.
 */
function fetchRuns( fingerprint?: string ): Promise< RunInfo[] > {
	return site.listRuns( { fingerprint } );
}

/**
 * Asks the site whether the archive read was imported before.
 */
export const loadHistory =
	() =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const fingerprint = select.getFingerprint();
		if ( ! fingerprint ) {
			return;
		}
		dispatch( { type: 'HISTORY_REQUESTED' } );
		try {
			const runs = await fetchRuns( fingerprint );
			if ( select.getFingerprint() === fingerprint ) {
				dispatch(
					historyReceived( Array.isArray( runs ) ? runs : [] )
				);
			}
		} catch {
			// The preview does without; the import itself finds the run.
			dispatch( { type: 'HISTORY_UNAVAILABLE' } );
		}
	};

/**
 * Reads what the owner chose in the worker and shows its preview. When it
 * is the archive of the unfinished import, that import goes on at once.
 *
 * @param choice One file, several files or a folder (or the browser's copy).
 */
export const choose =
	( choice: Choice ) =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		closeSession();
		const controller = new AbortController();
		session.reading = controller;
		dispatch( readStarted( summarizeChoice( choice ) ) );
		try {
			const archive = await openArchive(
				choice.files,
				choice.name,
				( progress ) => dispatch( readProgressed( progress ) ),
				controller.signal
			);
			if ( controller.signal.aborted ) {
				archive.close();
				return;
			}
			session.archive = archive;
			session.choice = choice;
			dispatch( readFinished( archive.overview, archive.fingerprint ) );
			speak(
				importSummaryMessage.read( archive.overview.stats.posts ),
				'polite'
			);
			const unfinished = select.getUnfinished();
			if ( unfinished?.fingerprint === archive.fingerprint ) {
				dispatch( setOptions( unfinished.options ) );
				await dispatch( startImport() );
				return;
			}
			if ( unfinished ) {
				dispatch(
					setNotice( {
						status: 'warning',
						message: wrongArchiveMessage( unfinished.name ),
					} )
				);
			}
			await dispatch( loadHistory() );
		} catch ( error ) {
			if ( ! controller.signal.aborted ) {
				dispatch( readFailed( errorMessage( error ) ) );
			}
		} finally {
			if ( session.reading === controller ) {
				session.reading = null;
			}
		}
	};

/**
 * Stops the reading under way and goes back to choosing a file.
 */
export const cancelReading =
	() =>
	( { dispatch }: ThunkArgs ): void => {
		dispatch( reset() );
	};

/**
 * Looks for an import that stopped before it finished: one whose archive
 * this browser kept, or else one the site lists as still running.
 */
export const loadUnfinished =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		const saved = await savedArchives();
		for ( const archive of saved ) {
			let run: RunInfo | undefined;
			try {
				const runs = await fetchRuns( archive.fingerprint );
				run = runs.find(
					( candidate ) => candidate.state === 'running'
				);
				if ( ! run ) {
					// Finished or undone since: nothing to resume.
					await forgetArchive( archive.fingerprint );
					continue;
				}
			} catch {
				// The site cannot say; the browser's word is enough to offer it.
			}
			dispatch(
				unfinishedFound( {
					fingerprint: archive.fingerprint,
					name: archive.name,
					options: archive.options,
					hasFile: !! savedChoice( archive ),
					importedPosts: run?.importedPosts ?? null,
					totalPosts: run?.totals?.posts ?? null,
				} )
			);
			return;
		}
		try {
			const run = ( await fetchRuns() ).find(
				( candidate ) => candidate.state === 'running'
			);
			if ( run ) {
				dispatch(
					unfinishedFound( {
						fingerprint: run.fingerprint,
						name: run.name,
						options: run.options ?? {},
						hasFile: false,
						importedPosts: run.importedPosts ?? null,
						totalPosts: run.totals?.posts ?? null,
					} )
				);
			}
		} catch {
			// No list of runs: nothing to offer.
		}
	};

/**
 * Resumes the unfinished import with the archive the browser kept.
 */
export const resumeUnfinished =
	() =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const unfinished = select.getUnfinished();
		if ( ! unfinished ) {
			return;
		}
		const saved = ( await savedArchives() ).find(
			( archive ) => archive.fingerprint === unfinished.fingerprint
		);
		const choice = saved ? savedChoice( saved ) : null;
		if ( ! choice ) {
			dispatch( unfinishedFound( { ...unfinished, hasFile: false } ) );
			return;
		}
		await dispatch( choose( choice ) );
	};

/**
 * Forgets the unfinished import: the owner does not want to resume it. What
 * it imported stays on the site.
 */
export const discardUnfinished =
	() =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const unfinished = select.getUnfinished();
		dispatch( { type: 'UNFINISHED_CLEARED' } );
		if ( unfinished ) {
			await forgetArchive( unfinished.fingerprint );
		}
	};

/**
 * Imports the archive read into the site, with the owner's choices.
 */
export const startImport =
	() =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const archive = session.archive;
		const fingerprint = select.getFingerprint();
		if ( ! archive || ! fingerprint || select.getStep() === 'importing' ) {
			return;
		}
		const options = select.getOptions();
		const control = new RunControl();
		session.control = control;
		dispatch( importStarted() );
		if ( session.choice ) {
			// Before the first request, so a reload at any point can resume:
			// every file chosen, with its path, reads as the same archive.
			await saveArchive( {
				fingerprint,
				name: session.choice.name,
				kind: session.choice.kind,
				options,
				files: session.choice.files,
				savedAt: Date.now(),
			} );
		}
		let phase: ImportProgress[ 'phase' ] | null = null;
		let paused = false;
		// The images' smaller sizes, made in a worker of their own when this
		// browser can; else the site makes them.
		const imageSizer = createBrowserSizer();
		try {
			const report = await runImport( {
				// The posts' bodies and comments come from the worker now,
				// when they are about to be sent.
				model: await archive.model(),
				transport: apiFetchTransport,
				media: archive.media,
				imageSizer: imageSizer ?? undefined,
				options,
				control,
				onProgress: ( progress ) => {
					if ( progress.phase !== phase ) {
						phase = progress.phase;
						const message = phaseMessage( phase );
						if ( message ) {
							speak( message, 'polite' );
						}
					}
					if ( progress.paused !== paused ) {
						paused = progress.paused;
						speak( phaseMessage( paused ? 'paused' : 'resumed' ) );
					}
					dispatch( importProgressed( progress ) );
				},
			} );
			dispatch( importFinished( report ) );
			speak( importSummaryMessage.done( report ), 'polite' );
			await forgetArchive( fingerprint );
			if ( select.getUnfinished()?.fingerprint === fingerprint ) {
				dispatch( { type: 'UNFINISHED_CLEARED' } );
			}
		} catch ( error ) {
			if ( control.cancelled ) {
				const message = importCancelledMessage(
					select.getImportProgress()?.posts.done ?? 0
				);
				// The notice showing it is announced too.
				dispatch( { type: 'IMPORT_CANCELLED', message } );
			} else {
				dispatch( importFailed( errorMessage( error ) ) );
			}
			// The run goes on from here: pressing Import resumes it.
			await dispatch( loadHistory() );
		} finally {
			imageSizer?.close();
			if ( session.control === control ) {
				session.control = null;
			}
		}
	};

/**
 * Pauses the run: requests in flight finish, no new one is sent.
 */
export const pauseImport = () => (): void => {
	session.control?.pause();
};

/**
 * Resumes a paused run.
 */
export const resumeImport = () => (): void => {
	session.control?.resume();
};

/**
 * Stops the run. What was imported stays; Import continues it later.
 */
export const cancelImport = () => (): void => {
	session.control?.cancel();
};

/**
 * Sends one failed post again, within the same run.
 *
 * @param sourceId The post's Spaces id.
 */
export const retryPost =
	( sourceId: string ) =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const report = select.getReport();
		const model = await session.archive?.model().catch( () => null );
		const post = model?.posts.find(
			( candidate ) => candidate.sourceId === sourceId
		);
		if ( ! report || ! post || select.isRetrying( sourceId ) ) {
			return;
		}
		dispatch( { type: 'RETRY_STARTED', sourceId } );
		const uploaded = new Map(
			report.media
				.filter( ( file ) => file.attachmentId && file.url )
				.map( ( file ) => [
					file.path,
					{
						attachmentId: file.attachmentId as number,
						url: file.url as string,
					},
				] )
		);
		try {
			const [ result ] = await sendPosts( {
				client: site,
				run: report.run,
				posts: [ post ],
				uploaded,
				options: select.getOptions(),
				control: new RunControl(),
			} );
			if ( ! result ) {
				throw new Error(
					__(
						'The site did not answer for this post.',
						'spaces-importer'
					)
				);
			}
			dispatch( { type: 'RETRY_FINISHED', result } );
			speak( retryMessage( post.title, result ), 'polite' );
		} catch ( error ) {
			dispatch( {
				type: 'RETRY_FAILED',
				sourceId,
				error: errorMessage( error ),
			} );
		}
	};

/**
 * Undoes the whole run: the site removes what it created.
 */
export const undoImport =
	() =>
	async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
		const report = select.getReport();
		if ( ! report ) {
			return;
		}
		const fingerprint = select.getFingerprint();
		dispatch( { type: 'UNDO_STARTED' } );
		try {
			await undoRun( apiFetchTransport, report.run.id, ( remaining ) =>
				dispatch( { type: 'UNDO_PROGRESSED', remaining } )
			);
			if ( fingerprint ) {
				await forgetArchive( fingerprint );
			}
			const message = undoneMessage( report.run.name );
			dispatch( { type: 'UNDO_FINISHED', message } );
		} catch ( error ) {
			dispatch( { type: 'UNDO_FAILED', error: errorMessage( error ) } );
		}
	};
