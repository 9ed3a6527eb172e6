/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { reportSummary } from '../summary';
import type { RunReport } from '../types';

function report( created = 0 ): RunReport {
	return {
		run: {
			id: 7,
			fingerprint: 'ab'.repeat( 32 ),
			name: 'space.zip',
			state: 'complete',
			created: '2026-11-21T14:00:00+00:00',
			totals: { posts: 5, comments: 4, media: 3 },
			limits: { postsPerRequest: 50 },
			...( created ? { counts: { posts: { created } } } : {} ),
		} as RunReport[ 'run' ],
		results: [
			{
				sourceId: 'a',
				postId: 1,
				status: 'created',
				comments: { created: 3 },
			},
			{
				sourceId: 'b',
				postId: 2,
				status: 'unchanged',
				comments: { created: 1 },
			},
			{ sourceId: 'c', postId: 3, status: 'updated' },
			{ sourceId: 'd', postId: 4, status: 'unchanged' },
			{ sourceId: 'e', postId: 0, status: 'failed', message: 'No.' },
		],
		media: [
			{ path: 'img/a.jpg', status: 'created' },
			{ path: 'img/b.jpg', status: 'existing' },
			{ path: 'img/c.jpg', status: 'failed', message: 'Too big.' },
		],
	};
}

describe( 'the report summary', () => {
	it( 'counts posts, comments and files by the site’s answers, with the failures', () => {
		const summary = reportSummary( report() );
		expect( summary ).toMatchObject( {
			posts: { created: 1, unchanged: 2, updated: 1, failed: 1 },
			created: 1,
			updated: 1,
			skipped: 2,
			comments: 4,
			media: { created: 1, existing: 1, failed: 1 },
			imagesCreated: 1,
			imagesExisting: 1,
		} );
		expect( summary.failed.map( ( result ) => result.sourceId ) ).toEqual( [
			'e',
		] );
		expect( summary.imagesFailed.map( ( file ) => file.path ) ).toEqual( [
			'img/c.jpg',
		] );
	} );

	it( 'counts as created what a resumed run created before the reload', () => {
		const summary = reportSummary( report( 2 ) );
		expect( summary.created ).toBe( 2 );
		expect( summary.skipped ).toBe( 1 );
	} );

	it( 'counts video files apart from images, and lists those not imported with their reason', () => {
		const withVideos = report();
		withVideos.media.push(
			{ path: 'video/beach.mp4', status: 'created' },
			{
				path: 'video/party.WMV',
				status: 'failed',
				message: 'This site does not accept video/x-ms-wmv files.',
			}
		);
		const summary = reportSummary( withVideos );
		expect( summary ).toMatchObject( {
			imagesCreated: 1,
			imagesExisting: 1,
			videosCreated: 1,
			videosExisting: 0,
		} );
		expect( summary.imagesFailed.map( ( file ) => file.path ) ).toEqual( [
			'img/c.jpg',
		] );
		expect( summary.videosFailed ).toEqual( [
			{
				path: 'video/party.WMV',
				status: 'failed',
				message: 'This site does not accept video/x-ms-wmv files.',
			},
		] );
	} );
} );
