/**
 * Paths inside an archive: normalizing them, and telling the files an owner
 * never meant to import (system litter) from the ones that matter.
 */

/**
 * Normalizes an archive path: forward slashes, no `./`, `..` resolved.
 *
 * @param path A path as stored or as referenced.
 * @return The normalized path, without a leading slash.
 */
export function normalizePath( path: string ): string {
	const parts: string[] = [];
	for ( const part of path.replace( /\\/g, '/' ).split( '/' ) ) {
		if ( part === '' || part === '.' ) {
			continue;
		}
		if ( part === '..' ) {
			parts.pop();
			continue;
		}
		parts.push( part );
	}
	return parts.join( '/' );
}

/**
 * The folder part of a path, without a trailing slash.
 *
 * @param path An archive path.
 * @return Its folder, or '' at the top.
 */
export function dirname( path: string ): string {
	const at = path.lastIndexOf( '/' );
	return at < 0 ? '' : path.slice( 0, at );
}

/**
 * The file name part of a path.
 *
 * @param path An archive path.
 * @return Its last segment.
 */
export function basename( path: string ): string {
	return path.slice( path.lastIndexOf( '/' ) + 1 );
}

const LITTER_NAMES = new Set( [
	'thumbs.db',
	'desktop.ini',
	'.ds_store',
	'ehthumbs.db',
	'ehthumbs_vista.db',
] );

/**
 * Tells whether a path is operating-system litter: macOS resource forks,
 * Windows thumbnail caches and folder settings.
 *
 * @param path An archive path.
 * @return Whether to ignore the file silently.
 */
export function isLitter( path: string ): boolean {
	const lower = path.toLowerCase();
	if ( lower.startsWith( '__macosx/' ) || lower.includes( '/__macosx/' ) ) {
		return true;
	}
	const name = basename( lower );
	return LITTER_NAMES.has( name ) || name.startsWith( '._' );
}

/**
 * Decodes `%xx` escapes in a referenced path, leaving it as is when broken.
 *
 * @param path A path from an `src` or `href`.
 * @return The decoded path.
 */
export function decodePathEscapes( path: string ): string {
	try {
		return decodeURIComponent( path );
	} catch {
		return path;
	}
}

/**
 * The archive file a relative link leads to, from the page that holds it.
 *
 * @param href     The link as written.
 * @param pagePath The linking page's archive path.
 * @return The target's path, lower case, or null for an absolute address,
 *         a fragment or a root-relative link.
 */
export function archivePathOf( href: string, pagePath: string ): string | null {
	const ref = href.trim();
	if ( ! ref || /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test( ref ) ) {
		return null;
	}
	const dir = dirname( pagePath );
	const path = normalizePath(
		( dir ? dir + '/' : '' ) +
			decodePathEscapes( ref.replace( /[?#].*$/, '' ) )
	);
	return path ? path.toLowerCase() : null;
}
