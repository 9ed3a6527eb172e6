/**
 * A post is written whole or not at all: when the database fails a
 * statement half-way (a deadlock between parallel requests rolls the whole
 * transaction back), the post is written again, and if it keeps failing it
 * is reported failed with nothing of it left on the site. A file is
 * recorded whole or not at all in the same way.
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
import {
	pngImage,
	requestAs,
	siteCounts,
	sitePhpJson,
	startFreshRun,
	testSite,
	uploadedFiles,
	uploadMedia,
} from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const MARK = CID.toLowerCase();

const muPlugins = () =>
	nodePath.join( testSite().dir, 'wp-content', 'mu-plugins' );
const plugin = () => nodePath.join( muPlugins(), `deadlock-${ MARK }.php` );

beforeAll( () => {
	// Acts as the database does on a deadlock while a post's comments go
	// in: the transaction is rolled back and the statement fails. "Once"
	// posts fail on their first attempt in a request, "Always" posts on each.
	fs.mkdirSync( muPlugins(), { recursive: true } );
	fs.writeFileSync(
		plugin(),
		`<?php
add_filter( 'spaces_importer_comment_data', function ( $data, $comment, $post_id ) {
	static $failed = array();
	global $wpdb;
	$text = $comment['html'];
	if ( false === strpos( $text, ${ JSON.stringify( MARK ) } ) ) {
		return $data;
	}
	$always = false !== strpos( $text, 'always' );
	if ( $always || empty( $failed[ $text ] ) ) {
		$failed[ $text ] = true;
		$wpdb->query( 'ROLLBACK' );
		$wpdb->suppress_errors( true );
		$wpdb->query( 'SELECT simulated_deadlock FROM no_such_table_${ MARK }' );
		$wpdb->suppress_errors( false );
	}
	return $data;
}, 10, 3 );
// The same for a file: its attachment row is in, its meta fails.
add_action( 'add_attachment', function ( $attachment_id ) {
	global $wpdb;
	if ( false !== strpos( get_the_title( $attachment_id ), ${ JSON.stringify( `${ MARK }-always` ) } ) ) {
		$wpdb->query( 'ROLLBACK' );
		$wpdb->suppress_errors( true );
		$wpdb->query( 'SELECT simulated_deadlock FROM no_such_table_${ MARK }' );
		$wpdb->suppress_errors( false );
	}
} );
`
	);
} );

afterAll( () => {
	fs.rmSync( plugin(), { force: true } );
} );

function post( n: number, kind: 'once' | 'always' ) {
	return {
		sourceId: `cns!${ CID }!${ n }`,
		title: `Deadlock ${ kind } ${ MARK }`,
		html: '<p>Body</p>',
		published: '2008-06-01T10:00:00',
		comments: [ 1, 2, 3 ].map( ( c ) => ( {
			author: `Reader ${ c }`,
			html: `<p>${ kind } ${ c } ${ MARK }</p>`,
			published: `2008-06-0${ c + 1 }T10:00:00`,
		} ) ),
	};
}

/**
 * What the site holds for this test's posts, read from its database.
 *
 * @return Posts by title with their comment counts, and all comments.
 */
function stored(): {
	posts: Array< { title: string; comments: number } >;
	comments: number;
} {
	const found = sitePhpJson< {
		posts: Array< { title: string; comment_count: string } >;
		comments: number;
	} >( `
global $wpdb;
$like = '%' . $wpdb->esc_like( '${ MARK }' ) . '%';
echo "\\n" . wp_json_encode( array(
	'posts' => $wpdb->get_results( $wpdb->prepare( "SELECT post_title AS title, comment_count FROM {$wpdb->posts} WHERE post_title LIKE %s AND post_type = 'post' ORDER BY post_title", $like ) ),
	'comments' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->comments} WHERE comment_content LIKE %s", $like ) ),
) );
` );
	return {
		posts: found.posts.map( ( row ) => ( {
			title: row.title,
			comments: Number( row.comment_count ),
		} ) ),
		comments: found.comments,
	};
}

it( 'writes a post again when its transaction was rolled back, and reports one that keeps failing with nothing left of it', async () => {
	const run = await startFreshRun( 'deadlock.zip', {
		status: 'publish',
		comments: 'approved',
	} );

	const answer = await requestAs(
		'POST',
		`${ API }/runs/${ run.id }/posts`,
		{ posts: [ post( 1, 'once' ), post( 2, 'always' ) ] },
		'admin'
	);
	expect( answer.status ).toBe( 200 );
	const [ once, always ] = answer.body.results;
	expect( once ).toMatchObject( {
		status: 'created',
		comments: { created: 3 },
	} );
	expect( always.status ).toBe( 'failed' );
	expect( always.message ).toContain( 'no_such_table' );

	// The retried post is there with its three comments counted; of the
	// failed one there is no post and no comment.
	expect( stored() ).toEqual( {
		posts: [ { title: `Deadlock once ${ MARK }`, comments: 3 } ],
		comments: 3,
	} );
} );

it( 'keeps nothing of a file the database failed to record, and counts it failed with a reason', async () => {
	const run = await startFreshRun( 'deadlock-media.zip', {
		status: 'publish',
	} );
	const files = uploadedFiles();
	const counts = siteCounts();

	const name = `${ MARK }-always.png`;
	const failed = await uploadMedia( run.id, {
		bytes: pngImage( 5, [ 200, 10, 30 ] ),
		name,
		path: `img/${ name }`,
	} );
	expect( failed.status ).toBe( 500 );
	expect( failed.body.message ).toMatch(
		/database could not record this file/
	);
	// No attachment row, no meta, no file: sending it again starts clean.
	expect( siteCounts() ).toEqual( counts );
	expect( uploadedFiles() ).toEqual( files );

	// Another file of the same request path goes in whole.
	const fine = await uploadMedia( run.id, {
		bytes: pngImage( 5, [ 10, 200, 30 ] ),
		name: `${ MARK }-fine.png`,
		path: `img/${ MARK }-fine.png`,
	} );
	expect( fine.status ).toBe( 201 );
	const meta = sitePhpJson< { path: string; run: string } >( `
echo "\\n" . wp_json_encode( array(
	'path' => get_post_meta( ${ fine.body.attachmentId }, '_spaces_importer_path', true ),
	'run'  => get_post_meta( ${ fine.body.attachmentId }, '_spaces_importer_run', true ),
) );
` );
	expect( meta ).toEqual( {
		path: `img/${ MARK }-fine.png`,
		run: String( run.id ),
	} );

	const read = await requestAs(
		'GET',
		`${ API }/runs/${ run.id }`,
		undefined,
		'admin'
	);
	expect( read.body.counts.media ).toMatchObject( {
		failed: 1,
		created: 1,
	} );
	expect( read.body.failures ).toEqual( [
		{
			kind: 'media',
			sourceId: `img/${ name }`,
			message: failed.body.message,
		},
	] );
} );
