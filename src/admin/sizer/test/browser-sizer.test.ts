/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ImageSizeSettings } from '../../../import/image-sizes';
import { createSizerWorker } from '../create-worker';
import type { SizerAnswer, SizerRequest } from '../messages';
import { createBrowserSizer } from '..';

jest.mock( '../create-worker', () => ( { createSizerWorker: jest.fn() } ) );

const SETTINGS: ImageSizeSettings = {
	sizes: [ { name: 'thumbnail', width: 150, height: 150, crop: true } ],
	bigImageThreshold: 2560,
	quality: { 'image/jpeg': 82 },
	outputFormats: {},
	types: [ 'image/jpeg', 'image/png' ],
};

/** A worker that answers as the test says. */
function fakeWorker() {
	const worker = {
		requests: [] as SizerRequest[],
		transferred: [] as unknown[][],
		onmessage: null as ( ( event: { data: SizerAnswer } ) => void ) | null,
		onerror: null as ( () => void ) | null,
		postMessage: ( request: SizerRequest, transfer: unknown[] ) => {
			worker.requests.push( request );
			worker.transferred.push( transfer );
		},
		terminate: jest.fn(),
		answer: ( data: SizerAnswer ) => worker.onmessage?.( { data } ),
	};
	( createSizerWorker as jest.Mock ).mockReturnValue( worker );
	return worker;
}

class FakeCanvas {
	convertToBlob() {}
}

beforeEach( () => {
	( createSizerWorker as jest.Mock ).mockReset();
	Object.assign( globalThis, {
		Worker: class {},
		OffscreenCanvas: FakeCanvas,
		createImageBitmap: () => {},
	} );
} );

afterEach( () => {
	for ( const name of [ 'Worker', 'OffscreenCanvas', 'createImageBitmap' ] ) {
		delete ( globalThis as Record< string, unknown > )[ name ];
	}
} );

describe( 'createBrowserSizer', () => {
	it( 'is none in a browser without OffscreenCanvas: the site makes the sizes', () => {
		delete ( globalThis as Record< string, unknown > ).OffscreenCanvas;
		expect( createBrowserSizer() ).toBeNull();
	} );

	it( 'sends the worker a copy of the image, keeping the original for the upload, and answers with its sizes', async () => {
		const worker = fakeWorker();
		const sizer = createBrowserSizer()!;
		// No worker until there is an image.
		expect( createSizerWorker ).not.toHaveBeenCalled();
		const original = new Uint8Array( [ 0xff, 0xd8, 1, 2, 3 ] );
		const made = sizer.make( original, 'image/jpeg', SETTINGS );
		expect( worker.requests ).toHaveLength( 1 );
		const request = worker.requests[ 0 ];
		expect( new Uint8Array( request.bytes ) ).toEqual( original );
		expect( request.bytes ).not.toBe( original.buffer );
		expect( worker.transferred[ 0 ] ).toEqual( [ request.bytes ] );
		expect( request ).toMatchObject( {
			mimeType: 'image/jpeg',
			settings: SETTINGS,
		} );
		worker.answer( {
			id: request.id,
			sizes: [
				{
					name: 'thumbnail',
					width: 150,
					height: 150,
					bytes: new Uint8Array( [ 7 ] ).buffer,
				},
			],
		} );
		expect( await made ).toEqual( [
			{
				name: 'thumbnail',
				width: 150,
				height: 150,
				bytes: new Uint8Array( [ 7 ] ),
			},
		] );
		expect( original ).toEqual( new Uint8Array( [ 0xff, 0xd8, 1, 2, 3 ] ) );
	} );

	it( 'leaves GIFs to the site without asking the worker', async () => {
		const worker = fakeWorker();
		const sizer = createBrowserSizer()!;
		expect(
			await sizer.make( new Uint8Array( 4 ), 'image/gif', SETTINGS )
		).toBeNull();
		expect( worker.requests ).toHaveLength( 0 );
	} );

	it( 'fails the image the worker could not size, and every image once the worker stops', async () => {
		const worker = fakeWorker();
		const sizer = createBrowserSizer()!;
		const first = sizer.make( new Uint8Array( 4 ), 'image/png', SETTINGS );
		worker.answer( { id: worker.requests[ 0 ].id, error: 'bad PNG' } );
		await expect( first ).rejects.toThrow( 'bad PNG' );

		const second = sizer.make( new Uint8Array( 4 ), 'image/png', SETTINGS );
		worker.onerror?.();
		await expect( second ).rejects.toThrow();
		expect( worker.terminate ).toHaveBeenCalled();
		// From then on the site makes the sizes.
		expect(
			await sizer.make( new Uint8Array( 4 ), 'image/png', SETTINGS )
		).toBeNull();
		expect( worker.requests ).toHaveLength( 2 );
	} );

	it( 'stops its worker when closed', async () => {
		const worker = fakeWorker();
		const sizer = createBrowserSizer()!;
		const pending = sizer.make(
			new Uint8Array( 4 ),
			'image/png',
			SETTINGS
		);
		sizer.close();
		expect( worker.terminate ).toHaveBeenCalled();
		await expect( pending ).rejects.toThrow();
	} );
} );
