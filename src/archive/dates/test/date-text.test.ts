/**
 * @jest-environment node
 */

/**
 * The words and spellings of printed dates.
 */

/**
 * Internal dependencies
 */
import { cleanDateText, fullYear, monthFromWord } from '../date-text';

describe( 'month names', () => {
	it.each( [
		[ 'April', 4 ],
		[ 'Sept.', 9 ],
		[ 'März', 3 ],
		[ 'Jänner', 1 ],
		[ 'déc', 12 ],
		[ 'agosto', 8 ],
		[ 'mrt', 3 ],
		[ 'okt', 10 ],
		[ 'desember', 12 ],
	] )( '%s is month %i', ( word, month ) => {
		expect( monthFromWord( word ) ).toBe( month );
	} );

	it( 'knows no month in other words', () => {
		expect( monthFromWord( 'Friday' ) ).toBeNull();
	} );
} );

describe( 'years and spaces', () => {
	it.each( [
		[ '07', 2007 ],
		[ '69', 2069 ],
		[ '99', 1999 ],
		[ '2007', 2007 ],
	] )( 'year “%s” is %i', ( text, year ) => {
		expect( fullYear( text ) ).toBe( year );
	} );

	it( 'makes every kind of space one plain space', () => {
		expect(
			cleanDateText( ' 2007年\u30004月\u00a020日 \u202f 下午 ' )
		).toBe( '2007年 4月 20日 下午' );
	} );
} );
