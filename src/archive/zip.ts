/**
 * A small zip reader over random access bytes: it reads the central
 * directory, then unpacks one file at a time when asked. Keeping files packed
 * until needed is what lets a browser read a large space.zip without holding
 * every image in memory.
 */

/* eslint-disable no-bitwise -- reading a binary format is bit arithmetic. */

/**
 * External dependencies
 */
import { Inflate } from 'fflate';

/**
 * Internal dependencies
 */
import type { ByteSource } from './byte-source';
import { decodeWindows1252 } from './charset';
import { crc32 } from './crc32';
import { ArchiveError } from './errors';
import {
	ARCHIVE_RATIO_MIN_BYTES,
	MAX_ARCHIVE_COMPRESSION_RATIO,
	MAX_COMPRESSION_RATIO,
	MAX_ENTRIES,
	MAX_FILE_UNCOMPRESSED_BYTES,
	MAX_TOTAL_UNCOMPRESSED_BYTES,
	RATIO_CHECK_MIN_BYTES,
} from './limits';

export interface ZipEntry {
	/** The path as stored, with `/` separators. */
	path: string;
	isDirectory: boolean;
	encrypted: boolean;
	method: number;
	compressedSize: number;
	size: number;
	crc: number;
	localHeaderOffset: number;
	/** The file's time as stored (local wall-clock), when valid. */
	modified: string | null;
}

/** Why one file could not be unpacked; the archive as a whole may be fine. */
export class ZipEntryError extends Error {
	readonly reason: 'truncated' | 'damaged' | 'encrypted' | 'unsupported';

	constructor( reason: ZipEntryError[ 'reason' ], message: string ) {
		super( message );
		this.name = 'ZipEntryError';
		this.reason = reason;
		Object.setPrototypeOf( this, new.target.prototype );
	}
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
// Deflate grows at most about 1,000 times, so a push of this much packed
// data yields at most about 16 MB, even from a file lying about its size.
const INFLATE_CHUNK = 16 * 1024;

const utf8 = new TextDecoder( 'utf-8', { fatal: true } );

function u16( b: Uint8Array, o: number ): number {
	return b[ o ] | ( b[ o + 1 ] << 8 );
}

function u32( b: Uint8Array, o: number ): number {
	return (
		( b[ o ] | ( b[ o + 1 ] << 8 ) | ( b[ o + 2 ] << 16 ) ) +
		b[ o + 3 ] * 0x1000000
	);
}

function u64( b: Uint8Array, o: number ): number {
	return u32( b, o ) + u32( b, o + 4 ) * 0x100000000;
}

/**
 * Decodes a stored file name. Zips made on Windows store names in the
 * system code page without saying so; Chinese owners' zips hold GBK names.
 *
 * @param bytes    The name's bytes.
 * @param flagUtf8 Whether the entry says its name is UTF-8.
 * @return The name.
 */
function decodeName( bytes: Uint8Array, flagUtf8: boolean ): string {
	let ascii = true;
	for ( let i = 0; i < bytes.length; i++ ) {
		if ( bytes[ i ] > 0x7f ) {
			ascii = false;
			break;
		}
	}
	if ( ascii ) {
		return String.fromCharCode( ...bytes );
	}
	try {
		return utf8.decode( bytes );
	} catch {
		// Not UTF-8 whatever the flag says: try the likely code pages.
	}
	if ( ! flagUtf8 ) {
		try {
			return new TextDecoder( 'gb18030', { fatal: true } ).decode(
				bytes
			);
		} catch {
			// Fall through to a decoding that never fails.
		}
	}
	return decodeWindows1252( bytes );
}

function dosTime( time: number, date: number ): string | null {
	const year = 1980 + ( date >> 9 );
	const month = ( date >> 5 ) & 15;
	const day = date & 31;
	const hour = time >> 11;
	const minute = ( time >> 5 ) & 63;
	const second = ( time & 31 ) * 2;
	if ( month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 ) {
		return null;
	}
	const p = ( n: number ) => String( n ).padStart( 2, '0' );
	return `${ year }-${ p( month ) }-${ p( day ) }T${ p( hour ) }:${ p(
		minute
	) }:${ p( Math.min( second, 59 ) ) }`;
}

function sizeText( bytes: number ): string {
	if ( bytes >= 1024 * 1024 * 1024 ) {
		return `${ Math.round( bytes / ( 1024 * 1024 * 1024 ) ) } GB`;
	}
	return `${ Math.round( bytes / ( 1024 * 1024 ) ) } MB`;
}

export class ZipReader {
	readonly entries: ZipEntry[];

	private readonly source: ByteSource;

	private readonly name: string;

	/** Bytes unpacked so far, each file counted once. */
	private inflated = 0;

	/** Files already counted in `inflated`. */
	private readonly counted = new WeakSet< ZipEntry >();

	private constructor(
		source: ByteSource,
		entries: ZipEntry[],
		name: string
	) {
		this.source = source;
		this.entries = entries;
		this.name = name;
	}

	/**
	 * Counts bytes as they are unpacked, so that the archive's limits hold
	 * for what the files really hold, not only for what they declare.
	 *
	 * @param bytes How many more bytes were unpacked.
	 */
	private countInflated( bytes: number ): void {
		this.inflated += bytes;
		if ( this.inflated > MAX_TOTAL_UNCOMPRESSED_BYTES ) {
			throw tooLarge( this.name, this.inflated );
		}
		if (
			this.inflated > ARCHIVE_RATIO_MIN_BYTES &&
			this.inflated > this.source.size * MAX_ARCHIVE_COMPRESSION_RATIO
		) {
			throw tooCompressed( this.name );
		}
	}

	/**
	 * Reads the central directory.
	 *
	 * @param source The archive's bytes.
	 * @param name   The archive's name, for error messages.
	 * @return A reader listing the archive's files.
	 */
	static async open(
		source: ByteSource,
		name: string
	): Promise< ZipReader > {
		const head = await source.read( 0, 4 );
		const startsLikeZip =
			head.length === 4 &&
			( u32( head, 0 ) === LOCAL_SIGNATURE ||
				u32( head, 0 ) === EOCD_SIGNATURE );
		if ( source.size < EOCD_SIZE ) {
			if ( startsLikeZip ) {
				throw truncated( name );
			}
			throw notZip( name, source.size );
		}
		const tailLength = Math.min( source.size, EOCD_SIZE + MAX_COMMENT );
		const tailStart = source.size - tailLength;
		const tail = await source.read( tailStart, tailLength );
		let eocd = -1;
		for ( let i = tail.length - EOCD_SIZE; i >= 0; i-- ) {
			if (
				tail[ i ] === 0x50 &&
				tail[ i + 1 ] === 0x4b &&
				u32( tail, i ) === EOCD_SIGNATURE &&
				i + EOCD_SIZE + u16( tail, i + 20 ) <= tail.length
			) {
				eocd = i;
				break;
			}
		}
		if ( eocd < 0 ) {
			if ( startsLikeZip ) {
				throw truncated( name );
			}
			throw notZip( name, source.size );
		}
		let count = u16( tail, eocd + 10 );
		let cdSize = u32( tail, eocd + 12 );
		let cdOffset = u32( tail, eocd + 16 );
		const eocdAt = tailStart + eocd;
		let cdEnd = eocdAt;
		if (
			count === 0xffff ||
			cdSize === 0xffffffff ||
			cdOffset === 0xffffffff
		) {
			const zip64 = await readZip64( source, eocdAt );
			if ( zip64 ) {
				count = zip64.count;
				cdSize = zip64.cdSize;
				cdOffset = zip64.cdOffset;
				cdEnd = zip64.at;
			}
		}
		if ( count > MAX_ENTRIES ) {
			throw new ArchiveError(
				'too-large',
				name,
				`“${ name }” lists ${ count } files, more than the ${ MAX_ENTRIES } the importer reads.`
			);
		}
		// Data prepended to the zip (a self-extracting stub) shifts every
		// offset by the same amount.
		const shift = Math.max( 0, cdEnd - cdSize - cdOffset );
		if ( cdOffset + shift + cdSize > source.size || cdSize > cdEnd ) {
			throw truncated( name );
		}
		const cd = await source.read( cdOffset + shift, cdSize );
		const entries = parseCentralDirectory( cd, count, shift, name );
		checkSizes( entries, name, source.size );
		return new ZipReader( source, entries, name );
	}

	/**
	 * The first bytes of a file, unpacking only as much as needed.
	 *
	 * @param entry  A file of this archive.
	 * @param length How many bytes are wanted.
	 * @return Up to `length` bytes.
	 */
	async readHead( entry: ZipEntry, length: number ): Promise< Uint8Array > {
		if ( entry.encrypted || ( entry.method !== 0 && entry.method !== 8 ) ) {
			return new Uint8Array( 0 );
		}
		const header = await this.source.read( entry.localHeaderOffset, 30 );
		if ( header.length < 30 || u32( header, 0 ) !== LOCAL_SIGNATURE ) {
			return new Uint8Array( 0 );
		}
		const start =
			entry.localHeaderOffset +
			30 +
			u16( header, 26 ) +
			u16( header, 28 );
		if ( entry.method === 0 ) {
			return this.source.read(
				start,
				Math.min( length, entry.compressedSize )
			);
		}
		const out = new Uint8Array( Math.min( length, entry.size ) );
		let filled = 0;
		// Already-compressed files (photos) are stored in deflate's "stored"
		// blocks, which give no output until the whole block (up to 64 KiB)
		// is in: read more until the head is filled or the file is read.
		for (
			let want = Math.max( 4096, length * 2 );
			filled < out.length;
			want *= 4
		) {
			const size = Math.min( entry.compressedSize, want );
			const packed = await this.source.read( start, size );
			filled = 0;
			try {
				const inflate = new Inflate( ( chunk ) => {
					const take = Math.min( chunk.length, out.length - filled );
					out.set( chunk.subarray( 0, take ), filled );
					filled += take;
				} );
				inflate.push( packed, size === entry.compressedSize );
			} catch {
				// A damaged start: whatever was unpacked is all there is.
				break;
			}
			if ( size === entry.compressedSize ) {
				break;
			}
		}
		return out.subarray( 0, filled );
	}

	/**
	 * Unpacks one file, checking its size and checksum.
	 *
	 * @param entry A file of this archive.
	 * @return The file's bytes.
	 */
	async read( entry: ZipEntry ): Promise< Uint8Array > {
		if ( entry.encrypted ) {
			throw new ZipEntryError(
				'encrypted',
				'it is protected by a password'
			);
		}
		if ( entry.method !== 0 && entry.method !== 8 ) {
			throw new ZipEntryError(
				'unsupported',
				`it is packed with a method the importer cannot unpack (${ entry.method })`
			);
		}
		const header = await this.source.read( entry.localHeaderOffset, 30 );
		if ( header.length < 30 || u32( header, 0 ) !== LOCAL_SIGNATURE ) {
			throw new ZipEntryError(
				header.length < 30 ? 'truncated' : 'damaged',
				header.length < 30
					? 'the archive ends before it'
					: 'its header is damaged'
			);
		}
		const start =
			entry.localHeaderOffset +
			30 +
			u16( header, 26 ) +
			u16( header, 28 );
		const packed = await this.source.read( start, entry.compressedSize );
		if ( packed.length < entry.compressedSize ) {
			throw new ZipEntryError(
				'truncated',
				'the archive ends inside it'
			);
		}
		// A file read again (an image, when it is uploaded) was counted.
		const count = this.counted.has( entry )
			? undefined
			: ( n: number ) => this.countInflated( n );
		const bytes =
			entry.method === 0
				? packed.subarray( 0, entry.size )
				: await inflateBounded( packed, entry.size, count );
		if ( bytes.length !== entry.size || crc32( bytes ) !== entry.crc ) {
			throw new ZipEntryError( 'damaged', 'its contents are damaged' );
		}
		this.counted.add( entry );
		return bytes;
	}
}

async function readZip64(
	source: ByteSource,
	eocdAt: number
): Promise< {
	count: number;
	cdSize: number;
	cdOffset: number;
	at: number;
} | null > {
	if ( eocdAt < 20 ) {
		return null;
	}
	const locator = await source.read( eocdAt - 20, 20 );
	if ( u32( locator, 0 ) !== ZIP64_LOCATOR_SIGNATURE ) {
		return null;
	}
	const at = u64( locator, 8 );
	const record = await source.read( at, 56 );
	if ( record.length < 56 || u32( record, 0 ) !== ZIP64_EOCD_SIGNATURE ) {
		return null;
	}
	return {
		count: u64( record, 32 ),
		cdSize: u64( record, 40 ),
		cdOffset: u64( record, 48 ),
		at,
	};
}

function parseCentralDirectory(
	cd: Uint8Array,
	count: number,
	shift: number,
	name: string
): ZipEntry[] {
	const entries: ZipEntry[] = [];
	let o = 0;
	// The stored count wraps at 65,535 in zips without zip64 records, so
	// read records until the directory ends rather than trusting it.
	while ( o + 46 <= cd.length && u32( cd, o ) === CENTRAL_SIGNATURE ) {
		const flags = u16( cd, o + 8 );
		const nameLength = u16( cd, o + 28 );
		const extraLength = u16( cd, o + 30 );
		const commentLength = u16( cd, o + 32 );
		if ( o + 46 + nameLength + extraLength > cd.length ) {
			throw truncated( name );
		}
		const rawName = cd.subarray( o + 46, o + 46 + nameLength );
		let compressedSize = u32( cd, o + 20 );
		let size = u32( cd, o + 24 );
		let localHeaderOffset = u32( cd, o + 42 );
		let path = decodeName( rawName, ( flags & 0x800 ) !== 0 );
		let e = o + 46 + nameLength;
		const extraEnd = e + extraLength;
		while ( e + 4 <= extraEnd ) {
			const id = u16( cd, e );
			const length = u16( cd, e + 2 );
			const data = e + 4;
			if ( id === 0x0001 ) {
				let f = data;
				if ( size === 0xffffffff && f + 8 <= data + length ) {
					size = u64( cd, f );
					f += 8;
				}
				if ( compressedSize === 0xffffffff && f + 8 <= data + length ) {
					compressedSize = u64( cd, f );
					f += 8;
				}
				if (
					localHeaderOffset === 0xffffffff &&
					f + 8 <= data + length
				) {
					localHeaderOffset = u64( cd, f );
				}
			} else if ( id === 0x7075 && length > 5 ) {
				// Info-ZIP's Unicode path: the name in UTF-8 beside a legacy one.
				try {
					path = utf8.decode(
						cd.subarray( data + 5, data + length )
					);
				} catch {
					// Keep the legacy name.
				}
			}
			e = data + length;
		}
		path = path.replace( /\\/g, '/' );
		entries.push( {
			path,
			isDirectory: path.endsWith( '/' ),
			encrypted: ( flags & 1 ) !== 0,
			method: u16( cd, o + 10 ),
			compressedSize,
			size,
			crc: u32( cd, o + 16 ),
			localHeaderOffset: localHeaderOffset + shift,
			modified: dosTime( u16( cd, o + 12 ), u16( cd, o + 14 ) ),
		} );
		o += 46 + nameLength + extraLength + commentLength;
	}
	if ( entries.length < count % 0x10000 && entries.length < count ) {
		throw truncated( name );
	}
	return entries;
}

function checkSizes(
	entries: ZipEntry[],
	name: string,
	archiveSize: number
): void {
	let total = 0;
	for ( const entry of entries ) {
		total += entry.size;
		if ( entry.size > MAX_FILE_UNCOMPRESSED_BYTES ) {
			throw new ArchiveError(
				'too-large',
				name,
				`“${ name }” holds a file, “${ entry.path }”, of ${ sizeText(
					entry.size
				) } once unpacked, more than the ${ sizeText(
					MAX_FILE_UNCOMPRESSED_BYTES
				) } the importer accepts for one file.`
			);
		}
		if (
			entry.size >= RATIO_CHECK_MIN_BYTES &&
			entry.size > entry.compressedSize * MAX_COMPRESSION_RATIO
		) {
			throw new ArchiveError(
				'too-large',
				name,
				`“${ name }” looks like a zip bomb: “${
					entry.path
				}” would grow more than ${ MAX_COMPRESSION_RATIO } times when unpacked.`
			);
		}
	}
	if ( total > MAX_TOTAL_UNCOMPRESSED_BYTES ) {
		throw tooLarge( name, total );
	}
	// The whole archive against its own size, not the sizes its directory
	// states: entries may share their packed data.
	if (
		total > ARCHIVE_RATIO_MIN_BYTES &&
		total > archiveSize * MAX_ARCHIVE_COMPRESSION_RATIO
	) {
		throw tooCompressed( name );
	}
}

function tooLarge( name: string, total: number ): ArchiveError {
	return new ArchiveError(
		'too-large',
		name,
		`“${ name }” would take ${ sizeText(
			total
		) } once unpacked, more than the ${ sizeText(
			MAX_TOTAL_UNCOMPRESSED_BYTES
		) } the importer accepts.`
	);
}

function tooCompressed( name: string ): ArchiveError {
	return new ArchiveError(
		'too-compressed',
		name,
		`“${ name }” looks like a zip bomb: its files would grow more than ${ MAX_ARCHIVE_COMPRESSION_RATIO } times their packed size once unpacked, and no blog archive does that.`
	);
}

/**
 * Inflates a file, stopping as soon as it grows past its stated size: a
 * file whose header lies about its size cannot make the reader spin.
 *
 * @param packed   The deflated bytes.
 * @param expected The size the directory states.
 * @param count    Told how many bytes each step unpacked; may throw.
 * @return The bytes.
 */
function inflateBounded(
	packed: Uint8Array,
	expected: number,
	count?: ( bytes: number ) => void
): Uint8Array | Promise< Uint8Array > {
	return typeof DecompressionStream === 'function'
		? inflateNative( packed, expected, count )
		: inflateInScript( packed, expected, count );
}

/**
 * `inflateBounded` by the platform's own inflater (browsers, Node): several
 * times faster than inflating in script, and it allocates only what it
 * gives. Its output comes in pieces of at most 64 KiB, so a file lying
 * about its size is stopped after one piece too many.
 *
 * @param packed   The deflated bytes.
 * @param expected The size the directory states.
 * @param count    Told how many bytes each piece holds; may throw.
 * @return The bytes.
 */
async function inflateNative(
	packed: Uint8Array,
	expected: number,
	count?: ( bytes: number ) => void
): Promise< Uint8Array > {
	const stream = new DecompressionStream( 'deflate-raw' );
	const writer = stream.writable.getWriter();
	// Failures surface on the reading side.
	writer.write( packed as Uint8Array< ArrayBuffer > ).catch( () => {} );
	writer.close().catch( () => {} );
	const reader = stream.readable.getReader();
	const out = new Uint8Array( expected );
	let length = 0;
	try {
		for (;;) {
			let piece: ReadableStreamReadResult< Uint8Array >;
			try {
				piece = await reader.read();
			} catch {
				throw new ZipEntryError(
					'damaged',
					'its contents are damaged'
				);
			}
			if ( piece.done ) {
				return out.subarray( 0, length );
			}
			count?.( piece.value.length );
			if ( length + piece.value.length > expected ) {
				throw new ZipEntryError(
					'damaged',
					'it unpacks to more than its stated size'
				);
			}
			out.set( piece.value, length );
			length += piece.value.length;
		}
	} catch ( error ) {
		reader.cancel().catch( () => {} );
		throw error;
	}
}

/**
 * `inflateBounded` in script, where the platform has no inflater.
 *
 * @param packed   The deflated bytes.
 * @param expected The size the directory states.
 * @param count    Told how many bytes each step unpacked; may throw.
 * @return The bytes.
 */
function inflateInScript(
	packed: Uint8Array,
	expected: number,
	count?: ( bytes: number ) => void
): Uint8Array {
	const out = new Uint8Array( expected );
	let length = 0;
	let ended = false;
	const inflate = new Inflate( ( chunk, final ) => {
		count?.( chunk.length );
		if ( length + chunk.length > expected ) {
			throw new ZipEntryError(
				'damaged',
				'it unpacks to more than its stated size'
			);
		}
		out.set( chunk, length );
		length += chunk.length;
		ended = final;
	} );
	try {
		if ( packed.length === 0 ) {
			inflate.push( packed, true );
		}
		for ( let i = 0; i < packed.length && ! ended; i += INFLATE_CHUNK ) {
			inflate.push(
				packed.subarray( i, i + INFLATE_CHUNK ),
				i + INFLATE_CHUNK >= packed.length
			);
		}
	} catch ( error ) {
		if ( error instanceof ZipEntryError || error instanceof ArchiveError ) {
			throw error;
		}
		throw new ZipEntryError( 'damaged', 'its contents are damaged' );
	}
	return out.subarray( 0, length );
}

function notZip( name: string, size: number ): ArchiveError {
	if ( size === 0 ) {
		return new ArchiveError(
			'empty',
			name,
			`“${ name }” is empty: it holds no data at all.`
		);
	}
	return new ArchiveError(
		'not-zip',
		name,
		`“${ name }” is not a zip archive.`
	);
}

function truncated( name: string ): ArchiveError {
	return new ArchiveError(
		'truncated',
		name,
		`“${ name }” is incomplete: the zip archive was cut off, perhaps while downloading. Download or copy it again.`
	);
}
