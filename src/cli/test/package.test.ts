/**
 * @jest-environment node
 */

/**
 * The command line as hosts install it: `npm run pack:cli` makes a tarball
 * that installs with `npm install -g` offline (no dependency to fetch, no
 * build step) and gives a working `spaces-importer`.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { generateArchive } from '../../../tests/support/archive/generate';
import { installPackedCli } from '../../../tests/support/packed-cli';

const root = path.resolve( __dirname, '../../..' );
let scratch: string;
let installed: string;
let bin: string;
let tarballBytes: number;

/**
 * Bytes of every file under a folder.
 *
 * @param dir The folder.
 * @return The sum.
 */
function sizeOf( dir: string ): number {
	return readdirSync( dir, { withFileTypes: true } ).reduce(
		( sum, entry ) => {
			const full = path.join( dir, entry.name );
			return (
				sum +
				( entry.isDirectory() ? sizeOf( full ) : statSync( full ).size )
			);
		},
		0
	);
}

function run( args: string[], input = '' ) {
	return spawnSync( bin, args, {
		encoding: 'utf8',
		input,
		env: { ...process.env, SPACES_IMPORTER_APP_PASSWORD: '' },
	} );
}

beforeAll( () => {
	const packed = installPackedCli();
	( { bin, installed, scratch } = packed );
	tarballBytes = statSync( packed.tarball ).size;
}, 180_000 );

afterAll( () => {
	rmSync( scratch, { recursive: true, force: true } );
} );

it( 'installs small, with no dependency of its own but the optional sharp', () => {
	expect( existsSync( path.join( installed, 'node_modules' ) ) ).toBe(
		false
	);
	expect( sizeOf( installed ) ).toBeLessThan( 1024 * 1024 );
	expect(
		existsSync( path.join( installed, 'THIRD-PARTY-NOTICES.txt' ) )
	).toBe( true );
} );

it( 'is as large as the README’s "For hosts" section says, packed and installed', () => {
	const readme = readFileSync( path.join( root, 'README.md' ), 'utf8' );
	const hosts = readme.slice( readme.indexOf( '## For hosts' ) );
	const packed = hosts.match( /about (\d+) KiB packed/ );
	const onDisk = hosts.match( /about (\d+) KiB on disk/ );
	expect( packed ).not.toBeNull();
	expect( onDisk ).not.toBeNull();
	const onDiskBytes = sizeOf( installed );
	// Within a tenth of what it says: a change that grows the package
	// more than that has to correct the README.
	expect( Number( packed![ 1 ] ) * 1024 ).toBeGreaterThan(
		tarballBytes * 0.9
	);
	expect( Number( packed![ 1 ] ) * 1024 ).toBeLessThan( tarballBytes * 1.1 );
	expect( Number( onDisk![ 1 ] ) * 1024 ).toBeGreaterThan(
		onDiskBytes * 0.9
	);
	expect( Number( onDisk![ 1 ] ) * 1024 ).toBeLessThan( onDiskBytes * 1.1 );
} );

it( 'inspects a generated archive from where it was installed (exit 0)', () => {
	const generated = generateArchive( {
		posts: 12,
		comments: 30,
		images: 4,
		seed: 3,
	} );
	const zip = path.join( scratch, 'space.zip' );
	writeFileSync( zip, zipSync( generated.files ) );

	const text = run( [ 'inspect', zip ] );
	expect( text.stderr ).toBe( '' );
	expect( text.status ).toBe( 0 );
	expect( text.stdout ).toMatch( /^Posts: 12, from \d{4}-\d\d-\d\d/m );
	expect( text.stdout ).toMatch( /^Comments: 30 read/m );

	const json = run( [ 'inspect', zip, '--json' ] );
	expect( json.status ).toBe( 0 );
	expect( JSON.parse( json.stdout ).posts ).toHaveLength( 12 );
} );

it( 'exits 2 with one line naming the file when the input is unreadable', () => {
	const bad = path.join( scratch, 'broken.zip' );
	writeFileSync( bad, 'not a zip at all' );
	const result = run( [ 'inspect', bad ] );
	expect( result.status ).toBe( 2 );
	expect( result.stdout ).toBe( '' );
	expect( result.stderr.trim().split( '\n' ) ).toEqual( [
		expect.stringContaining( 'broken.zip' ),
	] );
} );

it( 'exits 2 on wrong arguments, and on an import without a password', () => {
	expect( run( [ 'inspect' ] ).status ).toBe( 2 );
	expect( run( [ 'import', 'space.zip', '--url' ] ).status ).toBe( 2 );
	const noPassword = run(
		[ 'import', 'space.zip', '--url', 'http://127.0.0.1:9', '--user', 'a' ],
		''
	);
	expect( noPassword.status ).toBe( 2 );
	expect( noPassword.stderr ).toMatch(
		/No application password: set SPACES_IMPORTER_APP_PASSWORD/
	);
} );
