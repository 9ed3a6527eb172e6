/**
 * Turns a page's bytes into text the way a browser would: a byte order mark
 * first, then what the page declares, then UTF-8, then a guess between the
 * two legacy encodings Spaces owners most often had (Western and Chinese).
 */

export interface DecodedText {
	text: string;
	/** The encoding used, as a WHATWG label. */
	charset: string;
	/** Set when the encoding was guessed, or the declared one was unusable. */
	problem: 'unknown-charset' | 'charset-guessed' | null;
	/** The label the page declared, when it declared one. */
	declared: string | null;
}

const HEAD_BYTES = 4096;

// Only ASCII matters in the head (tag and charset names), so any
// single-byte decoding will do; the native one is fastest.
const headDecoder = new TextDecoder( 'windows-1252' );

function latin1Head( bytes: Uint8Array ): string {
	return headDecoder.decode( bytes.subarray( 0, HEAD_BYTES ) );
}

/**
 * Finds the encoding a page declares in its first bytes.
 *
 * @param head The first bytes read as Latin-1.
 * @return The declared label, lower case, or null.
 */
export function declaredCharset( head: string ): string | null {
	const metas = head.match( /<meta\b[^>]*>/gi ) ?? [];
	for ( const meta of metas ) {
		const direct = meta.match( /\bcharset\s*=\s*["']?\s*([\w:.\-]+)/i );
		if ( direct ) {
			return direct[ 1 ].toLowerCase();
		}
	}
	const xml = head.match(
		/^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']\s*([\w:.\-]+)/i
	);
	return xml ? xml[ 1 ].toLowerCase() : null;
}

/**
 * What windows-1252 puts at 0x80–0x9F (curly quotes, dashes, the euro);
 * 0 marks the five unassigned bytes, which decode as the C1 control.
 */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
	0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d,
	0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e,
	0x0178,
];

/**
 * Decodes windows-1252 (also what pages labelled ISO-8859-1 or ASCII
 * really hold). Node 20's TextDecoder reads this label as ISO-8859-1 and
 * loses the curly quotes and dashes, so it is done here.
 *
 * @param bytes The bytes.
 * @return The text.
 */
export function decodeWindows1252( bytes: Uint8Array ): string {
	const units = new Uint16Array( bytes.length );
	for ( let i = 0; i < bytes.length; i++ ) {
		const b = bytes[ i ];
		units[ i ] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[ b - 0x80 ] || b : b;
	}
	let text = '';
	for ( let i = 0; i < units.length; i += 8192 ) {
		text += String.fromCharCode( ...units.subarray( i, i + 8192 ) );
	}
	return text;
}

function decodeWith( chosen: TextDecoder, bytes: Uint8Array ): string {
	return chosen.encoding === 'windows-1252'
		? decodeWindows1252( bytes )
		: chosen.decode( bytes );
}

function decoder( label: string, fatal: boolean ): TextDecoder | null {
	try {
		return new TextDecoder( label, { fatal } );
	} catch {
		return null;
	}
}

/**
 * Tells how much of a decoded text looks like Chinese: the share of CJK
 * characters among the characters outside ASCII.
 *
 * @param text Decoded text.
 * @return A number between 0 and 1.
 */
function cjkShare( text: string ): number {
	let other = 0;
	let cjk = 0;
	for ( let i = 0; i < text.length; i++ ) {
		const c = text.charCodeAt( i );
		if ( c < 0x80 ) {
			continue;
		}
		other++;
		if (
			( c >= 0x4e00 && c <= 0x9fff ) ||
			( c >= 0x3000 && c <= 0x303f ) ||
			( c >= 0xff00 && c <= 0xffef )
		) {
			cjk++;
		}
	}
	return other === 0 ? 0 : cjk / other;
}

function guessLegacy( bytes: Uint8Array ): DecodedText {
	const gb = decoder( 'gb18030', true );
	if ( gb ) {
		try {
			const text = gb.decode( bytes );
			if ( cjkShare( text ) > 0.8 ) {
				return {
					text,
					charset: 'gb18030',
					problem: 'charset-guessed',
					declared: null,
				};
			}
		} catch {
			// Not Chinese: Western is the remaining likely encoding.
		}
	}
	return {
		text: decodeWindows1252( bytes ),
		charset: 'windows-1252',
		problem: 'charset-guessed',
		declared: null,
	};
}

/** Byte order marks, which decide the encoding before anything else. */
const BYTE_ORDER_MARKS: Array< [ number[], string ] > = [
	[ [ 0xef, 0xbb, 0xbf ], 'utf-8' ],
	[ [ 0xff, 0xfe ], 'utf-16le' ],
	[ [ 0xfe, 0xff ], 'utf-16be' ],
];

/**
 * Decodes a page or feed.
 *
 * @param bytes The file's bytes.
 * @return The text, the encoding used and whether it had to be guessed.
 */
export function decodeText( bytes: Uint8Array ): DecodedText {
	for ( const [ mark, charset ] of BYTE_ORDER_MARKS ) {
		if ( mark.every( ( byte, at ) => bytes[ at ] === byte ) ) {
			return {
				text: new TextDecoder( charset ).decode(
					bytes.subarray( mark.length )
				),
				charset,
				problem: null,
				declared: null,
			};
		}
	}
	const declared = declaredCharset( latin1Head( bytes ) );
	const utf8 = decoder( 'utf-8', true ) as TextDecoder;
	if ( declared ) {
		const chosen = decoder( declared, false );
		// A page saved as UTF-8 often kept its original declaration; the
		// bytes win when they are valid UTF-8 and the label is a UTF-16
		// one (which a page read byte by byte cannot be).
		if ( chosen && ! chosen.encoding.startsWith( 'utf-16' ) ) {
			if ( chosen.encoding !== 'utf-8' ) {
				return {
					text: decodeWith( chosen, bytes ),
					charset: chosen.encoding,
					problem: null,
					declared,
				};
			}
			try {
				return {
					text: utf8.decode( bytes ),
					charset: 'utf-8',
					problem: null,
					declared,
				};
			} catch {
				return { ...guessLegacy( bytes ), declared };
			}
		}
		try {
			return {
				text: utf8.decode( bytes ),
				charset: 'utf-8',
				problem: chosen ? null : 'unknown-charset',
				declared,
			};
		} catch {
			const guess = guessLegacy( bytes );
			return {
				...guess,
				problem: chosen ? guess.problem : 'unknown-charset',
				declared,
			};
		}
	}
	try {
		return {
			text: utf8.decode( bytes ),
			charset: 'utf-8',
			problem: null,
			declared: null,
		};
	} catch {
		return guessLegacy( bytes );
	}
}
