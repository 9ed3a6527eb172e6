/**
 * The screenshots readme.txt's `== Screenshots ==` captions describe, taken
 * from the real screen: choosing the archive, the preview with its options,
 * the report. Saved in artifacts/screenshots/wordpress-org/; with
 * SPACES_IMPORTER_UPDATE_SCREENSHOTS=1 also in .wordpress-org/, the folder
 * that is published as the plugin directory's assets (outside the zip).
 */

/**
 * External dependencies
 */
import { test, expect, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { generatedZip, root, screenshotDir } from './support/fixtures';
import { chooseFiles, logIn, openImporter } from './support/wp';

const out = path.join( screenshotDir, 'wordpress-org' );

async function screenshot( page: Page, n: number ) {
	mkdirSync( out, { recursive: true } );
	const file = path.join( out, `screenshot-${ n }.png` );
	await page.screenshot( { path: file } );
	if ( process.env.SPACES_IMPORTER_UPDATE_SCREENSHOTS === '1' ) {
		const published = path.join( root, '.wordpress-org' );
		mkdirSync( published, { recursive: true } );
		copyFileSync( file, path.join( published, `screenshot-${ n }.png` ) );
	}
}

test( 'the screens readme.txt shows', async ( { page } ) => {
	await page.setViewportSize( { width: 1280, height: 900 } );
	const { file } = generatedZip( 'screenshots-space.zip', {
		posts: 40,
		comments: 90,
		images: 8,
		seed: 21,
		cid: 'C1100000000000F5',
	} );
	await logIn( page );
	await openImporter( page );
	await expect(
		page.getByRole( 'heading', { name: 'Choose your Spaces archive' } )
	).toBeVisible();
	await screenshot( page, 1 );

	await chooseFiles( page, file );
	await expect(
		page.getByText( '40 posts, 90 comments found.' )
	).toBeVisible();
	// The list's first page, not the spinner it shows while it loads.
	await expect(
		page
			.getByRole( 'region', { name: 'Posts in the archive' } )
			.getByRole( 'table' )
			.getByRole( 'row' )
	).toHaveCount( 21 );
	await screenshot( page, 2 );

	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await expect(
		page.getByText( '40 posts imported, 0 already here, 0 failed.' )
	).toBeVisible( { timeout: 110_000 } );
	await expect(
		page
			.getByRole( 'region', { name: 'Posts of the archive' } )
			.getByRole( 'table' )
			.getByRole( 'row' )
	).toHaveCount( 21 );
	await screenshot( page, 3 );
} );
