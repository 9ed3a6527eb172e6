/**
 * The image sizer's worker: decodes, scales and encodes images off the
 * page's thread, one request at a time as they come.
 */

/**
 * Internal dependencies
 */
import { makeCanvasSizes } from './canvas-sizer';
import type { SizedImage, SizerAnswer, SizerRequest } from './messages';

const scope = self as unknown as {
	onmessage: ( ( event: MessageEvent< SizerRequest > ) => void ) | null;
	postMessage: ( message: SizerAnswer, transfer?: Transferable[] ) => void;
};

async function size( request: SizerRequest ): Promise< void > {
	try {
		const made = await makeCanvasSizes(
			new Uint8Array( request.bytes ),
			request.mimeType,
			request.settings
		);
		const buffers = new Map< Uint8Array, ArrayBuffer >();
		const sizes: SizedImage[] | null =
			made?.map( ( image ) => {
				// Two names of one size share their bytes: copied once.
				let buffer = buffers.get( image.bytes );
				if ( ! buffer ) {
					buffer = image.bytes.slice().buffer;
					buffers.set( image.bytes, buffer );
				}
				return {
					name: image.name,
					width: image.width,
					height: image.height,
					bytes: buffer,
				};
			} ) ?? null;
		scope.postMessage( { id: request.id, sizes }, [ ...buffers.values() ] );
	} catch ( error ) {
		scope.postMessage( {
			id: request.id,
			error: error instanceof Error ? error.message : String( error ),
		} );
	}
}

scope.onmessage = ( event ) => {
	size( event.data );
};
