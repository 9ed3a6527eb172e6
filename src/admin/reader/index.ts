/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../archive/model';
import { createReaderWorker } from './create-worker';
import type { ReaderMessage, ReadProgress } from './messages';

export type { ReadProgress } from './messages';

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
 * Reads an archive in a worker.
 *
 * @param file       The archive the owner chose.
 * @param onProgress Told as files are read.
 * @param signal     Cancels the reading (the worker is stopped).
 * @return The archive model.
 */
export function readInWorker(
	file: File,
	onProgress: ( progress: ReadProgress ) => void,
	signal?: AbortSignal
): Promise< ArchiveModel > {
	return new Promise( ( resolve, reject ) => {
		const worker = createReaderWorker();
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener( 'abort', onAbort );
		};
		const onAbort = () => {
			finish();
			reject( signal?.reason );
		};
		signal?.addEventListener( 'abort', onAbort, { once: true } );
		worker.onmessage = ( event: MessageEvent< ReaderMessage > ) => {
			const message = event.data;
			if ( message.type === 'progress' ) {
				onProgress( message.progress );
			} else if ( message.type === 'done' ) {
				finish();
				resolve( message.model );
			} else {
				finish();
				reject(
					new ReadFailure(
						message.code,
						message.file,
						message.message
					)
				);
			}
		};
		worker.onerror = () => {
			finish();
			reject( new ReadFailure( 'worker', file.name, 'worker failed' ) );
		};
		worker.postMessage( { type: 'read', file } );
	} );
}
