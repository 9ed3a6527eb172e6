/**
 * Windows Live Writer's post files (`.wpost`): the drafts and the local
 * copies of published posts it kept in `My Weblog Posts\Drafts` and
 * `My Weblog Posts\Recent Posts`.
 *
 * A `.wpost` is an OLE compound file (structured storage) whose root class
 * id names the format version (two exist). Each field is a stream of the
 * root storage: text fields in UTF-16 (little-endian, with a byte order
 * mark), the body (`Contents`) and the XML fields in UTF-8, dates as a .NET
 * `DateTime`'s 64-bit tick count (0 when unset). The images and other files
 * of the post live in the `SupportingFiles` storage, one storage each, named
 * by the 16 bytes of a GUID (each byte + 0x5D as one character), holding
 * `SupportingFileName` and `SupportingFileContents`; the body points at
 * them as `SupportingFileReference://<guid>`.
 *
 * Each `.wpost` in a file set is replaced by its supporting files (under
 * `<file>.wpost/<name>`, read from the compound file when asked) and read
 * into a `LiveWriterPost`; `live-writer-merge.ts` makes posts of them.
 */

/**
 * External dependencies
 */
import * as CFB from 'cfb';

/**
 * Internal dependencies
 */
import { attr, findAll, parseXml } from './dom';
import type { ArchiveFile, ArchiveFileSet } from './file-set';
import { FileReadError } from './file-set';
import type { ArchiveWarning } from './model';
import { basename } from './paths';

/** The class id of a format version, as written in the GUID's text form. */
export const LIVE_WRITER_CLSID = {
	1: '20EBD150-5362-417a-8221-84331F79D41D',
	2: '23F4998B-67EB-450b-A41B-C978F5B4AE25',
} as const;

/** The root class id of each format version, as the bytes on disk (hex). */
const VERSIONS: Record< string, 1 | 2 > = {
	[ guidBytesHex( LIVE_WRITER_CLSID[ 1 ] ) ]: 1,
	[ guidBytesHex( LIVE_WRITER_CLSID[ 2 ] ) ]: 2,
};

/**
 * How a post's body points at a supporting file: this, then its GUID
 * (version 1 wrote it lower case, with a trailing slash).
 */
export const REFERENCE_PREFIX = 'SupportingFileReference://';
const REFERENCE_PATTERN =
	/SupportingFileReference:\/\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?\/?/gi;
/** Ticks of .NET's `DateTime` at 1970-01-01T00:00:00Z. */
const UNIX_EPOCH_TICKS = BigInt( '621355968000000000' );
const TICKS_PER_MS = BigInt( 10000 );
/** A post file larger than this is not read (it is opened whole). */
const MAX_WPOST_BYTES = 256 * 1024 * 1024;
/** Bytes kept of each supporting file, to recognize its type. */
const HEAD = 64;
/** A compound file starts with these bytes. */
const MAGIC = [ 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 ];

/** One file the post holds (an image, most often). */
export interface SupportingFile {
	/** The GUID the body refers to it by, lowercase. */
	guid: string;
	/** Its name as Live Writer kept it. */
	name: string;
	/** Where the reader finds it: `<file>.wpost/<name>`. */
	path: string;
	size: number;
	/** Where Live Writer uploaded it when the post was published. */
	uploadUrl: string | null;
}

/** A post as one `.wpost` file holds it. */
export interface LiveWriterPost {
	/** The `.wpost` file's path in the set read. */
	file: string;
	/** Last written, local wall-clock, when known. */
	modified: string | null;
	version: 1 | 2;
	title: string;
	/** The body, its supporting file references as written. */
	html: string;
	categories: string[];
	keywords: string[];
	excerpt: string;
	/** The post's id on its blog; empty for a draft never published. */
	postId: string;
	blogId: string;
	permalink: string;
	/** The date chosen in Live Writer, else the published date, in UTC (`…Z`). */
	published: string | null;
	/** Whether it is a draft: kept in `Drafts`, or never published. */
	draft: boolean;
	files: SupportingFile[];
}

/**
 * The bytes of a GUID as Windows stores it (the first three groups
 * little-endian), as lowercase hex.
 *
 * @param guid `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
 * @return 32 hex digits.
 */
export function guidBytesHex( guid: string ): string {
	const hex = guid.replace( /[{}-]/g, '' ).toLowerCase();
	const swap = ( part: string ) =>
		( part.match( /../g ) ?? [] ).reverse().join( '' );
	return (
		swap( hex.slice( 0, 8 ) ) +
		swap( hex.slice( 8, 12 ) ) +
		swap( hex.slice( 12, 16 ) ) +
		hex.slice( 16 )
	);
}

/**
 * The GUID a supporting file's storage name stands for.
 *
 * @param name A storage's name.
 * @return The GUID, lowercase, or null when the name is not one.
 */
function guidOfStorageName( name: string ): string | null {
	if ( /^\{?[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\}?$/i.test( name ) ) {
		return name.replace( /[{}]/g, '' ).toLowerCase();
	}
	if ( name.length !== 16 ) {
		return null;
	}
	const bytes: string[] = [];
	for ( const char of name ) {
		const byte = char.charCodeAt( 0 ) - 0x5d;
		if ( byte < 0 || byte > 255 ) {
			return null;
		}
		bytes.push( byte.toString( 16 ).padStart( 2, '0' ) );
	}
	const hex = bytes.join( '' );
	// The same swap turns Windows order back into text order.
	const text = guidBytesHex(
		`${ hex.slice( 0, 8 ) }${ hex.slice( 8, 12 ) }${ hex.slice(
			12,
			16
		) }${ hex.slice( 16 ) }`
	);
	return `${ text.slice( 0, 8 ) }-${ text.slice( 8, 12 ) }-${ text.slice(
		12,
		16
	) }-${ text.slice( 16, 20 ) }-${ text.slice( 20 ) }`;
}

/**
 * Tells whether bytes begin like a compound file.
 *
 * @param head The first bytes.
 * @return Whether they are the compound file signature.
 */
export function looksLikeCompoundFile( head: Uint8Array ): boolean {
	return MAGIC.every( ( byte, i ) => head[ i ] === byte );
}

/**
 * Tells whether a path names a Live Writer post file.
 *
 * @param path A path.
 * @return Whether it ends in `.wpost`.
 */
export function isLiveWriterName( path: string ): boolean {
	return /\.wpost$/i.test( path );
}

function decodeText( bytes: Uint8Array, utf16: boolean ): string {
	if ( bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xfe ) {
		return new TextDecoder( 'utf-16le' ).decode( bytes.subarray( 2 ) );
	}
	if ( bytes[ 0 ] === 0xef && bytes[ 1 ] === 0xbb && bytes[ 2 ] === 0xbf ) {
		return new TextDecoder( 'utf-8' ).decode( bytes.subarray( 3 ) );
	}
	return new TextDecoder( utf16 ? 'utf-16le' : 'utf-8' ).decode( bytes );
}

/**
 * A .NET tick count as a UTC time.
 *
 * @param bytes The stream: a 64-bit little-endian integer.
 * @return `YYYY-MM-DDTHH:mm:ssZ`, or null when unset or out of range.
 */
function ticksToIso( bytes: Uint8Array | null ): string | null {
	if ( ! bytes || bytes.length < 8 ) {
		return null;
	}
	const view = new DataView( bytes.buffer, bytes.byteOffset, 8 );
	// The two top bits of a serialized `DateTime` hold its kind, not time.
	const ticks = BigInt.asUintN( 62, view.getBigUint64( 0, true ) );
	if ( ticks === BigInt( 0 ) ) {
		return null;
	}
	const ms = Number( ( ticks - UNIX_EPOCH_TICKS ) / TICKS_PER_MS );
	const date = new Date( ms );
	const year = date.getUTCFullYear();
	if ( ! Number.isFinite( ms ) || year < 1970 || year > 2100 ) {
		return null;
	}
	return date.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/**
 * Names of categories in a `Categories` XML stream.
 * @param xml
 */
function readCategories( xml: string ): string[] {
	const names: string[] = [];
	const doc = parseXml( xml );
	for ( const el of findAll(
		( e ) => e.name.toLowerCase() === 'category',
		doc.children
	) ) {
		const name = ( attr( el, 'Name' ) || attr( el, 'name' ) ).trim();
		if ( name && ! names.includes( name ) ) {
			names.push( name );
		}
	}
	return names;
}

/**
 * Upload addresses of supporting files, by GUID, from `AttachedFiles`.
 * @param xml
 */
function readUploads( xml: string ): Map< string, string > {
	const uploads = new Map< string, string >();
	const doc = parseXml( xml );
	for ( const file of findAll(
		( e ) => e.name === 'AttachedFile',
		doc.children
	) ) {
		const guids: string[] = [];
		for ( const version of findAll(
			( e ) => e.name === 'AttachedFileVersion',
			file.children
		) ) {
			REFERENCE_PATTERN.lastIndex = 0;
			const match = REFERENCE_PATTERN.exec( attr( version, 'FileUri' ) );
			if ( match ) {
				guids.push( match[ 1 ].toLowerCase() );
			}
		}
		const upload = findAll(
			( e ) => e.name === 'UploadInfo' && !! attr( e, 'UploadUri' ),
			file.children
		)[ 0 ];
		if ( upload ) {
			for ( const guid of guids ) {
				uploads.set( guid, attr( upload, 'UploadUri' ) );
			}
		}
	}
	return uploads;
}

/**
 * Tells whether a compound file's allocation table is sound enough to hand
 * to the container library: no two sectors lead to the same next sector. A
 * damaged table where chains run into each other is not only wrong but
 * costly, each chain read again to the end for every start.
 *
 * @param bytes The compound file.
 * @return Whether its chains are separate.
 */
function chainsAreSeparate( bytes: Uint8Array ): boolean {
	if ( bytes.length < 512 ) {
		return false;
	}
	const view = new DataView( bytes.buffer, bytes.byteOffset, bytes.length );
	const shift = view.getUint16( 0x1e, true );
	if ( shift !== 9 && shift !== 12 ) {
		return false;
	}
	const size = 2 ** shift;
	const count = Math.ceil( Math.max( 0, bytes.length - size ) / size );
	const word = ( sector: number, index: number ): number | null => {
		const at = ( sector + 1 ) * size + index * 4;
		return at + 4 <= bytes.length ? view.getUint32( at, true ) : null;
	};
	const fatCount = view.getUint32( 0x2c, true );
	if ( fatCount > count + 1 ) {
		return false;
	}
	const fat: number[] = [];
	for ( let i = 0; i < Math.min( fatCount, 109 ); i++ ) {
		fat.push( view.getUint32( 0x4c + i * 4, true ) );
	}
	let difat = view.getUint32( 0x44, true );
	for (
		let steps = 0;
		fat.length < fatCount && difat < count && steps <= count;
		steps++
	) {
		for ( let i = 0; i < size / 4 - 1 && fat.length < fatCount; i++ ) {
			fat.push( word( difat, i ) ?? 0xffffffff );
		}
		difat = word( difat, size / 4 - 1 ) ?? 0xffffffff;
	}
	const pointedAt = new Uint8Array( count );
	for ( const sector of fat ) {
		if ( sector >= count ) {
			continue;
		}
		for ( let i = 0; i < size / 4; i++ ) {
			const next = word( sector, i );
			if ( next !== null && next < count ) {
				if ( pointedAt[ next ] ) {
					return false;
				}
				pointedAt[ next ] = 1;
			}
		}
	}
	return true;
}

/** Why a `.wpost` file could not be read. */
export class LiveWriterError extends Error {
	readonly code:
		| 'live-writer-not-compound'
		| 'live-writer-damaged'
		| 'live-writer-unknown-version'
		| 'live-writer-no-post';

	constructor( code: LiveWriterError[ 'code' ], message: string ) {
		super( message );
		this.name = 'LiveWriterError';
		this.code = code;
		Object.setPrototypeOf( this, new.target.prototype );
	}
}

interface OpenedPost {
	post: LiveWriterPost;
	/** Supporting file contents by name in the set (`path`). */
	contents: Map< string, Uint8Array >;
	warnings: ArchiveWarning[];
}

function safeName( name: string ): string {
	const cleaned = basename( name.replace( /\\/g, '/' ) )
		.replace( /[\u0000-\u001f<>:"|?*]/g, '_' )
		.trim();
	return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'file';
}

/**
 * Reads one `.wpost` file.
 *
 * @param bytes    The file.
 * @param path     Its path in the set read (decides draft or published copy).
 * @param modified When it was last written, local wall-clock, if known.
 * @return The post, its supporting files' bytes and what was wrong.
 *         Throws a LiveWriterError when the file holds no readable post.
 */
export function openLiveWriterPost(
	bytes: Uint8Array,
	path: string,
	modified: string | null = null
): OpenedPost {
	const name = basename( path );
	if ( ! looksLikeCompoundFile( bytes ) ) {
		throw new LiveWriterError(
			'live-writer-not-compound',
			`“${ path }” is not a Windows Live Writer post: it is not a compound file as Live Writer saves them. It was skipped.`
		);
	}
	let container: CFB.CFB$Container;
	try {
		if ( ! chainsAreSeparate( bytes ) ) {
			throw new Error( 'damaged allocation table' );
		}
		container = CFB.read( bytes, { type: 'array' } );
	} catch {
		throw new LiveWriterError(
			'live-writer-damaged',
			`“${ path }” is a damaged Windows Live Writer post (cut off, perhaps while copying); it was skipped.`
		);
	}
	const root = container.FileIndex[ 0 ];
	const version = root
		? VERSIONS[ String( root.clsid ).toLowerCase() ]
		: undefined;
	const entries = new Map< string, CFB.CFB$Entry >();
	container.FullPaths.forEach( ( full, i ) => {
		// `Root Entry/Title` → `title`; a storage's path ends with `/`.
		const inner = full
			.slice( full.indexOf( '/' ) + 1 )
			.replace( /\/$/, '' );
		entries.set( inner.toLowerCase(), container.FileIndex[ i ] );
	} );
	const stream = ( key: string ): Uint8Array | null => {
		const entry = entries.get( key.toLowerCase() );
		if ( ! entry || entry.type !== 2 ) {
			return null;
		}
		const content = entry.content as Uint8Array | number[] | undefined;
		if ( ! content ) {
			return new Uint8Array( 0 );
		}
		const data =
			content instanceof Uint8Array
				? content
				: Uint8Array.from( content );
		if ( data.length < entry.size ) {
			throw new LiveWriterError(
				'live-writer-damaged',
				`“${ path }” is a damaged Windows Live Writer post (cut off, perhaps while copying); it was skipped.`
			);
		}
		return data.subarray( 0, entry.size );
	};
	const text = ( key: string, utf16 = true ): string => {
		const data = stream( key );
		return data ? decodeText( data, utf16 ) : '';
	};
	if ( ! version ) {
		throw new LiveWriterError(
			'live-writer-unknown-version',
			`“${ path }” is a compound file of a kind the importer does not know (not a Windows Live Writer post of either known format version); it was skipped.`
		);
	}
	if ( ! entries.has( 'contents' ) || ! entries.has( 'title' ) ) {
		throw new LiveWriterError(
			'live-writer-no-post',
			`“${ path }” holds no Windows Live Writer post (its title and text are missing); it was skipped.`
		);
	}
	const warnings: ArchiveWarning[] = [];
	const title = text( 'Title' ).trim();
	let html = text( 'Contents', false );
	let categories: string[] = [];
	try {
		categories = readCategories( text( 'Categories', false ) );
		for ( const added of readCategories(
			text( 'NewCategories', false )
		) ) {
			if ( ! categories.includes( added ) ) {
				categories.push( added );
			}
		}
	} catch {
		// A category list that is not XML leaves the post without categories.
	}
	let uploads = new Map< string, string >();
	try {
		uploads = readUploads( text( 'AttachedFiles', false ) );
	} catch {
		uploads = new Map();
	}
	const keywords = text( 'Keywords' )
		.split( /[,;，；]/ )
		.map( ( k ) => k.trim() )
		.filter( ( k, i, all ) => k && all.indexOf( k ) === i );
	const postId = text( 'Id' ).trim();
	const permalink = ( text( 'PermaLink' ) || text( 'Link' ) ).trim();
	const published =
		ticksToIso( stream( 'DatePublishedOverride' ) ) ??
		ticksToIso( stream( 'DatePublished' ) );
	const inDrafts = /(?:^|\/)drafts\//i.test( path );

	// The supporting files: one storage each under `SupportingFiles`.
	const files: SupportingFile[] = [];
	const contents = new Map< string, Uint8Array >();
	const taken = new Set< string >();
	const storagePrefix = 'supportingfiles/';
	for ( const [ key, entry ] of entries ) {
		if (
			! key.startsWith( storagePrefix ) ||
			key.slice( storagePrefix.length ).includes( '/' ) ||
			entry.type !== 1
		) {
			continue;
		}
		const guid = guidOfStorageName( entry.name );
		if ( ! guid ) {
			continue;
		}
		const fileName = safeName(
			text( `${ key }/SupportingFileName` ) || `${ guid }`
		);
		let data: Uint8Array | null;
		try {
			data = stream( `${ key }/SupportingFileContents` );
		} catch {
			data = null;
		}
		if ( ! data || ! data.length ) {
			warnings.push( {
				file: path,
				code: 'live-writer-file-damaged',
				message: `“${ path }”: the file “${ fileName }” the post holds is damaged or empty, and was left out.`,
			} );
			continue;
		}
		let unique = fileName;
		for ( let n = 2; taken.has( unique.toLowerCase() ); n++ ) {
			const dot = fileName.lastIndexOf( '.' );
			unique =
				dot > 0
					? `${ fileName.slice( 0, dot ) }-${ n }${ fileName.slice(
							dot
						) }`
					: `${ fileName }-${ n }`;
		}
		taken.add( unique.toLowerCase() );
		const filePath = `${ path }/${ unique }`;
		files.push( {
			guid,
			name: unique,
			path: filePath,
			size: data.length,
			uploadUrl: uploads.get( guid ) ?? null,
		} );
		contents.set( filePath, data );
	}
	// References to files that are not there stay as written; a reference
	// to one that is points at it, relative to the post's file.
	const byGuid = new Map( files.map( ( f ) => [ f.guid, f ] ) );
	html = html.replace( REFERENCE_PATTERN, ( whole, guid: string ) => {
		const file = byGuid.get( guid.toLowerCase() );
		return file
			? `${ encodeURIComponent( name ) }/${ encodeURIComponent(
					file.name
				) }`
			: whole;
	} );
	if ( html.includes( REFERENCE_PREFIX ) ) {
		warnings.push( {
			file: path,
			code: 'live-writer-file-missing',
			message: `“${ path }” shows a picture or file that it does not hold; it was left out of the post.`,
		} );
	}
	return {
		post: {
			file: path,
			modified,
			version,
			title,
			html,
			categories,
			keywords,
			excerpt: text( 'Exerpt' ).trim(),
			postId,
			blogId: text( 'DestinationBlogId' ).trim(),
			permalink,
			published,
			draft: inDrafts || ! postId,
			files,
		},
		contents,
		warnings,
	};
}

/** What a file set's `.wpost` files hold. */
export interface LiveWriterFiles {
	/** The set, each `.wpost` replaced by its supporting files. */
	set: ArchiveFileSet;
	posts: LiveWriterPost[];
	warnings: ArchiveWarning[];
}

/**
 * Reads the `.wpost` files of a file set, and replaces each by the files it
 * holds; those are read again from the compound file when asked, so no
 * image stays in memory.
 *
 * @param set    The file set.
 * @param signal Stops reading.
 * @return The new set, the posts and the warnings.
 */
export async function expandLiveWriterPosts(
	set: ArchiveFileSet,
	signal?: AbortSignal
): Promise< LiveWriterFiles > {
	const posts: LiveWriterPost[] = [];
	const warnings: ArchiveWarning[] = [];
	const owners = new Map< ArchiveFile, ArchiveFile >();
	const heads = new Map< ArchiveFile, Uint8Array >();
	const files: ArchiveFile[] = [];
	let found = false;
	for ( const file of set.files ) {
		if ( ! isLiveWriterName( file.path ) || file.encrypted ) {
			files.push( file );
			continue;
		}
		found = true;
		if ( signal?.aborted ) {
			break;
		}
		if ( file.size > MAX_WPOST_BYTES ) {
			warnings.push( {
				file: file.path,
				code: 'live-writer-damaged',
				message: `“${ file.path }” is larger than any Windows Live Writer post (${ Math.round(
					file.size / 1048576
				) } MB); it was skipped.`,
			} );
			continue;
		}
		try {
			const opened = openLiveWriterPost(
				await set.read( file ),
				file.path,
				file.modified
			);
			posts.push( opened.post );
			warnings.push( ...opened.warnings );
			for ( const held of opened.post.files ) {
				const inner: ArchiveFile = {
					path: held.path,
					size: held.size,
					modified: file.modified,
					encrypted: false,
				};
				owners.set( inner, file );
				// Its first bytes, to recognize it without opening the post again.
				const data = opened.contents.get( held.path );
				heads.set(
					inner,
					( data ?? new Uint8Array() ).slice( 0, HEAD )
				);
				files.push( inner );
			}
		} catch ( error ) {
			if ( error instanceof LiveWriterError ) {
				warnings.push( {
					file: file.path,
					code: error.code,
					message: error.message,
				} );
			} else if ( error instanceof FileReadError ) {
				warnings.push( {
					file: file.path,
					code: `file-${ error.reason }`,
					message: `“${ file.path }” was skipped: ${ error.message }.`,
				} );
			} else {
				throw error;
			}
		}
	}
	if ( ! found ) {
		return { set, posts, warnings };
	}
	// The last post file opened is kept: its files are read one after another.
	let cached: {
		file: ArchiveFile;
		contents: Map< string, Uint8Array >;
	} | null = null;
	const read = async ( inner: ArchiveFile ): Promise< Uint8Array > => {
		const owner = owners.get( inner );
		if ( ! owner ) {
			return set.read( inner );
		}
		if ( cached?.file !== owner ) {
			let opened: OpenedPost;
			try {
				opened = openLiveWriterPost(
					await set.read( owner ),
					owner.path
				);
			} catch ( error ) {
				if ( error instanceof LiveWriterError ) {
					throw new FileReadError( 'damaged', 'it is damaged' );
				}
				throw error;
			}
			cached = { file: owner, contents: opened.contents };
		}
		const data = cached.contents.get( inner.path );
		if ( ! data ) {
			throw new FileReadError( 'damaged', 'it is damaged' );
		}
		return data;
	};
	return {
		set: {
			files,
			warnings: set.warnings,
			read,
			async readHead( inner, length ) {
				if ( ! owners.has( inner ) ) {
					return set.readHead( inner, length );
				}
				const head = heads.get( inner );
				if ( head && length <= head.length ) {
					return head.subarray( 0, length );
				}
				return ( await read( inner ) ).subarray( 0, length );
			},
		},
		posts,
		warnings,
	};
}
