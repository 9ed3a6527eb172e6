/**
 * What the benchmarks share: their numeric flags, and a fresh site of the
 * local WordPress on MariaDB with this plugin active.
 */

/**
 * External dependencies
 */
import path from 'path';
import { pathToFileURL } from 'url';

/** This checkout (the benchmarks run from `dist-bench/bench/`). */
export const root = path.resolve( __dirname, '../..' );

/**
 * A numeric flag's value, such as `--runs 3`.
 *
 * @param argv     The arguments.
 * @param name     The flag.
 * @param fallback Its value when absent.
 * @return The value.
 */
export function option(
	argv: string[],
	name: string,
	fallback: number
): number {
	const at = argv.indexOf( name );
	return at >= 0 ? Number( argv[ at + 1 ] ) : fallback;
}

/**
 * The local WordPress tools (`tools/wp/lib/site.mjs`).
 *
 * @return The module.
 */
export function siteTools(): Promise< any > {
	return import(
		pathToFileURL( path.join( root, 'tools/wp/lib/site.mjs' ) ).href
	);
}

/**
 * Starts a fresh site of the local WordPress on MariaDB with the plugin
 * active, quietly.
 *
 * @param title The site's title.
 * @return The running site, as the local tools describe it.
 */
export async function startPluginSite( title: string ): Promise< any > {
	const { createSite } = await siteTools();
	return createSite( {
		db: 'mariadb',
		title,
		plugins: [ { slug: 'spaces-importer', path: root } ],
		log: () => {},
	} );
}
