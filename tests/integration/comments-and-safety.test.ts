/**
 * Comments as strangers wrote them, kept safe whoever imports them; and
 * uploads that only pretend to be images.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	pngImage,
	requestAs,
	sha256,
	siteCounts,
	sitePhpJson,
	startFreshRun,
	testSite,
	uploadedFiles,
	uploadMedia,
} from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();

const startRun = ( options: Record< string, unknown > = {} ) =>
	startFreshRun( 'safety.zip', options );

describe( 'comments', () => {
	let postId = 0;

	beforeAll( async () => {
		await requestAs(
			'POST',
			'/wp/v2/settings',
			{ timezone: 'America/New_York' },
			'admin'
		);
		const run = await startRun( { comments: 'approved' } );
		const { body } = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{
						sourceId: `cns!${ CID }!1`,
						title: 'Comments',
						html: '<p>Body</p>',
						published: '2007-07-01T10:00:00',
						categories: [],
						originalUrl: null,
						comments: [
							{
								author: 'Lisa <3',
								authorUrl: 'javascript:alert(1)',
								published: '2007-07-04T20:15:00',
								html: 'Hi<script>alert(1)</script><img src="x" onerror="alert(2)"><b onclick="x()">bold</b> <a href="http://a.example/">a</a>',
							},
							{
								author: 'Tom & Jerry',
								authorUrl: null,
								published: '2007-01-15T08:30:00',
								html: 'Winter',
							},
						],
					},
				],
			},
			'admin'
		);
		await requestAs(
			'POST',
			'/wp/v2/settings',
			{ timezone: 'UTC' },
			'admin'
		);
		postId = body.results[ 0 ].postId;
	} );

	function comments() {
		return sitePhpJson< any[] >(
			`echo "\\n" . wp_json_encode( array_map( 'get_object_vars', get_comments( array( 'post_id' => ${ postId }, 'orderby' => 'comment_date_gmt', 'order' => 'DESC' ) ) ) );`
		);
	}

	it( 'filters the text as an untrusted commenter’s, even when an administrator imports', () => {
		expect( comments() ).toHaveLength( 2 );
		const [ lisa ] = comments();
		expect( lisa.comment_content ).not.toMatch(
			/script|onerror|onclick|<img/
		);
		expect( lisa.comment_content ).toContain( '<b>bold</b>' );
		expect( lisa.comment_content ).toContain( 'rel="nofollow ugc"' );
		expect( lisa.comment_author_url ).toBe( '' );
		expect( lisa.comment_approved ).toBe( '1' );
	} );

	it( 'keeps author names as written', async () => {
		const [ lisa, tom ] = comments();
		expect( lisa.comment_author ).toBe( 'Lisa &lt;3' );
		expect( tom.comment_author ).toBe( 'Tom &amp; Jerry' );
		const page = await fetch( `${ testSite().url }/?p=${ postId }` );
		const html = await page.text();
		expect( html ).toContain( 'Lisa &lt;3' );
		expect( html ).not.toContain( '&amp;lt;3' );
		expect( html ).not.toContain( 'Lisa <3' );
	} );

	it( 'dates comments in the site’s time zone, with the right GMT', () => {
		const [ summer, winter ] = comments();
		expect( summer.comment_date ).toBe( '2007-07-04 20:15:00' );
		expect( summer.comment_date_gmt ).toBe( '2007-07-05 00:15:00' );
		expect( winter.comment_date ).toBe( '2007-01-15 08:30:00' );
		expect( winter.comment_date_gmt ).toBe( '2007-01-15 13:30:00' );
	} );

	it( 'sends no e-mail about old comments', () => {
		const mail = sitePhpJson(
			`echo "\\n" . wp_json_encode( file_exists( ABSPATH . '.site/mail.log' ) ? file_get_contents( ABSPATH . '.site/mail.log' ) : '' );`
		);
		expect( mail ).not.toContain( 'Comments' );
	} );

	it( 'imports comments as pending when the owner chooses so', async () => {
		const run = await startRun( { comments: 'pending' } );
		const { body } = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{
						sourceId: `cns!${ CID }!2`,
						title: 'Pending',
						html: '<p>x</p>',
						comments: [ { author: 'A', html: 'wait' } ],
					},
				],
			},
			'admin'
		);
		const [ comment ] = sitePhpJson< any[] >(
			`echo "\\n" . wp_json_encode( array_map( 'get_object_vars', get_comments( array( 'post_id' => ${ body.results[ 0 ].postId } ) ) ) );`
		);
		expect( comment.comment_approved ).toBe( '0' );
	} );
} );

describe( 'uploads that are not what they say', () => {
	it.each( [
		[ 'a PHP file named x.jpg', 'x.jpg', '<?php echo "owned"; ?>' ],
		[
			'an SVG',
			'x.svg',
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
		],
		[
			'an HTML file',
			'x.html',
			'<!doctype html><html><body><script>alert(1)</script></body></html>',
		],
	] )( 'refuses %s with 400 and writes nothing', async ( _, name, text ) => {
		const run = await startRun();
		const files = uploadedFiles();
		const counts = siteCounts();
		const bytes = Buffer.from( text );
		const answer = await uploadMedia( run.id, {
			bytes,
			name,
			path: `img/${ name }`,
			date: '2007-04',
		} );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.message ).toMatch( /not an image or video type/ );
		expect( uploadedFiles() ).toEqual( files );
		expect( siteCounts() ).toEqual( counts );
		const read = await requestAs(
			'GET',
			`${ API }/runs/${ run.id }`,
			undefined,
			'admin'
		);
		expect( read.body.counts.media.failed ).toBe( 1 );
		expect( read.body.failures ).toEqual( [
			{
				kind: 'media',
				sourceId: `img/${ name }`,
				message: answer.body.message,
			},
		] );
	} );

	it( 'refuses a file whose bytes do not match the hash', async () => {
		const run = await startRun();
		const answer = await uploadMedia( run.id, {
			bytes: pngImage( 4, [ 1, 2, 3 ] ),
			name: 'a.png',
			path: 'a.png',
			hash: sha256( 'something else' ),
		} );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.code ).toBe( 'spaces_importer_hash_mismatch' );
	} );

	it( 'refuses a request without a file or with a path that is no path', async () => {
		const run = await startRun();
		const form = new FormData();
		form.append( 'path', 'a.png' );
		form.append( 'sha256', sha256( 'x' ) );
		const missing = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/media`,
			form,
			'admin'
		);
		expect( missing.status ).toBe( 400 );
		expect( missing.body.message ).toBeTruthy();
		const badDate = await uploadMedia( run.id, {
			bytes: pngImage( 4, [ 1, 2, 3 ] ),
			name: 'a.png',
			path: 'a.png',
			date: '2007-13',
		} );
		expect( badDate.status ).toBe( 400 );
		expect( badDate.body.code ).toBe( 'rest_invalid_param' );
	} );

	it( 'never uses the archive path as a file system path', async () => {
		const run = await startRun();
		const bytes = pngImage( 6, [ 9, 8, 7 ] );
		const answer = await uploadMedia( run.id, {
			bytes,
			name: '../../../evil.php.png',
			path: '../../../wp-content/evil.php',
			date: '2007-04',
		} );
		expect( answer.status ).toBe( 201 );
		expect( answer.body.url ).toMatch(
			/\/wp-content\/uploads\/2007\/04\/[^/]+\.png$/
		);
		// WordPress's own sanitizing defuses the inner extension.
		expect( answer.body.url ).toMatch( /\/evil\.php_\.png$/ );
	} );
} );
