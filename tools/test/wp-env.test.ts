/**
 * @jest-environment node
 */

/**
 * `npx wp-env start` (for people with Docker) runs the wp-env this project
 * pins, on the WordPress version the plugin is tested with, not whatever is
 * newest that day.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve( __dirname, '../..' );
const read = ( file: string ) =>
	readFileSync( path.join( root, file ), 'utf8' );

it( 'pins @wordpress/env to one version', () => {
	const { devDependencies } = JSON.parse( read( 'package.json' ) );
	expect( devDependencies[ '@wordpress/env' ] ).toMatch( /^\d+\.\d+\.\d+$/ );
} );

it( 'names the core version readme.txt says the plugin is tested up to', () => {
	const { core } = JSON.parse( read( '.wp-env.json' ) );
	expect( typeof core ).toBe( 'string' );
	const version = /(\d+\.\d+)(?:\.\d+)?/.exec( core )?.[ 1 ];
	const tested = /^Tested up to:\s*(\d+\.\d+)/m.exec(
		read( 'readme.txt' )
	)?.[ 1 ];
	expect( version ).toBeDefined();
	expect( version ).toBe( tested );
} );
