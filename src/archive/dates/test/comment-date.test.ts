/**
 * @jest-environment node
 */

/**
 * Comment dates placed between their post and when the page was saved.
 */

/**
 * Internal dependencies
 */
import { resolveCommentDate } from '../comment-date';

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
