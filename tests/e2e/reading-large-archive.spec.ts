/**
 * Reading a large archive in the browser, against reading it in Node on the
 * same machine in the same run: the page stays responsive, and the browser
 * is not much slower.
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';
import { openAsBlob } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { generatedZip, screenshotDir } from './support/fixtures';
import { chooseFiles, logIn, openImporter } from './support/wp';

// Timed against Node: no trace, whose screencast would take the browser's
// time.
test.use( { trace: 'off' } );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'reading a 5,000-post archive keeps the page responsive', async ( {
	page,
} ) => {
	// The archive is read twice: in Node, then in the browser.
	test.setTimeout( 240_000 );
	const { file } = generatedZip( 'large.zip', {
		cid: 'A1000000000000E6',
		posts: 5000,
		comments: 10000,
		images: 50,
		seed: 5,
	} );
	// The same archive read in Node, on this machine, in this run, the way
	// the command line reads a file: the yardstick for the browser.
	const nodeStart = performance.now();
	const { model } = await readArchive(
		await openAsBlob( file ),
		path.basename( file )
	);
	const nodeMs = performance.now() - nodeStart;
	expect( model.posts ).toHaveLength( 5000 );

	await page.addInitScript( () => {
		const tasks: Array< { start: number; duration: number } > = [];
		( window as any ).__longTasks = tasks;
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				tasks.push( {
					start: entry.startTime,
					duration: entry.duration,
				} );
			}
		} ).observe( { type: 'longtask', buffered: true } );
	} );
	await openImporter( page );
	// What follows is reading, not the page loading: the app has shown, the
	// page has fetched all it fetches on its own (the list's code among
	// them) and is idle.
	await expect(
		page.getByRole( 'button', { name: 'Choose files…' } )
	).toBeVisible();
	await page.waitForLoadState( 'networkidle' );
	await page.evaluate(
		() => new Promise( ( resolve ) => requestIdleCallback( resolve ) )
	);
	const start = await page.evaluate( () => performance.now() );
	await chooseFiles( page, file );
	await expect(
		page.getByRole( 'heading', { name: /^Reading/ } )
	).toBeVisible();
	await expect(
		page.getByText( /files read, [\d,]+ posts found/ )
	).toBeVisible();
	await expect(
		page.getByText( '5,000 posts, 10,000 comments found.' )
	).toBeVisible( { timeout: 200_000 } );
	const end = await page.evaluate( () => performance.now() );
	// One page of the list, not 5,000 rows; the next page on request.
	const list = page.getByRole( 'region', { name: 'Posts in the archive' } );
	const rows = list.getByRole( 'table' ).getByRole( 'row' );
	await expect( rows ).toHaveCount( 21 );
	expect( await page.locator( 'tr' ).count() ).toBeLessThanOrEqual( 21 );
	const firstTitle = await rows
		.nth( 1 )
		.getByRole( 'cell' )
		.first()
		.innerText();
	await list.getByRole( 'button', { name: 'Next page' } ).click();
	await expect( rows.nth( 1 ) ).not.toContainText( firstTitle );
	await expect( rows ).toHaveCount( 21 );
	const tasks: Array< { start: number; duration: number } > =
		await page.evaluate( () => ( window as any ).__longTasks );
	const during = tasks.filter( ( task ) => task.start >= start );
	const longest = Math.max( 0, ...during.map( ( task ) => task.duration ) );
	const browserMs = end - start;
	// eslint-disable-next-line no-console
	console.log(
		`Reading 5,000 posts: ${ Math.round(
			browserMs
		) } ms in the browser, ${ Math.round( nodeMs ) } ms in Node (×${ (
			browserMs / nodeMs
		).toFixed(
			2
		) }); ${ during.length } long tasks on the page, the longest ${ Math.round(
			longest
		) } ms.`
	);
	await page.screenshot( {
		path: path.join( screenshotDir, 'importer-3b-preview-large.png' ),
		fullPage: true,
	} );
	expect(
		longest,
		'no task on the page over 100 ms while reading and paging'
	).toBeLessThanOrEqual( 100 );
	expect(
		browserMs,
		'the browser reads within 1.5× the time Node takes'
	).toBeLessThanOrEqual( nodeMs * 1.5 );
} );
