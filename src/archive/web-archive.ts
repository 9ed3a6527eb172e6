/**
 * Web archives inside a file set become files of it: `saved.mht` turns into
 * `saved.mht/<host>/<path>` for each part, the path taken from the part's
 * original address (`Content-Location`). The image resolver already finds
 * `http://host/path/photo.jpg` under a folder ending in `host/path/photo.jpg`
 * (as in web mirrors), and relative references resolve from the page's own
 * path, so the page needs no rewriting; only `cid:` references (which have
 * no address) are pointed at their parts' paths.
 */

/**
 * Internal dependencies
 */
import { decodeWindows1252 } from './charset';
import type { ArchiveFile, ArchiveFileSet } from './file-set';
import { MAX_PAGE_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES } from './limits';
import {
	decodePart,
	looksLikeMime,
	parseWebArchive,
	type MimePart,
	type WebArchive,
} from './mht';
import type { ArchiveWarning } from './model';
import { decodePathEscapes, dirname, normalizePath } from './paths';

/** Web archives larger than this are not opened (IE saves a few MB). */
export const MAX_WEB_ARCHIVE_BYTES = 4 * MAX_PAGE_BYTES;

const WEB_ARCHIVE_NAME = /\.mht(?:ml)?$/i;
const TEXT_TYPE = /^(?:text\/html|application\/xhtml\+xml|text\/xml)$/;

/** Sets already expanded, so that a second pass leaves them alone. */
const expanded = new WeakSet< ArchiveFileSet >();

/**
 * Tells whether a file's name says it is a web archive.
 *
 * @param path An archive path.
 * @return Whether it ends in `.mht` or `.mhtml`.
 */
export function isWebArchiveName( path: string ): boolean {
	return WEB_ARCHIVE_NAME.test( path );
}

interface Layout {
	/** The web archive's parts, with their paths in the set. */
	parts: Array< { part: MimePart; path: string } >;
	/** The root page's path. */
	page: string;
	/** Content-ID (lower case) → path, for `cid:` references. */
	cids: Map< string, string >;
}

const EXTENSIONS: Record< string, string > = {
	'text/html': '.htm',
	'image/jpeg': '.jpg',
	'image/pjpeg': '.jpg',
	'image/png': '.png',
	'image/gif': '.gif',
	'image/bmp': '.bmp',
	'text/css': '.css',
	'application/x-javascript': '.js',
	'text/javascript': '.js',
};

/**
 * A name for a part whose address gives none.
 *
 * @param part    The part.
 * @param index   Its position.
 * @param isRoot  Whether it is the page.
 * @param nowhere Whether it has no address at all.
 * @return A file name.
 */
function fallbackName(
	part: MimePart,
	index: number,
	isRoot: boolean,
	nowhere: boolean
): string {
	const extension = EXTENSIONS[ part.type ] ?? '';
	if ( isRoot ) {
		return 'page.htm';
	}
	if ( part.contentId && nowhere ) {
		return 'cid/' + part.contentId.replace( /[^\w.@-]+/g, '_' ) + extension;
	}
	return `part${ index + 1 }${ extension }`;
}

/**
 * The path of a part from its original address: `host/path` for web
 * addresses, the path for `file:` ones (the drive letter as a folder).
 *
 * @param location The part's Content-Location.
 * @param base     The page's address, for relative locations.
 * @return A relative path, or null when the location gives none.
 */
function locationPath( location: string, base: string | null ): string | null {
	const drive = /^([a-z]):[\\/]/i.exec( location );
	if ( drive ) {
		return normalizePath(
			drive[ 1 ] + '/' + decodePathEscapes( location.slice( 3 ) )
		);
	}
	let url: URL | null = null;
	try {
		url = new URL( location );
	} catch {
		try {
			url = base ? new URL( location, base ) : null;
		} catch {
			url = null;
		}
	}
	if ( ! url ) {
		return (
			normalizePath(
				decodePathEscapes( location.replace( /[?#].*$/, '' ) )
			) || null
		);
	}
	const path = decodePathEscapes( url.pathname );
	// A folder's address (`/blog/`) names a page inside it.
	const folder = path.endsWith( '/' ) ? '/' : '';
	if ( /^(?:https?|ftp):$/.test( url.protocol ) ) {
		return normalizePath( url.hostname + '/' + path ) + folder;
	}
	if ( url.protocol === 'file:' ) {
		return (
			normalizePath(
				( url.hostname ? url.hostname + '/' : '' ) +
					path.replace( /^\/([a-z]):/i, '$1' )
			) + folder
		);
	}
	return null;
}

function absoluteBase( location: string | null ): string | null {
	if ( ! location ) {
		return null;
	}
	try {
		return new URL( location ).href;
	} catch {
		return null;
	}
}

function rootPart( archive: WebArchive ): MimePart | undefined {
	return (
		( archive.start
			? archive.parts.find(
					( p ) =>
						p.contentId?.toLowerCase() ===
						archive.start?.toLowerCase()
				)
			: undefined ) ??
		archive.parts.find( ( p ) => p.type === 'text/html' ) ??
		archive.parts[ 0 ]
	);
}

/**
 * Gives every part a path under the web archive's own.
 *
 * @param archive The parsed web archive.
 * @param prefix  The web archive's path.
 * @return The layout.
 */
function layOut( archive: WebArchive, prefix: string ): Layout {
	const root = rootPart( archive );
	const base =
		absoluteBase( root?.location ?? null ) ??
		absoluteBase( archive.location );
	const taken = new Set< string >();
	const cids = new Map< string, string >();
	const parts: Layout[ 'parts' ] = [];
	let page = '';
	archive.parts.forEach( ( part, index ) => {
		let relative =
			( part.location && locationPath( part.location, base ) ) || '';
		if ( ! relative || relative.endsWith( '/' ) ) {
			relative += fallbackName( part, index, part === root, ! relative );
		}
		let path = `${ prefix }/${ relative }`;
		for ( let n = 2; taken.has( path.toLowerCase() ); n++ ) {
			path = `${ prefix }/${ relative.replace(
				/(\.[^./]*)?$/,
				`~${ n }$1`
			) }`;
		}
		taken.add( path.toLowerCase() );
		if ( part.contentId ) {
			cids.set( part.contentId.toLowerCase(), path );
		}
		if ( part === root ) {
			page = path;
		}
		parts.push( { part, path } );
	} );
	return { parts, page, cids };
}

/**
 * The relative reference from a page's folder to a file.
 *
 * @param fromDir The page's folder.
 * @param to      The file.
 * @return A relative URL.
 */
function relativeReference( fromDir: string, to: string ): string {
	const from = fromDir ? fromDir.split( '/' ) : [];
	const target = to.split( '/' );
	let common = 0;
	while (
		common < from.length &&
		common < target.length - 1 &&
		from[ common ] === target[ common ]
	) {
		common++;
	}
	return [
		...from.slice( common ).map( () => '..' ),
		...target.slice( common ),
	]
		.map( encodeURIComponent )
		.join( '/' );
}

function decodeLabelled( bytes: Uint8Array, label: string ): string | null {
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder( label, {
			fatal: /^utf-?8$/i.test( label ),
		} );
	} catch {
		return null;
	}
	if ( decoder.encoding === 'windows-1252' ) {
		return decodeWindows1252( bytes );
	}
	try {
		return decoder.decode( bytes );
	} catch {
		// Labelled UTF-8 but not: the page's own declaration decides.
		return null;
	}
}

/**
 * A part's bytes as the reader sees them. A page whose part names its
 * encoding is handed on as UTF-8 with a byte order mark, since the page's
 * own declaration (often kept from the original site) may be wrong.
 *
 * @param raw    The web archive's bytes.
 * @param part   The part.
 * @param path   The part's path in the set.
 * @param layout The web archive's layout.
 * @return The bytes, and whether they were cut off.
 */
function partBytes(
	raw: Uint8Array,
	part: MimePart,
	path: string,
	layout: Layout
): { bytes: Uint8Array; truncated: boolean } {
	const decoded = decodePart( raw, part );
	if ( ! TEXT_TYPE.test( part.type ) ) {
		return decoded;
	}
	const hasCids = layout.cids.size > 0;
	if ( ! part.charset && ! hasCids ) {
		return decoded;
	}
	let text = decodeLabelled( decoded.bytes, part.charset ?? 'utf-8' );
	if ( text === null ) {
		return decoded;
	}
	if ( hasCids ) {
		const dir = dirname( path );
		text = text.replace( /\bcid:([^\s"'<>)]+)/gi, ( whole, id: string ) => {
			const target = layout.cids.get(
				decodePathEscapes( id ).toLowerCase()
			);
			return target ? relativeReference( dir, target ) : whole;
		} );
	}
	const body = new TextEncoder().encode( text );
	const bytes = new Uint8Array( body.length + 3 );
	bytes.set( [ 0xef, 0xbb, 0xbf ] );
	bytes.set( body, 3 );
	return { bytes, truncated: decoded.truncated };
}

interface Expanded {
	source: ArchiveFile;
	part: MimePart;
	layout: Layout;
}

export interface ExpandOptions {
	/**
	 * Files to recognize by content too (not only by a `.mht` name): those
	 * the owner chose one by one.
	 */
	sniff?: ( file: ArchiveFile ) => boolean;
}

/**
 * Replaces each web archive of a file set by its parts.
 *
 * @param set     The file set.
 * @param options Which files to sniff besides those named `.mht`.
 * @return The file set with web archives expanded, and their problems as
 *         warnings in `warnings`.
 */
export async function expandWebArchives(
	set: ArchiveFileSet,
	options: ExpandOptions = {}
): Promise< ArchiveFileSet > {
	if ( expanded.has( set ) ) {
		return set;
	}
	const files: ArchiveFile[] = [];
	const parts = new Map< ArchiveFile, Expanded >();
	const warnings: ArchiveWarning[] = [ ...( set.warnings ?? [] ) ];
	let total = 0;
	let cached: { file: ArchiveFile; bytes: Uint8Array } | null = null;
	const readRaw = async ( file: ArchiveFile ) => {
		if ( cached?.file !== file ) {
			cached = null;
			cached = { file, bytes: await set.read( file ) };
		}
		return cached.bytes;
	};

	for ( const file of set.files ) {
		if (
			file.size > MAX_WEB_ARCHIVE_BYTES &&
			isWebArchiveName( file.path )
		) {
			warnings.push( {
				file: file.path,
				code: 'web-archive-damaged',
				message: `The web archive “${ file.path }” is larger than a saved page can be (${ Math.round(
					file.size / 1048576
				) } MB) and was not opened.`,
			} );
		}
		const candidate =
			file.size > 0 &&
			file.size <= MAX_WEB_ARCHIVE_BYTES &&
			! file.encrypted &&
			( isWebArchiveName( file.path ) ||
				( options.sniff?.( file ) &&
					looksLikeMime( await set.readHead( file, 1024 ) ) ) );
		let archive: WebArchive | null = null;
		let raw: Uint8Array | null = null;
		if ( candidate ) {
			try {
				raw = await readRaw( file );
				archive = parseWebArchive( raw );
			} catch {
				// Unreadable: left in the set, so the reader reports it.
				archive = null;
			}
		}
		if ( ! archive || ! raw ) {
			files.push( file );
			continue;
		}
		const problems = [ ...archive.problems ];
		const layout = layOut( archive, file.path );
		let added = 0;
		for ( const { part, path } of layout.parts ) {
			const { bytes, truncated } = partBytes( raw, part, path, layout );
			if ( truncated && ! TEXT_TYPE.test( part.type ) ) {
				problems.push(
					`has a part cut off (“${
						part.location ?? path
					}”), which was left out`
				);
				continue;
			}
			if ( truncated ) {
				problems.push(
					'has its page cut off; only its beginning was read'
				);
			}
			if ( total + bytes.length > MAX_TOTAL_UNCOMPRESSED_BYTES ) {
				problems.push(
					'holds more data than an archive may; the rest was left out'
				);
				break;
			}
			total += bytes.length;
			const partFile: ArchiveFile = {
				path,
				size: bytes.length,
				modified: file.modified,
				encrypted: false,
			};
			parts.set( partFile, { source: file, part, layout } );
			files.push( partFile );
			added++;
		}
		if ( ! added ) {
			// Nothing usable: the file stays, so that it is counted.
			files.push( file );
			if ( ! problems.length ) {
				problems.push( 'holds no parts' );
			}
		}
		if ( problems.length ) {
			warnings.push( {
				file: file.path,
				code: 'web-archive-damaged',
				message: `The web archive “${ file.path }” is damaged: it ${ problems.join(
					'; it '
				) }. What could be read was used.`,
			} );
		}
	}

	const read = async ( file: ArchiveFile ) => {
		const own = parts.get( file );
		if ( ! own ) {
			return set.read( file );
		}
		const path = file.path;
		return partBytes(
			await readRaw( own.source ),
			own.part,
			path,
			own.layout
		).bytes;
	};
	const result: ArchiveFileSet = {
		files,
		warnings,
		read,
		async readHead( file, length ) {
			if ( ! parts.has( file ) ) {
				return set.readHead( file, length );
			}
			return ( await read( file ) ).subarray( 0, length );
		},
	};
	expanded.add( result );
	return result;
}
