/**
 * @jest-environment node
 */

/**
 * The reader must run unchanged in a browser Worker: no Node built-ins in
 * its sources (its tests excepted).
 */

/**
 * External dependencies
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.resolve( __dirname, '..' );
const NODE_MODULES =
	/from\s+['"](?:node:)?(?:fs|path|os|child_process|buffer|stream|zlib|util|crypto|url)(?:\/[^'"]*)?['"]/;

function sources( dir: string ): string[] {
	return readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			return entry.name === 'test' ? [] : sources( full );
		}
		return entry.name.endsWith( '.ts' ) ? [ full ] : [];
	} );
}

describe( 'portability', () => {
	it.each( sources( ROOT ).map( ( f ) => [ path.relative( ROOT, f ) ] ) )(
		'%s imports no Node built-in',
		( file ) => {
			const text = readFileSync( path.join( ROOT, file ), 'utf8' );
			expect( text ).not.toMatch( NODE_MODULES );
			expect( text ).not.toMatch( /\bBuffer\.|\bprocess\.|\brequire\(/ );
		}
	);
} );
