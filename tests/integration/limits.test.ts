/**
 * Heavy requests: the site announces how much one request may carry, refuses
 * more with a message naming the limit, and a post with thousands of comments
 * still imports completely within PHP's time limit.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../src/archive/model';
import { runImport } from '../../src/import/runner';
import {
	requestAs,
	sha256,
	sitePhpJson,
	startFreshRun,
	testSite,
	transportAs,
	uploadMedia,
} from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const sourceId = ( n: number ) => `cns!${ CID }!${ n }`;

const startRun = () => startFreshRun( 'heavy.zip', { comments: 'approved' } );

describe( 'request limits', () => {
	let run: any;

	beforeAll( async () => {
		run = await startRun();
	} );

	it( 'announces the limits of a request', () => {
		expect( run.limits ).toMatchObject( {
			postsPerRequest: expect.any( Number ),
			maxCommentsPerRequest: expect.any( Number ),
			maxRequestBytes: expect.any( Number ),
			maxPostBytes: expect.any( Number ),
			maxCommentBytes: expect.any( Number ),
		} );
		expect( run.limits.maxCommentsPerRequest ).toBeLessThan( 5000 );
	} );

	it( 'refuses a post body over the limit with a 400 naming it', async () => {
		const answer = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{
						sourceId: sourceId( 1 ),
						title: 'Huge',
						html: `<p>${ 'x'.repeat(
							run.limits.maxPostBytes + 1
						) }</p>`,
					},
				],
			},
			'admin'
		);
		expect( answer.status ).toBe( 400 );
		expect( answer.body.data.params.posts ).toMatch(
			new RegExp(
				`html.*${ run.limits.maxPostBytes.toLocaleString( 'en-US' ) }`
			)
		);
	} );

	it( 'refuses more comments than one request may carry with a 400 naming the limit', async () => {
		const comments = Array.from(
			{ length: run.limits.maxCommentsPerRequest + 1 },
			( _, i ) => ( { author: `A${ i }`, html: `c${ i }` } )
		);
		const answer = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{
						sourceId: sourceId( 2 ),
						title: 'Many',
						html: '<p>x</p>',
					},
					{
						sourceId: sourceId( 3 ),
						title: 'Many',
						html: '<p>x</p>',
						comments: comments.slice( 0, 2 ),
					},
				].concat( [
					{
						sourceId: sourceId( 4 ),
						title: 'Many',
						html: '<p>x</p>',
						comments: comments.slice( 2 ),
					} as any,
				] ),
			},
			'admin'
		);
		expect( answer.status ).toBe( 400 );
		expect( answer.body.message ).toContain(
			String( run.limits.maxCommentsPerRequest )
		);
	} );

	it( 'answers an upload over the size PHP accepts with 413 and the limit', async () => {
		const bytes = Buffer.alloc( 70 * 1024 * 1024, 7 );
		const answer = await uploadMedia( run.id, {
			bytes,
			name: 'huge.png',
			path: 'img/huge.png',
			hash: sha256( bytes ),
		} );
		expect( answer.status ).toBe( 413 );
		expect( answer.body.code ).toBe( 'spaces_importer_file_too_large' );
		expect( answer.body.message ).toMatch( /MB/ );
	} );
} );

describe( 'a request that dies half-way', () => {
	const muPlugins = () =>
		nodePath.join( testSite().dir, 'wp-content', 'mu-plugins' );
	const plugin = () =>
		nodePath.join( muPlugins(), `die-${ CID.toLowerCase() }.php` );
	const flag = () =>
		nodePath.join( muPlugins(), `die-${ CID.toLowerCase() }.flag` );

	beforeAll( () => {
		// While the flag file exists, writing a post titled "Die <CID>" is a PHP fatal error.
		fs.writeFileSync(
			plugin(),
			`<?php
add_filter( 'wp_insert_post_data', function ( $data ) {
	if ( 'Die ${ CID }' === $data['post_title'] && file_exists( ${ JSON.stringify(
		flag()
	) } ) ) {
		// A fatal error without a stack trace, so the log names no plugin file.
		trigger_error( 'Test fatal error', E_USER_ERROR );
	}
	return $data;
} );
`
		);
	} );

	afterAll( () => {
		fs.rmSync( plugin(), { force: true } );
		fs.rmSync( flag(), { force: true } );
	} );

	it( 'leaves no lock that holds up sending the batch again', async () => {
		const run = await startRun();
		const batch = {
			posts: [
				{ sourceId: sourceId( 10 ), title: 'Fine', html: '<p>a</p>' },
				{
					sourceId: sourceId( 11 ),
					title: `Die ${ CID }`,
					html: '<p>b</p>',
				},
			],
		};
		fs.writeFileSync( flag(), '' );
		const died = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			batch,
			'admin'
		);
		expect( died.status ).toBe( 500 );
		fs.rmSync( flag() );
		// The request that died released its locks as PHP shut down.
		expect(
			sitePhpJson(
				`global $wpdb; echo "\\n" . wp_json_encode( (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_spaces_importer_lock_' ) . '%' ) ) );`
			)
		).toBe( 0 );

		const again = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			batch,
			'admin'
		);
		expect( again.status ).toBe( 200 );
		expect(
			again.body.results.map( ( r: any ) => [ r.sourceId, r.status ] )
		).toEqual( [
			[ sourceId( 10 ), 'unchanged' ],
			[ sourceId( 11 ), 'created' ],
		] );
	} );
} );

describe( 'a post with 5,000 comments', () => {
	const plugin = () =>
		nodePath.join(
			testSite().dir,
			'wp-content',
			'mu-plugins',
			`time-limit-${ CID.toLowerCase() }.php`
		);

	beforeAll( () => {
		// PHP's built-in server has no time limit; a host has 30 s. The header
		// shows the limit the request really ran with. A slow host is one
		// whose every database query costs time: 2 ms of CPU each, which PHP's
		// time limit counts.
		fs.writeFileSync(
			plugin(),
			`<?php
set_time_limit( 30 );
add_filter( 'query', function ( $query ) {
	$until = hrtime( true ) + 2000000;
	while ( hrtime( true ) < $until ) {
	}
	return $query;
} );
add_filter( 'rest_post_dispatch', function ( $response ) {
	$response->header( 'X-Test-Time-Limit', (string) ini_get( 'max_execution_time' ) );
	return $response;
} );
`
		);
	} );

	afterAll( () => {
		fs.rmSync( plugin(), { force: true } );
	} );

	it( 'imports every comment, each request inside a 30 s time limit', async () => {
		const { url, admin } = testSite();
		const probe = await fetch( `${ url }/wp-json/spaces-importer/v1/runs`, {
			headers: {
				Authorization:
					'Basic ' +
					Buffer.from(
						`${ admin.login }:${ admin.appPassword }`
					).toString( 'base64' ),
			},
		} );
		expect( probe.headers.get( 'x-test-time-limit' ) ).toBe( '30' );

		const comments = Array.from( { length: 5000 }, ( _, i ) => ( {
			author: `Reader <${ i }>`,
			authorUrl: i % 2 ? `http://reader${ i }.example/` : null,
			published: `2007-05-${ String( 1 + ( i % 28 ) ).padStart(
				2,
				'0'
			) }T08:${ String( i % 60 ).padStart( 2, '0' ) }:00`,
			html: `Comment ${ i } <b>bold</b> <a href="http://x.example/${ i }">link</a> <script>bad()</script>`,
		} ) );
		const model: ArchiveModel = {
			name: 'many-comments.zip',
			blog: { title: 'Blog', host: null, cid: CID, culture: 'en-US' },
			posts: [
				{
					sourceId: sourceId( 20 ),
					number: 20,
					title: 'Popular',
					html: '<p>Everyone wrote.</p>',
					published: '2007-04-30T10:00:00',
					dateSource: 'footer',
					categories: [],
					originalUrl: null,
					comments,
					declaredCommentCount: null,
					images: [],
					links: [],
					files: [ 'a.html' ],
				} as any,
			],
			media: [],
			warnings: [],
		};
		const report = await runImport( {
			model,
			transport: transportAs( 'admin' ),
			options: { status: 'publish', comments: 'approved', images: false },
		} );
		expect( report.results ).toHaveLength( 1 );
		expect( report.results[ 0 ] ).toMatchObject( {
			status: 'created',
			comments: { created: 5000 },
		} );
		const stored = sitePhpJson( `
$post = ${ report.results[ 0 ].postId };
$comments = get_comments( array( 'post_id' => $post, 'orderby' => 'comment_date_gmt', 'order' => 'ASC' ) );
$first = wp_list_filter( $comments, array( 'comment_author' => 'Reader &lt;0&gt;' ) );
$first = reset( $first );
echo "\\n" . wp_json_encode( array(
	'count' => count( $comments ),
	'commentCount' => (int) get_post( $post )->comment_count,
	'first' => array( $first->comment_author, $first->comment_content, $first->comment_date ),
	'runs' => array_values( array_unique( array_map( function ( $c ) { return (int) get_comment_meta( $c->comment_ID, '_spaces_importer_run', true ); }, $comments ) ) ),
) );
` );
		expect( stored ).toEqual( {
			count: 5000,
			commentCount: 5000,
			first: [
				'Reader &lt;0&gt;',
				'Comment 0 <b>bold</b> <a href="http://x.example/0" rel="nofollow ugc">link</a> bad()',
				'2007-05-01 08:00:00',
			],
			runs: [ report.run.id ],
		} );

		// Sent again, part by part: nothing is added twice.
		const again = await runImport( {
			model,
			transport: transportAs( 'admin' ),
			options: { status: 'publish', comments: 'approved', images: false },
		} );
		expect( again.results[ 0 ] ).toMatchObject( {
			status: 'unchanged',
			comments: { created: 0 },
		} );
	} );
} );
