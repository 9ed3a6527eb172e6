/**
 * The importer screen against a real WordPress, step by step, as an owner
 * uses it: a generated archive with comments and images, pause and resume,
 * a reload mid-run, a failed post retried, undo. Every step is
 * photographed for review.
 */

/**
 * External dependencies
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { e2eSite, generatedZip, screenshotDir } from './support/fixtures';
import {
	chooseFiles,
	countOf,
	gatePosts,
	logIn,
	openImporter,
	POSTS_ROUTE,
	rest,
	sitePosts,
} from './support/wp';

// Every generated archive below has its own space id (`cid`), so the posts
// of one are never “already here” for another.

function shot( page: Page, name: string ) {
	return page.screenshot( {
		path: path.join( screenshotDir, `importer-${ name }.png` ),
		fullPage: true,
	} );
}

interface Box {
	left: number;
	right: number;
}

/**
 * Where an element is on the page, left and right edges.
 *
 * @param locator The element.
 * @return Its edges, in CSS pixels.
 */
async function boxOf( locator: Locator ): Promise< Box > {
	const box = await locator.boundingBox();
	if ( ! box ) {
		throw new Error( 'The element is not shown.' );
	}
	return { left: box.x, right: box.x + box.width };
}

/**
 * Where an element's text is on the page (not its box, which a block
 * stretches across the whole width).
 *
 * @param locator The element.
 * @return The text's edges, in CSS pixels.
 */
function textBox( locator: Locator ): Promise< Box > {
	return locator.evaluate( ( element ) => {
		const range = document.createRange();
		range.selectNodeContents( element );
		const rect = range.getBoundingClientRect();
		return { left: rect.left, right: rect.right };
	} );
}

async function siteCounts() {
	return {
		posts: ( await sitePosts() ).length,
		media: await countOf( '/wp/v2/media' ),
		comments: await countOf( '/wp/v2/comments', '&status=all' ),
		categories: await countOf( '/wp/v2/categories' ),
		tags: await countOf( '/wp/v2/tags' ),
	};
}

const finished = ( page: Page ) =>
	expect(
		page.getByRole( 'heading', { name: 'Import finished' } )
	).toBeVisible( { timeout: 110_000 } );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'the whole flow: choose, preview, options, import with images and comments, report', async ( {
	page,
} ) => {
	const { file, archive } = generatedZip( 'notes-and-photos.zip', {
		cid: 'A1000000000000E1',
		posts: 60,
		comments: 150,
		images: 12,
		seed: 7,
	} );
	const before = await siteCounts();
	const beforeIds = new Set(
		( await sitePosts() ).map( ( post ) => post.id )
	);
	await openImporter( page );
	await expect(
		page.getByRole( 'heading', { name: 'Choose your Spaces archive' } )
	).toBeVisible();
	await shot( page, '1-choose' );

	await chooseFiles( page, file );
	const title = page.getByRole( 'heading', {
		name: 'Notes & Photos — 日记',
	} );
	await expect( title ).toBeVisible();
	// Focus moves to the new step's heading.
	await expect( title ).toBeFocused();
	await expect(
		page.getByText( '60 posts, 150 comments found.' )
	).toBeVisible();
	await expect(
		page.getByText( 'Images: 12, all in the archive.' )
	).toBeVisible();
	await expect( page.getByLabel( 'Post status' ) ).toHaveValue( 'publish' );
	// With the list shown too, each label still names its own control: the
	// list carries its own copy of WordPress's components, and no id on the
	// page repeats one of the choices'.
	await expect(
		page
			.getByRole( 'region', { name: 'Posts in the archive' } )
			.getByRole( 'button', { name: 'Next page' } )
	).toBeVisible();
	expect(
		await page.evaluate( () => {
			const ids = Array.from(
				document.querySelectorAll( '[id]' ),
				( element ) => element.id
			);
			return ids.filter( ( id, index ) => ids.indexOf( id ) !== index );
		} )
	).toEqual( [] );
	await expect( page.getByLabel( 'Post status' ) ).toHaveValue( 'publish' );
	await shot( page, '3-preview-and-options' );

	// The posts wait at the gate while the screen is photographed importing.
	const gate = await gatePosts( page );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await expect(
		page.getByRole( 'heading', { name: /^Importing/ } )
	).toBeVisible();
	await expect(
		page.locator( '.spaces-importer-progress__phase.is-running' )
	).toContainText( 'Posts and comments', { timeout: 60_000 } );
	await shot( page, '4-importing' );
	gate.open();

	await finished( page );
	await expect(
		page.getByText( '60 posts imported, 0 already here, 0 failed.' )
	).toBeVisible();
	await expect( page.getByText( '150 comments imported.' ) ).toBeVisible();
	await expect(
		page.getByText(
			'Images: 12 added to the media library, 0 already there, 0 failed.'
		)
	).toBeVisible();
	await shot( page, '5-report' );

	const after = await siteCounts();
	expect( after.posts ).toBe( before.posts + 60 );
	expect( after.comments ).toBe( before.comments + 150 );
	expect( after.media ).toBe( before.media + 12 );

	// Each post's images point at the media library, never at `img/…`.
	const posts = ( await sitePosts() ).filter(
		( post ) => ! beforeIds.has( post.id )
	);
	expect( posts ).toHaveLength( 60 );
	const withImages = posts.filter( ( post ) =>
		post.content.raw.includes( '<img' )
	);
	expect( withImages.length ).toBeGreaterThan( 0 );
	for ( const post of withImages ) {
		expect( post.content.raw ).not.toMatch( /src="img\// );
		expect( post.content.raw ).toMatch(
			/src="[^"]*\/wp-content\/uploads\//
		);
	}
	// A post with comments has them all, approved.
	const commented = archive.posts.find(
		( sample ) => sample.comments.length >= 2
	);
	if ( ! commented ) {
		throw new Error( 'The generated archive has no post with comments.' );
	}
	const onSite = posts.find(
		( post ) =>
			post.date === commented.published &&
			post.title.raw.startsWith( commented.title.split( '.' )[ 0 ] + '.' )
	);
	expect( onSite ).toBeDefined();
	const { body: comments } = await rest(
		`/wp/v2/comments?post=${ onSite.id }&per_page=100&context=edit`
	);
	expect( comments ).toHaveLength( commented.comments.length );
	expect( comments[ 0 ].status ).toBe( 'approved' );

	// The link to Posts names this run, and Posts then lists exactly its posts.
	const postsLink = page.getByRole( 'link', {
		name: 'See the imported posts in Posts',
	} );
	await expect( postsLink ).toHaveAttribute(
		'href',
		/spaces_importer_run=\d+/
	);
	await postsLink.click();
	await expect(
		page.getByText( /Showing the posts imported from/ )
	).toBeVisible();
	await expect(
		page
			.locator(
				'.subsubsub + .tablenav .displaying-num, .tablenav.top .displaying-num'
			)
			.first()
	).toHaveText( '60 items' );
} );

test( 'pause stops sending until resumed', async ( { page } ) => {
	const { file } = generatedZip( 'pause.zip', {
		cid: 'A1000000000000E2',
		posts: 200,
		comments: 20,
		images: 0,
		seed: 11,
	} );
	// Posts requests as the page makes them: started, and answered.
	await page.addInitScript( () => {
		const counts = { started: 0, answered: 0 };
		( window as any ).__postsRequests = counts;
		const original = window.fetch;
		window.fetch = ( input, init ) => {
			const url = decodeURIComponent(
				typeof input === 'string' ? input : String( input )
			);
			if ( ! /\/spaces-importer\/v1\/runs\/\d+\/posts/.test( url ) ) {
				return original( input, init );
			}
			counts.started++;
			return original( input, init ).finally( () => counts.answered++ );
		};
	} );
	const requests = (): Promise< { started: number; answered: number } > =>
		page.evaluate( () => ( window as any ).__postsRequests );
	await openImporter( page );
	await chooseFiles( page, file );
	// Paused with posts requests on their way: the gate holds them.
	const gate = await gatePosts( page );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await expect.poll( gate.reached ).toBeGreaterThan( 0 );
	await page.getByRole( 'button', { name: 'Pause' } ).click();
	await expect(
		page.getByText( /Paused\. Nothing is sent until you resume\./ )
	).toBeVisible();
	// Keyboard users stay on the same button, now Resume.
	await expect(
		page.getByRole( 'button', { name: 'Resume' } )
	).toBeFocused();
	await shot( page, '4b-paused' );
	// Paused is: what was in flight is answered, and the page, with nothing
	// left to do, sends nothing after it.
	gate.open();
	await expect
		.poll( async () => {
			const { started, answered } = await requests();
			return started - answered;
		} )
		.toBe( 0 );
	const whilePaused = ( await requests() ).started;
	await page.evaluate(
		() =>
			new Promise( ( resolve ) =>
				requestIdleCallback( () => requestIdleCallback( resolve ) )
			)
	);
	expect( ( await requests() ).started ).toBe( whilePaused );

	await page.keyboard.press( 'Enter' );
	await finished( page );
	await expect(
		page.getByText( '200 posts imported, 0 already here, 0 failed.' )
	).toBeVisible();
} );

test( 'a reload mid-run asks first, then offers the unfinished run and resumes it from the browser’s copy', async ( {
	page,
} ) => {
	const { file } = generatedZip( 'reload.zip', {
		cid: 'A1000000000000E3',
		posts: 150,
		comments: 30,
		images: 3,
		seed: 23,
	} );
	const before = ( await sitePosts() ).length;
	await openImporter( page );
	await chooseFiles( page, file );
	// The first posts request is answered, the next held: the reload comes
	// mid-run.
	await gatePosts( page, 1 );
	const answered = page.waitForResponse( ( response ) =>
		POSTS_ROUTE.test( decodeURIComponent( response.url() ) )
	);
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await answered;

	let asked = '';
	page.once( 'dialog', async ( dialog ) => {
		asked = dialog.type();
		await dialog.accept();
	} );
	await page.reload();
	expect( asked ).toBe( 'beforeunload' );
	await page.unrouteAll( { behavior: 'ignoreErrors' } );

	await expect(
		page.getByRole( 'heading', { name: 'An import is unfinished' } )
	).toBeVisible();
	await expect(
		page.getByText( /stopped before it finished: \d+ of its 150 posts/ )
	).toBeVisible();
	await shot( page, '6-unfinished' );
	await page.getByRole( 'button', { name: 'Resume the import' } ).click();
	await finished( page );
	await expect(
		page.getByText( '150 posts imported, 0 already here, 0 failed.' )
	).toBeVisible();
	// Nothing twice.
	expect( ( await sitePosts() ).length ).toBe( before + 150 );

	// Finished: the browser let the archive go, nothing is offered again.
	await openImporter( page );
	await expect(
		page.getByRole( 'heading', { name: 'Choose your Spaces archive' } )
	).toBeVisible();
	await expect(
		page.getByRole( 'heading', { name: 'An import is unfinished' } )
	).toHaveCount( 0 );
} );

test( 'a post that failed is listed with its reason and imported by Retry', async ( {
	page,
} ) => {
	const { file } = generatedZip( 'retry.zip', {
		cid: 'A1000000000000E4',
		posts: 20,
		comments: 10,
		images: 0,
		seed: 31,
	} );
	const before = ( await sitePosts() ).length;
	let failedTitle = '';
	let first = true;
	// The first batch reaches the site without its first post, which is
	// answered as failed: what a passing fault of the site looks like.
	await page.route(
		( url ) => POSTS_ROUTE.test( decodeURIComponent( url.href ) ),
		async ( route ) => {
			if ( ! first ) {
				return route.continue();
			}
			first = false;
			const body = route.request().postDataJSON();
			const [ dropped, ...others ] = body.posts;
			failedTitle = dropped.title;
			const response = await route.fetch( {
				postData: JSON.stringify( { ...body, posts: others } ),
			} );
			const answer = await response.json();
			answer.results.unshift( {
				sourceId: dropped.sourceId,
				postId: 0,
				status: 'failed',
				message: 'The database was busy; try again.',
			} );
			await route.fulfill( { response, json: answer } );
		}
	);
	await openImporter( page );
	await chooseFiles( page, file );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await finished( page );
	await expect(
		page.getByText( '19 posts imported, 0 already here, 1 failed.' )
	).toBeVisible();
	// The list of posts opens on the failure, with its reason.
	const list = page.getByRole( 'region', { name: 'Posts of the archive' } );
	const rows = list.getByRole( 'table' ).getByRole( 'row' );
	await expect( rows ).toHaveCount( 2 );
	await expect( rows.nth( 1 ) ).toContainText( failedTitle );
	await expect( rows.nth( 1 ) ).toContainText(
		'The database was busy; try again.'
	);
	await shot( page, '5b-report-with-failure' );

	await page
		.getByRole( 'button', { name: `Retry “${ failedTitle }”` } )
		.click();
	await expect(
		page.getByText( '20 posts imported, 0 already here, 0 failed.' )
	).toBeVisible();
	expect( ( await sitePosts() ).length ).toBe( before + 20 );
	// Every post, once the filter by result is reset: one page of them,
	// the retried one linked to the site.
	await list.getByRole( 'button', { name: 'Reset' } ).first().click();
	await expect( rows ).toHaveCount( 21 );
	await list
		.getByRole( 'searchbox', { name: 'Search by title' } )
		.fill( failedTitle );
	await expect( rows ).toHaveCount( 2 );
	await expect(
		rows.nth( 1 ).getByRole( 'link', { name: failedTitle } )
	).toHaveAttribute( 'href', /^http/ );
} );

test( 'the report lists the posts by result, imported, already here or failed, a page at a time', async ( {
	page,
} ) => {
	const { file } = generatedZip( 'by-result.zip', {
		cid: 'A1000000000000E8',
		posts: 30,
		comments: 0,
		images: 0,
		seed: 53,
	} );
	// The first run: of each batch only the first post reaches the site,
	// the others are answered as failed.
	await page.route(
		( url ) => POSTS_ROUTE.test( decodeURIComponent( url.href ) ),
		async ( route ) => {
			const body = route.request().postDataJSON();
			const [ kept, ...dropped ] = body.posts;
			const response = await route.fetch( {
				postData: JSON.stringify( { ...body, posts: [ kept ] } ),
			} );
			const answer = await response.json();
			answer.results.push(
				...dropped.map( ( post: { sourceId: string } ) => ( {
					sourceId: post.sourceId,
					postId: 0,
					status: 'failed',
					message: 'The database was busy; try again.',
				} ) )
			);
			await route.fulfill( { response, json: answer } );
		}
	);
	await openImporter( page );
	await chooseFiles( page, file );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await finished( page );
	const summary = page.getByText(
		/^\d+ posts? imported, 0 already here, \d+ failed\.$/
	);
	await expect( summary ).toBeVisible();
	const [ imported, failed ] = ( await summary.innerText() )
		.match( /\d+/g )!
		.map( Number )
		.filter( ( _, index ) => index !== 1 );
	expect( imported + failed ).toBe( 30 );
	expect( failed ).toBeGreaterThan( 20 );

	const list = page.getByRole( 'region', { name: 'Posts of the archive' } );
	const rows = list.getByRole( 'table' ).getByRole( 'row' );
	// The filter's chip, above the table (whose column header is a button
	// of that name too).
	const filter = list.getByRole( 'button', { name: /^Result/ } ).first();
	/**
	 * Shows only the posts with this result.
	 *
	 * @param label The result, as the filter names it.
	 */
	async function only( label: string ) {
		const reset = list.getByRole( 'button', {
			name: 'Reset',
			disabled: false,
		} );
		if ( ( await reset.count() ) > 0 ) {
			await reset.first().click();
		}
		await filter.click();
		await page
			.getByRole( 'dialog' )
			.getByRole( 'option', { name: label, exact: true } )
			.click();
		await page.keyboard.press( 'Escape' );
	}

	// The failures first, twenty on a page, the rest on the next.
	await expect( rows ).toHaveCount( 21 );
	for ( const row of ( await rows.all() ).slice( 1 ) ) {
		await expect( row ).toContainText( 'Failed' );
	}
	await list.getByRole( 'button', { name: 'Next page' } ).click();
	await expect( rows ).toHaveCount( failed - 20 + 1 );
	await expect( rows.nth( 1 ) ).toContainText( 'Failed' );

	await only( 'Imported' );
	await expect( rows ).toHaveCount( imported + 1 );
	await expect( rows.nth( 1 ) ).toContainText( 'Imported' );
	await expect( rows.nth( 1 ) ).not.toContainText( 'Failed' );
	await page.unrouteAll( { behavior: 'wait' } );

	// The same archive again: what arrived is already here, the rest is
	// imported now, more than a page of it.
	await openImporter( page );
	await chooseFiles( page, file );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await finished( page );
	await expect(
		page.getByText(
			`${ failed } posts imported, ${ imported } already here, 0 failed.`
		)
	).toBeVisible();
	await only( 'Already here' );
	await expect( rows ).toHaveCount( imported + 1 );
	await expect( rows.nth( 1 ) ).toContainText( 'Already here' );
	await only( 'Imported' );
	await expect( rows ).toHaveCount( 21 );
	await list.getByRole( 'button', { name: 'Next page' } ).click();
	await expect( rows ).toHaveCount( failed - 20 + 1 );
	await expect( rows.nth( 1 ) ).toContainText( 'Imported' );
} );

test( 'undo, after a confirmation saying what goes, leaves the site as it was', async ( {
	page,
} ) => {
	const { file } = generatedZip( 'undo.zip', {
		cid: 'A1000000000000E5',
		posts: 25,
		comments: 40,
		images: 5,
		seed: 41,
	} );
	const before = await siteCounts();
	await openImporter( page );
	await chooseFiles( page, file );
	await page.getByRole( 'button', { name: 'Import', exact: true } ).click();
	await finished( page );
	expect( ( await siteCounts() ).posts ).toBe( before.posts + 25 );

	await page.getByRole( 'button', { name: 'Undo this import…' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Undo this import?' } );
	await expect( dialog ).toContainText( '25 posts' );
	await expect( dialog ).toContainText( '40 comments' );
	await expect( dialog ).toContainText( '5 images' );
	await shot( page, '7-undo-confirmation' );
	await dialog.getByRole( 'button', { name: 'Undo the import' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Import undone' } )
	).toBeVisible( { timeout: 60_000 } );
	await shot( page, '8-undone' );
	// The posts went to the trash with their comments; their images and
	// categories stay with them until they are deleted permanently.
	const after = await siteCounts();
	expect( { posts: after.posts, comments: after.comments } ).toEqual( {
		posts: before.posts,
		comments: before.comments,
	} );
} );

test( 'a list that cannot be loaded is said so, and the rest of the screen still imports', async ( {
	page,
} ) => {
	const { file } = generatedZip( 'list-blocked.zip', {
		cid: 'A1000000000000E8',
		posts: 3,
		comments: 2,
		images: 0,
		seed: 11,
	} );
	// The list's code, as a lost network or a host's firewall leaves it.
	const blocked = '**/build/post-list.js*';
	await page.route( blocked, ( route ) => route.abort() );
	await openImporter( page );
	await chooseFiles( page, file );
	const notice = page.locator( '.components-notice', {
		hasText: 'The list of posts could not be loaded.',
	} );
	await expect( notice ).toBeVisible();
	await expect(
		page.getByText( '3 posts, 2 comments found.' )
	).toBeVisible();
	await expect(
		page.getByRole( 'button', { name: 'Import', exact: true } )
	).toBeEnabled();

	await page.unroute( blocked );
	await notice.getByRole( 'button', { name: 'Try again' } ).click();
	const rows = page
		.getByRole( 'region', { name: 'Posts in the archive' } )
		.getByRole( 'table' )
		.getByRole( 'row' );
	await expect( rows ).toHaveCount( 4 );
	await expect( notice ).toBeHidden();
} );

test( 'the preview reflows at 200% zoom and mirrors in a right-to-left language', async ( {
	browser,
} ) => {
	const { file } = generatedZip( 'layout.zip', {
		cid: 'A1000000000000E7',
		posts: 12,
		comments: 10,
		images: 2,
		seed: 3,
	} );
	// A must-use plugin of this test site only: WordPress in right-to-left
	// when a cookie asks, as it is with an Arabic or Hebrew translation.
	const muPlugins = path.join( e2eSite().dir, 'wp-content', 'mu-plugins' );
	mkdirSync( muPlugins, { recursive: true } );
	writeFileSync(
		path.join( muPlugins, 'e2e-rtl.php' ),
		`<?php\nadd_action( 'after_setup_theme', function () { if ( ! empty( $_COOKIE['e2e_rtl'] ) ) { $GLOBALS['wp_locale']->text_direction = 'rtl'; } } );\n`
	);
	// 200% zoom of a 1280-pixel window: 640 CSS pixels, twice as dense.
	const zoomed = await browser.newContext( {
		viewport: { width: 640, height: 900 },
		deviceScaleFactor: 2,
	} );
	const page = await zoomed.newPage();
	await logIn( page );
	// At this width the admin menu covers the list of importers.
	await page.goto(
		`${ e2eSite().url }/wp-admin/admin.php?import=spaces-importer`
	);
	await chooseFiles( page, file );
	await expect(
		page.getByText( '12 posts, 10 comments found.' )
	).toBeVisible();
	// With the list of posts in place, which is loaded when it first shows.
	await expect(
		page
			.getByRole( 'region', { name: 'Posts in the archive' } )
			.getByRole( 'table' )
	).toBeVisible();
	// Nothing wider than the window: no sideways scrolling.
	const overflow = await page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
	expect( overflow ).toBeLessThanOrEqual( 0 );
	await shot( page, '3c-preview-200-percent' );
	await zoomed.close();

	const rtl = await browser.newContext();
	await rtl.addCookies( [
		{ name: 'e2e_rtl', value: '1', url: e2eSite().url },
	] );
	const rtlPage = await rtl.newPage();
	await logIn( rtlPage );
	await rtlPage.goto(
		`${ e2eSite().url }/wp-admin/admin.php?import=spaces-importer`
	);
	await expect( rtlPage.locator( 'html' ) ).toHaveAttribute( 'dir', 'rtl' );
	await chooseFiles( rtlPage, file );
	await expect(
		rtlPage.getByText( '12 posts, 10 comments found.' )
	).toBeVisible();
	await shot( rtlPage, '3d-preview-rtl' );
	// Mirrored where it shows: the title and the counts start at the right,
	// the counts' bullets on their right, the Import button at the right end
	// of its row, the admin menu on the right of the screen.
	const preview = rtlPage.locator( '.spaces-importer-preview' );
	const heading = await textBox( preview.locator( 'h2' ) );
	const section = await boxOf( preview );
	expect( section.right - heading.right ).toBeLessThanOrEqual( 1 );
	expect( heading.left - section.left ).toBeGreaterThan( 100 );
	const counts = preview.locator( '.spaces-importer-preview__counts' );
	const firstCount = await textBox( counts.locator( 'li' ).first() );
	const list = await boxOf( counts );
	// The list's 24 pixels for bullets are on its right.
	expect( list.right - firstCount.right ).toBeGreaterThanOrEqual( 20 );
	expect( firstCount.left - list.left ).toBeGreaterThan( 100 );
	const importButton = await boxOf(
		rtlPage.getByRole( 'button', { name: 'Import', exact: true } )
	);
	const actions = await boxOf(
		rtlPage.locator( '.spaces-importer-options .spaces-importer-actions' )
	);
	expect( actions.right - importButton.right ).toBeLessThanOrEqual( 1 );
	const menu = await boxOf( rtlPage.locator( '#adminmenuwrap' ) );
	expect( menu.left ).toBeGreaterThan( section.right );
	await rtl.close();
} );
