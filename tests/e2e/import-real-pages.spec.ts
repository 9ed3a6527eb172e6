/**
 * An owner imports the real Spaces pages through Tools → Import, then
 * imports them again; the site ends with each post exactly once.
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { hasRealPages, screenshotDir, zipRealPages } from './support/fixtures';
import { chooseFiles, logIn, openImporter, sitePosts } from './support/wp';

test.describe( 'importing real Spaces pages', () => {
	test.skip(
		! hasRealPages(),
		'the real Spaces pages are not beside the project'
	);

	test( 'imports 35 posts once, with titles, dates and categories, and a second import adds nothing', async ( {
		page,
	} ) => {
		const zip = zipRealPages();
		const model = ( await readArchive( readFileSync( zip ), 'space.zip' ) )
			.model;
		expect( model.posts ).toHaveLength( 35 );

		const before = ( await sitePosts() ).length;
		await logIn( page );
		await openImporter( page );
		await chooseFiles( page, zip );
		await expect(
			page.getByText( /35 posts, \d+ comments found/ )
		).toBeVisible();
		await page.screenshot( {
			path: path.join( screenshotDir, 'real-pages-1-preview.png' ),
			fullPage: true,
		} );

		await page
			.getByRole( 'button', { name: 'Import', exact: true } )
			.click();
		await expect(
			page.getByRole( 'heading', { name: 'Import finished' } )
		).toBeVisible();
		await expect(
			page.getByText( '35 posts imported, 0 already here, 0 failed.' )
		).toBeVisible();
		// The report lists a page of posts at a time: the post is found by its title.
		await page
			.getByRole( 'searchbox', { name: 'Search by title' } )
			.fill( '今天去整了一个主板' );
		await expect(
			page.getByRole( 'link', {
				name: '今天去整了一个主板、CPU、电源和风扇',
			} )
		).toHaveAttribute( 'href', /\/2007\/04\// );
		await page.screenshot( {
			path: path.join( screenshotDir, 'real-pages-2-report.png' ),
			fullPage: true,
		} );

		const posts = await sitePosts();
		expect( posts.length ).toBe( before + 35 );
		// One post checked against the page itself, by hand.
		const entry = posts.find(
			( post ) => post.title.raw === '今天去整了一个主板、CPU、电源和风扇'
		);
		expect( entry?.date ).toBe( '2007-04-20T01:29:58' );
		// Every post arrived as the reader read it.
		const byTitle = new Map(
			posts.map( ( post ) => [ post.title.raw, post ] )
		);
		for ( const read of model.posts ) {
			const post = byTitle.get(
				read.title
					.replace( /&/g, '&amp;' )
					.replace( /</g, '&lt;' )
					.replace( />/g, '&gt;' )
			);
			expect( post, read.title ).toBeDefined();
			expect( post.date ).toBe( read.published );
			const categories = (
				post._embedded?.[ 'wp:term' ]?.[ 0 ] ?? []
			).map( ( term: any ) => term.name );
			expect( categories.sort() ).toEqual(
				read.categories.length
					? [ ...read.categories ].sort()
					: [ 'Uncategorized' ]
			);
		}

		// The same archive again: nothing new.
		await openImporter( page );
		await chooseFiles( page, zip );
		await page
			.getByRole( 'button', { name: 'Import', exact: true } )
			.click();
		await expect(
			page.getByText( '0 posts imported, 35 already here, 0 failed.' )
		).toBeVisible();
		expect( ( await sitePosts() ).length ).toBe( before + 35 );
	} );
} );

test( 'a file that is not a Spaces archive gets a message naming it, and nothing is imported', async ( {
	page,
} ) => {
	const file = path.join( os.tmpdir(), 'holiday-photos.rar' );
	writeFileSync( file, 'Rar!\x1a\x07\x00 not a zip' );
	const before = ( await sitePosts() ).length;
	await logIn( page );
	await openImporter( page );
	await chooseFiles( page, file );
	// Any file may be chosen now (a saved page, a feed…): one that is none
	// of them holds no posts.
	await expect( page.locator( '.components-notice__content' ) ).toHaveText(
		/“holiday-photos\.rar” (is not a zip archive|holds no Windows Live Spaces blog posts)/
	);
	await page.screenshot( {
		path: path.join( screenshotDir, 'not-a-zip.png' ),
		fullPage: true,
	} );
	expect( ( await sitePosts() ).length ).toBe( before );
} );
