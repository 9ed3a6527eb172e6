/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import {
	planSizes,
	resizeDimensions,
	type ImageSizeSettings,
} from '../image-sizes';
import {
	MediaBatcher,
	PART_OVERHEAD,
	mediaBudget,
	type MediaBudget,
	type MediaUpload,
} from '../media-batches';

/**
 * Every batch of a list of uploads, as the runner makes them one by one.
 *
 * @param uploads The uploads.
 * @param budget  The request budget.
 * @return The batches, in order.
 */
function planMediaBatches(
	uploads: MediaUpload[],
	budget: MediaBudget
): MediaUpload[][] {
	const batcher = new MediaBatcher( budget );
	const batches: MediaUpload[][] = [];
	for ( const item of uploads ) {
		const full = batcher.add( item );
		if ( full ) {
			batches.push( full );
		}
	}
	const last = batcher.flush();
	if ( last ) {
		batches.push( last );
	}
	return batches;
}

const SETTINGS: ImageSizeSettings = {
	sizes: [
		{ name: 'medium', width: 300, height: 300, crop: false },
		{ name: 'large', width: 1024, height: 1024, crop: false },
		{ name: 'thumbnail', width: 150, height: 150, crop: true },
		{ name: 'medium_large', width: 768, height: 0, crop: false },
		{ name: '1536x1536', width: 1536, height: 1536, crop: false },
		{ name: '2048x2048', width: 2048, height: 2048, crop: false },
	],
	bigImageThreshold: 2560,
	quality: { 'image/jpeg': 82 },
	outputFormats: {},
	types: [ 'image/jpeg', 'image/png' ],
};

function upload( n: number, bytes: number, sizes = 0 ): MediaUpload {
	return {
		path: `img/${ n }.jpg`,
		hash: String( n ).padStart( 64, '0' ),
		date: null,
		mimeType: 'image/jpeg',
		bytes: new Uint8Array( bytes ),
		sizes: Array.from( { length: sizes }, ( _, at ) => ( {
			name: `size${ at }`,
			width: 10,
			height: 10,
			bytes: new Uint8Array( 100 ),
		} ) ),
	};
}

describe( 'image sizes as WordPress cuts them', () => {
	it( 'gives a 640×480 photo a centred 150×150 thumbnail and a 300×225 medium size, and no size larger than it', () => {
		expect( planSizes( 640, 480, SETTINGS ) ).toEqual( [
			{
				name: 'medium',
				x: 0,
				y: 0,
				cropWidth: 640,
				cropHeight: 480,
				width: 300,
				height: 225,
			},
			{
				name: 'thumbnail',
				x: 80,
				y: 0,
				cropWidth: 480,
				cropHeight: 480,
				width: 150,
				height: 150,
			},
		] );
	} );

	it( 'crops where the size says, fits tall images by height and makes no size of the original’s own dimensions', () => {
		expect(
			resizeDimensions( 640, 480, 150, 150, [ 'left', 'bottom' ] )
		).toMatchObject( { x: 0, y: 0, cropWidth: 480, cropHeight: 480 } );
		expect( resizeDimensions( 400, 1000, 300, 300, false ) ).toMatchObject(
			{ width: 120, height: 300 }
		);
		expect( resizeDimensions( 1025, 768, 1024, 1024, false ) ).toBeNull();
		expect( resizeDimensions( 100, 80, 150, 150, true ) ).toBeNull();
		// Wider than the size only: cropped to its width, its height kept.
		expect( resizeDimensions( 600, 100, 150, 150, true ) ).toMatchObject( {
			width: 150,
			height: 100,
			cropWidth: 150,
			cropHeight: 100,
		} );
	} );

	it( 'leaves images over the big-image threshold to the site', () => {
		expect( planSizes( 3000, 2000, SETTINGS ) ).toBeNull();
		expect(
			planSizes( 3000, 2000, { ...SETTINGS, bigImageThreshold: 0 } )
		).not.toBeNull();
	} );
} );

describe( 'media batches', () => {
	it( 'puts files and their sizes together in requests within the site’s file count and bytes, in order, each file once', () => {
		const budget = mediaBudget( {
			postsPerRequest: 50,
			mediaFilesPerRequest: 7,
			maxRequestBytes: 100000,
			maxUploadBytes: 100000,
		} );
		const uploads = Array.from( { length: 10 }, ( _, n ) =>
			upload( n, 1000, 2 )
		);
		const batches = planMediaBatches( uploads, budget );
		// Three files each (the image and two sizes): two per request of seven files.
		expect( batches.map( ( batch ) => batch.length ) ).toEqual( [
			2, 2, 2, 2, 2,
		] );
		expect( batches.flat().map( ( item ) => item.path ) ).toEqual(
			uploads.map( ( item ) => item.path )
		);
		expect(
			batches.flat().every( ( item ) => item.sizes.length === 2 )
		).toBe( true );
	} );

	it( 'counts bytes: files that together pass the request budget go in separate requests', () => {
		const budget = mediaBudget( {
			postsPerRequest: 50,
			mediaFilesPerRequest: 20,
			maxRequestBytes: 3 * ( 30000 + PART_OVERHEAD ),
			maxUploadBytes: 1000000,
		} );
		const batches = planMediaBatches(
			Array.from( { length: 7 }, ( _, n ) => upload( n, 30000 ) ),
			budget
		);
		expect( batches.map( ( batch ) => batch.length ) ).toEqual( [
			3, 3, 1,
		] );
	} );

	it( 'sends a file larger than the request budget alone, and leaves its sizes to the site when they would not fit', () => {
		const budget = mediaBudget( {
			postsPerRequest: 50,
			mediaFilesPerRequest: 2,
			maxRequestBytes: 10000,
			maxUploadBytes: 50000,
		} );
		const batches = planMediaBatches(
			[ upload( 1, 500 ), upload( 2, 40000 ), upload( 3, 500, 3 ) ],
			budget
		);
		expect(
			batches.map( ( batch ) => batch.map( ( item ) => item.path ) )
		).toEqual( [ [ 'img/1.jpg' ], [ 'img/2.jpg' ], [ 'img/3.jpg' ] ] );
		// Four files do not fit in a request of two: the site makes them.
		expect( batches[ 2 ][ 0 ].sizes ).toEqual( [] );
	} );
} );
