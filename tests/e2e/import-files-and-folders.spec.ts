/**
 * An owner brings what they have rather than one zip: a folder holding a
 * Spaces archive laid out as files, or a single saved page. Each is chosen,
 * previewed and imported; the site then holds the posts, their dates,
 * comments and images, and choosing the same again adds nothing. A reload
 * mid-run resumes a folder's import from the files the browser kept.
 *
 * A case is a few lines: write its files to a temporary folder
 * (`writeFiles`), then `importAndCheck` chooses them, imports, and checks
 * the site through REST against the posts the files hold.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { generateArchive } from '../support/archive/generate';
import { encodeText } from '../support/archive/encode';
import { generateMigrationArchive } from '../support/archive/migration';
import { generateWebArchive } from '../support/archive/mht';
import { pageHtml, type SamplePost } from '../support/archive/markup';
import { pngBytes } from '../support/archive/png';
import { makeWpost } from '../support/archive/wpost';
import { e2eSite, screenshotDir } from './support/fixtures';
import {
	chooseFiles,
	chooseFolder,
	countOf,
	dropFolder,
	gatePosts,
	logIn,
	openImporter,
	POSTS_ROUTE,
	rest,
	sitePosts,
} from './support/wp';

/**
 * Writes files into a new temporary folder.
 *
 * @param files Path (under the folder) → bytes.
 * @return The folder's path.
 */
function writeFiles( files: Record< string, Uint8Array > ): string {
	const dir = mkdtempSync(
		path.join( os.tmpdir(), 'spaces-importer-e2e-choice-' )
	);
	for ( const [ name, bytes ] of Object.entries( files ) ) {
		const file = path.join( dir, name );
		mkdirSync( path.dirname( file ), { recursive: true } );
		writeFileSync( file, bytes );
	}
	return dir;
}

/** A post as the files hold it: title, body, wall-clock date, comments. */
type ExpectedPost = Pick< SamplePost, 'title' | 'html' | 'published' > & {
	comments: unknown[];
};

interface Expected {
	/** What the screen says was chosen, after “Chosen: ”. */
	chosen: string;
	/** The posts the files hold, as written. */
	posts: ExpectedPost[];
	/** Images the files hold that the posts show. */
	images: number;
	/** For the screenshots' names. */
	shot: string;
}

async function siteCounts() {
	return {
		posts: ( await sitePosts() ).length,
		media: await countOf( '/wp/v2/media' ),
		comments: await countOf( '/wp/v2/comments', '&status=all' ),
	};
}

const importButton = ( page: Page ) =>
	page.getByRole( 'button', { name: 'Import', exact: true } );

const finished = ( page: Page ) =>
	expect(
		page.getByRole( 'heading', { name: 'Import finished' } )
	).toBeVisible( { timeout: 110_000 } );

/**
 * Chooses, previews and imports; checks the site holds each post with its
 * date, comments and images; then chooses the same again and checks that
 * the screen knows it and that importing it adds nothing.
 *
 * @param page     The page, logged in.
 * @param choose   Chooses the files on the importer screen.
 * @param expected What the files hold.
 */
async function importAndCheck(
	page: Page,
	choose: () => Promise< void >,
	expected: Expected
) {
	const { posts } = expected;
	const comments = posts.reduce( ( n, post ) => n + post.comments.length, 0 );
	const before = await siteCounts();
	const beforeIds = new Set(
		( await sitePosts() ).map( ( post ) => post.id )
	);

	await openImporter( page );
	await expect(
		page.getByRole( 'button', { name: 'Choose a folder…' } )
	).toBeVisible();
	await page.screenshot( {
		path: path.join( screenshotDir, `${ expected.shot }-choose.png` ),
		fullPage: true,
	} );
	await choose();
	await expect(
		page.getByText( `Chosen: ${ expected.chosen }`, { exact: true } )
	).toBeVisible( { timeout: 60_000 } );
	await expect(
		page.getByText(
			`${ posts.length } ${ posts.length === 1 ? 'post' : 'posts' }, ${ comments } comments found.`
		)
	).toBeVisible();
	await page.screenshot( {
		path: path.join( screenshotDir, `${ expected.shot }-preview.png` ),
		fullPage: true,
	} );

	await importButton( page ).click();
	await finished( page );
	await expect(
		page.getByText(
			`${ posts.length } ${ posts.length === 1 ? 'post' : 'posts' } imported, 0 already here, 0 failed.`
		)
	).toBeVisible();
	await page.screenshot( {
		path: path.join( screenshotDir, `${ expected.shot }-report.png` ),
		fullPage: true,
	} );

	const after = await siteCounts();
	expect( after.posts ).toBe( before.posts + posts.length );
	expect( after.comments ).toBe( before.comments + comments );
	expect( after.media ).toBe( before.media + expected.images );

	// Each post, found by its date and the number its title starts with.
	const added = ( await sitePosts() ).filter(
		( post ) => ! beforeIds.has( post.id )
	);
	for ( const sample of posts ) {
		const number = sample.title.split( '.' )[ 0 ] + '.';
		const onSite = added.find(
			( post ) =>
				post.date === sample.published &&
				post.title.raw.startsWith( number )
		);
		expect( onSite, sample.title ).toBeDefined();
		const { body: postComments } = await rest(
			`/wp/v2/comments?post=${ onSite.id }&per_page=100&context=edit`
		);
		expect( postComments, sample.title ).toHaveLength(
			sample.comments.length
		);
		const shown = ( sample.html.match( /<img /g ) ?? [] ).length;
		const uploaded = (
			onSite.content.raw.match(
				/<img [^>]*src="[^"]*\/wp-content\/uploads\//g
			) ?? []
		).length;
		// Every image the post shows is in the files: all in the library.
		expect( uploaded, sample.title ).toBe( shown );
	}

	// The same again: the screen knows it, and importing adds nothing.
	await openImporter( page );
	await choose();
	await expect(
		page.locator( '.spaces-importer-preview .components-notice__content' )
	).toHaveText( /This archive was imported into this site before/, {
		timeout: 60_000,
	} );
	await page.screenshot( {
		path: path.join( screenshotDir, `${ expected.shot }-again.png` ),
		fullPage: true,
	} );
	await importButton( page ).click();
	await finished( page );
	await expect(
		page.getByText(
			`0 posts imported, ${ posts.length } already here, 0 failed.`
		)
	).toBeVisible();
	expect( await siteCounts() ).toEqual( after );
}

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'a folder holding an archive laid out as files is read and imported once', async ( {
	page,
} ) => {
	const archive = generateArchive( {
		cid: 'A1000000000000F2',
		posts: 12,
		comments: 20,
		images: 4,
		seed: 53,
	} );
	const dir = writeFiles(
		Object.fromEntries(
			Object.entries( archive.files ).map( ( [ name, bytes ] ) => [
				`My Blog/${ name }`,
				bytes,
			] )
		)
	);
	const count = Object.keys( archive.files ).length;
	await importAndCheck(
		page,
		() => chooseFolder( page, path.join( dir, 'My Blog' ) ),
		{
			chosen: `Folder “My Blog” (${ count } files)`,
			posts: archive.posts,
			images: archive.images.length,
			shot: 'folder',
		}
	);
} );

test( 'a folder holding the migration download (index, entry pages, img/) is read and imported once', async ( {
	page,
} ) => {
	const download = generateMigrationArchive( {
		posts: 10,
		comments: 16,
		images: 4,
		seed: 71,
		locale: 'en-US',
		blogTitle: 'Downloaded space',
	} );
	const dir = writeFiles(
		Object.fromEntries(
			Object.entries( download.files ).map( ( [ name, bytes ] ) => [
				`space/${ name }`,
				bytes,
			] )
		)
	);
	const count = Object.keys( download.files ).length;
	await importAndCheck(
		page,
		() => chooseFolder( page, path.join( dir, 'space' ) ),
		{
			chosen: `Folder “space” (${ count } files)`,
			posts: download.posts,
			images: download.images.length,
			shot: 'migration-folder',
		}
	);
} );

test( 'a reload mid-run resumes a folder’s import from the browser’s copy of its files', async ( {
	page,
} ) => {
	const archive = generateArchive( {
		cid: 'A1000000000000F4',
		posts: 120,
		comments: 30,
		images: 3,
		seed: 67,
	} );
	const dir = writeFiles(
		Object.fromEntries(
			Object.entries( archive.files ).map( ( [ name, bytes ] ) => [
				`Old Blog/${ name }`,
				bytes,
			] )
		)
	);
	const before = await siteCounts();
	await openImporter( page );
	await chooseFolder( page, path.join( dir, 'Old Blog' ) );
	await expect(
		page.getByText( '120 posts, 30 comments found.' )
	).toBeVisible( { timeout: 60_000 } );
	// The first posts request is answered, the next held: the reload comes
	// while posts are still being sent.
	await gatePosts( page, 1 );
	const answered = page.waitForResponse( ( response ) =>
		POSTS_ROUTE.test( decodeURIComponent( response.url() ) )
	);
	await importButton( page ).click();
	await answered;
	page.once( 'dialog', ( dialog ) => dialog.accept() );
	await page.reload();
	await page.unrouteAll( { behavior: 'ignoreErrors' } );

	await expect(
		page.getByText( /The import of “Old Blog” stopped before it finished/ )
	).toBeVisible();
	await page.screenshot( {
		path: path.join( screenshotDir, 'folder-unfinished.png' ),
		fullPage: true,
	} );
	// No folder to choose again: the browser kept its files.
	await page.getByRole( 'button', { name: 'Resume the import' } ).click();
	await finished( page );
	await expect(
		page.getByText( '120 posts imported, 0 already here, 0 failed.' )
	).toBeVisible();
	const after = await siteCounts();
	expect( after.posts ).toBe( before.posts + 120 );
	expect( after.comments ).toBe( before.comments + 30 );
	expect( after.media ).toBe( before.media + 3 );
} );

test( 'a single saved page is read and imported once', async ( { page } ) => {
	const archive = generateArchive( {
		cid: 'A1000000000000F3',
		posts: 1,
		comments: 4,
		images: 0,
		seed: 61,
	} );
	const dir = writeFiles( {
		'My trip.htm': encodeText(
			pageHtml( archive.posts, archive.page ),
			'utf-8'
		),
	} );
	await importAndCheck(
		page,
		() => chooseFiles( page, path.join( dir, 'My trip.htm' ) ),
		{
			chosen: 'My trip.htm',
			posts: archive.posts,
			images: 0,
			shot: 'saved-page',
		}
	);
} );

test( 'a single web archive (.mht) saved by Internet Explorer is read and imported once', async ( {
	page,
} ) => {
	const saved = generateWebArchive( {
		posts: 3,
		comments: 5,
		images: 3,
		seed: 83,
		host: 'webarchive.spaces.live.com',
		charset: 'windows-1252',
	} );
	const dir = writeFiles( { 'My space.mht': saved.bytes } );
	await importAndCheck(
		page,
		() => chooseFiles( page, path.join( dir, 'My space.mht' ) ),
		{
			chosen: 'My space.mht',
			posts: saved.posts,
			images: saved.images.length,
			shot: 'web-archive',
		}
	);
} );

test( 'a Windows Live Writer folder dropped on the screen: the draft becomes a draft with its image, the published copy a post', async ( {
	page,
} ) => {
	const dir = writeFiles( {
		'My Weblog Posts/cache.xml': new TextEncoder().encode(
			'<?xml version="1.0" encoding="utf-8"?><PostEditorFileLookupCache />'
		),
		'My Weblog Posts/Drafts/Half written.wpost': makeWpost( {
			title: 'E2E 半成品 draft',
			html: '<p>Not done yet.</p><p><img src="{{file:0}}" alt="sky"></p>',
			files: [
				{
					name: 'sky.png',
					bytes: pngBytes( 160, 90, [ 80, 140, 250 ] ),
				},
			],
			keywords: 'e2e-sky',
		} ),
		'My Weblog Posts/Recent Posts/Sent.wpost': makeWpost( {
			version: 1,
			title: 'E2E published from Live Writer',
			html: '<p>Published long ago.</p>',
			postId: 'cns!E2E0000000000C1!5',
			datePublished: '2009-09-09T09:09:09Z',
		} ),
	} );
	await openImporter( page );
	await dropFolder( page, path.join( dir, 'My Weblog Posts' ) );
	await expect(
		page.getByText( 'Chosen: Folder “My Weblog Posts” (3 files)', {
			exact: true,
		} )
	).toBeVisible( { timeout: 60_000 } );
	await expect( page.getByText( '1 post, 0 comments found.' ) ).toBeVisible( {
		timeout: 60_000,
	} );
	await expect(
		page.getByText( '1 draft from Windows Live Writer.' )
	).toBeVisible();
	const drafts = page.getByRole( 'group', {
		name: 'Drafts from Windows Live Writer',
	} );
	await expect(
		drafts.getByRole( 'radio', { name: 'Import them as drafts' } )
	).toBeChecked();
	await page.screenshot( {
		path: path.join( screenshotDir, 'live-writer-preview.png' ),
		fullPage: true,
	} );
	await importButton( page ).click();
	await finished( page );

	const { body: draftPosts } = await rest(
		`/wp/v2/posts?status=draft&context=edit&search=${ encodeURIComponent(
			'半成品'
		) }`
	);
	expect( draftPosts ).toHaveLength( 1 );
	const [ draft ] = draftPosts;
	expect( draft.status ).toBe( 'draft' );
	expect( draft.content.raw ).toMatch(
		/<img [^>]*src="[^"]*\/wp-content\/uploads\/[^"]*sky[^"]*\.png"/
	);
	const { body: media } = await rest( `/wp/v2/media?parent=${ draft.id }` );
	expect( media ).toHaveLength( 1 );
	expect( media[ 0 ].media_details.width ).toBe( 160 );

	const { body: published } = await rest(
		`/wp/v2/posts?context=edit&search=${ encodeURIComponent(
			'E2E published from Live Writer'
		) }`
	);
	expect( published.map( ( p: any ) => p.status ) ).toEqual( [ 'publish' ] );
} );

test( 'a folder with videos: the preview counts them and names the video file, the report names the post that cannot play its own, and the block editor takes the post and its embeds (video, playlist, Flickr)', async ( {
	page,
} ) => {
	const source = 'cns!A1000000000000F7!3';
	const youtube = 'dQw4w9WgXcQ';
	const soapbox = '6f9ee93f-ab6e-481e-99dd-9652a4671804';
	const mp4 = new Uint8Array( 2048 );
	mp4.set( [
		0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2,
		0, 0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32,
	] );
	const dir = writeFiles( {
		'Films/blog.html': encodeText(
			`<html web:culture="en-US"><body>
<div id="entry${ source }" class="bvEntry" bv:cns="${ source }">
<h4 id="subj${ source }">Films of the summer</h4>
<div id="msg${ source }" class="bvMsg"><div>Our trip:</div><object width="425" height="355"><param name="movie" value="http://www.youtube.com/v/${ youtube }&amp;hl=en"></param><embed src="http://www.youtube.com/v/${ youtube }&amp;hl=en" type="application/x-shockwave-flash"></embed></object>
<p>And on Soapbox: <embed src="http://images.soapbox.msn.com/flash/soapbox1_1.swf" flashvars="c=v&amp;v=${ soapbox }" type="application/x-shockwave-flash"></embed> the end.</p>
<embed src="video/beach.mp4">
<div>Our playlist:</div><object width="480" height="385"><param name="movie" value="http://www.youtube.com/p/AB8BC8FAAA1F8598?fs=1&amp;hl=en_US"></param><embed src="http://www.youtube.com/p/AB8BC8FAAA1F8598?fs=1&amp;hl=en_US" type="application/x-shockwave-flash"></embed></object>
<div>On Flickr:</div><object type="application/x-shockwave-flash" width="400" height="300" data="http://www.flickr.com/apps/video/stewart.swf?v=71377"><param name="flashvars" value="intl_lang=en-us&amp;photo_secret=a1b2c3d4e5&amp;photo_id=2345678901"></param><param name="movie" value="http://www.flickr.com/apps/video/stewart.swf?v=71377"></param></object></div>
<div class="footerLinks">7/20/2008 1:29 PM</div>
</div></body></html>`,
			'utf-8'
		),
		'Films/video/beach.mp4': mp4,
	} );
	await openImporter( page );
	await chooseFolder( page, path.join( dir, 'Films' ) );
	await expect(
		page.getByText(
			'Videos: 5 found (WordPress embeds: 3; can no longer play, become links: 1; video files of the archive: 1).'
		)
	).toBeVisible( { timeout: 60_000 } );
	await page.getByText( '1 video file shown in a video player' ).click();
	await expect(
		page
			.locator( '.spaces-importer-preview__video-files' )
			.getByText( /video\/beach\.mp4$/ )
	).toBeVisible();
	await page.getByText( '1 post has videos that cannot play' ).click();
	await expect(
		page
			.locator( '.spaces-importer-preview__videos' )
			.getByText( 'Films of the summer' )
	).toBeVisible();
	await page.screenshot( {
		path: path.join( screenshotDir, 'videos-preview.png' ),
		fullPage: true,
	} );

	await importButton( page ).click();
	await finished( page );
	const videos = page.locator( '.spaces-importer-report__videos' );
	await expect(
		videos.getByRole( 'heading', { name: 'Videos that cannot play' } )
	).toBeVisible();
	await expect(
		videos.getByRole( 'link', { name: 'Films of the summer' } )
	).toBeVisible();

	// The block editor reads every block of the post as valid.
	const onSite = ( await sitePosts() ).find(
		( post ) => post.title.raw === 'Films of the summer'
	);
	expect( onSite ).toBeDefined();
	await page.goto(
		`${ e2eSite().url }/wp-admin/post.php?post=${ onSite.id }&action=edit`
	);
	const blocks = await page.waitForFunction( () => {
		const editor = ( window as any ).wp?.data?.select(
			'core/block-editor'
		);
		const list = editor?.getBlocks() ?? [];
		return list.length
			? list.map( ( block: any ) => ( {
					name: block.name,
					isValid: block.isValid,
				} ) )
			: null;
	} );
	const read = ( await blocks.jsonValue() ) as Array< {
		name: string;
		isValid: boolean;
	} >;
	expect( read.map( ( block ) => block.name ) ).toEqual(
		expect.arrayContaining( [
			'core/embed',
			'core/paragraph',
			'core/video',
		] )
	);
	// The YouTube video, the YouTube playlist and the Flickr video.
	expect(
		read.filter( ( block ) => block.name === 'core/embed' )
	).toHaveLength( 3 );
	expect( read.filter( ( block ) => ! block.isValid ) ).toEqual( [] );
} );
