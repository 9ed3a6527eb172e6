/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost } from '../../archive/model';
import type { ArchiveOverview } from '../../archive/stats';
import type { MediaSource } from '../../import/media-source';
import { createReaderWorker } from './create-worker';
import type {
	ReaderMessage,
	ReaderRequest,
	ReadInput,
	ReadProgress,
} from './messages';

export type { ReadInput, ReadProgress } from './messages';

/**
 * A file the reader could not read, with the reader's stable error code.
 */
export class ReadFailure extends Error {
	readonly code: string;
	readonly file: string;

	constructor( code: string, file: string, message: string ) {
		super( message );
		this.name = 'ReadFailure';
		this.code = code;
		this.file = file;
	}
}

/**
 * An archive read in a worker that stays alive: what the screen shows of it,
 * and the model and the archive's files for the importer, until closed.
 */
export interface OpenArchive {
	/** What the screen shows; the worker keeps the bodies and comments. */
	overview: ArchiveOverview;
	/**
	 * The whole model, for the importer: fetched from the worker the first
	 * time it is asked for, in parts small enough not to block the page.
	 */
	model: () => Promise< ArchiveModel >;
	/** See `archiveFingerprint`: finds the archive's runs on the site. */
	fingerprint: string;
	/** The archive's files, read one at a time in the worker. */
	media: MediaSource;
	/** Stops the worker; `media` fails from then on. */
	close: () => void;
}

/**
 * Reads an archive in a worker, and keeps the worker for its files.
 *
 * @param files      What the owner chose (or the copy kept in the browser):
 *                   one zip, or several files with their paths, read as one.
 * @param name       Its name, for messages.
 * @param onProgress Told as files are read.
 * @param signal     Cancels the reading (the worker is stopped).
 * @return The open archive. Rejects with a ReadFailure.
 */
export function openArchive(
	files: ReadInput[],
	name: string,
	onProgress: ( progress: ReadProgress ) => void,
	signal?: AbortSignal
): Promise< OpenArchive > {
	return new Promise( ( resolve, reject ) => {
		const worker = createReaderWorker();
		const pending = new Map<
			number,
			{
				resolve: ( bytes: Uint8Array ) => void;
				reject: ( error: Error ) => void;
			}
		>();
		let nextId = 1;
		let closed = false;
		let modelAsked: Promise< ArchiveModel > | null = null;
		let modelParts: ArchivePost[][] = [];
		let modelWaiting: {
			resolve: ( model: ArchiveModel ) => void;
			reject: ( error: Error ) => void;
		} | null = null;
		const send = ( request: ReaderRequest ) =>
			worker.postMessage( request );
		const close = () => {
			if ( closed ) {
				return;
			}
			closed = true;
			worker.terminate();
			signal?.removeEventListener( 'abort', onAbort );
			pending.forEach( ( waiting ) =>
				waiting.reject( new Error( 'The archive was closed.' ) )
			);
			pending.clear();
			modelWaiting?.reject( new Error( 'The archive was closed.' ) );
			modelWaiting = null;
			modelParts = [];
		};
		const onAbort = () => {
			close();
			reject( signal?.reason );
		};
		signal?.addEventListener( 'abort', onAbort, { once: true } );

		const media: MediaSource = {
			read: ( path ) =>
				new Promise( ( resolveRead, rejectRead ) => {
					if ( closed ) {
						rejectRead( new Error( 'The archive was closed.' ) );
						return;
					}
					const id = nextId++;
					pending.set( id, {
						resolve: resolveRead,
						reject: rejectRead,
					} );
					send( { type: 'media', id, path } );
				} ),
		};

		const model = (): Promise< ArchiveModel > => {
			if ( closed ) {
				return Promise.reject( new Error( 'The archive was closed.' ) );
			}
			modelAsked ??= new Promise( ( resolveModel, rejectModel ) => {
				modelWaiting = { resolve: resolveModel, reject: rejectModel };
				send( { type: 'model' } );
			} );
			return modelAsked;
		};

		worker.onmessage = ( event: MessageEvent< ReaderMessage > ) => {
			const message = event.data;
			switch ( message.type ) {
				case 'progress':
					onProgress( message.progress );
					break;
				case 'done':
					// Reading is over: from now on the signal no longer closes it.
					signal?.removeEventListener( 'abort', onAbort );
					resolve( {
						overview: message.overview,
						fingerprint: message.fingerprint,
						model,
						media,
						close,
					} );
					break;
				case 'model-posts':
					modelParts.push( message.posts );
					break;
				case 'model':
					modelWaiting?.resolve( {
						...message.model,
						posts: modelParts.flat(),
					} );
					modelWaiting = null;
					modelParts = [];
					break;
				case 'error':
					close();
					reject(
						new ReadFailure(
							message.code,
							message.file,
							message.message
						)
					);
					break;
				case 'media':
				case 'media-error': {
					const waiting = pending.get( message.id );
					pending.delete( message.id );
					if ( message.type === 'media' ) {
						waiting?.resolve( new Uint8Array( message.bytes ) );
					} else {
						waiting?.reject( new Error( message.message ) );
					}
					break;
				}
			}
		};
		worker.onerror = () => {
			close();
			reject( new ReadFailure( 'worker', name, 'worker failed' ) );
		};
		send( { type: 'read', files, name } );
	} );
}
