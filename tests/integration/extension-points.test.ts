/**
 * The hooks an importer offers other plugins, as the WordPress Importer
 * offers them: `import_start` and `import_end` once per run, with
 * `WP_IMPORTING` defined, and filters on each post and each comment before
 * they are written.
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
import { requestAs, testSite, untilDone } from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const MARK = CID.toLowerCase();

const muPlugins = () =>
	nodePath.join( testSite().dir, 'wp-content', 'mu-plugins' );
const plugin = () => nodePath.join( muPlugins(), `hooks-${ MARK }.php` );
const log = () => nodePath.join( muPlugins(), `hooks-${ MARK }.log` );

/**
 * The actions the site saw, one line each: the action's name and whether
 * WordPress was importing (`WP_IMPORTING`) when it fired.
 *
 * @return Lines such as `import_start importing`.
 */
function actions(): string[] {
	return fs.existsSync( log() )
		? fs.readFileSync( log(), 'utf8' ).split( '\n' ).filter( Boolean )
		: [];
}

beforeAll( () => {
	// Another plugin, as a host would write it: it counts the actions and
	// changes the posts and comments of this test's archive.
	fs.mkdirSync( muPlugins(), { recursive: true } );
	fs.writeFileSync(
		plugin(),
		`<?php
foreach ( array( 'import_start', 'import_end' ) as $hooks_action ) {
	add_action( $hooks_action, function () use ( $hooks_action ) {
		$importing = defined( 'WP_IMPORTING' ) && WP_IMPORTING ? 'importing' : 'not-importing';
		file_put_contents( ${ JSON.stringify(
			log()
		) }, $hooks_action . ' ' . $importing . "\\n", FILE_APPEND );
	} );
}
add_filter( 'spaces_importer_post_data', function ( $data, $item ) {
	if ( false !== strpos( $item['sourceId'], ${ JSON.stringify( CID ) } ) ) {
		$data['post_title'] = 'Filtered: ' . $data['post_title'];
	}
	return $data;
}, 10, 2 );
add_filter( 'spaces_importer_comment_data', function ( $data, $comment, $post_id ) {
	if ( 'Leave me out' === $comment['author'] ) {
		return false;
	}
	if ( false !== strpos( get_post_meta( $post_id, '_spaces_importer_source_id', true ), ${ JSON.stringify(
		CID
	) } ) ) {
		$data['comment_author'] = 'Filtered ' . $data['comment_author'];
	}
	return $data;
}, 10, 3 );
`
	);
} );

afterAll( () => {
	fs.rmSync( plugin(), { force: true } );
	fs.rmSync( log(), { force: true } );
} );

describe( 'the hooks other plugins use', () => {
	it( 'fires import_start when a run starts and import_end when it is finalized, once each, while importing', async () => {
		const fingerprint = crypto.randomBytes( 32 ).toString( 'hex' );
		const start = () =>
			requestAs(
				'POST',
				`${ API }/runs`,
				{ fingerprint, name: 'hooks.zip' },
				'admin'
			);
		const run = await start();
		expect( run.status ).toBe( 201 );
		expect( actions() ).toEqual( [ 'import_start importing' ] );

		// Resuming the same run is not a new import.
		const resumed = await start();
		expect( resumed.body.resumed ).toBe( true );
		expect( actions() ).toEqual( [ 'import_start importing' ] );

		const posts = await requestAs(
			'POST',
			`${ API }/runs/${ run.body.id }/posts`,
			{
				posts: [
					{
						sourceId: `cns!${ CID }!1`,
						title: 'A hooked post',
						html: '<p>Body</p>',
						published: '2008-05-01T10:00:00',
						comments: [
							{
								author: 'Ann',
								html: '<p>Kept</p>',
								published: '2008-05-02T10:00:00',
							},
							{
								author: 'Leave me out',
								html: '<p>Dropped</p>',
								published: '2008-05-03T10:00:00',
							},
						],
					},
				],
			},
			'admin'
		);
		expect( posts.status ).toBe( 200 );
		expect( posts.body.results[ 0 ] ).toMatchObject( {
			status: 'created',
			comments: { created: 1 },
		} );
		expect( actions() ).toEqual( [ 'import_start importing' ] );

		await untilDone(
			'POST',
			`${ API }/runs/${ run.body.id }/finalize`,
			'finalize'
		);
		expect( actions() ).toEqual( [
			'import_start importing',
			'import_end importing',
		] );

		// Finalizing a finished run again ends nothing more.
		await untilDone(
			'POST',
			`${ API }/runs/${ run.body.id }/finalize`,
			'finalize'
		);
		expect( actions() ).toEqual( [
			'import_start importing',
			'import_end importing',
		] );

		const postId = posts.body.results[ 0 ].postId;
		const post = await requestAs(
			'GET',
			`/wp/v2/posts/${ postId }?context=edit`,
			undefined,
			'admin'
		);
		expect( post.body.title.raw ).toBe( 'Filtered: A hooked post' );
		const comments = await requestAs(
			'GET',
			`/wp/v2/comments?post=${ postId }&context=edit`,
			undefined,
			'admin'
		);
		expect(
			comments.body.map( ( comment: any ) => comment.author_name )
		).toEqual( [ 'Filtered Ann' ] );
	} );
} );
