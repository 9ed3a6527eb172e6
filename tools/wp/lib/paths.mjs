/**
 * Where things live: the repository (found from this file, so the tools work
 * from any checkout) and the per-user cache shared by every checkout.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits in tools/wp/lib/. */
export const repoRoot = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..',
	'..',
	'..'
);

/** Folder of the local sites created by `npm start`; it is gitignored. */
export const localDir = path.join( repoRoot, '.wp-local' );

/**
 * The cache folder for downloaded WordPress and plugins. It follows the XDG
 * convention so CI can point it at a cached directory.
 *
 * @return {string} Absolute path of the cache folder (may not exist yet).
 */
export function cacheRoot() {
	const xdg = process.env.XDG_CACHE_HOME;
	const base =
		xdg && path.isAbsolute( xdg )
			? xdg
			: path.join( os.homedir(), '.cache' );
	return path.join( base, 'spaces-importer' );
}
