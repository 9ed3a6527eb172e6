/**
 * Turns a page's bytes into text the way a browser would: a byte order mark
 * first, then what the page declares, then UTF-8, then a guess between the
 * two legacy encodings Spaces owners most often had (Western and Chinese).
 */

export interface DecodedText {
	text: string;
	/** The encoding used, as a WHATWG label. */
	charset: string;
	/**
	 * Set when the encoding was guessed, the declared one was unusable, or
	 * a UTF-8 page held bytes that are not UTF-8 (replaced by U+FFFD).
	 */
	problem: 'unknown-charset' | 'charset-guessed' | 'bad-bytes' | null;
	/** The label the page declared, when it declared one. */
	declared: string | null;
	/** With `bad-bytes`: how many bytes were not UTF-8. */
	badBytes?: number;
}

/**
 * Counts a text's valid UTF-8 sequences of more than one byte and the
 * bytes that belong to no valid sequence: a UTF-8 page damaged in a few
 * places has many of the first and few of the second; a legacy page
 * mislabelled UTF-8 has the reverse.
 *
 * @param bytes The bytes.
 * @return The counts.
 */
export function utf8Damage( bytes: Uint8Array ): {
	valid: number;
	bad: number;
} {
	let valid = 0;
	let bad = 0;
	let i = 0;
	while ( i < bytes.length ) {
		const b = bytes[ i ];
		if ( b < 0x80 ) {
			i++;
			continue;
		}
		let length = 0;
		let low = 0x80;
		let high = 0xbf;
		if ( b >= 0xc2 && b <= 0xdf ) {
			length = 2;
		} else if ( b >= 0xe0 && b <= 0xef ) {
			length = 3;
			low = b === 0xe0 ? 0xa0 : 0x80;
			high = b === 0xed ? 0x9f : 0xbf;
		} else if ( b >= 0xf0 && b <= 0xf4 ) {
			length = 4;
			low = b === 0xf0 ? 0x90 : 0x80;
			high = b === 0xf4 ? 0x8f : 0xbf;
		}
		let ok = length > 0 && i + length <= bytes.length;
		for ( let k = 1; ok && k < length; k++ ) {
			const c = bytes[ i + k ];
			ok = k === 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf;
		}
		if ( ok ) {
			valid++;
			i += length;
		} else {
			bad++;
			i++;
		}
	}
	return { valid, bad };
}

/**
 * Decodes UTF-8 that failed strict decoding, replacing the bad bytes,
 * when the rest is UTF-8 enough: for a page that says it is UTF-8, more
 * valid sequences than bad bytes; for one that says nothing, at least
 * twenty times more (a legacy page rarely forms a valid sequence, and
 * Chinese GBK text forms one for about one character in seven).
 *
 * @param bytes    The bytes.
 * @param declared Whether the page says it is UTF-8.
 * @return The text, or null when the bytes are not UTF-8 enough.
 */
function repairUtf8(
	bytes: Uint8Array,
	declared: boolean
): { text: string; badBytes: number } | null {
	const { valid, bad } = utf8Damage( bytes );
	if ( bad === 0 || valid < bad * ( declared ? 1 : 20 ) ) {
		return null;
	}
	return {
		text: new TextDecoder( 'utf-8' ).decode( bytes ),
		badBytes: bad,
	};
}

const HEAD_BYTES = 4096;

const strictUtf8 = new TextDecoder( 'utf-8', { fatal: true } );

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
			const rest = bytes.subarray( mark.length );
			if ( charset === 'utf-8' ) {
				// A mark leaves no doubt, so this never gives null.
				return decodeUtf8( rest, true, null, true ) as DecodedText;
			}
			return {
				text: new TextDecoder( charset ).decode( rest ),
				charset,
				problem: null,
				declared: null,
			};
		}
	}
	const declared = declaredCharset( latin1Head( bytes ) );
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
			return (
				decodeUtf8( bytes, true, declared ) ?? {
					...guessLegacy( bytes ),
					declared,
				}
			);
		}
		try {
			return {
				text: strictUtf8.decode( bytes ),
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
	return decodeUtf8( bytes, false, null ) ?? guessLegacy( bytes );
}

/**
 * Decodes UTF-8 strictly, else with the bad bytes replaced when the page
 * is UTF-8 enough (see `repairUtf8`).
 *
 * @param bytes    The bytes.
 * @param said     Whether the page says it is UTF-8 (label or mark).
 * @param declared The declared label, if any.
 * @param always   Repair whatever the share of bad bytes (a byte order
 *                 mark leaves no doubt).
 * @return The text, or null when the bytes are not UTF-8.
 */
function decodeUtf8(
	bytes: Uint8Array,
	said: boolean,
	declared: string | null,
	always = false
): DecodedText | null {
	try {
		return {
			text: strictUtf8.decode( bytes ),
			charset: 'utf-8',
			problem: null,
			declared,
		};
	} catch {
		// Damaged or not UTF-8: count the bad bytes.
	}
	const repaired = always
		? {
				text: new TextDecoder( 'utf-8' ).decode( bytes ),
				badBytes: utf8Damage( bytes ).bad,
			}
		: repairUtf8( bytes, said );
	return repaired
		? {
				text: repaired.text,
				charset: 'utf-8',
				problem: 'bad-bytes',
				declared,
				badBytes: repaired.badBytes,
			}
		: null;
}
