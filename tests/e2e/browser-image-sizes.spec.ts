/**
 * The screen makes the images' smaller sizes in the browser: a post with a
 * photo and a picture, imported through the screen, lands with every size
 * WordPress registers for them, each file there at its stated dimensions and
 * type, on a site that cannot make sizes itself (its image editors are
 * switched off for this test): so the browser made them, and the site's
 * answer for each image says so.
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import { e2eSite, generatedZip } from './support/fixtures';
import {
	chooseFiles,
	logIn,
	openImporter,
	rest,
	sitePosts,
} from './support/wp';

const BATCH_ROUTE = /\/spaces-importer\/v1\/runs\/\d+\/media\/batch/;

/**
 * A photo-like image of its own (noise over gradients), new to the library.
 *
 * @param width  Its width.
 * @param height Its height.
 * @param format JPEG or PNG.
 * @return The bytes.
 */
async function picture(
	width: number,
	height: number,
	format: 'jpeg' | 'png'
): Promise< Uint8Array > {
	const pixels = Buffer.alloc( width * height * 3 );
	const seed = crypto.randomBytes( 3 );
	const noise = crypto.randomBytes( width * height );
	for ( let i = 0; i < width * height; i++ ) {
		const x = i % width;
		const y = Math.floor( i / width );
		pixels[ i * 3 ] = ( seed[ 0 ] + x / 4 + noise[ i ] / 8 ) % 256;
		pixels[ i * 3 + 1 ] = ( seed[ 1 ] + y / 3 ) % 256;
		pixels[ i * 3 + 2 ] = ( seed[ 2 ] + noise[ i ] / 4 ) % 256;
	}
	const image = sharp( pixels, { raw: { width, height, channels: 3 } } );
	return new Uint8Array(
		await (
			format === 'jpeg' ? image.jpeg( { quality: 85 } ) : image.png()
		).toBuffer()
	);
}

test( 'the browser makes every registered size of the images it imports, and the site makes none', async ( {
	page,
} ) => {
	const photo = await picture( 1200, 900, 'jpeg' );
	const drawing = await picture( 400, 300, 'png' );
	const { file, archive } = generatedZip( 'sized-in-the-browser.zip', {
		// A space of its own on every run: its post is new to the site.
		cid: crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase(),
		posts: 1,
		comments: 0,
		images: 2,
		seed: 11,
		image: ( index ) =>
			index === 0
				? { bytes: photo, ext: 'jpg' }
				: { bytes: drawing, ext: 'png' },
	} );

	// A must-use plugin of this test only: the site has no image editor, so
	// any size an image gets was made by the browser.
	const muPlugins = path.join( e2eSite().dir, 'wp-content', 'mu-plugins' );
	const noEditors = path.join( muPlugins, 'e2e-no-image-editors.php' );
	mkdirSync( muPlugins, { recursive: true } );
	writeFileSync(
		noEditors,
		`<?php\nadd_filter( 'wp_image_editors', '__return_empty_array' );\n`
	);
	try {
		const answers: Array< { sizes?: string; status: string } > = [];
		page.on( 'response', async ( response ) => {
			if ( BATCH_ROUTE.test( decodeURIComponent( response.url() ) ) ) {
				const body = await response.json().catch( () => null );
				answers.push( ...( body?.results ?? [] ) );
			}
		} );
		await logIn( page );
		await openImporter( page );
		await chooseFiles( page, file );
		await expect(
			page.getByText( 'Images: 2, all in the archive.' )
		).toBeVisible();
		await page
			.getByRole( 'button', { name: 'Import', exact: true } )
			.click();
		await expect(
			page.getByRole( 'heading', { name: 'Import finished' } )
		).toBeVisible( { timeout: 110_000 } );
		await expect(
			page.getByText(
				'Images: 2 added to the media library, 0 already there, 0 failed.'
			)
		).toBeVisible();
		// The site's answer for each image: the client made its sizes.
		expect( answers.map( ( answer ) => answer.sizes ) ).toEqual( [
			'client',
			'client',
		] );

		const title = archive.posts[ 0 ].title;
		const post = ( await sitePosts() ).find(
			( onSite ) => onSite.title.raw === title
		);
		expect( post ).toBeDefined();
		const { body: media } = await rest(
			`/wp/v2/media?parent=${ post.id }&context=edit&per_page=10`
		);
		expect( media ).toHaveLength( 2 );
		const byType = Object.fromEntries(
			media.map( ( item: any ) => [ item.mime_type, item ] )
		);

		// What WordPress registers by default, cut as WordPress cuts it.
		const expected: Record<
			string,
			Record< string, [ number, number ] >
		> = {
			'image/jpeg': {
				thumbnail: [ 150, 150 ],
				medium: [ 300, 225 ],
				medium_large: [ 768, 576 ],
				large: [ 1024, 768 ],
			},
			'image/png': {
				thumbnail: [ 150, 150 ],
				medium: [ 300, 225 ],
			},
		};
		for ( const [ mimeType, sizes ] of Object.entries( expected ) ) {
			const item = byType[ mimeType ];
			expect( item ).toBeDefined();
			const listed = { ...item.media_details.sizes };
			delete listed.full;
			expect( Object.keys( listed ).sort() ).toEqual(
				Object.keys( sizes ).sort()
			);
			for ( const [ name, [ width, height ] ] of Object.entries(
				sizes
			) ) {
				const size = listed[ name ];
				expect( [ name, size.width, size.height ] ).toEqual( [
					name,
					width,
					height,
				] );
				expect( size.mime_type ).toBe( mimeType );
				// The file itself is there, an image of that type and size.
				const response = await fetch( size.source_url );
				expect( response.status ).toBe( 200 );
				const meta = await sharp(
					Buffer.from( await response.arrayBuffer() )
				).metadata();
				expect( [
					name,
					meta.format,
					meta.width,
					meta.height,
				] ).toEqual( [
					name,
					mimeType === 'image/jpeg' ? 'jpeg' : 'png',
					width,
					height,
				] );
			}
		}
	} finally {
		rmSync( noEditors, { force: true } );
	}
} );
