/**
 * Internal dependencies
 */
import {
	FINGERPRINT,
	chosen,
	model,
	overview,
	report,
} from '../../test/fixtures';
import reducer, { initialState } from '../reducer';

describe( 'reducer', () => {
	it( 'walks from reading to preview to importing to done', () => {
		let state = reducer( undefined, {
			type: 'READ_STARTED',
			chosen: chosen( {
				kind: 'folder',
				name: 'My Blog',
				count: 214,
				sample: [ 'a.htm', 'b.htm', 'c.htm' ],
			} ),
		} );
		expect( state.step ).toBe( 'reading' );
		expect( state.chosen ).toMatchObject( {
			kind: 'folder',
			name: 'My Blog',
			count: 214,
		} );
		state = reducer( state, {
			type: 'READ_PROGRESSED',
			progress: { filesRead: 1, filesTotal: 3, postsFound: 15 },
		} );
		expect( state.readProgress?.postsFound ).toBe( 15 );
		state = reducer( state, {
			type: 'READ_FINISHED',
			overview,
			fingerprint: FINGERPRINT,
		} );
		expect( state.step ).toBe( 'preview' );
		expect( state.fingerprint ).toBe( FINGERPRINT );
		state = reducer( state, { type: 'IMPORT_STARTED' } );
		expect( state.step ).toBe( 'importing' );
		state = reducer( state, { type: 'IMPORT_FINISHED', report: report() } );
		expect( state.step ).toBe( 'done' );
		expect( reducer( state, { type: 'RESET' } ) ).toEqual( initialState );
	} );

	it( 'goes back to choosing with the message when reading fails', () => {
		const reading = reducer( undefined, {
			type: 'READ_STARTED',
			chosen: chosen( { name: 'x.rar', sample: [ 'x.rar' ] } ),
		} );
		const state = reducer( reading, {
			type: 'READ_FAILED',
			error: 'Not a zip.',
		} );
		expect( state.step ).toBe( 'choose' );
		expect( state.chosen ).toBeNull();
		expect( state.notice ).toEqual( {
			status: 'error',
			message: 'Not a zip.',
		} );
	} );

	it( 'keeps the archive and goes back to the preview when the import fails or is cancelled, so Import resumes', () => {
		let state = reducer( undefined, {
			type: 'READ_FINISHED',
			overview,
			fingerprint: FINGERPRINT,
		} );
		state = reducer( state, { type: 'IMPORT_STARTED' } );
		state = reducer( state, { type: 'IMPORT_FAILED', error: 'Offline.' } );
		expect( state.step ).toBe( 'preview' );
		expect( state.overview ).toBe( overview );
		expect( state.notice?.message ).toBe( 'Offline.' );
		// Starting again clears the old message.
		state = reducer( state, { type: 'IMPORT_STARTED' } );
		expect( state.notice ).toBeNull();
		state = reducer( state, {
			type: 'IMPORT_CANCELLED',
			message: 'Stopped.',
		} );
		expect( state.step ).toBe( 'preview' );
		expect( state.notice ).toEqual( {
			status: 'info',
			message: 'Stopped.',
		} );
	} );

	it( 'merges option changes, categories included', () => {
		let state = reducer( undefined, {
			type: 'OPTIONS_CHANGED',
			options: { status: 'draft' },
		} );
		state = reducer( state, {
			type: 'OPTIONS_CHANGED',
			options: { categories: { mode: 'single', category: 3 } },
		} );
		expect( state.options.status ).toBe( 'draft' );
		expect( state.options.comments ).toBe( 'approved' );
		expect( state.options.categories ).toEqual( {
			mode: 'single',
			category: 3,
		} );
	} );

	it( 'replaces a retried post’s result and keeps its title', () => {
		let state = reducer( undefined, {
			type: 'IMPORT_FINISHED',
			report: report(),
		} );
		const sourceId = model.posts[ 1 ].sourceId;
		state = reducer( state, { type: 'RETRY_STARTED', sourceId } );
		expect( state.retrying ).toEqual( [ sourceId ] );
		state = reducer( state, {
			type: 'RETRY_FINISHED',
			result: { sourceId, postId: 9, status: 'created', link: 'x' },
		} );
		expect( state.retrying ).toEqual( [] );
		expect( state.report?.results[ 1 ] ).toMatchObject( {
			status: 'created',
			postId: 9,
			title: 'Spring',
		} );
	} );

	it( 'goes through undoing to undone, or back to the report when undo fails', () => {
		let state = reducer( undefined, {
			type: 'IMPORT_FINISHED',
			report: report(),
		} );
		state = reducer( state, { type: 'UNDO_STARTED' } );
		expect( state.step ).toBe( 'undoing' );
		state = reducer( state, { type: 'UNDO_PROGRESSED', remaining: 4 } );
		expect( state.undoRemaining ).toBe( 4 );
		expect(
			reducer( state, { type: 'UNDO_FAILED', error: 'No.' } ).step
		).toBe( 'done' );
		state = reducer( state, { type: 'UNDO_FINISHED', message: 'Undone.' } );
		expect( state.step ).toBe( 'undone' );
		expect( state.notice?.status ).toBe( 'success' );
	} );

	it( 'keeps the site’s users, categories and an unfinished import when starting over', () => {
		let state = reducer( undefined, {
			type: 'AUTHORS_RECEIVED',
			authors: [ { id: 1, name: 'Admin' } ],
		} );
		state = reducer( state, {
			type: 'UNFINISHED_FOUND',
			unfinished: {
				fingerprint: FINGERPRINT,
				name: 'space.zip',
				options: {},
				hasFile: true,
				importedPosts: 1,
				totalPosts: 2,
			},
		} );
		state = reducer( state, {
			type: 'READ_STARTED',
			chosen: chosen( { name: 'a.zip' } ),
		} );
		state = reducer( state, { type: 'RESET' } );
		expect( state.authors ).toHaveLength( 1 );
		expect( state.unfinished?.name ).toBe( 'space.zip' );
		expect(
			reducer( state, { type: 'UNFINISHED_CLEARED' } ).unfinished
		).toBeNull();
	} );
} );
