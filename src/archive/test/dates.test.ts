/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { parseLocalDate, parseZonedDate, resolveCommentDate } from '../dates';

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
} );

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
} );

describe( 'comment dates', () => {
	const post = '2008-09-20T10:00:00';
	const saved = '2008-11-10T12:00:00';

	it( 'reads full dates', () => {
		expect(
			resolveCommentDate( ' - Sept. 27, 2008', 'en-US', post, saved )
		).toBe( '2008-09-27T00:00:00' );
		expect(
			resolveCommentDate( ' - 9/27/2008 4:05 PM', 'en-US', post, saved )
		).toBe( '2008-09-27T16:05:00' );
	} );

	it( 'resolves times relative to when the page was saved', () => {
		expect(
			resolveCommentDate( ' - 5 seconds ago', 'en-US', post, saved )
		).toBe( '2008-11-10T11:59:55' );
		expect(
			resolveCommentDate( ' - 3 hours ago', 'en-US', post, saved )
		).toBe( '2008-11-10T09:00:00' );
		expect( resolveCommentDate( '2 天前', 'zh-CN', post, saved ) ).toBe(
			'2008-11-08T12:00:00'
		);
		expect(
			resolveCommentDate( 'vor 10 Minuten', 'de-DE', post, saved )
		).toBe( '2008-11-10T11:50:00' );
	} );

	it( 'gives dates without a year the year that keeps them in range', () => {
		expect( resolveCommentDate( ' - Nov. 6', 'en-US', post, saved ) ).toBe(
			'2008-11-06T00:00:00'
		);
		// Saved in January: "Dec. 30" was last year.
		expect(
			resolveCommentDate(
				' - Dec. 30',
				'en-US',
				'2008-12-01T00:00:00',
				'2009-01-05T00:00:00'
			)
		).toBe( '2008-12-30T00:00:00' );
	} );

	it( 'never invents a future date nor one before the post', () => {
		expect(
			resolveCommentDate( ' - 9/27/2030 4:05 PM', 'en-US', post, saved )
		).toBe( saved );
		expect(
			resolveCommentDate( ' - 400 days ago', 'en-US', post, saved )
		).toBe( post );
	} );

	it( 'leaves relative dates unplaced without a reference', () => {
		expect(
			resolveCommentDate( ' - 5 seconds ago', 'en-US', post, null )
		).toBeNull();
	} );
} );
