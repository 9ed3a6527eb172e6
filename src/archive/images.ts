/**
 * Matching the images a post shows to the files the archive holds.
 *
 * A reference resolves, in this order: as a path relative to the page (the
 * `img/` folder of a space.zip), by the host and path of its URL (mirrors
 * keep host-named folders), by file name, then by the id fragment of a
 * storage URL found in a file name.
 */

/**
 * Internal dependencies
 */
import { basename, decodePathEscapes, dirname, normalizePath } from './paths';

const STORAGE_HOST =
	/(?:^|\.)(?:(?:tk|blu|by)files\.storage\.(?:msn|live)\.com|livefilestore\.com|storage\.live\.com|photos\.live\.com|skydrive\.live\.com)$/i;

function hostOf( url: string ): string | null {
	const match = /^(?:https?:)?\/\/([^/?#:]+)/i.exec( url.trim() );
	return match ? match[ 1 ].toLowerCase() : null;
}

/**
 * Tells whether a URL points at the storage hosts Spaces kept images on.
 *
 * @param url An address.
 * @return Whether it is a Spaces/SkyDrive storage address.
 */
export function isStorageUrl( url: string ): boolean {
	const host = hostOf( url );
	return host !== null && STORAGE_HOST.test( host );
}

/**
 * The host of an absolute URL, for reports.
 *
 * @param url An address.
 * @return The host, or null for a relative reference.
 */
export function referenceHost( url: string ): string | null {
	return hostOf( url );
}

function stem( name: string ): string {
	const dot = name.lastIndexOf( '.' );
	return dot > 0 ? name.slice( 0, dot ) : name;
}

/** An index of the archive's media files for quick matching. */
export class MediaIndex {
	private readonly byPath = new Map< string, string >();
	private readonly byName = new Map< string, string[] >();
	private readonly byStem = new Map< string, string[] >();
	private readonly paths: string[];

	constructor( paths: string[] ) {
		this.paths = paths;
		for ( const path of paths ) {
			const lower = path.toLowerCase();
			this.byPath.set( lower, path );
			const name = basename( lower );
			this.push( this.byName, name, path );
			this.push( this.byStem, stem( name ), path );
			// Mirrors save `photo.jpg?PARTNER=WRITER` as `photo.jpg@PARTNER=WRITER`
			// or with the query kept in the name.
			const cut = name.search( /[?@]/ );
			if ( cut > 0 ) {
				this.push( this.byName, name.slice( 0, cut ), path );
				this.push( this.byStem, stem( name.slice( 0, cut ) ), path );
			}
		}
	}

	private push( map: Map< string, string[] >, key: string, path: string ) {
		const list = map.get( key );
		if ( list ) {
			if ( ! list.includes( path ) ) {
				list.push( path );
			}
		} else {
			map.set( key, [ path ] );
		}
	}

	/**
	 * Finds the archive file for an image reference.
	 *
	 * @param reference The `src` or `href` as written.
	 * @param pageDir   The folder of the page that shows it.
	 * @return The file's path, or null.
	 */
	resolve( reference: string, pageDir: string ): string | null {
		const ref = reference.trim();
		if ( ! ref || /^(?:data|javascript|mailto):/i.test( ref ) ) {
			return null;
		}
		const host = hostOf( ref );
		const withoutQuery = ref.replace( /[?#].*$/, '' );
		if ( ! host && ! /^[a-z][a-z0-9+.-]*:/i.test( ref ) ) {
			const relative = normalizePath(
				( withoutQuery.startsWith( '/' ) ? '' : pageDir + '/' ) +
					decodePathEscapes( withoutQuery )
			).toLowerCase();
			const direct = this.byPath.get( relative );
			if ( direct ) {
				return direct;
			}
			// Relative to the archive's top or to a wrapping folder.
			const suffix =
				'/' +
				normalizePath(
					decodePathEscapes( withoutQuery )
				).toLowerCase();
			const bySuffix = this.paths.filter( ( p ) =>
				( '/' + p.toLowerCase() ).endsWith( suffix )
			);
			if ( bySuffix.length ) {
				return this.closest( bySuffix, pageDir );
			}
		}
		const urlPath = host
			? normalizeUrlPath(
					decodePathEscapes(
						withoutQuery.replace( /^(?:https?:)?\/\/[^/]+/i, '' )
					)
				)
			: '';
		if ( host && urlPath ) {
			const suffix = ( '/' + host + urlPath ).toLowerCase();
			const mirrored = this.paths.filter(
				( p ) =>
					( '/' + p.toLowerCase() ).startsWith( suffix ) ||
					( '/' + p.toLowerCase() ).endsWith( suffix )
			);
			if ( mirrored.length ) {
				return this.closest( mirrored, pageDir );
			}
		}
		const name = basename(
			decodePathEscapes(
				withoutQuery.replace( /^(?:https?:)?\/\/[^/]+/i, '' )
			)
		).toLowerCase();
		if ( name ) {
			const named = this.byName.get( name ) ?? this.byStem.get( name );
			if ( named?.length ) {
				return this.closest( named, pageDir );
			}
		}
		return this.byFragment( ref, pageDir );
	}

	/**
	 * Storage URLs carry long opaque ids; an archive may name the file by
	 * one of its segments, or keep the id inside a longer file name.
	 *
	 * @param ref     The reference.
	 * @param pageDir The page's folder.
	 * @return The path, or null.
	 */
	private byFragment( ref: string, pageDir: string ): string | null {
		const fragments = ref
			.replace( /^(?:https?:)?\/\/[^/]+/i, '' )
			.split( /[/?&=#!;]+/ )
			.filter(
				( f ) => f.length >= 12 && ! /^(?:partner|writer)$/i.test( f )
			)
			.map( ( f ) => f.toLowerCase() );
		if ( ! fragments.length ) {
			return null;
		}
		for ( const fragment of fragments ) {
			const exact = this.byStem.get( fragment );
			if ( exact?.length ) {
				return this.closest( exact, pageDir );
			}
		}
		const hits = this.paths.filter( ( p ) => {
			const name = stem( basename( p ).toLowerCase() );
			return (
				name.length >= 12 &&
				fragments.some(
					( f ) => f.includes( name ) || name.includes( f )
				)
			);
		} );
		return hits.length ? this.closest( hits, pageDir ) : null;
	}

	/**
	 * Of several candidates, the one nearest to the page (same folder tree).
	 *
	 * @param candidates Paths.
	 * @param pageDir    The page's folder.
	 * @return One path.
	 */
	private closest( candidates: string[], pageDir: string ): string {
		if ( candidates.length === 1 ) {
			return candidates[ 0 ];
		}
		const score = ( p: string ) => {
			const a = dirname( p ).toLowerCase().split( '/' );
			const b = pageDir.toLowerCase().split( '/' );
			let n = 0;
			while ( n < a.length && n < b.length && a[ n ] === b[ n ] ) {
				n++;
			}
			return n;
		};
		return [ ...candidates ].sort(
			( x, y ) => score( y ) - score( x )
		)[ 0 ];
	}
}

function normalizeUrlPath( path: string ): string {
	const normalized = normalizePath( path );
	return normalized ? '/' + normalized : '';
}
