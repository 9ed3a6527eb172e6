/**
 * Local wall-clock times, `YYYY-MM-DDTHH:mm:ss`: how the reader keeps the
 * dates Spaces printed (its pages carry no zone), and the arithmetic on
 * them (treated as if they were UTC; only differences matter).
 */

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/**
 * A number with leading zeros.
 *
 * @param n     The number.
 * @param width How many digits at least.
 * @return The digits.
 */
export function pad( n: number, width = 2 ): string {
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

/**
 * A file's time as the reader takes it: this machine's local wall-clock
 * time, as a zip holds it.
 *
 * @param time The time, or milliseconds since the epoch (`File.lastModified`).
 * @return `YYYY-MM-DDTHH:mm:ss`, or null when unknown.
 */
export function localWallClock(
	time: Date | number | undefined
): string | null {
	const date = typeof time === 'number' ? new Date( time ) : time;
	if ( ! date?.getTime() ) {
		return null;
	}
	return formatWallClock( {
		year: date.getFullYear(),
		month: date.getMonth() + 1,
		day: date.getDate(),
		hour: date.getHours(),
		minute: date.getMinutes(),
		second: date.getSeconds(),
	} );
}

/**
 * Tells whether parts make a time a blog could have been written at: a
 * real day of a year from 1990 to 2100, and a time of day.
 *
 * @param t The parts.
 * @return Whether they are valid.
 */
export function isValidWallClock( t: WallClock ): boolean {
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
