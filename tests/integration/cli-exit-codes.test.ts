/**
 * The packaged command line against a real site, as a host scripts it:
 * the password from the environment or standard input, a progress bar on a
 * terminal and one line per phase in a log, and exit codes a script can act
 * on (0 done, 1 finished with failed items, 2 refused).
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { generateArchive } from '../support/archive/generate';
import { cliImportArgs, testSite } from './support/site';

const root = nodePath.resolve( __dirname, '../..' );
// The file `npm run pack:cli` puts in the package.
const cli = nodePath.join( root, 'dist-cli/package/spaces-importer.js' );
let dir: string;

function archive( cid: string, seed: number ) {
	return generateArchive( { posts: 6, comments: 10, images: 3, seed, cid } );
}

function writeZip( name: string, files: Record< string, Uint8Array > ) {
	const path = nodePath.join( dir, name );
	writeFileSync( path, zipSync( files ) );
	return path;
}

/**
 * Runs `spaces-importer import <zip> --url … --user admin <extra>`.
 *
 * @param zip       The archive.
 * @param extra     More arguments.
 * @param how       The password's way in, and what is piped to standard input.
 * @param how.env
 * @param how.input
 * @return The finished process.
 */
function importZip(
	zip: string,
	extra: string[],
	how: { env?: string; input?: string }
) {
	return spawnSync(
		process.execPath,
		[ ...cliImportArgs( cli, zip ), ...extra ],
		{
			encoding: 'utf8',
			input: how.input ?? '',
			env: {
				...process.env,
				SPACES_IMPORTER_APP_PASSWORD: how.env ?? '',
			},
		}
	);
}

beforeAll( () => {
	const build = spawnSync(
		process.execPath,
		[ 'tools/cli-package.mjs', '--no-pack' ],
		{ cwd: root, encoding: 'utf8' }
	);
	if ( build.status !== 0 || ! existsSync( cli ) ) {
		throw new Error(
			`The command line did not bundle:\n${ build.stderr }`
		);
	}
	dir = mkdtempSync( nodePath.join( os.tmpdir(), 'spaces-cli-codes-' ) );
} );

it( 'exits 0 with the password from the environment, and says one line per phase in a log', () => {
	const zip = writeZip(
		'clean.zip',
		archive( 'C1100000000000E1', 11 ).files
	);
	const result = importZip( zip, [], { env: testSite().admin.appPassword } );
	expect( result.status ).toBe( 0 );
	expect( result.stderr.split( '\n' ).filter( Boolean ) ).toEqual( [
		'Images: uploading 3',
		'Posts: importing 6 (images done: 3/3)',
		'Finishing: links between posts and redirects (posts done: 6/6)',
	] );
	expect( result.stdout ).toMatch( /^Run \d+: complete in [\d.]+ s\.$/m );
	expect( result.stdout ).toMatch( /^Posts: \{"created":6\}$/m );
} );

it( 'draws a progress bar with counts and time left on a terminal, and no log lines', () => {
	const zip = writeZip(
		'terminal.zip',
		archive( 'C1100000000000E4', 14 ).files
	);
	const site = testSite();
	const quote = ( arg: string ) => `'${ arg.replace( /'/g, `'\\''` ) }'`;
	const command = [ process.execPath, ...cliImportArgs( cli, zip ) ]
		.map( quote )
		.join( ' ' );
	// util-linux `script` runs the command on a pseudo-terminal of its own
	// (-e: with the command's exit code), copying what it shows to ours.
	const result = spawnSync(
		'script',
		[ '-q', '-f', '-e', '-c', command, '/dev/null' ],
		{
			encoding: 'utf8',
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: {
				...process.env,
				SPACES_IMPORTER_APP_PASSWORD: site.admin.appPassword,
			},
		}
	);
	expect( result.status ).toBe( 0 );
	// What the terminal showed, each redraw of the bar a line of its own.
	const screen = result.stdout
		.replace( /\x1b\[[0-9;]*[A-Za-z]/g, '' )
		.split( /[\r\n]+/ )
		.map( ( line ) => line.trimEnd() )
		.filter( Boolean );
	// The posts' bar as the images finish: counts, share and time left.
	expect( screen ).toContainEqual(
		expect.stringMatching(
			/^Posts +\[-+\] +0\/6 +0% +[\d.]+\/s +about \d+ (s|min|h)\b.* left$/
		)
	);
	expect( screen ).toContainEqual(
		expect.stringMatching( /^Images +\[[#-]+\] +[0-3]\/3 +\d+%/ )
	);
	expect( screen ).toContainEqual(
		expect.stringMatching( /^Run \d+: complete in [\d.]+ s\.$/ )
	);
	expect( screen ).toContain( 'Posts: {"created":6}' );
	// A log's lines are for logs only.
	expect( screen ).not.toContainEqual(
		expect.stringMatching( /^(Images: uploading|Posts: importing)/ )
	);
}, 120_000 );

it( 'exits 1 when the import finished but an image failed, naming it', () => {
	const generated = archive( 'C1100000000000E2', 12 );
	// Not an image, whatever its name says: the site refuses it.
	generated.files[ generated.images[ 0 ] ] = new TextEncoder().encode(
		'This is not a picture.'
	);
	const zip = writeZip( 'one-bad-image.zip', generated.files );
	// The password piped in, as from a secrets file.
	const result = importZip( zip, [ '--json' ], {
		input: testSite().admin.appPassword + '\n',
	} );
	expect( result.stderr ).toBe( '' );
	expect( result.status ).toBe( 1 );
	const summary = JSON.parse( result.stdout );
	expect( summary.state ).toBe( 'complete' );
	expect( summary.posts ).toEqual( { created: 6 } );
	expect( summary.failures ).toEqual( [
		{
			path: generated.images[ 0 ],
			message: expect.stringMatching( /not an image or video type/ ),
		},
	] );
} );

it( 'exits 2 with one line when the site refuses the password', () => {
	const zip = writeZip(
		'refused.zip',
		archive( 'C1100000000000E3', 13 ).files
	);
	const result = importZip( zip, [ '--json' ], {
		env: 'aaaa bbbb cccc dddd eeee ffff',
	} );
	expect( result.status ).toBe( 2 );
	expect( result.stdout ).toBe( '' );
	expect( result.stderr.trim().split( '\n' ) ).toHaveLength( 1 );
} );

it( 'still takes --app-password, warning that the process list shows it', () => {
	const zip = writeZip(
		'clean.zip',
		archive( 'C1100000000000E1', 11 ).files
	);
	const result = importZip(
		zip,
		[ '--json', '--app-password', testSite().admin.appPassword ],
		{}
	);
	expect( result.stderr ).toMatch( /^Warning: .*process list/ );
	expect( result.status ).toBe( 0 );
	// The same archive as the first test: nothing imported twice.
	expect( JSON.parse( result.stdout ).posts ).toEqual( { unchanged: 6 } );
} );
