/**
 * Web archives (`.mht`, `.mhtml`): a page saved by Internet Explorer as one
 * file, a MIME `multipart/related` message (RFC 2557) holding the page and
 * its images, each a part with its original address in `Content-Location`.
 *
 * The parser works on bytes: header lines are ASCII, bodies are found by
 * their boundary lines, and each body is decoded only when asked. Broken
 * input (a boundary missing, base64 cut off, headers absent) yields what
 * could be read and a list of problems, never an exception.
 */

/* eslint-disable no-bitwise -- base64 is bit arithmetic. */

/** Parts read from one web archive at most; IE saves a few dozen. */
export const MAX_PARTS = 20000;

/** Nested multiparts followed at most (IE never nests; mail clients do). */
const MAX_DEPTH = 4;

/** A header line longer than this is cut (a damaged file may have none). */
const MAX_HEADER_BYTES = 64 * 1024;

export interface MimePart {
	/** The media type, lower case, e.g. `text/html`; `text/plain` if none. */
	type: string;
	/** The `charset` parameter, lower case, when given. */
	charset: string | null;
	/** `Content-Transfer-Encoding`, lower case; `7bit` if none. */
	encoding: string;
	/** `Content-Location` as written, when given. */
	location: string | null;
	/** `Content-ID` without its angle brackets, when given. */
	contentId: string | null;
	/** Where the encoded body starts and ends in the file's bytes. */
	start: number;
	end: number;
}

export interface WebArchive {
	parts: MimePart[];
	/** The root part's Content-ID (the `start` parameter), when given. */
	start: string | null;
	/** A `Content-Location` of the whole message, a base for the parts. */
	location: string | null;
	/** What was wrong, in words that follow “the web archive …”. */
	problems: string[];
}

interface Headers {
	values: Map< string, string >;
	/** Where the body starts (after the blank line). */
	bodyStart: number;
	/** Whether a blank line ended the headers. */
	complete: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

// One byte, one character, both ways: offsets in the text are offsets in
// the bytes. Only ASCII is ever looked at.
const latin1 = new TextDecoder( 'windows-1252' );

function ascii( bytes: Uint8Array, start: number, end: number ): string {
	return latin1.decode( bytes.subarray( start, end ) );
}

function lineEnd( bytes: Uint8Array, from: number, limit: number ): number {
	const at = bytes.indexOf( LF, from );
	return at < 0 || at > limit ? limit : at;
}

/**
 * Reads header lines from `from` up to the first blank line, unfolding
 * continuation lines.
 *
 * @param bytes The file.
 * @param from  Where the headers start.
 * @param limit Where the enclosing body ends.
 * @return The headers, by lower-case name, and where the body starts.
 */
function readHeaders(
	bytes: Uint8Array,
	from: number,
	limit: number
): Headers {
	const values = new Map< string, string >();
	let at = from;
	let last: string | null = null;
	while ( at < limit ) {
		const end = lineEnd( bytes, at, limit );
		const next = end < limit ? end + 1 : limit;
		let stop = end;
		if ( stop > at && bytes[ stop - 1 ] === CR ) {
			stop--;
		}
		if ( stop === at ) {
			return { values, bodyStart: next, complete: true };
		}
		const line = ascii(
			bytes,
			at,
			Math.min( stop, at + MAX_HEADER_BYTES )
		);
		if ( /^[ \t]/.test( line ) && last !== null ) {
			const value = ( values.get( last ) ?? '' ) + ' ' + line.trim();
			values.set( last, value.slice( 0, MAX_HEADER_BYTES ) );
		} else {
			const colon = line.indexOf( ':' );
			if ( colon > 0 && /^[!-9;-~]+$/.test( line.slice( 0, colon ) ) ) {
				last = line.slice( 0, colon ).toLowerCase();
				if ( ! values.has( last ) ) {
					values.set( last, line.slice( colon + 1 ).trim() );
				}
			} else {
				// Not a header: the headers ended without their blank line.
				return { values, bodyStart: at, complete: false };
			}
		}
		at = next;
	}
	return { values, bodyStart: limit, complete: false };
}

/**
 * Splits a structured header value: `type/sub; name=value; name="v"`.
 *
 * @param value The header's value.
 * @return The value before the first `;`, and the parameters by name.
 */
export function parseHeaderValue( value: string ): {
	value: string;
	params: Map< string, string >;
} {
	const params = new Map< string, string >();
	const first = value.search( /[;\s]/ );
	const main = ( first < 0 ? value : value.slice( 0, first ) ).trim();
	const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"?|([^;\s]*))/g;
	let match;
	while ( ( match = pattern.exec( value ) ) !== null ) {
		const name = match[ 1 ].toLowerCase();
		if ( ! params.has( name ) ) {
			params.set(
				name,
				match[ 2 ] !== undefined
					? match[ 2 ].replace( /\\(.)/g, '$1' )
					: match[ 3 ]
			);
		}
	}
	return { value: main.toLowerCase(), params };
}

function stripAngles( id: string | undefined ): string | null {
	const trimmed = id?.trim().replace( /^<|>$/g, '' ).trim();
	return trimmed ? trimmed : null;
}

/**
 * Finds the boundary lines of a multipart body: `--boundary` at the start
 * of a line, `--boundary--` for the last.
 *
 * @param bytes    The file.
 * @param boundary The boundary parameter.
 * @param from     Where the body starts.
 * @param limit    Where it ends.
 * @return Each delimiter's start, the start of its following line, and
 *         whether it closes the multipart.
 */
function findDelimiters(
	bytes: Uint8Array,
	boundary: string,
	from: number,
	limit: number
): Array< { at: number; next: number; close: boolean } > {
	const needle = new TextEncoder().encode( '--' + boundary );
	const found: Array< { at: number; next: number; close: boolean } > = [];
	let at = from;
	while ( at < limit ) {
		const hit = bytes.indexOf( needle[ 0 ], at );
		if ( hit < 0 || hit + needle.length > limit ) {
			break;
		}
		let same = hit === from || bytes[ hit - 1 ] === LF;
		for ( let i = 1; same && i < needle.length; i++ ) {
			same = bytes[ hit + i ] === needle[ i ];
		}
		if ( ! same ) {
			at = hit + 1;
			continue;
		}
		const after = hit + needle.length;
		// `--abc` is no delimiter of boundary `ab`.
		if (
			after < limit &&
			! /[\r\n \t-]/.test( String.fromCharCode( bytes[ after ] ) )
		) {
			at = hit + 1;
			continue;
		}
		const close =
			after + 1 < limit &&
			bytes[ after ] === 0x2d &&
			bytes[ after + 1 ] === 0x2d;
		const end = lineEnd( bytes, after, limit );
		found.push( { at: hit, next: end < limit ? end + 1 : limit, close } );
		if ( close ) {
			break;
		}
		at = end < limit ? end + 1 : limit;
	}
	return found;
}

/**
 * The end of a part's body: its last line break belongs to the delimiter.
 * @param bytes
 * @param start
 * @param delimiter
 */
function bodyEnd( bytes: Uint8Array, start: number, delimiter: number ) {
	let end = delimiter;
	if ( end > start && bytes[ end - 1 ] === LF ) {
		end--;
		if ( end > start && bytes[ end - 1 ] === CR ) {
			end--;
		}
	}
	return end;
}

function partOf(
	headers: Map< string, string >,
	start: number,
	end: number
): MimePart {
	const type = parseHeaderValue( headers.get( 'content-type' ) ?? '' );
	return {
		type: type.value.includes( '/' ) ? type.value : 'text/plain',
		charset: type.params.get( 'charset' )?.toLowerCase() || null,
		encoding: (
			headers.get( 'content-transfer-encoding' ) ?? '7bit'
		).toLowerCase(),
		location: headers.get( 'content-location' )?.trim() || null,
		contentId: stripAngles( headers.get( 'content-id' ) ),
		start,
		end,
	};
}

function readMultipart(
	bytes: Uint8Array,
	boundary: string,
	from: number,
	limit: number,
	depth: number,
	archive: WebArchive
): void {
	const delimiters = findDelimiters( bytes, boundary, from, limit );
	if ( ! delimiters.length ) {
		archive.problems.push( 'has no part boundaries' );
		return;
	}
	const closed = delimiters[ delimiters.length - 1 ].close;
	const opening = delimiters.filter( ( d ) => ! d.close );
	let left = 0;
	opening.forEach( ( delimiter, i ) => {
		if ( archive.parts.length >= MAX_PARTS ) {
			left++;
			return;
		}
		const following = delimiters[ delimiters.indexOf( delimiter ) + 1 ];
		const stop = following
			? bodyEnd( bytes, delimiter.next, following.at )
			: limit;
		const headers = readHeaders( bytes, delimiter.next, stop );
		if ( ! headers.complete && headers.values.size === 0 ) {
			archive.problems.push(
				`has a part without headers (part ${ i + 1 })`
			);
		}
		const nested = parseHeaderValue(
			headers.values.get( 'content-type' ) ?? ''
		);
		const inner = nested.params.get( 'boundary' );
		if (
			nested.value.startsWith( 'multipart/' ) &&
			inner &&
			depth < MAX_DEPTH
		) {
			readMultipart(
				bytes,
				inner,
				headers.bodyStart,
				stop,
				depth + 1,
				archive
			);
			return;
		}
		archive.parts.push( partOf( headers.values, headers.bodyStart, stop ) );
	} );
	if ( left ) {
		archive.problems.push(
			`has more than ${ MAX_PARTS } parts; the rest were left out`
		);
	}
	if ( ! closed && depth === 0 ) {
		archive.problems.push(
			'ends without its closing boundary, so it may be incomplete'
		);
	}
}

/**
 * Tells whether a file's first bytes look like a MIME message: header
 * lines, among them `MIME-Version` or a multipart `Content-Type`.
 *
 * @param head The first bytes (a few hundred are enough).
 * @return Whether to read it as a web archive.
 */
export function looksLikeMime( head: Uint8Array ): boolean {
	const text = ascii( head, 0, Math.min( head.length, 4096 ) ).replace(
		/^\ufeff|^\xef\xbb\xbf/,
		''
	);
	const block = text.split( /\r?\n\r?\n/ )[ 0 ];
	if ( ! /^[!-9;-~]+:/.test( block ) ) {
		return false;
	}
	return /^(?:mime-version\s*:|content-type\s*:\s*multipart\/)/im.test(
		block
	);
}

/**
 * Reads a web archive's structure.
 *
 * @param bytes The whole file.
 * @return Its parts and problems, or null when it is no MIME message.
 */
export function parseWebArchive( bytes: Uint8Array ): WebArchive | null {
	let from = 0;
	if ( bytes[ 0 ] === 0xef && bytes[ 1 ] === 0xbb && bytes[ 2 ] === 0xbf ) {
		from = 3;
	}
	if ( ! looksLikeMime( bytes.subarray( from, from + 4096 ) ) ) {
		return null;
	}
	const top = readHeaders( bytes, from, bytes.length );
	const type = parseHeaderValue( top.values.get( 'content-type' ) ?? '' );
	const archive: WebArchive = {
		parts: [],
		start: stripAngles( type.params.get( 'start' ) ),
		location: top.values.get( 'content-location' )?.trim() || null,
		problems: [],
	};
	if ( ! top.complete ) {
		archive.problems.push( 'has damaged headers' );
	}
	const boundary = type.params.get( 'boundary' );
	if ( type.value.startsWith( 'multipart/' ) && boundary ) {
		readMultipart(
			bytes,
			boundary,
			top.bodyStart,
			bytes.length,
			0,
			archive
		);
	} else if ( type.value.startsWith( 'multipart/' ) ) {
		archive.problems.push( 'does not say where its parts begin' );
	} else {
		// A single-part message: the page alone.
		archive.parts.push( partOf( top.values, top.bodyStart, bytes.length ) );
	}
	return archive;
}

const BASE64 = new Int16Array( 256 ).fill( -1 );
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
	.split( '' )
	.forEach( ( c, i ) => {
		BASE64[ c.charCodeAt( 0 ) ] = i;
	} );
// The URL-safe alphabet, which some tools wrote.
BASE64[ 0x2d ] = 62;
BASE64[ 0x5f ] = 63;

/**
 * Decodes base64, skipping line breaks and anything outside the alphabet.
 *
 * @param bytes The encoded body.
 * @return The bytes, and whether the text stopped mid-group (cut off).
 */
export function decodeBase64( bytes: Uint8Array ): {
	bytes: Uint8Array;
	truncated: boolean;
} {
	const out = new Uint8Array( Math.floor( ( bytes.length * 3 ) / 4 ) + 3 );
	let length = 0;
	let buffer = 0;
	let bits = 0;
	let count = 0;
	let padded = false;
	for ( let i = 0; i < bytes.length; i++ ) {
		const byte = bytes[ i ];
		if ( byte === 0x3d ) {
			padded = true;
			continue;
		}
		const value = BASE64[ byte ];
		if ( value < 0 || padded ) {
			continue;
		}
		buffer = ( ( buffer << 6 ) | value ) & 0xffffff;
		bits += 6;
		count++;
		if ( bits >= 8 ) {
			bits -= 8;
			out[ length++ ] = ( buffer >> bits ) & 0xff;
		}
	}
	return {
		bytes: out.subarray( 0, length ),
		truncated: count % 4 !== 0 && ! padded,
	};
}

function hex( byte: number ): number {
	if ( byte >= 0x30 && byte <= 0x39 ) {
		return byte - 0x30;
	}
	const lower = byte | 0x20;
	return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/**
 * Decodes quoted-printable: `=XX` escapes and `=` soft line breaks; an `=`
 * that is neither stays as written.
 *
 * @param bytes The encoded body.
 * @return The bytes.
 */
export function decodeQuotedPrintable( bytes: Uint8Array ): Uint8Array {
	const out = new Uint8Array( bytes.length );
	let length = 0;
	for ( let i = 0; i < bytes.length; i++ ) {
		const byte = bytes[ i ];
		if ( byte !== 0x3d ) {
			out[ length++ ] = byte;
			continue;
		}
		// A soft line break, with any white space before it.
		let j = i + 1;
		while ( bytes[ j ] === 0x20 || bytes[ j ] === 0x09 ) {
			j++;
		}
		if ( bytes[ j ] === CR && bytes[ j + 1 ] === LF ) {
			i = j + 1;
			continue;
		}
		if ( bytes[ j ] === LF || j >= bytes.length ) {
			i = j;
			continue;
		}
		const high = hex( bytes[ i + 1 ] );
		const low = hex( bytes[ i + 2 ] );
		if ( high >= 0 && low >= 0 ) {
			out[ length++ ] = high * 16 + low;
			i += 2;
		} else {
			out[ length++ ] = byte;
		}
	}
	return out.subarray( 0, length );
}

/**
 * Decodes one part's body.
 *
 * @param bytes The whole file.
 * @param part  The part.
 * @return The body's bytes, and whether they were cut off.
 */
export function decodePart(
	bytes: Uint8Array,
	part: MimePart
): { bytes: Uint8Array; truncated: boolean } {
	const body = bytes.subarray( part.start, part.end );
	if ( part.encoding === 'base64' ) {
		return decodeBase64( body );
	}
	if ( part.encoding === 'quoted-printable' ) {
		return { bytes: decodeQuotedPrintable( body ), truncated: false };
	}
	return { bytes: body, truncated: false };
}
