/**
 * Reading dates that carry their zone: an RSS `pubDate` (RFC 822) or an
 * ISO 8601 time, as feeds give them.
 */

/**
 * Internal dependencies
 */
import { cleanDateText, fullYear, monthFromWord } from './date-text';
import { formatWallClock, isValidWallClock, pad } from './wall-clock';

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
	const clean = cleanDateText( text );
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
		if ( ! isValidWallClock( t ) ) {
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
	if ( ! isValidWallClock( t ) ) {
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
