/**
 * The archive reader's home in the browser: a Worker, so reading a large
 * archive never blocks the screen.
 */

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '../../archive';
import type { ReadRequest, ReaderMessage } from './messages';

const scope = self as unknown as {
	onmessage: ( ( event: MessageEvent< ReadRequest > ) => void ) | null;
	postMessage: ( message: ReaderMessage ) => void;
};

scope.onmessage = async ( event ) => {
	const { file } = event.data;
	try {
		const reader = await readArchive( file, file.name, {
			onProgress: ( progress ) =>
				scope.postMessage( { type: 'progress', progress } ),
		} );
		scope.postMessage( { type: 'done', model: reader.model } );
	} catch ( error ) {
		scope.postMessage( {
			type: 'error',
			code: error instanceof ArchiveError ? error.code : 'unreadable',
			file: file.name,
			message: error instanceof Error ? error.message : String( error ),
		} );
	}
};
