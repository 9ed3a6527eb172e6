/**
 * `php -l` over every PHP file of the plugin.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

/**
 * PHP files below a folder.
 *
 * @param {string} dir Folder.
 * @return {string[]} Paths.
 */
function phpFiles( dir ) {
	return readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			return phpFiles( full );
		}
		return entry.name.endsWith( '.php' ) ? [ full ] : [];
	} );
}

const files = [
	path.join( root, 'spaces-importer.php' ),
	...phpFiles( path.join( root, 'includes' ) ),
];
const probe = spawnSync( 'php', [ '--version' ], { encoding: 'utf8' } );
if ( probe.error || probe.status !== 0 ) {
	process.stdout.write(
		'php -l: PHP is not installed. Run `node tools/wp/setup.mjs` (as root) to install it, or install php-cli.\n'
	);
	process.exit( 1 );
}
let failed = 0;
for ( const file of files ) {
	const { status, stdout, stderr } = spawnSync( 'php', [ '-l', file ], {
		encoding: 'utf8',
	} );
	if ( status !== 0 ) {
		failed++;
		process.stdout.write( stdout + stderr );
	}
}
process.stdout.write(
	`php -l: ${ files.length - failed } of ${ files.length } files clean\n`
);
process.exit( failed ? 1 : 0 );
