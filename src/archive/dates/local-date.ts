/**
 * Reading dates as Spaces printed them, in the owner's locale (numeric,
 * CJK, or with month names; times with AM/PM words in several languages),
 * into local wall-clock times: Spaces pages carry no zone.
 */

/**
 * Internal dependencies
 */
import { cleanDateText, fullYear, monthFromWord } from './date-text';
import { formatWallClock, isValidWallClock } from './wall-clock';

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

const PM_WORDS = /(?:^|[^a-z])(p\.?\s?m\.?)(?![a-z])|下午|午後|오후|晚上/i;
const AM_WORDS = /(?:^|[^a-z])(a\.?\s?m\.?)(?![a-z])|上午|午前|오전|早上|凌晨/i;

interface DatePart {
	year: number | null;
	month: number;
	day: number;
	/** The text left once the date is taken out, where the time is. */
	rest: string;
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
	const clean = cleanDateText( text );
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
	if ( ! isValidWallClock( { ...parts, year: parts.year ?? 2000 } ) ) {
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
