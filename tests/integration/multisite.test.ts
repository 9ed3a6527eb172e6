/**
 * A host's network of sites: the importer runs on one site of the network,
 * signed in as that site's administrator, who is not a super admin. What
 * arrives is filtered as for any user without `unfiltered_html`, stays in
 * that site's tables and upload folder, counts against the site's upload
 * quota, and the site's redirects and block work.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { runImport } from '../../src/import/runner';
import { generateArchive } from '../support/archive/generate';
import {
	networkPhpJson,
	subsiteTransport,
	testNetwork,
} from './support/network';
import { installPackedCli } from '../support/packed-cli';

interface SiteState {
	posts: number;
	attachments: number;
	comments: number;
	imported: number;
	files: string[];
}

/**
 * What one site of the network holds.
 *
 * @param blogId The site.
 * @return Its posts, attachments, comments, imported posts and upload files.
 */
function siteState( blogId: number ): SiteState {
	return networkPhpJson( `
switch_to_blog( ${ blogId } );
global $wpdb;
$uploads = wp_upload_dir( null, false );
$files = array();
if ( is_dir( $uploads['basedir'] ) ) {
	$walk = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $uploads['basedir'], FilesystemIterator::SKIP_DOTS ) );
	foreach ( $walk as $file ) {
		$relative = substr( $file->getPathname(), strlen( $uploads['basedir'] ) + 1 );
		// The main site's folder holds the other sites' folders.
		if ( 1 === get_current_blog_id() && 0 === strpos( $relative, 'sites/' ) ) {
			continue;
		}
		$files[] = $relative;
	}
}
sort( $files );
echo "\\n" . wp_json_encode( array(
	'posts' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'post'" ),
	'attachments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'attachment'" ),
	'comments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments}" ),
	'imported' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id'" ),
	'files' => $files,
) );
` );
}

function importedPosts( blogId: number ) {
	return networkPhpJson<
		Array< { id: number; source: string; content: string; link: string } >
	>( `
switch_to_blog( ${ blogId } );
global $wpdb;
$out = array();
foreach ( $wpdb->get_results( "SELECT post_id, meta_value FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' ORDER BY post_id" ) as $row ) {
	$post = get_post( $row->post_id );
	$out[] = array( 'id' => (int) $post->ID, 'source' => $row->meta_value, 'content' => $post->post_content, 'link' => get_permalink( $post ) );
}
echo "\\n" . wp_json_encode( $out );
` );
}

const network = testNetwork();
const cid = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const generated = generateArchive( {
	posts: 5,
	comments: 8,
	images: 3,
	seed: 4242,
	cid,
	host: 'network.spaces.live.com',
} );

it( 'runs as the second site’s administrator, who is no super admin and may not post unfiltered HTML', () => {
	const who = networkPhpJson< {
		superAdmin: boolean;
		unfiltered: boolean;
		importHere: boolean;
		importOnMain: boolean;
	} >( `
$user = get_user_by( 'login', ${ JSON.stringify( network.sub.admin.login ) } );
$user->for_site( ${ network.sub.id } );
$here = user_can( $user, 'unfiltered_html' );
$import_here = user_can( $user, 'import' );
$user->for_site( 1 );
echo "\\n" . wp_json_encode( array(
	'superAdmin' => is_super_admin( $user->ID ),
	'unfiltered' => $here,
	'importHere' => $import_here,
	'importOnMain' => user_can( $user, 'import' ),
) );
` );
	expect( who ).toEqual( {
		superAdmin: false,
		unfiltered: false,
		importHere: true,
		importOnMain: false,
	} );
} );

it( 'imports into the second site only, filtered as for its administrator, with its redirects and block', async () => {
	const mainBefore = siteState( 1 );
	const reader = await readArchive( zipSync( generated.files ), 'space.zip' );
	const model = reader.model;
	model.posts[ 0 ].html +=
		'<script>alert("stored")</script><p onclick="steal()">Click</p><iframe src="https://evil.example/"></iframe>';

	const report = await runImport( {
		model,
		media: { read: ( path ) => reader.readMedia( path ) },
		transport: subsiteTransport(),
		options: {
			status: 'publish',
			comments: 'approved',
			originalPostBlock: true,
		},
	} );
	expect(
		[ ...report.results, ...report.media ].filter(
			( result ) => result.status === 'failed'
		)
	).toEqual( [] );

	const sub = siteState( network.sub.id );
	expect( sub.imported ).toBe( generated.posts.length );
	expect( sub.comments ).toBeGreaterThanOrEqual( 8 );
	expect( sub.attachments ).toBeGreaterThan( 0 );
	for ( const file of sub.files ) {
		expect( file ).not.toMatch( /^sites\// );
	}
	const subUploads = networkPhpJson< { basedir: string } >( `
switch_to_blog( ${ network.sub.id } );
echo "\\n" . wp_json_encode( wp_upload_dir( null, false ) );
` );
	expect( subUploads.basedir ).toMatch(
		new RegExp( `/wp-content/uploads/sites/${ network.sub.id }$` )
	);

	// Nothing reached the main site: its tables and its own uploads are as they were.
	expect( siteState( 1 ) ).toEqual( mainBefore );

	const posts = importedPosts( network.sub.id );
	const first = posts.find(
		( post ) => post.source === model.posts[ 0 ].sourceId
	);
	expect( first?.content ).toContain( 'Click' );
	expect( first?.content ).not.toMatch( /<script|onclick|<iframe/i );
	for ( const post of posts ) {
		expect( post.link.startsWith( `${ network.sub.url }/` ) ).toBe( true );
	}

	// Old Spaces addresses lead to the post on this site, and only here.
	const number = model.posts[ 0 ].sourceId.split( '!' ).pop();
	const legacy = `/blog/cns!${ cid }!${ number }.entry`;
	const redirected = await fetch( network.sub.url + legacy, {
		redirect: 'manual',
	} );
	expect( redirected.status ).toBe( 301 );
	expect( redirected.headers.get( 'location' ) ).toBe( first?.link );
	const onMain = await fetch( network.url + legacy, { redirect: 'manual' } );
	expect( onMain.status ).toBe( 404 );

	// The original-post block renders on the site's front end.
	const page = await fetch( first!.link );
	expect( page.status ).toBe( 200 );
	const html = await page.text();
	expect( html ).toContain( 'Originally published on Windows Live Spaces' );
	expect( html ).toContain( `https://web.archive.org/web/` );
} );

it( 'imports into the second site with the packed command line, installed from its tarball, the password from the environment', () => {
	const { bin, scratch } = installPackedCli();
	try {
		const archive = generateArchive( {
			posts: 4,
			comments: 6,
			images: 2,
			seed: 5151,
			cid: crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase(),
			host: 'packed.spaces.live.com',
		} );
		const zip = nodePath.join( scratch, 'space.zip' );
		writeFileSync( zip, zipSync( archive.files ) );
		const mainBefore = siteState( 1 );
		const subBefore = siteState( network.sub.id );

		const result = spawnSync(
			bin,
			[
				'import',
				zip,
				'--url',
				network.sub.url,
				'--user',
				network.sub.admin.login,
			],
			{
				cwd: scratch,
				encoding: 'utf8',
				input: '',
				env: {
					...process.env,
					SPACES_IMPORTER_APP_PASSWORD: network.sub.admin.appPassword,
				},
			}
		);
		expect( result.stderr ).not.toMatch( /Warning/ );
		expect( result.status ).toBe( 0 );
		expect( result.stdout ).toMatch( /^Run \d+: complete in [\d.]+ s\.$/m );
		expect( result.stdout ).toMatch( /^Posts: \{"created":4\}$/m );

		// Everything arrived in the second site, its files in its own folder…
		const sub = siteState( network.sub.id );
		expect( sub.imported - subBefore.imported ).toBe( 4 );
		expect( sub.comments - subBefore.comments ).toBe( 6 );
		expect( sub.attachments - subBefore.attachments ).toBeGreaterThan( 0 );
		expect( sub.files.length ).toBeGreaterThan( subBefore.files.length );
		// …and nothing in the main site's tables or upload folder.
		expect( siteState( 1 ) ).toEqual( mainBefore );
	} finally {
		rmSync( scratch, { recursive: true, force: true } );
	}
}, 240_000 );

it( 'refuses images beyond the site’s upload quota, file by file, with a reason, and imports the rest', async () => {
	const more = generateArchive( {
		posts: 4,
		comments: 0,
		images: 4,
		seed: 777,
		cid: crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase(),
		host: 'quota.spaces.live.com',
	} );
	const sizes = more.images.map( ( path ) => more.files[ path ].length );
	const room = Math.min( ...sizes ) * 1.5;
	// Quotas hold on this network from now on; the site has room for about one more image.
	const quota = networkPhpJson< { allowed: number; available: number } >( `
update_site_option( 'upload_space_check_disabled', 0 );
switch_to_blog( ${ network.sub.id } );
delete_transient( 'dirsize_cache' );
$used = get_space_used();
update_option( 'blog_upload_space', $used + ${ room } / MB_IN_BYTES );
echo "\\n" . wp_json_encode( array( 'allowed' => get_space_allowed(), 'available' => get_upload_space_available() ) );
` );
	expect( quota.available ).toBeGreaterThan( 0 );
	expect( quota.available ).toBeLessThan( sizes.reduce( ( a, b ) => a + b ) );

	try {
		const reader = await readArchive( zipSync( more.files ), 'quota.zip' );
		const before = siteState( network.sub.id );
		const report = await runImport( {
			model: reader.model,
			media: { read: ( path ) => reader.readMedia( path ) },
			transport: subsiteTransport(),
			options: { status: 'publish', comments: 'approved' },
		} );
		const refused = report.media.filter(
			( result ) => result.status === 'failed'
		);
		expect( refused.length ).toBeGreaterThan( 0 );
		for ( const result of refused ) {
			expect( result.message ).toMatch(
				/no room left for this file.*upload space/
			);
		}
		const after = siteState( network.sub.id );
		// Every post arrived; only the images that fit did.
		expect( after.imported - before.imported ).toBe( more.posts.length );
		const stored = after.attachments - before.attachments;
		expect( stored ).toBeGreaterThan( 0 );
		expect( stored ).toBeLessThan( new Set( more.images ).size );
	} finally {
		networkPhpJson( `
update_site_option( 'upload_space_check_disabled', 1 );
echo "\\n" . wp_json_encode( true );
` );
	}
} );
