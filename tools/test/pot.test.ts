/**
 * @jest-environment node
 */

/**
 * The translators' template: `languages/spaces-importer.pot` holds every
 * string the PHP, the screens and block.json show. `npm run make-pot`
 * regenerates it; this test regenerates it elsewhere and names each string
 * the committed file lacks.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { po } from 'gettext-parser';

const root = path.resolve( __dirname, '../..' );
const scratch = 'artifacts/pot-check';

/**
 * The strings of a `.pot`, each as its context and text.
 *
 * @param file The file.
 * @return One key per string.
 */
function strings( file: string ): Set< string > {
	const { translations } = po.parse( readFileSync( file ) );
	const keys = new Set< string >();
	for ( const [ context, entries ] of Object.entries( translations ) ) {
		for ( const msgid of Object.keys( entries ) ) {
			if ( msgid ) {
				keys.add( context ? `${ context } | ${ msgid }` : msgid );
			}
		}
	}
	return keys;
}

afterAll( () => {
	rmSync( path.join( root, scratch ), { recursive: true, force: true } );
} );

it( 'the committed .pot holds every translatable string of the sources', () => {
	const made = spawnSync( 'node', [ 'tools/make-pot.mjs', scratch ], {
		cwd: root,
		encoding: 'utf8',
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	expect( made.status ).toBe( 0 );
	const fresh = strings( path.join( root, scratch, 'spaces-importer.pot' ) );
	const committed = strings(
		path.join( root, 'languages/spaces-importer.pot' )
	);
	// What the sources are sure to hold: PHP, a screen, block.json.
	for ( const known of [
		'Import from Windows Live Spaces',
		'Choose files…',
		'block title | Original Spaces post',
	] ) {
		expect( [ ...fresh ] ).toContain( known );
	}
	const missing = [ ...fresh ].filter( ( key ) => ! committed.has( key ) );
	// Run `npm run make-pot` and commit languages/spaces-importer.pot.
	expect( missing ).toEqual( [] );
} );
