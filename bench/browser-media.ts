/**
 * `npm run bench:browser-media`: the images' sizes made by the browser, as
 * the import screen makes them, against the site making them. Starts its own
 * WordPress on MariaDB with the built plugin (`npm run build` first), and
 * imports through the screen in Chromium an archive of 640×480 JPEG photos
 * (deterministic, about 40–80 KB each; 100 by default, ten to a post), two
 * ways, each with photos of its own:
 *
 * - `server`: a browser without `OffscreenCanvas`, so the site makes the
 *   sizes (at finalize), as the screen did before;
 * - `browser`: the screen's sizer makes them in its worker.
 *
 * Prints, for each, the import's wall seconds (from Import to the report),
 * the server's CPU-seconds (PHP's workers and MariaDB, read from /proc), the
 * browser's CPU-seconds, and how many images the site says the client sized.
 * Flags: `--photos N`, `--rounds N` (both ways N times, alternating which
 * goes first), `--json` (one JSON line last).
 */

/**
 * External dependencies
 */
import { chromium, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

/**
 * Internal dependencies
 */
import { generateArchive } from '../tests/support/archive/generate';
import { photoBytes } from '../tests/support/archive/photo';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import {
	option,
	processesCpu,
	siteCpuSeconds,
	startPluginSite,
	treeCpuSeconds,
	type ProcessCpu,
} from './support';

type Way = 'server' | 'browser';

/**
 * CPU-seconds so far of the site (the PHP server's group and MariaDB) and
 * of the browser (every other descendant of this process).
 *
 * @param pgid    The PHP server's process group.
 * @param mariadb MariaDB's process.
 * @return Seconds, each side.
 */
function cpuSeconds( pgid: number, mariadb: number | null ) {
	const list = processesCpu();
	const ofSite = ( proc: ProcessCpu ) =>
		proc.pgid === pgid || proc.pid === mariadb;
	const mine = list.filter( ( proc ) => proc.ppid === process.pid );
	return {
		server: siteCpuSeconds( pgid, mariadb, list ),
		browser: treeCpuSeconds(
			mine.map( ( proc ) => proc.pid ),
			list,
			ofSite
		),
	};
}

async function logIn(
	page: Page,
	site: { url: string; adminUser: string; adminPassword: string }
) {
	await page.goto( `${ site.url }/wp-login.php` );
	// The login page focuses the user name field shortly after it loads.
	await page.waitForFunction(
		( field ) => field?.ownerDocument.activeElement === field,
		await page.locator( '#user_login' ).elementHandle()
	);
	await page.fill( '#user_login', site.adminUser );
	await page.fill( '#user_pass', site.adminPassword );
	await page.click( '#wp-submit' );
	await page.waitForURL( /wp-admin/ );
}

async function measure(
	site: {
		url: string;
		adminUser: string;
		adminPassword: string;
		serverPgid: number;
		mariadb?: { pid: number } | null;
	},
	way: Way,
	count: number,
	first: number,
	dir: string
) {
	const photos: Uint8Array[] = [];
	for ( let n = 0; n < count; n++ ) {
		photos.push( await photoBytes( first + n ) );
	}
	const archive = generateArchive( {
		cid: ( 0xb0000000 + first )
			.toString( 16 )
			.toUpperCase()
			.padStart( 16, 'B' ),
		posts: Math.ceil( count / 10 ),
		comments: 0,
		images: count,
		seed: first,
		image: ( index ) => ( { bytes: photos[ index ], ext: 'jpg' } ),
	} );
	const file = path.join( dir, `photos-${ way }-${ first }.zip` );
	writeFileSync( file, zipSync( archive.files ) );

	const browser = await chromium.launch( chromiumLaunchOptions );
	try {
		const page = await browser.newPage();
		if ( way === 'server' ) {
			// A browser without OffscreenCanvas: the screen leaves the sizes
			// to the site.
			await page.addInitScript( () => {
				delete ( window as { OffscreenCanvas?: unknown } )
					.OffscreenCanvas;
			} );
		}
		let clientSizes = 0;
		let requests = 0;
		page.on( 'response', async ( response ) => {
			if ( response.url().includes( 'spaces-importer' ) ) {
				requests++;
			}
			if (
				/\/media\/batch/.test( decodeURIComponent( response.url() ) )
			) {
				const body = await response.json().catch( () => null );
				clientSizes += ( body?.results ?? [] ).filter(
					( result: { sizes?: string } ) => result.sizes === 'client'
				).length;
			}
		} );
		await logIn( page, site );
		await page.goto(
			`${ site.url }/wp-admin/admin.php?import=spaces-importer`
		);
		await page
			.locator( 'input[type="file"]:not([webkitdirectory])' )
			.setInputFiles( file );
		await page
			.getByText( `Images: ${ count }, all in the archive.` )
			.waitFor( { timeout: 120_000 } );
		requests = 0;
		const before = cpuSeconds( site.serverPgid, site.mariadb?.pid ?? null );
		const begin = performance.now();
		await page
			.getByRole( 'button', { name: 'Import', exact: true } )
			.click();
		await page
			.getByRole( 'heading', { name: 'Import finished' } )
			.waitFor( { timeout: 600_000 } );
		const wall = ( performance.now() - begin ) / 1000;
		const after = cpuSeconds( site.serverPgid, site.mariadb?.pid ?? null );
		const added = await page
			.getByText(
				`Images: ${ count } added to the media library, 0 already there, 0 failed.`
			)
			.count();
		if ( ! added ) {
			throw new Error( `${ way }: not every photo was added.` );
		}
		return {
			way,
			photos: count,
			wallSeconds: Number( wall.toFixed( 2 ) ),
			serverCpuSeconds: Number(
				( after.server - before.server ).toFixed( 2 )
			),
			browserCpuSeconds: Number(
				( after.browser - before.browser ).toFixed( 2 )
			),
			requests,
			clientSizes,
		};
	} finally {
		await browser.close();
	}
}

async function main() {
	const argv = process.argv.slice( 2 );
	const count = option( argv, '--photos', 100 );
	const rounds = option( argv, '--rounds', 1 );
	const json = argv.includes( '--json' );
	const site = await startPluginSite( 'Browser sizes benchmark' );
	const dir = mkdtempSync(
		path.join( os.tmpdir(), 'spaces-bench-browser-' )
	);
	const rows = [];
	try {
		let first = 1;
		for ( let round = 0; round < rounds; round++ ) {
			const ways: Way[] =
				round % 2 ? [ 'browser', 'server' ] : [ 'server', 'browser' ];
			for ( const way of ways ) {
				const row = await measure( site, way, count, first, dir );
				first += count;
				rows.push( row );
				process.stdout.write(
					`${ way.padEnd( 7 ) } ${ count } photos: ${ row.wallSeconds } s wall, ${ row.serverCpuSeconds } server CPU-s, ${ row.browserCpuSeconds } browser CPU-s, ${ row.requests } requests, sizes by the client: ${ row.clientSizes }\n`
				);
			}
		}
	} finally {
		rmSync( dir, { recursive: true, force: true } );
		await site.stop( { removeDir: true } );
	}
	if ( json ) {
		process.stdout.write( JSON.stringify( rows ) + '\n' );
	}
}

if ( require.main === module ) {
	main().catch( ( error ) => {
		process.stderr.write( `${ error?.stack ?? error }\n` );
		process.exit( 1 );
	} );
}
