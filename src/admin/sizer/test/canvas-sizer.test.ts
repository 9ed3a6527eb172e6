/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import type { ImageSizeSettings } from '../../../import/image-sizes';
import { makeCanvasSizes } from '../canvas-sizer';

const SETTINGS: ImageSizeSettings = {
	sizes: [
		{ name: 'medium', width: 300, height: 300, crop: false },
		{ name: 'large', width: 1024, height: 1024, crop: false },
		{ name: 'thumbnail', width: 150, height: 150, crop: true },
		{ name: 'medium_large', width: 768, height: 0, crop: false },
	],
	bigImageThreshold: 2560,
	quality: { 'image/jpeg': 82, 'image/png': 82 },
	outputFormats: {},
	types: [ 'image/jpeg', 'image/png', 'image/webp' ],
};

/** What the browser was asked to do, canvas by canvas. */
let canvases: Array< {
	width: number;
	height: number;
	draws: unknown[][];
	encoded?: { type?: string; quality?: number };
} >;
/** The type the fake browser encodes; null: the one asked for. */
let encodes: string | null;

class FakeCanvas {
	record: ( typeof canvases )[ number ];
	constructor( width: number, height: number ) {
		this.record = { width, height, draws: [] };
		canvases.push( this.record );
	}
	getContext() {
		return {
			drawImage: ( ...args: unknown[] ) =>
				this.record.draws.push( args.slice( 1 ) ),
		};
	}
	async convertToBlob( options: { type?: string; quality?: number } ) {
		this.record.encoded = options;
		return new Blob( [ `${ this.record.width }x${ this.record.height }` ], {
			type: encodes ?? options.type,
		} );
	}
}

beforeEach( () => {
	canvases = [];
	encodes = null;
	Object.assign( globalThis, {
		OffscreenCanvas: FakeCanvas,
		createImageBitmap: async ( blob: Blob ) => {
			const meta = await sharp(
				Buffer.from( await blob.arrayBuffer() )
			).metadata();
			return { width: meta.width, height: meta.height, close() {} };
		},
	} );
} );

afterEach( () => {
	delete ( globalThis as Record< string, unknown > ).OffscreenCanvas;
	delete ( globalThis as Record< string, unknown > ).createImageBitmap;
} );

async function image(
	width: number,
	height: number,
	format: 'jpeg' | 'png' | 'gif' | 'webp'
): Promise< Uint8Array > {
	const made = sharp( Buffer.alloc( width * height * 3, 90 ), {
		raw: { width, height, channels: 3 },
	} );
	return new Uint8Array( await made.toFormat( format ).toBuffer() );
}

describe( 'makeCanvasSizes', () => {
	it( 'cuts each size of a photo as WordPress does, centre-cropping the thumbnail, and encodes JPEG at the site’s quality', async () => {
		const sizes = await makeCanvasSizes(
			await image( 1200, 900, 'jpeg' ),
			'image/jpeg',
			SETTINGS
		);
		expect(
			sizes?.map( ( size ) => [ size.name, size.width, size.height ] )
		).toEqual( [
			[ 'medium', 300, 225 ],
			[ 'large', 1024, 768 ],
			[ 'thumbnail', 150, 150 ],
			[ 'medium_large', 768, 576 ],
		] );
		// Source rectangle, then the destination: the thumbnail is the
		// middle 900×900 of the photo.
		expect( canvases.map( ( canvas ) => canvas.draws[ 0 ] ) ).toEqual( [
			[ 0, 0, 1200, 900, 0, 0, 300, 225 ],
			[ 0, 0, 1200, 900, 0, 0, 1024, 768 ],
			[ 150, 0, 900, 900, 0, 0, 150, 150 ],
			[ 0, 0, 1200, 900, 0, 0, 768, 576 ],
		] );
		expect( canvases[ 0 ].encoded ).toEqual( {
			type: 'image/jpeg',
			quality: 0.82,
		} );
		expect( new TextDecoder().decode( sizes?.[ 2 ].bytes ) ).toBe(
			'150x150'
		);
	} );

	it( 'makes PNG sizes of a PNG, and none of an image smaller than every size', async () => {
		const sizes = await makeCanvasSizes(
			await image( 400, 300, 'png' ),
			'image/png',
			SETTINGS
		);
		expect( sizes?.map( ( size ) => size.name ) ).toEqual( [
			'medium',
			'thumbnail',
		] );
		expect( canvases[ 0 ].encoded ).toEqual( { type: 'image/png' } );
		expect(
			await makeCanvasSizes(
				await image( 120, 90, 'png' ),
				'image/png',
				SETTINGS
			)
		).toEqual( [] );
	} );

	it( 'leaves GIF, WebP, a big image and a type the archive misnames to the site', async () => {
		for ( const [ bytes, type ] of [
			[ await image( 400, 300, 'gif' ), 'image/gif' ],
			[ await image( 400, 300, 'webp' ), 'image/webp' ],
			[ await image( 3000, 200, 'jpeg' ), 'image/jpeg' ],
			[ await image( 400, 300, 'png' ), 'image/jpeg' ],
		] as const ) {
			expect( await makeCanvasSizes( bytes, type, SETTINGS ) ).toBeNull();
		}
		expect( canvases ).toEqual( [] );
	} );

	it( 'leaves the sizes to the site when the browser cannot encode the type, or has no OffscreenCanvas', async () => {
		const photo = await image( 640, 480, 'jpeg' );
		encodes = 'image/png';
		expect( await makeCanvasSizes( photo, 'image/jpeg', SETTINGS ) ).toBe(
			null
		);
		delete ( globalThis as Record< string, unknown > ).OffscreenCanvas;
		expect( await makeCanvasSizes( photo, 'image/jpeg', SETTINGS ) ).toBe(
			null
		);
	} );
} );
