/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { dispatch, select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { RunControl } from '../../../import/control';
import { runImport, undoRun } from '../../../import/runner';
import { chosenFile } from '../../choice';
import { openArchive } from '../../reader';
import {
	forgetArchive,
	saveArchive,
	savedArchives,
} from '../../saved-archives';
import {
	FINGERPRINT,
	model,
	opened,
	report,
	resetStore,
	run,
} from '../../test/fixtures';
import { store } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock( '../../reader', () => ( {
	...jest.requireActual( '../../reader' ),
	openArchive: jest.fn(),
} ) );
jest.mock( '../../../import/runner', () => ( {
	...jest.requireActual( '../../../import/runner' ),
	runImport: jest.fn(),
	undoRun: jest.fn(),
} ) );
jest.mock( '../../saved-archives', () => ( {
	...jest.requireActual( '../../saved-archives' ),
	saveArchive: jest.fn(),
	savedArchives: jest.fn(),
	forgetArchive: jest.fn(),
} ) );

const mockedFetch = apiFetch as unknown as jest.Mock;
const mockedOpen = openArchive as jest.MockedFunction< typeof openArchive >;
const mockedRun = runImport as jest.MockedFunction< typeof runImport >;
const mockedUndo = undoRun as jest.MockedFunction< typeof undoRun >;
const mockedSaved = savedArchives as jest.MockedFunction<
	typeof savedArchives
>;

const media = { read: jest.fn() };
const close = jest.fn();
const file = new File( [ 'zip' ], 'space.zip' );

/**
 * Chooses one archive file, as the screen's chooser does.
 *
 * @param chosen The file.
 */
function chooseFile( chosen: File ) {
	return dispatch( store ).choose( {
		kind: 'file',
		name: chosen.name,
		files: [ chosenFile( chosen ) ],
	} );
}
const folder = {
	kind: 'folder' as const,
	name: 'My Blog',
	files: [
		{
			path: 'My Blog/cns!2B070A76FD6627CE!975.entry',
			file: new File( [ '<html>' ], 'cns!2B070A76FD6627CE!975.entry' ),
			modified: '2007-01-04T10:00:00',
		},
		{
			path: 'My Blog/img/a.jpg',
			file: new File( [ 'jpeg' ], 'a.jpg' ),
			modified: null,
		},
		{
			path: 'My Blog/feed.rss',
			file: new File( [ '<rss>' ], 'feed.rss' ),
			modified: null,
		},
	],
};

beforeEach( () => {
	jest.resetAllMocks();
	mockedOpen.mockResolvedValue( {
		...opened,
		fingerprint: FINGERPRINT,
		media,
		close,
	} );
	mockedSaved.mockResolvedValue( [] );
	mockedFetch.mockResolvedValue( [] );
	resetStore();
} );

describe( 'choosing one file', () => {
	it( 'reads the archive in the worker, then asks the site about it', async () => {
		mockedFetch.mockResolvedValue( [ run() ] );
		await chooseFile( file );
		expect( mockedOpen.mock.calls[ 0 ][ 1 ] ).toBe( 'space.zip' );
		expect( select( store ).getStep() ).toBe( 'preview' );
		expect( select( store ).getFingerprint() ).toBe( FINGERPRINT );
		expect( mockedFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			`/spaces-importer/v1/runs?fingerprint=${ FINGERPRINT }`
		);
		expect( select( store ).getPreviousImport()?.importedPosts ).toBe( 2 );
	} );

	it( 'reads every file of a folder in one worker, named after the folder', async () => {
		await dispatch( store ).choose( folder );
		const [ files, name ] = mockedOpen.mock.calls[ 0 ];
		expect( name ).toBe( 'My Blog' );
		expect( files.map( ( f ) => f.path ) ).toEqual( [
			'My Blog/cns!2B070A76FD6627CE!975.entry',
			'My Blog/img/a.jpg',
			'My Blog/feed.rss',
		] );
		expect( files[ 1 ].file ).toBe( folder.files[ 1 ].file );
		expect( select( store ).getChosen() ).toEqual( {
			kind: 'folder',
			name: 'My Blog',
			count: 3,
			sample: [ 'cns!2B070A76FD6627CE!975.entry', 'a.jpg', 'feed.rss' ],
		} );
		expect( select( store ).getStep() ).toBe( 'preview' );
	} );

	it( 'does without the history when the site cannot tell', async () => {
		mockedFetch.mockRejectedValue( { code: 'rest_no_route' } );
		await chooseFile( file );
		expect( select( store ).getPreviousImport() ).toBeNull();
		expect( select( store ).getNotice() ).toBeNull();
		expect( select( store ).getStep() ).toBe( 'preview' );
	} );

	it( 'closes the worker when the owner starts over', async () => {
		await chooseFile( file );
		dispatch( store ).reset();
		expect( close ).toHaveBeenCalled();
		expect( select( store ).getStep() ).toBe( 'choose' );
	} );
} );

describe( 'startImport', () => {
	it( 'keeps the archive in the browser, runs the import with the worker’s files, and forgets the archive once done', async () => {
		mockedRun.mockImplementation( async ( { onProgress } ) => {
			onProgress?.( {
				phase: 'posts',
				media: { done: 1, total: 1, bytes: 10 },
				posts: { done: 1, total: 2 },
				finalize: { done: 0, total: 0 },
				rate: 2,
				secondsLeft: 1,
				paused: false,
			} );
			expect( select( store ).getStep() ).toBe( 'importing' );
			expect( select( store ).getOverallPercent() ).toBe( 50 );
			return report();
		} );
		await chooseFile( file );
		dispatch( store ).setOptions( { status: 'draft' } );
		await dispatch( store ).startImport();
		expect( saveArchive ).toHaveBeenCalledWith(
			expect.objectContaining( {
				fingerprint: FINGERPRINT,
				name: 'space.zip',
				kind: 'file',
				files: [
					expect.objectContaining( { path: 'space.zip', file } ),
				],
				options: expect.objectContaining( { status: 'draft' } ),
			} )
		);
		const args = mockedRun.mock.calls[ 0 ][ 0 ];
		expect( args.media ).toBe( media );
		expect( args.options?.status ).toBe( 'draft' );
		expect( select( store ).getStep() ).toBe( 'done' );
		expect( forgetArchive ).toHaveBeenCalledWith( FINGERPRINT );
		expect(
			document.getElementById( 'a11y-speak-polite' )
		).toHaveTextContent( /could not be imported/ );
	} );

	it( 'pauses, resumes and cancels through the run’s control', async () => {
		let control: RunControl | undefined;
		mockedRun.mockImplementation( async ( args ) => {
			control = args.control;
			// The run is under way: the store holds its control.
			dispatch( store ).pauseImport();
			expect( control?.paused ).toBe( true );
			dispatch( store ).resumeImport();
			expect( control?.paused ).toBe( false );
			dispatch( store ).cancelImport();
			await control?.gate();
			return report();
		} );
		await chooseFile( file );
		await dispatch( store ).startImport();
		expect( control?.cancelled ).toBe( true );
		expect( select( store ).getStep() ).toBe( 'preview' );
		expect( select( store ).getNotice() ).toMatchObject( {
			status: 'info',
			message: expect.stringMatching( /Import stopped/ ),
		} );
		// The archive stays kept: the run can still be resumed later.
		expect( forgetArchive ).not.toHaveBeenCalled();
	} );

	it( 'resumes the unfinished import at once when its archive is read again', async () => {
		mockedSaved.mockResolvedValue( [
			{
				fingerprint: FINGERPRINT,
				name: 'space.zip',
				options: { comments: 'pending' },
				file,
				savedAt: 1,
			},
		] );
		mockedFetch.mockResolvedValue( [
			run( { state: 'running', importedPosts: 1 } ),
		] );
		mockedRun.mockResolvedValue( report() );
		await dispatch( store ).loadUnfinished();
		expect( select( store ).getUnfinished() ).toMatchObject( {
			hasFile: true,
			importedPosts: 1,
			totalPosts: 2,
		} );
		await dispatch( store ).resumeUnfinished();
		// A record of an earlier version: one file, read as before.
		expect( mockedOpen.mock.calls[ 0 ][ 0 ] ).toEqual( [
			{ path: 'space.zip', file, modified: null },
		] );
		expect( mockedRun.mock.calls[ 0 ][ 0 ].options?.comments ).toBe(
			'pending'
		);
		expect( select( store ).getStep() ).toBe( 'done' );
		expect( select( store ).getUnfinished() ).toBeNull();
	} );
} );

describe( 'a folder’s import', () => {
	it( 'keeps every file with its path, and a reload resumes from them without choosing again', async () => {
		mockedRun.mockRejectedValueOnce( new Error( 'Offline.' ) );
		await dispatch( store ).choose( folder );
		await dispatch( store ).startImport();
		const kept = ( saveArchive as jest.Mock ).mock.calls[ 0 ][ 0 ];
		expect( kept ).toMatchObject( {
			fingerprint: FINGERPRINT,
			name: 'My Blog',
			kind: 'folder',
		} );
		expect( kept.files ).toEqual( folder.files );
		// Unfinished: the copy stays.
		expect( forgetArchive ).not.toHaveBeenCalled();

		// The page is loaded again.
		dispatch( store ).reset();
		mockedOpen.mockClear();
		mockedSaved.mockResolvedValue( [ kept ] );
		mockedFetch.mockResolvedValue( [
			run( { state: 'running', name: 'My Blog', importedPosts: 1 } ),
		] );
		mockedRun.mockResolvedValue( report() );
		await dispatch( store ).loadUnfinished();
		expect( select( store ).getUnfinished() ).toMatchObject( {
			name: 'My Blog',
			hasFile: true,
		} );
		await dispatch( store ).resumeUnfinished();
		const [ files, name ] = mockedOpen.mock.calls[ 0 ];
		expect( name ).toBe( 'My Blog' );
		expect( files ).toEqual( folder.files );
		expect( select( store ).getChosen()?.kind ).toBe( 'folder' );
		// The same set, the same fingerprint: the run goes on and finishes.
		expect( mockedRun ).toHaveBeenCalledTimes( 2 );
		expect( select( store ).getStep() ).toBe( 'done' );
		expect( forgetArchive ).toHaveBeenCalledWith( FINGERPRINT );
	} );

	it( 'asks for the folder again when only the note was kept', async () => {
		mockedSaved.mockResolvedValue( [
			{
				fingerprint: FINGERPRINT,
				name: 'My Blog',
				kind: 'folder',
				options: {},
				files: null,
				file: null,
				savedAt: 1,
			},
		] );
		mockedFetch.mockResolvedValue( [ run( { state: 'running' } ) ] );
		await dispatch( store ).loadUnfinished();
		expect( select( store ).getUnfinished() ).toMatchObject( {
			name: 'My Blog',
			hasFile: false,
		} );
		await dispatch( store ).resumeUnfinished();
		expect( mockedOpen ).not.toHaveBeenCalled();
	} );
} );

describe( 'loadUnfinished', () => {
	it( 'forgets a kept archive whose run has finished since', async () => {
		mockedSaved.mockResolvedValue( [
			{
				fingerprint: FINGERPRINT,
				name: 'space.zip',
				options: {},
				file,
				savedAt: 1,
			},
		] );
		mockedFetch.mockResolvedValue( [ run( { state: 'complete' } ) ] );
		await dispatch( store ).loadUnfinished();
		expect( forgetArchive ).toHaveBeenCalledWith( FINGERPRINT );
		expect( select( store ).getUnfinished() ).toBeNull();
	} );

	it( 'finds a running run on the site even without a kept archive', async () => {
		mockedFetch.mockResolvedValue( [
			run( { state: 'running', name: 'old.zip' } ),
		] );
		await dispatch( store ).loadUnfinished();
		expect( select( store ).getUnfinished() ).toMatchObject( {
			name: 'old.zip',
			hasFile: false,
		} );
	} );
} );

describe( 'retryPost and undoImport', () => {
	beforeEach( async () => {
		mockedRun.mockResolvedValue( report() );
		await chooseFile( file );
		await dispatch( store ).startImport();
	} );

	it( 'sends a failed post again within the same run, with its uploaded images', async () => {
		mockedFetch.mockResolvedValue( {
			results: [
				{
					sourceId: model.posts[ 1 ].sourceId,
					postId: 31,
					status: 'created',
					link: 'http://example.test/spring/',
				},
			],
		} );
		await dispatch( store ).retryPost( model.posts[ 1 ].sourceId );
		const request = mockedFetch.mock.calls.at( -1 )[ 0 ];
		expect( request.path ).toBe( '/spaces-importer/v1/runs/12/posts' );
		expect( request.data.posts[ 0 ].sourceId ).toBe(
			model.posts[ 1 ].sourceId
		);
		expect( select( store ).getReportSummary()?.failed ).toHaveLength( 0 );
		expect( select( store ).getReportSummary()?.created ).toBe( 2 );
	} );

	it( 'sends a failed post with more comments than one request takes in parts, as the import does', async () => {
		const sourceId = model.posts[ 1 ].sourceId;
		const comments = Array.from( { length: 5 }, ( _, n ) => ( {
			author: `Reader ${ n }`,
			authorUrl: null,
			published: '2008-05-02T10:00:00',
			html: `Comment ${ n }`,
		} ) );
		mockedOpen.mockResolvedValue( {
			...opened,
			model: () =>
				Promise.resolve( {
					...model,
					posts: [
						model.posts[ 0 ],
						{ ...model.posts[ 1 ], comments },
					],
				} ),
			fingerprint: FINGERPRINT,
			media,
			close,
		} );
		await chooseFile( file );
		mockedRun.mockResolvedValue(
			report( {
				run: run( {
					limits: { postsPerRequest: 50, maxCommentsPerRequest: 3 },
				} ),
			} )
		);
		await dispatch( store ).startImport();
		mockedFetch.mockImplementation( async ( { data } ) => ( {
			results: [
				{
					sourceId,
					postId: 31,
					status: 'created',
					link: 'http://example.test/spring/',
					comments: { created: data.posts[ 0 ].comments.length },
				},
			],
		} ) );
		const before = mockedFetch.mock.calls.length;
		await dispatch( store ).retryPost( sourceId );
		const sent = mockedFetch.mock.calls
			.slice( before )
			.map( ( [ request ] ) => request );
		expect( sent.map( ( request ) => request.path ) ).toEqual( [
			'/spaces-importer/v1/runs/12/posts',
			'/spaces-importer/v1/runs/12/posts',
			'/spaces-importer/v1/runs/12/posts',
		] );
		expect(
			sent.map( ( request ) => request.data.posts[ 0 ].comments.length )
		).toEqual( [ 2, 2, 1 ] );
		expect(
			select( store )
				.getReport()
				?.results.find( ( result ) => result.sourceId === sourceId )
		).toMatchObject( {
			status: 'created',
			title: 'Spring',
			comments: { created: 5 },
		} );
	} );

	it( 'explains a retry the site refused', async () => {
		mockedFetch.mockRejectedValue( {
			code: 'spaces_importer_run_undone',
			message: 'This import run was undone.',
			data: { status: 409 },
		} );
		await dispatch( store ).retryPost( model.posts[ 1 ].sourceId );
		expect( select( store ).getNotice()?.message ).toMatch(
			/This import run was undone\./
		);
		expect( select( store ).isRetrying( model.posts[ 1 ].sourceId ) ).toBe(
			false
		);
	} );

	it( 'undoes the run and forgets the archive', async () => {
		mockedUndo.mockImplementation( async ( transport, id, onProgress ) => {
			onProgress?.( 3 );
			expect( select( store ).getUndoRemaining() ).toBe( 3 );
			return run( { id, state: 'undone' } );
		} );
		await dispatch( store ).undoImport();
		expect( mockedUndo.mock.calls[ 0 ][ 1 ] ).toBe( 12 );
		expect( select( store ).getStep() ).toBe( 'undone' );
		expect( forgetArchive ).toHaveBeenCalledWith( FINGERPRINT );
	} );
} );
