/**
 * @jest-environment node
 */

/**
 * Dates as Spaces printed them in each culture's style.
 */

/**
 * Internal dependencies
 */
import { parseDateParts, parseLocalDate } from '../local-date';

describe( 'dates by culture', () => {
	it.each( [
		[ '2007/4/20 1:29:58', 'zh-CN', '2007-04-20T01:29:58' ],
		[ '2007/1/3 23:55:16', 'zh-CN', '2007-01-03T23:55:16' ],
		[ '4/20/2007 1:29 PM', 'en-US', '2007-04-20T13:29:00' ],
		[ '4/20/2007 12:05 AM', 'en-US', '2007-04-20T00:05:00' ],
		[ '4/5/2007 12:05 PM', 'en-US', '2007-04-05T12:05:00' ],
		[ '20.04.2007 13:29', 'de-DE', '2007-04-20T13:29:00' ],
		[ '05.04.2007 13:29', 'de-DE', '2007-04-05T13:29:00' ],
		[ '20/04/2007 13:29', 'en-GB', '2007-04-20T13:29:00' ],
		[ '05/04/2007 13:29', 'fr-FR', '2007-04-05T13:29:00' ],
		[ '05/04/2007 13:29', 'en-GB', '2007-04-05T13:29:00' ],
		[ '2007/04/20 13:29', 'ja-JP', '2007-04-20T13:29:00' ],
		[ '2007年4月20日 下午 1:29', 'zh-CN', '2007-04-20T13:29:00' ],
		[ 'April 20, 2007 1:29 PM', 'en-US', '2007-04-20T13:29:00' ],
		[ 'Friday, April 20, 2007 1:29 PM', 'en-US', '2007-04-20T13:29:00' ],
		[ '20 April 2007 13:29', 'en-GB', '2007-04-20T13:29:00' ],
		[ 'Freitag, 20. April 2007 13:29', 'de-DE', '2007-04-20T13:29:00' ],
		[ '20 avril 2007 13:29', 'fr-FR', '2007-04-20T13:29:00' ],
		[ '20 de abril de 2007 13:29', 'es-ES', '2007-04-20T13:29:00' ],
		[ '1 décembre 2006', 'fr-FR', '2006-12-01T00:00:00' ],
		[ '2007-04-20 13:29:58', 'sv-SE', '2007-04-20T13:29:58' ],
		// Day-first or month-first is obvious when one part exceeds 12.
		[ '20/4/2007 13:29', 'en-US', '2007-04-20T13:29:00' ],
		[ '4/20/2007 13:29', 'en-GB', '2007-04-20T13:29:00' ],
		[ '4/20/07 1:29 PM', 'en-US', '2007-04-20T13:29:00' ],
	] )( '%s (%s)', ( text, culture, expected ) => {
		expect( parseLocalDate( text, culture ) ).toBe( expected );
	} );

	it.each( [
		[ 'Comments (3)' ],
		[ '31/02/2007 10:00' ],
		[ '' ],
		[ 'Permalink' ],
	] )( 'finds no date in “%s”', ( text ) => {
		expect( parseLocalDate( text, 'en-GB' ) ).toBeNull();
	} );

	it( 'reads a date printed without a year, and says it has none', () => {
		expect( parseDateParts( 'Nov. 6', 'en-US' ) ).toEqual( {
			year: null,
			month: 11,
			day: 6,
			hour: 0,
			minute: 0,
			second: 0,
			hasTime: false,
		} );
		expect( parseLocalDate( 'Nov. 6', 'en-US' ) ).toBeNull();
	} );
} );
