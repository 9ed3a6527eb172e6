/**
 * The screen's image sizer: the images' smaller sizes made in a worker of
 * their own while the importer uploads, so the site need not make them.
 * Without what it needs (`OffscreenCanvas`, `createImageBitmap`, workers),
 * or when an image fails, the site makes the sizes, as it always did.
 */

/**
 * Internal dependencies
 */
import type {
	ImageSizer,
	ImageSizeSettings,
	MadeSize,
} from '../../import/image-sizes';
import { BROWSER_SIZED_TYPES, canvasSizerAvailable } from './canvas-sizer';
import { createSizerWorker } from './create-worker';
import type { SizerAnswer, SizerRequest } from './messages';

/** An image sizer that holds a worker until closed. */
export interface BrowserSizer extends ImageSizer {
	/** Stops the worker; sizes asked for from then on are the site's. */
	close: () => void;
}

/**
 * An image sizer for the importer, or null when this browser cannot make
 * sizes. The worker starts with the first image.
 *
 * @return The sizer, or null.
 */
export function createBrowserSizer(): BrowserSizer | null {
	if ( typeof Worker === 'undefined' || ! canvasSizerAvailable() ) {
		return null;
	}
	let worker: Worker | null = null;
	let broken = false;
	let nextId = 1;
	const pending = new Map<
		number,
		{
			resolve: ( sizes: MadeSize[] | null ) => void;
			reject: ( error: Error ) => void;
		}
	>();
	const failAll = ( message: string ) => {
		pending.forEach( ( waiting ) =>
			waiting.reject( new Error( message ) )
		);
		pending.clear();
	};
	const start = (): Worker => {
		const started = createSizerWorker();
		started.onmessage = ( event: MessageEvent< SizerAnswer > ) => {
			const answer = event.data;
			const waiting = pending.get( answer.id );
			pending.delete( answer.id );
			if ( 'error' in answer ) {
				waiting?.reject( new Error( answer.error ) );
				return;
			}
			waiting?.resolve(
				answer.sizes?.map( ( size ) => ( {
					name: size.name,
					width: size.width,
					height: size.height,
					bytes: new Uint8Array( size.bytes ),
				} ) ) ?? null
			);
		};
		started.onerror = () => {
			// From now on every image's sizes are the site's.
			broken = true;
			started.terminate();
			worker = null;
			failAll( 'The image sizer stopped.' );
		};
		return started;
	};
	return {
		make(
			bytes: Uint8Array,
			mimeType: string,
			settings: ImageSizeSettings
		): Promise< MadeSize[] | null > {
			if ( broken || ! BROWSER_SIZED_TYPES.includes( mimeType ) ) {
				return Promise.resolve( null );
			}
			worker ??= start();
			const id = nextId++;
			// A copy: the importer still sends the original.
			const copy = bytes.slice().buffer;
			const request: SizerRequest = {
				id,
				bytes: copy,
				mimeType,
				settings,
			};
			const sent = worker;
			return new Promise( ( resolve, reject ) => {
				pending.set( id, { resolve, reject } );
				sent.postMessage( request, [ copy ] );
			} );
		},
		close() {
			broken = true;
			worker?.terminate();
			worker = null;
			failAll( 'The image sizer was closed.' );
		},
	};
}
