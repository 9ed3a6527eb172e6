/**
 * Prepares a machine for the local WordPress: system packages (PHP, MariaDB,
 * Chromium), a cached WordPress and the SQLite database plugin. Safe to run
 * again: it does only what is missing.
 */
import { ensureSystemPackages } from './lib/system.mjs';
import { ensureSqlitePlugin, ensureWordPress } from './lib/wordpress.mjs';

try {
	await ensureSystemPackages();
	const wordpress = await ensureWordPress();
	await ensureSqlitePlugin();
	process.stdout.write( `WordPress ready: ${ wordpress }\n` );
} catch ( error ) {
	process.stderr.write( `${ error.message }\n` );
	process.exit( 1 );
}
