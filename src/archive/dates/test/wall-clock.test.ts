/**
 * @jest-environment node
 */

/**
 * Local wall-clock times: formatted, checked, and shifted.
 */

/**
 * Internal dependencies
 */
import {
	formatWallClock,
	isValidWallClock,
	localWallClock,
	wallClockFromMs,
	wallClockMs,
} from '../wall-clock';

const HOUR = 3600000;

describe( 'wall-clock times', () => {
	it( 'formats with leading zeros', () => {
		expect(
			formatWallClock( {
				year: 2007,
				month: 4,
				day: 5,
				hour: 1,
				minute: 2,
				second: 3,
			} )
		).toBe( '2007-04-05T01:02:03' );
	} );

	it( 'shifts across days, months and a leap day', () => {
		expect(
			wallClockFromMs( wallClockMs( '2007-04-30T23:30:00' ) + HOUR )
		).toBe( '2007-05-01T00:30:00' );
		expect(
			wallClockFromMs( wallClockMs( '2008-03-01T00:00:00' ) - HOUR )
		).toBe( '2008-02-29T23:00:00' );
	} );

	it( 'reads a time followed by its zone as the wall-clock time', () => {
		expect( wallClockMs( '2007-04-20T13:29:58+08:00' ) ).toBe(
			wallClockMs( '2007-04-20T13:29:58' )
		);
	} );

	it( 'answers NaN for what is not a time', () => {
		expect( wallClockMs( '20.04.2007' ) ).toBeNaN();
	} );

	it.each( [
		[ 2008, 2, 29, true ],
		[ 2007, 2, 29, false ],
		[ 2007, 4, 31, false ],
		[ 2007, 13, 1, false ],
		[ 1989, 12, 31, false ],
		[ 2100, 12, 31, true ],
	] )( '%i-%i-%i is a valid date: %s', ( year, month, day, valid ) => {
		expect(
			isValidWallClock( {
				year,
				month,
				day,
				hour: 0,
				minute: 0,
				second: 0,
			} )
		).toBe( valid );
	} );

	it( 'gives a file’s time as this machine’s clock read it, or null when unknown', () => {
		// Built from local parts, so the test holds in any zone.
		const written = new Date( 2008, 4, 1, 9, 5, 7 );
		expect( localWallClock( written ) ).toBe( '2008-05-01T09:05:07' );
		expect( localWallClock( written.getTime() ) ).toBe(
			'2008-05-01T09:05:07'
		);
		expect( localWallClock( undefined ) ).toBeNull();
		expect( localWallClock( 0 ) ).toBeNull();
		expect( localWallClock( new Date( NaN ) ) ).toBeNull();
	} );
} );
