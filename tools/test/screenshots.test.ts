/**
 * @jest-environment node
 */

/**
 * readme.txt's `== Screenshots ==` captions and the screenshots published
 * beside the plugin (in .wordpress-org/, the plugin directory's assets, not
 * in the zip; taken from the real screen by
 * tests/e2e/wordpress-org-screenshots.spec.ts) match one for one.
 */

/**
 * External dependencies
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve( __dirname, '../..' );

it( 'has one screenshot for each caption, numbered alike', () => {
	const readme = readFileSync( path.join( root, 'readme.txt' ), 'utf8' );
	const section = /== Screenshots ==\n([\s\S]*?)\n== /.exec( readme )?.[ 1 ];
	expect( section ).toBeDefined();
	const captions = [ ...section!.matchAll( /^(\d+)\. \S/gm ) ].map( ( m ) =>
		Number( m[ 1 ] )
	);
	const files = readdirSync( path.join( root, '.wordpress-org' ) )
		.map( ( name ) => /^screenshot-(\d+)\.png$/.exec( name )?.[ 1 ] )
		.filter( Boolean )
		.map( Number )
		.sort( ( a, b ) => a - b );
	expect( captions.length ).toBeGreaterThan( 0 );
	expect( captions ).toEqual( files );
} );
