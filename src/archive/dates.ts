/**
 * Reading dates as Spaces printed them, in the owner's locale, into local
 * wall-clock times `YYYY-MM-DDTHH:mm:ss` (Spaces pages carry no zone).
 */

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** Cultures that write the month before the day in numeric dates. */
const MONTH_FIRST_CULTURES = new Set( [
	'en-us',
	'en-ph',
	'fil-ph',
	'es-us',
	'en-029',
	'en-bz',
	'sw-ke',
] );

/** Month names and abbreviations in the languages Spaces was offered in. */
const MONTH_NAMES: Record< string, number > = ( () => {
	const table: Record< string, number > = {};
	const lists = [
		// English
		'january february march april may june july august september october november december',
		'jan feb mar apr may jun jul aug sep oct nov dec',
		'jan feb mar apr may june july aug sept oct nov dec',
		// German
		'januar februar märz april mai juni juli august september oktober november dezember',
		'jan feb mär apr mai jun jul aug sep okt nov dez',
		'jänner feber maerz apr mai jun jul aug sep okt nov dez',
		// French
		'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
		'janv févr mars avr mai juin juil août sept oct nov déc',
		// Spanish
		'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
		'ene feb mar abr may jun jul ago sep oct nov dic',
		'ene feb mar abr may jun jul ago set oct nov dic',
		// Italian
		'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
		'gen feb mar apr mag giu lug ago set ott nov dic',
		// Portuguese
		'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
		'jan fev mar abr mai jun jul ago set out nov dez',
		// Dutch
		'januari februari maart april mei juni juli augustus september oktober november december',
		'jan feb mrt apr mei jun jul aug sep okt nov dec',
		// Swedish, Danish, Norwegian
		'januari februari mars april maj juni juli augusti september oktober november december',
		'januar februar marts april maj juni juli august september oktober november december',
		'januar februar mars april mai juni juli august september oktober november desember',
	];
	for ( const list of lists ) {
		list.split( ' ' ).forEach( ( name, index ) => {
			if ( ! ( name in table ) ) {
				table[ name ] = index + 1;
			}
		} );
	}
	return table;
} )();

const PM_WORDS = /(?:^|[^a-z])(p\.?\s?m\.?)(?![a-z])|下午|午後|오후|晚上/i;
const AM_WORDS = /(?:^|[^a-z])(a\.?\s?m\.?)(?![a-z])|上午|午前|오전|早上|凌晨/i;

function pad( n: number, width = 2 ): string {
	return String( n ).padStart( width, '0' );
}

/**
 * Formats a wall-clock time.
 *
 * @param t The parts.
 * @return `YYYY-MM-DDTHH:mm:ss`.
 */
export function formatWallClock( t: WallClock ): string {
	return `${ pad( t.year, 4 ) }-${ pad( t.month ) }-${ pad( t.day ) }T${ pad(
		t.hour
	) }:${ pad( t.minute ) }:${ pad( t.second ) }`;
}

function isValid( t: WallClock ): boolean {
	if (
		t.year < 1990 ||
		t.year > 2100 ||
		t.month < 1 ||
		t.month > 12 ||
		t.day < 1 ||
		t.hour > 23 ||
		t.minute > 59 ||
		t.second > 59
	) {
		return false;
	}
	const days = new Date( Date.UTC( t.year, t.month, 0 ) ).getUTCDate();
	return t.day <= days;
}

function fullYear( text: string ): number {
	const n = Number( text );
	if ( text.length > 2 ) {
		return n;
	}
	return n < 70 ? 2000 + n : 1900 + n;
}

function cleanText( text: string ): string {
	return text
		.replace( /[\u00a0\u2007\u202f\u3000]/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim();
}

interface DatePart {
	year: number | null;
	month: number;
	day: number;
	/** The text left once the date is taken out, where the time is. */
	rest: string;
}

function monthFromWord( word: string ): number | null {
	const key = word.toLowerCase().replace( /\.$/, '' );
	return MONTH_NAMES[ key ] ?? null;
}

function findDatePart( text: string, culture: string | null ): DatePart | null {
	const cjk =
		/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/.exec(
			text
		);
	if ( cjk ) {
		return {
			year: Number( cjk[ 1 ] ),
			month: Number( cjk[ 2 ] ),
			day: Number( cjk[ 3 ] ),
			rest: text.replace( cjk[ 0 ], ' ' ),
		};
	}
	const cjkNoYear = /(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/.exec( text );
	if ( cjkNoYear ) {
		return {
			year: null,
			month: Number( cjkNoYear[ 1 ] ),
			day: Number( cjkNoYear[ 2 ] ),
			rest: text.replace( cjkNoYear[ 0 ], ' ' ),
		};
	}
	const ymd = /(\d{4})\s*([\/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/.exec(
		text
	);
	if ( ymd ) {
		return {
			year: Number( ymd[ 1 ] ),
			month: Number( ymd[ 3 ] ),
			day: Number( ymd[ 4 ] ),
			rest: text.replace( ymd[ 0 ], ' ' ),
		};
	}
	const numeric =
		/(?<!\d)(\d{1,2})\s*([\/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d:])/.exec(
			text
		);
	if ( numeric ) {
		const a = Number( numeric[ 1 ] );
		const b = Number( numeric[ 3 ] );
		let monthFirst = MONTH_FIRST_CULTURES.has(
			( culture ?? 'en-us' ).toLowerCase()
		);
		if ( a > 12 && b <= 12 ) {
			monthFirst = false;
		} else if ( b > 12 && a <= 12 ) {
			monthFirst = true;
		}
		return {
			year: fullYear( numeric[ 4 ] ),
			month: monthFirst ? a : b,
			day: monthFirst ? b : a,
			rest: text.replace( numeric[ 0 ], ' ' ),
		};
	}
	// Month names: "April 20, 2007", "20. April 2007", "20 avril 2007",
	// "Sept. 27, 2008", "Nov. 6".
	const words = text.match( /[A-Za-zÀ-ÿ]+\.?/g ) ?? [];
	for ( const word of words ) {
		const month = monthFromWord( word );
		if ( month === null ) {
			continue;
		}
		const at = text.indexOf( word );
		const before = text.slice( 0, at );
		const after = text.slice( at + word.length );
		const dayAfter =
			/^\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d:.]\d)\s*,?\s*(?:(\d{4})(?![\d:]))?/.exec(
				after
			);
		const dayBefore = /(?<![\d:])(\d{1,2})\s*\.?\s*(?:de\s+)?$/i.exec(
			before
		);
		let day: number | null = null;
		let year: number | null = null;
		let rest = text;
		if ( dayBefore ) {
			day = Number( dayBefore[ 1 ] );
			const yearAfter = /^\s*(?:de\s+)?,?\s*(\d{4})(?![\d:])/i.exec(
				after
			);
			year = yearAfter ? Number( yearAfter[ 1 ] ) : null;
			rest =
				before.slice( 0, before.length - dayBefore[ 0 ].length ) +
				' ' +
				( yearAfter ? after.slice( yearAfter[ 0 ].length ) : after );
		} else if ( dayAfter ) {
			day = Number( dayAfter[ 1 ] );
			year = dayAfter[ 2 ] ? Number( dayAfter[ 2 ] ) : null;
			rest = before + ' ' + after.slice( dayAfter[ 0 ].length );
		}
		if ( day !== null ) {
			return { year, month, day, rest };
		}
	}
	return null;
}

function findTime( text: string ): {
	hour: number;
	minute: number;
	second: number;
} | null {
	const match =
		/(?<![\d.])(\d{1,2})\s*[:.]\s*(\d{2})(?:\s*[:.]\s*(\d{2}))?(?!\d)/.exec(
			text
		);
	if ( ! match ) {
		return null;
	}
	let hour = Number( match[ 1 ] );
	const minute = Number( match[ 2 ] );
	const second = match[ 3 ] ? Number( match[ 3 ] ) : 0;
	if ( PM_WORDS.test( text ) && hour < 12 ) {
		hour += 12;
	} else if ( AM_WORDS.test( text ) && hour === 12 ) {
		hour = 0;
	}
	return { hour, minute, second };
}

export interface ParsedDate {
	/** The parts; `year` is null when the text gave none ("Nov. 6"). */
	year: number | null;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	hasTime: boolean;
}

/**
 * Reads a date (and time) written in a culture's style.
 *
 * @param text    The text, e.g. `2007/4/20 1:29:58` or `4/20/2007 1:29 PM`.
 * @param culture The page's `web:culture`, e.g. `zh-CN`; decides whether a
 *                numeric date is day-first or month-first.
 * @return The parts, or null when the text holds no date.
 */
export function parseDateParts(
	text: string,
	culture: string | null
): ParsedDate | null {
	const clean = cleanText( text );
	const date = findDatePart( clean, culture );
	if ( ! date ) {
		return null;
	}
	const time = findTime( date.rest );
	const parts: ParsedDate = {
		year: date.year,
		month: date.month,
		day: date.day,
		hour: time?.hour ?? 0,
		minute: time?.minute ?? 0,
		second: time?.second ?? 0,
		hasTime: time !== null,
	};
	if ( ! isValid( { ...parts, year: parts.year ?? 2000 } ) ) {
		return null;
	}
	return parts;
}

/**
 * Reads a full local date and time written in a culture's style.
 *
 * @param text    The text.
 * @param culture The page's culture.
 * @return `YYYY-MM-DDTHH:mm:ss`, or null when no complete date is found.
 */
export function parseLocalDate(
	text: string,
	culture: string | null
): string | null {
	const parts = parseDateParts( text, culture );
	if ( ! parts || parts.year === null ) {
		return null;
	}
	return formatWallClock( { ...parts, year: parts.year } );
}

const ZONES: Record< string, number > = {
	GMT: 0,
	UT: 0,
	UTC: 0,
	Z: 0,
	EST: -300,
	EDT: -240,
	CST: -360,
	CDT: -300,
	MST: -420,
	MDT: -360,
	PST: -480,
	PDT: -420,
};

/**
 * Reads an RSS `pubDate` (RFC 822) or an ISO 8601 time, keeping its zone.
 *
 * @param text The date text.
 * @return An ISO time with offset (`…+08:00` or `…Z`), or null.
 */
export function parseZonedDate( text: string ): string | null {
	const clean = cleanText( text );
	const iso =
		/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
			clean
		);
	if ( iso ) {
		const t = {
			year: Number( iso[ 1 ] ),
			month: Number( iso[ 2 ] ),
			day: Number( iso[ 3 ] ),
			hour: Number( iso[ 4 ] ),
			minute: Number( iso[ 5 ] ),
			second: Number( iso[ 6 ] ?? 0 ),
		};
		if ( ! isValid( t ) ) {
			return null;
		}
		const zone = iso[ 7 ];
		if ( ! zone ) {
			return formatWallClock( t );
		}
		return formatWallClock( t ) + zoneText( zone );
	}
	const rfc =
		/^(?:[A-Za-z]+,?\s*)?(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
			clean
		);
	if ( ! rfc ) {
		return null;
	}
	const month = monthFromWord( rfc[ 2 ] );
	if ( month === null ) {
		return null;
	}
	const t = {
		year: fullYear( rfc[ 3 ] ),
		month,
		day: Number( rfc[ 1 ] ),
		hour: Number( rfc[ 4 ] ),
		minute: Number( rfc[ 5 ] ),
		second: Number( rfc[ 6 ] ?? 0 ),
	};
	if ( ! isValid( t ) ) {
		return null;
	}
	const zone = rfc[ 7 ] ?? 'GMT';
	let offset: number | undefined;
	if ( /^[+-]\d{4}$/.test( zone ) ) {
		offset =
			( zone[ 0 ] === '-' ? -1 : 1 ) *
			( Number( zone.slice( 1, 3 ) ) * 60 + Number( zone.slice( 3 ) ) );
	} else {
		offset = ZONES[ zone.toUpperCase() ] ?? 0;
	}
	return formatWallClock( t ) + offsetText( offset );
}

function zoneText( zone: string ): string {
	if ( zone.toUpperCase() === 'Z' ) {
		return 'Z';
	}
	const digits = zone.replace( ':', '' );
	return `${ digits.slice( 0, 3 ) }:${ digits.slice( 3 ) }`;
}

function offsetText( minutes: number ): string {
	if ( minutes === 0 ) {
		return 'Z';
	}
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs( minutes );
	return `${ sign }${ pad( Math.floor( abs / 60 ) ) }:${ pad( abs % 60 ) }`;
}

/**
 * Milliseconds of a wall-clock time, for comparing and shifting (treated as
 * if it were UTC; only differences matter).
 *
 * @param text `YYYY-MM-DDTHH:mm:ss`, possibly followed by a zone.
 * @return Milliseconds, or NaN.
 */
export function wallClockMs( text: string ): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec( text );
	if ( ! m ) {
		return NaN;
	}
	return Date.UTC(
		Number( m[ 1 ] ),
		Number( m[ 2 ] ) - 1,
		Number( m[ 3 ] ),
		Number( m[ 4 ] ),
		Number( m[ 5 ] ),
		Number( m[ 6 ] )
	);
}

/**
 * The wall-clock time of some milliseconds from `wallClockMs`.
 *
 * @param ms Milliseconds.
 * @return `YYYY-MM-DDTHH:mm:ss`.
 */
export function wallClockFromMs( ms: number ): string {
	const d = new Date( ms );
	return formatWallClock( {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds(),
	} );
}

const UNIT_MS: Record< string, number > = {
	second: 1000,
	minute: 60000,
	hour: 3600000,
	day: 86400000,
	week: 604800000,
	month: 30 * 86400000,
	year: 365 * 86400000,
};

const RELATIVE_UNITS: Array< [ RegExp, string ] > = [
	[
		/^(?:sec|second|seconds|secs|秒|秒钟|秒鐘|sekunde|sekunden|seconde|secondes|segundo|segundos|secondo|secondi)$/i,
		'second',
	],
	[
		/^(?:min|mins|minute|minutes|分|分钟|分鐘|minuten|minuto|minutos|minuti)$/i,
		'minute',
	],
	[
		/^(?:hr|hrs|hour|hours|小时|小時|時間|stunde|stunden|heure|heures|hora|horas|ora|ore)$/i,
		'hour',
	],
	[
		/^(?:day|days|天|日|tag|tagen|tage|jour|jours|día|días|dia|dias|giorno|giorni)$/i,
		'day',
	],
	[
		/^(?:week|weeks|周|週|woche|wochen|semaine|semaines|semana|semanas|settimana|settimane)$/i,
		'week',
	],
	[
		/^(?:month|months|个月|個月|月|monat|monaten|mois|mes|meses|mese|mesi)$/i,
		'month',
	],
	[
		/^(?:year|years|年|jahr|jahren|an|ans|año|años|ano|anos|anno|anni)$/i,
		'year',
	],
];

/**
 * Reads "5 seconds ago" (and its translations) into milliseconds.
 *
 * @param text The text.
 * @return How long ago, or null when the text is not relative.
 */
export function parseAgo( text: string ): number | null {
	const clean = cleanText( text ).toLowerCase();
	const patterns = [
		/(\d+)\s*([^\s\d]+?)\s*(?:ago|前|以前)/,
		/(?:vor|il y a|hace|há|fa)\s+(\d+)\s+(\S+)/,
		/(\d+)\s+(\S+)\s+fa\b/,
	];
	for ( const pattern of patterns ) {
		const match = pattern.exec( clean );
		if ( ! match ) {
			continue;
		}
		const unit = RELATIVE_UNITS.find( ( [ re ] ) => re.test( match[ 2 ] ) );
		if ( unit ) {
			return Number( match[ 1 ] ) * UNIT_MS[ unit[ 1 ] ];
		}
	}
	if ( /\b(?:just now|a moment ago)\b|刚才|剛才/.test( clean ) ) {
		return 0;
	}
	return null;
}

/**
 * Reads a comment's time, which Spaces sometimes printed relative to when
 * the page was saved (" - 5 seconds ago", " - Nov. 6", " - Sept. 27, 2008").
 * The result never falls before the post nor after the reference time.
 *
 * @param text      The comment's date text.
 * @param culture   The page's culture.
 * @param postDate  The post's date, local wall-clock, when known.
 * @param reference When the page was saved (or the archive made), when known.
 * @return `YYYY-MM-DDTHH:mm:ss`, or null when it cannot be placed.
 */
export function resolveCommentDate(
	text: string,
	culture: string | null,
	postDate: string | null,
	reference: string | null
): string | null {
	const clean = cleanText( text ).replace( /^[-–—:\s]+/, '' );
	if ( ! clean ) {
		return null;
	}
	const postMs = postDate ? wallClockMs( postDate ) : NaN;
	const refMs = reference ? wallClockMs( reference ) : NaN;
	const clamp = ( ms: number ): string => {
		let value = ms;
		if ( ! Number.isNaN( refMs ) && value > refMs ) {
			value = refMs;
		}
		if ( ! Number.isNaN( postMs ) && value < postMs ) {
			value = postMs;
		}
		return wallClockFromMs( value );
	};
	const ago = parseAgo( clean );
	if ( ago !== null ) {
		if ( Number.isNaN( refMs ) ) {
			return null;
		}
		return clamp( refMs - ago );
	}
	const parts = parseDateParts( clean, culture );
	if ( ! parts ) {
		return null;
	}
	if ( parts.year !== null ) {
		return clamp(
			wallClockMs( formatWallClock( { ...parts, year: parts.year } ) )
		);
	}
	const anchor = ! Number.isNaN( refMs ) ? refMs : postMs;
	if ( Number.isNaN( anchor ) ) {
		return null;
	}
	let year = new Date( anchor ).getUTCFullYear();
	const at = ( y: number ) =>
		wallClockMs( formatWallClock( { ...parts, year: y } ) );
	if ( ! Number.isNaN( refMs ) && at( year ) > refMs ) {
		year--;
	}
	if ( ! Number.isNaN( postMs ) && at( year ) < postMs ) {
		const next = at( year + 1 );
		if ( Number.isNaN( refMs ) || next <= refMs ) {
			year++;
		}
	}
	if ( Number.isNaN( at( year ) ) ) {
		return null;
	}
	return clamp( at( year ) );
}
