/**
 * @jest-environment node
 */

/**
 * Feed dates that carry their zone.
 */

/**
 * Internal dependencies
 */
import { parseZonedDate } from '../zoned-date';

describe( 'zoned dates', () => {
	it.each( [
		[ 'Fri, 20 Apr 2007 13:29:58 GMT', '2007-04-20T13:29:58Z' ],
		[ 'Fri, 20 Apr 2007 13:29:58 +0800', '2007-04-20T13:29:58+08:00' ],
		[ 'Fri, 20 Apr 2007 13:29:58 -0730', '2007-04-20T13:29:58-07:30' ],
		[ 'Fri, 20 Apr 2007 13:29:58 PST', '2007-04-20T13:29:58-08:00' ],
		[ '20 Apr 2007 13:29 Z', '2007-04-20T13:29:00Z' ],
		[ '2007-04-20T13:29:58+08:00', '2007-04-20T13:29:58+08:00' ],
		[ '2007-04-20T13:29:58Z', '2007-04-20T13:29:58Z' ],
	] )( '%s', ( text, expected ) => {
		expect( parseZonedDate( text ) ).toBe( expected );
	} );

	it.each( [
		[ 'Thu, 31 Feb 2007 13:29:58 GMT' ],
		[ 'Fri, 20 Foo 2007 13:29:58 GMT' ],
		[ '2007-13-20T13:29:58Z' ],
		[ 'yesterday' ],
	] )( 'finds no date in “%s”', ( text ) => {
		expect( parseZonedDate( text ) ).toBeNull();
	} );
} );
