/**
 * A host's import cut off mid-way (the process killed, as by a lost SSH
 * session or a reboot) and run again: the command line continues the same
 * run, and every post, comment and image ends up on the site exactly once.
 */

/**
 * External dependencies
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { generateArchive } from '../support/archive/generate';
import { archiveFingerprint } from '../../src/import/fingerprint';
import {
	cliImportArgs,
	requestAs,
	sitePhpJson,
	testSite,
} from './support/site';

const root = nodePath.resolve( __dirname, '../..' );
const cli = nodePath.join( root, 'dist/cli/index.js' );
const CID = 'C1100000000000D7';

function cliArgs( zip: string ) {
	return [ ...cliImportArgs( cli, zip ), '--json' ];
}

/** The password as hosts give it: in the environment. */
function cliEnv() {
	return {
		...process.env,
		SPACES_IMPORTER_APP_PASSWORD: testSite().admin.appPassword,
	};
}

/**
 * What the site holds of this space: posts, their comments, their images.
 *
 * @return Counts.
 */
function onSite() {
	return sitePhpJson< {
		posts: number;
		distinct: number;
		comments: number;
		attachments: number;
	} >( `
global $wpdb;
$like = $wpdb->esc_like( 'cns!${ CID }!' ) . '%';
$ids = $wpdb->get_col( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value LIKE %s", $like ) );
$list = $ids ? implode( ',', array_map( 'intval', $ids ) ) : '0';
echo "\\n" . wp_json_encode( array(
	'posts' => count( $ids ),
	'distinct' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT( DISTINCT meta_value ) FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value LIKE %s", $like ) ),
	'comments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments} WHERE comment_post_ID IN ( $list )" ),
	'attachments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'attachment' AND post_parent IN ( $list )" ),
) );
` );
}

beforeAll( () => {
	// `npm install` compiles the command line; compile again so the test
	// runs the code as it is now.
	const build = spawnSync( 'npx', [ 'tsc', '-p', 'src/cli/tsconfig.json' ], {
		cwd: root,
		encoding: 'utf8',
	} );
	if ( build.status !== 0 || ! existsSync( cli ) ) {
		throw new Error(
			`The command line did not compile:\n${ build.stdout }${ build.stderr }`
		);
	}
} );

it( 'continues after being killed mid-import and imports every item exactly once', async () => {
	const generated = generateArchive( {
		posts: 300,
		comments: 900,
		images: 30,
		seed: 5,
		cid: CID,
	} );
	const zipBytes = zipSync( generated.files );
	const dir = mkdtempSync( nodePath.join( os.tmpdir(), 'spaces-cli-' ) );
	const zip = nodePath.join( dir, 'space.zip' );
	writeFileSync( zip, zipBytes );
	const { model } = await readArchive( zipBytes, 'space.zip' );
	const fingerprint = archiveFingerprint( model );
	const expected = {
		posts: model.posts.length,
		comments: model.posts.reduce( ( n, p ) => n + p.comments.length, 0 ),
	};

	// First run: killed once the site has some of the posts.
	const first = spawn( process.execPath, cliArgs( zip ), {
		stdio: 'ignore',
		env: cliEnv(),
	} );
	const exited = new Promise( ( resolve ) => first.on( 'exit', resolve ) );
	let killedAt = -1;
	for ( let i = 0; i < 600 && killedAt < 0; i++ ) {
		const { body } = await requestAs(
			'GET',
			`/spaces-importer/v1/runs?fingerprint=${ fingerprint }`,
			undefined,
			'admin'
		);
		const created = body?.[ 0 ]?.counts?.posts?.created ?? 0;
		if ( created > 0 ) {
			first.kill( 'SIGKILL' );
			killedAt = created;
		} else {
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		}
	}
	await exited;
	expect( killedAt ).toBeGreaterThan( 0 );
	const partial = onSite();
	expect( partial.posts ).toBeLessThan( expected.posts );

	// Second run: the same command, to the end.
	const second = spawnSync( process.execPath, cliArgs( zip ), {
		encoding: 'utf8',
		env: cliEnv(),
	} );
	expect( second.stderr ).toBe( '' );
	expect( second.status ).toBe( 0 );
	const summary = JSON.parse( second.stdout.trim().split( '\n' ).pop()! );
	expect( summary.state ).toBe( 'complete' );
	expect( summary.failures ).toEqual( [] );
	// It went on with the same run, finding what the first one did.
	const { body: runs } = await requestAs(
		'GET',
		`/spaces-importer/v1/runs?fingerprint=${ fingerprint }`,
		undefined,
		'admin'
	);
	expect( runs ).toHaveLength( 1 );

	const final = onSite();
	expect( final.posts ).toBe( expected.posts );
	expect( final.distinct ).toBe( expected.posts );
	expect( final.comments ).toBe( expected.comments );
	expect( final.attachments ).toBeGreaterThan( 0 );
	expect( final.attachments ).toBeLessThanOrEqual( 30 );
	const uploaded = sitePhpJson< number >( `
global $wpdb;
echo "\\n" . (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.post_type = 'attachment' AND m.meta_key = '_spaces_importer_run' AND m.meta_value = '${ runs[ 0 ].id }'" );
` );
	// Each image file once in the library.
	expect( uploaded ).toBe(
		new Set(
			model.posts.flatMap( ( p ) =>
				p.images.map( ( i ) => i.archivePath ).filter( Boolean )
			)
		).size
	);
} );
