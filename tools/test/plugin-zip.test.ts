/**
 * @jest-environment node
 */

/**
 * The plugin zip holds what a site needs (the plugin file, includes/, the
 * built scripts, block.json, readme.txt, translations) and nothing for
 * developers (no package.json, no developer README, no sources or tests).
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

const root = path.resolve( __dirname, '../..' );
const zip = path.join( root, 'spaces-importer.zip' );

afterAll( () => rmSync( zip, { force: true } ) );

it( 'builds a zip of only what a site needs', () => {
	// `npm test` builds after the unit tests: build here if nothing is built.
	if ( ! existsSync( path.join( root, 'build' ) ) ) {
		const build = spawnSync( 'npm', [ 'run', '--silent', 'build' ], {
			cwd: root,
			encoding: 'utf8',
		} );
		if ( build.status !== 0 ) {
			throw new Error( `The build failed:\n${ build.stderr }` );
		}
	}
	const made = spawnSync( 'npm', [ 'run', '--silent', 'plugin-zip' ], {
		cwd: root,
		encoding: 'utf8',
	} );
	expect( made.status ).toBe( 0 );
	const names = Object.keys( unzipSync( readFileSync( zip ) ) );

	expect(
		names.every( ( name ) => name.startsWith( 'spaces-importer/' ) )
	).toBe( true );
	const inside = names.map( ( name ) =>
		name.slice( 'spaces-importer/'.length )
	);
	expect( inside ).toEqual(
		expect.arrayContaining( [
			'spaces-importer.php',
			'readme.txt',
			'block.json',
			'includes/class-plugin.php',
			'languages/spaces-importer.pot',
		] )
	);
	expect( inside.some( ( name ) => /^build\/.*\.js$/.test( name ) ) ).toBe(
		true
	);
	const forDevelopers = inside.filter(
		( name ) =>
			/^(package(-lock)?\.json|README\.md|languages\/README\.md)$/.test(
				name
			) ||
			/^(src|tests|tools|bench|docs|node_modules|dist|dist-cli|\.wordpress-org)\//.test(
				name
			)
	);
	expect( forDevelopers ).toEqual( [] );
} );
