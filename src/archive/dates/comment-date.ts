/**
 * Placing a comment's date, which Spaces printed in full, without a year, or
 * relative to when the page was saved, between its post and that time.
 */

/**
 * Internal dependencies
 */
import { cleanDateText } from './date-text';
import { parseDateParts } from './local-date';
import { parseAgo } from './relative';
import { formatWallClock, wallClockFromMs, wallClockMs } from './wall-clock';

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
	const clean = cleanDateText( text ).replace( /^[-–—:\s]+/, '' );
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
