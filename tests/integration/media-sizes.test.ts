/**
 * Images whose smaller sizes the client made: the site checks each size from
 * its header, stores it under WordPress's own name beside the original and
 * writes the same attachment metadata WordPress writes when it makes the
 * sizes itself; sizes that lie are refused, one file at a time; and the site
 * still makes the sizes when the client does not (or the run says so).
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import { createSharpSizer } from '../../src/cli/sharp-sizer';
import type { MadeSize } from '../../src/import/image-sizes';
import { batchRequest, type MediaUpload } from '../../src/import/media-batches';
import { multipartForm } from '../../src/import/rest-client';

/**
 * The multipart form of a batch, as the runner sends it.
 *
 * @param batch The uploads.
 * @return The form.
 */
function batchForm( batch: MediaUpload[] ): FormData {
	return multipartForm( ...batchRequest( batch ) );
}
import {
	createAccount,
	pngImage,
	requestAs,
	sha256,
	siteCounts,
	sitePhpJson,
	startFreshRun,
	testSite,
} from './support/site';

const API = '/spaces-importer/v1';

const startRun = ( options: Record< string, unknown > = {} ) =>
	startFreshRun( 'photos.zip', options );

/**
 * A 640×480 photo-like JPEG of its own (noise over a gradient), so every
 * test's images are new to the library.
 *
 * @return The bytes.
 */
async function photo(): Promise< Buffer > {
	const width = 640;
	const height = 480;
	const pixels = Buffer.alloc( width * height * 3 );
	const seed = crypto.randomBytes( 3 );
	const noise = crypto.randomBytes( width * height );
	for ( let i = 0; i < width * height; i++ ) {
		const x = i % width;
		pixels[ i * 3 ] = ( seed[ 0 ] + x / 3 + noise[ i ] / 8 ) % 256;
		pixels[ i * 3 + 1 ] = ( seed[ 1 ] + i / width / 2 ) % 256;
		pixels[ i * 3 + 2 ] = ( seed[ 2 ] + noise[ i ] / 4 ) % 256;
	}
	return sharp( pixels, { raw: { width, height, channels: 3 } } )
		.jpeg( { quality: 80 } )
		.toBuffer();
}

function upload( bytes: Buffer, sizes?: MadeSize[] ): MediaUpload {
	const hash = sha256( bytes );
	return {
		sized: sizes !== undefined,
		path: `img/${ hash.slice( 0, 8 ) }.jpg`,
		hash,
		date: '2007-04',
		mimeType: 'image/jpeg',
		bytes: new Uint8Array( bytes ),
		sizes: sizes ?? [],
	};
}

async function sendBatch( runId: number, batch: MediaUpload[] ) {
	const answer = await requestAs(
		'POST',
		`${ API }/runs/${ runId }/media/batch`,
		batchForm( batch ),
		'admin'
	);
	expect( answer.status ).toBe( 200 );
	return answer.body.results as any[];
}

async function finalize( runId: number ) {
	for ( let step = 0; step < 50; step++ ) {
		const { body } = await requestAs(
			'POST',
			`${ API }/runs/${ runId }/finalize`,
			{},
			'admin'
		);
		if ( body.state === 'complete' ) {
			return;
		}
	}
	throw new Error( 'finalize did not end' );
}

/**
 * An attachment as WordPress keeps it, with what the theme would print.
 *
 * @param id The attachment.
 * @return Its metadata, its file's path and the image tag of its medium size.
 */
function attachment( id: number ) {
	return sitePhpJson( `
echo "\\n" . wp_json_encode( array(
	'meta' => wp_get_attachment_metadata( ${ id } ),
	'file' => get_attached_file( ${ id } ),
	'img'  => wp_get_attachment_image( ${ id }, 'medium' ),
	'needs' => get_post_meta( ${ id }, '_spaces_importer_needs_metadata', true ),
) );
` );
}

const shape = ( meta: any ) => ( {
	keys: Object.keys( meta ).sort(),
	sizes: Object.fromEntries(
		Object.entries( meta.sizes ).map(
			( [ name, size ]: [ string, any ] ) => [
				name,
				{
					width: size.width,
					height: size.height,
					mime: size[ 'mime-type' ],
					keys: Object.keys( size ).sort(),
				},
			]
		)
	),
	width: meta.width,
	height: meta.height,
	imageMetaKeys: Object.keys( meta.image_meta ?? {} ).sort(),
} );

describe( 'image sizes made by the client', () => {
	it( 'tells the client which sizes the site makes and how they are cut', async () => {
		const run = await startRun();
		expect( run.imageSizes.sizes ).toEqual(
			expect.arrayContaining( [
				{ name: 'thumbnail', width: 150, height: 150, crop: true },
				{ name: 'medium', width: 300, height: 300, crop: false },
			] )
		);
		expect( run.imageSizes.bigImageThreshold ).toBe( 2560 );
		expect( run.imageSizes.quality[ 'image/jpeg' ] ).toBe( 82 );
		expect( run.imageSizes.types ).toContain( 'image/jpeg' );
		expect( run.limits.mediaFilesPerRequest ).toBeGreaterThan( 1 );
		// A run that leaves the sizes to the site tells the client nothing to make.
		expect(
			( await startRun( { imageSizes: 'server' } ) ).imageSizes
		).toBeNull();
	} );

	it( 'stores the client’s sizes beside the original and writes the metadata WordPress writes for the sizes it makes itself', async () => {
		const run = await startRun();
		const sizer = await createSharpSizer();
		expect( sizer ).not.toBeNull();
		const clientPhoto = await photo();
		const serverPhoto = await photo();
		const sizes = await sizer!.make(
			new Uint8Array( clientPhoto ),
			'image/jpeg',
			run.imageSizes
		);
		expect( sizes?.map( ( size ) => size.name ) ).toEqual( [
			'medium',
			'thumbnail',
		] );
		const results = await sendBatch( run.id, [
			upload( clientPhoto, sizes! ),
			upload( serverPhoto ),
		] );
		expect( results.map( ( r ) => [ r.status, r.sizes ] ) ).toEqual( [
			[ 'created', 'client' ],
			[ 'created', 'server' ],
		] );
		const byClient = attachment( results[ 0 ].attachmentId );
		// Written now: finalize has nothing left to make for it.
		expect( byClient.needs ).toBe( '' );
		await finalize( run.id );
		const byServer = attachment( results[ 1 ].attachmentId );

		expect( shape( byClient.meta ) ).toEqual( shape( byServer.meta ) );
		expect( byClient.meta.sizes.medium ).toMatchObject( {
			width: 300,
			height: 225,
			'mime-type': 'image/jpeg',
		} );
		expect( byClient.meta.sizes.thumbnail ).toMatchObject( {
			width: 150,
			height: 150,
		} );
		const dir = nodePath.dirname( byClient.file );
		const base = nodePath.basename( byClient.file, '.jpg' );
		expect( byClient.meta.file ).toMatch( /^2007\/04\/.+\.jpg$/ );
		expect( byClient.meta.filesize ).toBe( clientPhoto.length );
		for ( const size of Object.values( byClient.meta.sizes ) as any[] ) {
			expect( size.file ).toBe(
				`${ base }-${ size.width }x${ size.height }.jpg`
			);
			const onDisk = fs.readFileSync( nodePath.join( dir, size.file ) );
			expect( size.filesize ).toBe( onDisk.length );
			const read = await sharp( onDisk ).metadata();
			expect( [ read.format, read.width, read.height ] ).toEqual( [
				'jpeg',
				size.width,
				size.height,
			] );
		}
		// The theme's image tag offers the sizes.
		expect( byClient.img ).toContain( `${ base }-300x225.jpg` );
		expect( byClient.img ).toMatch( /srcset="[^"]*640w/ );
	} );

	it( 'writes the metadata of an image smaller than every size at once, when the client says it made its sizes (none)', async () => {
		const run = await startRun();
		const bytes = pngImage( 40, [ 9, 120, 201 ] );
		const sizes = await ( await createSharpSizer() )!.make(
			new Uint8Array( bytes ),
			'image/png',
			run.imageSizes
		);
		expect( sizes ).toEqual( [] );
		const [ result ] = await sendBatch( run.id, [
			{
				...upload( bytes ),
				path: 'img/tiny.png',
				mimeType: 'image/png',
				sized: true,
			},
		] );
		expect( result ).toMatchObject( {
			status: 'created',
			sizes: 'client',
		} );
		const stored = attachment( result.attachmentId );
		expect( stored.needs ).toBe( '' );
		expect( stored.meta ).toMatchObject( {
			width: 40,
			height: 40,
			sizes: [],
		} );
	} );

	it( 'refuses sizes that lie, each file with its own reason, and stores the honest file beside them', async () => {
		const run = await startRun();
		const sizer = ( await createSharpSizer() )!;
		const made = async ( bytes: Buffer ) =>
			( await sizer.make(
				new Uint8Array( bytes ),
				'image/jpeg',
				run.imageSizes
			) )!;
		const photos = await Promise.all( [ 1, 2, 3, 4, 5 ].map( photo ) );
		const honest = await made( photos[ 4 ] );

		// A thumbnail of other dimensions than it says.
		const wrong = await made( photos[ 0 ] );
		wrong[ 1 ] = {
			...wrong[ 1 ],
			bytes: new Uint8Array(
				await sharp( photos[ 0 ] ).resize( 160, 160 ).jpeg().toBuffer()
			),
		};
		// A thumbnail that is not an image.
		const text = await made( photos[ 1 ] );
		text[ 1 ] = {
			...text[ 1 ],
			bytes: new TextEncoder().encode( 'just some words' ),
		};
		// A PHP script sent as the thumbnail.
		const script = await made( photos[ 2 ] );
		script[ 1 ] = {
			...script[ 1 ],
			bytes: new TextEncoder().encode( '<?php echo "owned"; ?>' ),
		};
		// A size larger than the original, which WordPress never makes.
		const larger = await made( photos[ 3 ] );
		larger.push( {
			name: 'large',
			width: 1024,
			height: 768,
			bytes: new Uint8Array(
				await sharp( photos[ 3 ] ).resize( 1024, 768 ).jpeg().toBuffer()
			),
		} );

		const before = siteCounts();
		const results = await sendBatch( run.id, [
			upload( photos[ 0 ], wrong ),
			upload( photos[ 1 ], text ),
			upload( photos[ 2 ], script ),
			upload( photos[ 3 ], larger ),
			upload( photos[ 4 ], honest ),
		] );
		expect( results.map( ( r ) => [ r.status, r.code ] ) ).toEqual( [
			[ 'failed', 'spaces_importer_bad_image_size' ],
			[ 'failed', 'spaces_importer_bad_image_size' ],
			[ 'failed', 'spaces_importer_bad_image_size' ],
			[ 'failed', 'spaces_importer_bad_image_size' ],
			[ 'created', undefined ],
		] );
		expect( results[ 0 ].message ).toBe(
			'The "thumbnail" image size is 160×160 pixels; WordPress makes it 150×150.'
		);
		expect( results[ 1 ].message ).toBe(
			'The "thumbnail" image size is not an image of type image/jpeg.'
		);
		expect( results[ 2 ].message ).toBe( results[ 1 ].message );
		expect( results[ 3 ].message ).toBe(
			'WordPress makes no "large" size of this image.'
		);
		// Only the honest photo and its two sizes were written.
		const after = siteCounts();
		expect( after.attachments - before.attachments ).toBe( 1 );
		expect( after.files - before.files ).toBe( 3 );
		const { body } = await requestAs(
			'GET',
			`${ API }/runs/${ run.id }`,
			undefined,
			'admin'
		);
		expect( body.counts.media ).toMatchObject( { created: 1, failed: 4 } );
		expect(
			body.failures.map( ( failure: any ) => failure.message )
		).toContain( results[ 0 ].message );
	} );

	it( 'makes the sizes on the site when the run says so, whatever the client sends', async () => {
		const run = await startRun( { imageSizes: 'server' } );
		const bytes = await photo();
		const sizer = ( await createSharpSizer() )!;
		const sizes = await sizer.make(
			new Uint8Array( bytes ),
			'image/jpeg',
			( await startRun() ).imageSizes
		);
		const [ result ] = await sendBatch( run.id, [
			upload( bytes, sizes! ),
		] );
		expect( result ).toMatchObject( {
			status: 'created',
			sizes: 'server',
		} );
		expect( attachment( result.attachmentId ).needs ).toBe( '1' );
		await finalize( run.id );
		const made = attachment( result.attachmentId );
		expect( Object.keys( made.meta.sizes ).sort() ).toEqual( [
			'medium',
			'thumbnail',
		] );
		expect( testSite().url ).toBeTruthy();
	} );

	it( 'asks what the one-file route asks: the right to upload, and the run being the caller’s', async () => {
		const run = await startRun();
		const bytes = await photo();
		const send = ( who: Parameters< typeof requestAs >[ 3 ] ) =>
			requestAs(
				'POST',
				`${ API }/runs/${ run.id }/media/batch`,
				batchForm( [ upload( bytes ) ] ),
				who
			);
		const before = siteCounts();
		expect( ( await send( null ) ).status ).toBe( 401 );
		expect( ( await send( 'subscriber' ) ).status ).toBe( 403 );
		const contributor = createAccount( 'contributor', [ 'import' ] );
		expect( ( await send( contributor ) ).status ).toBe( 403 );
		const author = createAccount( 'author', [ 'import' ] );
		const notTheirs = await send( author );
		expect( notTheirs.status ).toBe( 403 );
		expect( notTheirs.body.code ).toBe( 'spaces_importer_not_your_run' );
		expect( siteCounts() ).toEqual( before );
	} );

	it( 'answers a file sent again as the one already stored', async () => {
		const run = await startRun();
		const bytes = await photo();
		const first = await sendBatch( run.id, [ upload( bytes ) ] );
		const again = await sendBatch( run.id, [ upload( bytes ) ] );
		expect( again[ 0 ] ).toMatchObject( {
			status: 'existing',
			attachmentId: first[ 0 ].attachmentId,
		} );
	} );
} );
