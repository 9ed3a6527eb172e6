/**
 * @jest-environment node
 */

/**
 * Times printed relative to when the page was made, in several languages.
 */

/**
 * Internal dependencies
 */
import { parseAgo } from '../relative';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe( 'relative times', () => {
	it.each( [
		[ '5 seconds ago', 5 * SECOND ],
		[ ' - 3 hours ago', 3 * HOUR ],
		[ '2 weeks ago', 14 * DAY ],
		[ 'vor 10 Minuten', 10 * MINUTE ],
		[ 'il y a 3 jours', 3 * DAY ],
		[ 'hace 2 horas', 2 * HOUR ],
		[ 'há 4 dias', 4 * DAY ],
		[ '3 giorni fa', 3 * DAY ],
		[ '2 天前', 2 * DAY ],
		[ '15\u00a0分钟前', 15 * MINUTE ],
		[ '1 year ago', 365 * DAY ],
		[ 'just now', 0 ],
		[ '刚才', 0 ],
	] )( '“%s”', ( text, ms ) => {
		expect( parseAgo( text ) ).toBe( ms );
	} );

	it.each( [
		[ 'April 20, 2007 1:29 PM' ],
		[ '5 apples ago' ],
		[ 'Comments (3)' ],
		[ '' ],
	] )( 'finds no relative time in “%s”', ( text ) => {
		expect( parseAgo( text ) ).toBeNull();
	} );
} );
