/**
 * The archive reader's home in the browser: a Worker, so reading a large
 * archive never blocks the screen. It stays alive after reading, holding the
 * archive, so the importer can ask it for one image at a time.
 */

/**
 * Internal dependencies
 */
import {
	archiveOverview,
	isArchiveError,
	readInputs,
	type ArchiveReader,
} from '../../archive';
import { archiveFingerprint } from '../../import/fingerprint';
import type { ReaderMessage, ReaderRequest, ReadInput } from './messages';

const scope = self as unknown as {
	onmessage: ( ( event: MessageEvent< ReaderRequest > ) => void ) | null;
	postMessage: ( message: ReaderMessage, transfer?: Transferable[] ) => void;
};

let reader: ArchiveReader | null = null;

/**
 * Progress is sent at most this often. Messages reach the page in order, and
 * each one renders: thousands of them would queue ahead of the result.
 */
const PROGRESS_EVERY_MS = 100;

/**
 * Posts per message when the page asks for the whole model: each message is
 * unpacked on the page in one go, and a few hundred posts unpack in a few
 * milliseconds, where 5,000 at once block the page for a good part of a
 * second.
 */
const MODEL_POSTS_PER_MESSAGE = 200;

async function read( files: ReadInput[], name: string ): Promise< void > {
	let lastProgress = 0;
	try {
		// Each zip among the files is opened in place; one zip alone reads
		// exactly as it always did.
		const inputs = files.map( ( input ) => ( {
			path: input.path,
			data: input.file,
			modified: input.modified,
		} ) );
		reader = await readInputs( inputs, name, {
			onProgress: ( progress ) => {
				const now = Date.now();
				if (
					now - lastProgress >= PROGRESS_EVERY_MS ||
					progress.filesRead === progress.filesTotal
				) {
					lastProgress = now;
					scope.postMessage( { type: 'progress', progress } );
				}
			},
		} );
		scope.postMessage( {
			type: 'done',
			// The page gets what it shows; the worker keeps the rest.
			overview: archiveOverview( reader.model ),
			// Hashing every post id is work the screen need not do.
			fingerprint: archiveFingerprint( reader.model ),
		} );
	} catch ( error ) {
		scope.postMessage( {
			type: 'error',
			code: isArchiveError( error ) ? error.code : 'unreadable',
			file: name,
			message: error instanceof Error ? error.message : String( error ),
		} );
	}
}

async function media( id: number, path: string ): Promise< void > {
	try {
		if ( ! reader ) {
			throw new Error( 'No archive has been read.' );
		}
		const bytes = await reader.readMedia( path );
		// A copy that owns its whole buffer, so it can be transferred.
		const buffer = bytes.slice().buffer;
		scope.postMessage( { type: 'media', id, bytes: buffer }, [ buffer ] );
	} catch ( error ) {
		scope.postMessage( {
			type: 'media-error',
			id,
			message: error instanceof Error ? error.message : String( error ),
		} );
	}
}

/**
 * Sends the whole model, its posts a few at a time.
 */
function model(): void {
	if ( ! reader ) {
		return;
	}
	const { posts, ...rest } = reader.model;
	for ( let at = 0; at < posts.length; at += MODEL_POSTS_PER_MESSAGE ) {
		scope.postMessage( {
			type: 'model-posts',
			posts: posts.slice( at, at + MODEL_POSTS_PER_MESSAGE ),
		} );
	}
	scope.postMessage( { type: 'model', model: rest } );
}

scope.onmessage = ( event ) => {
	const request = event.data;
	if ( request.type === 'read' ) {
		read( request.files, request.name );
	} else if ( request.type === 'media' ) {
		media( request.id, request.path );
	} else if ( request.type === 'model' ) {
		model();
	}
};
