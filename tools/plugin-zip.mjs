/**
 * `npm run plugin-zip`: `spaces-importer.zip`, the plugin as a site installs
 * it. `wp-scripts plugin-zip` packs the `files` of package.json, to which
 * npm always adds package.json, README.md and the `bin` (the command line
 * compiled for a clone, in dist/); those are for developers and hosts, so
 * they are taken out again here, with the translators' notes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const { name } = JSON.parse(
	readFileSync( path.join( root, 'package.json' ), 'utf8' )
);
const DEVELOPERS_ONLY = [ 'package.json', 'README.md', 'languages/README.md' ];

const packed = spawnSync( 'npx', [ 'wp-scripts', 'plugin-zip' ], {
	cwd: root,
	stdio: [ 'ignore', 'ignore', 'inherit' ],
} );
if ( packed.status !== 0 ) {
	process.exit( packed.status ?? 1 );
}

const file = path.join( root, `${ name }.zip` );
const entries = unzipSync( readFileSync( file ) );
for ( const entry of Object.keys( entries ) ) {
	const inside = entry.slice( name.length + 1 );
	if ( DEVELOPERS_ONLY.includes( inside ) || inside.startsWith( 'dist/' ) ) {
		delete entries[ entry ];
	}
}
writeFileSync( file, zipSync( entries, { level: 9 } ) );
const names = Object.keys( entries ).sort();
process.stdout.write(
	`${ name }.zip: ${ names.length } files\n${ names
		.map( ( entry ) => `  ${ entry }` )
		.join( '\n' ) }\n`
);
