/**
 * Internal dependencies
 */
import { archiveOverview } from '../../../archive/stats';
import {
	model,
	overview,
	report,
	reportWithVideos,
	run,
} from '../../test/fixtures';
import { initialState } from '../reducer';
import {
	getArchiveCounts,
	getDateRange,
	getOverallPercent,
	getPreviousImport,
	getReportSummary,
	getUndoScope,
	getWarningGroups,
} from '../selectors';
import type { State } from '../types';

const withModel: State = { ...initialState, overview };

describe( 'selectors', () => {
	it( 'counts comments, images found and missing, and categories', () => {
		expect( getArchiveCounts( withModel ) ).toEqual( {
			posts: 2,
			drafts: 0,
			comments: 1,
			imagesFound: 1,
			imagesMissing: 1,
			categories: 2,
			videos: { found: 0, embeddable: 0, dead: 0, files: 0 },
		} );
	} );

	it( 'gives the first and last dates whatever the order of posts', () => {
		const reversed = {
			...initialState,
			overview: archiveOverview( {
				...model,
				posts: [ ...model.posts ].reverse(),
			} ),
		};
		expect( getDateRange( reversed ) ).toEqual( {
			first: '2007-01-03T23:55:16',
			last: '2008-05-01T10:00:00',
		} );
		expect( getDateRange( initialState ) ).toBeNull();
	} );

	it( 'groups warnings by kind, most frequent first, with their files', () => {
		expect( getWarningGroups( withModel ) ).toEqual( [
			{
				code: 'comments-missing',
				count: 2,
				files: [ 'entry.html', 'home.html' ],
			},
			{ code: 'mystery', count: 1, files: [] },
		] );
	} );

	it( 'says how much of the archive is here, and which run is unfinished', () => {
		expect( getPreviousImport( initialState ) ).toBeNull();
		const state: State = {
			...initialState,
			history: {
				status: 'ready',
				runs: [
					run( { id: 13, state: 'running', importedPosts: 1 } ),
					run( { id: 12, state: 'undone', importedPosts: 0 } ),
				],
			},
		};
		const previous = getPreviousImport( state );
		expect( previous?.importedPosts ).toBe( 1 );
		expect( previous?.unfinished?.id ).toBe( 13 );
		// Only undone runs, nothing left: never imported, as far as it shows.
		expect(
			getPreviousImport( {
				...initialState,
				history: {
					status: 'ready',
					runs: [ run( { state: 'undone', importedPosts: 0 } ) ],
				},
			} )
		).toBeNull();
	} );

	it( 'gives one percentage for every phase together', () => {
		const progress = {
			phase: 'posts' as const,
			media: { done: 10, total: 10, bytes: 0 },
			posts: { done: 29, total: 89 },
			finalize: { done: 0, total: 0 },
			rate: 1,
			secondsLeft: 60,
			paused: false,
		};
		expect(
			getOverallPercent( { ...initialState, importProgress: progress } )
		).toBe( 39 );
		expect(
			getOverallPercent( {
				...initialState,
				importProgress: { ...progress, phase: 'done' },
			} )
		).toBe( 100 );
		expect( getOverallPercent( initialState ) ).toBe( 0 );
	} );

	it( 'sums up the report and what undo removes', () => {
		const state = { ...initialState, report: report() };
		expect( getReportSummary( state ) ).toMatchObject( {
			created: 1,
			updated: 0,
			skipped: 0,
			comments: 1,
			imagesCreated: 1,
			imagesExisting: 0,
		} );
		expect( getReportSummary( state )?.failed ).toHaveLength( 1 );
		expect( getUndoScope( state ) ).toEqual( {
			posts: 1,
			comments: 1,
			images: 1,
			videos: 0,
			updated: 0,
		} );
		expect( getReportSummary( initialState ) ).toBeNull();
	} );

	it( 'counts the video files undo removes apart from the images', () => {
		const state = {
			...initialState,
			report: reportWithVideos( 'img/trip.mp4', 'img/party.avi' ),
		};
		expect( getUndoScope( state ) ).toMatchObject( {
			images: 1,
			videos: 2,
		} );
	} );
} );

describe( 'getReportSummary after a resumed run', () => {
	it( 'counts the posts the run created before the reload as imported, not as already here', () => {
		const resumed = report( {
			results: report().results.map( ( result ) => ( {
				...result,
				status: 'unchanged' as const,
			} ) ),
		} );
		resumed.run.counts = { posts: { created: 2 } };
		const summary = getReportSummary( {
			...initialState,
			report: resumed,
		} );
		expect( summary?.created ).toBe( 2 );
		expect( summary?.skipped ).toBe( 0 );
	} );
} );
