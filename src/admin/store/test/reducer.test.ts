/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../../archive/model';
import reducer, { initialState } from '../reducer';
import { getCommentCount, getDateRange } from '../selectors';

const model: ArchiveModel = {
	name: 'space.zip',
	blog: { title: 'Blog', host: null, cid: 'A', culture: null },
	posts: [
		{
			sourceId: 'cns!A!2',
			number: 2,
			title: 'Second',
			html: '',
			published: '2008-05-01T10:00:00',
			dateSource: 'footer',
			categories: [],
			originalUrl: null,
			comments: [
				{ author: 'a', authorUrl: null, published: null, html: 'x' },
				{ author: 'b', authorUrl: null, published: null, html: 'y' },
			],
			declaredCommentCount: 2,
			images: [],
			links: [],
			files: [],
		},
		{
			sourceId: 'cns!A!1',
			number: 1,
			title: 'First',
			html: '',
			published: '2007-01-03T23:55:16',
			dateSource: 'footer',
			categories: [],
			originalUrl: null,
			comments: [],
			declaredCommentCount: null,
			images: [],
			links: [],
			files: [],
		},
	],
	media: [],
	warnings: [],
};

describe( 'reducer', () => {
	it( 'walks from reading to preview to importing to done', () => {
		let state = reducer( undefined, {
			type: 'READ_STARTED',
			fileName: 'space.zip',
		} );
		expect( state.step ).toBe( 'reading' );
		expect( state.fileName ).toBe( 'space.zip' );
		state = reducer( state, {
			type: 'READ_PROGRESSED',
			progress: { filesRead: 1, filesTotal: 3, postsFound: 15 },
		} );
		expect( state.readProgress?.postsFound ).toBe( 15 );
		state = reducer( state, { type: 'READ_FINISHED', model } );
		expect( state.step ).toBe( 'preview' );
		state = reducer( state, { type: 'IMPORT_STARTED' } );
		expect( state.step ).toBe( 'importing' );
		state = reducer( state, {
			type: 'IMPORT_FINISHED',
			report: { run: {} as any, results: [], media: [] },
		} );
		expect( state.step ).toBe( 'done' );
		expect( reducer( state, { type: 'RESET' } ) ).toEqual( initialState );
	} );

	it( 'goes back to choosing with the message when reading fails', () => {
		const reading = reducer( undefined, {
			type: 'READ_STARTED',
			fileName: 'x.rar',
		} );
		const state = reducer( reading, {
			type: 'READ_FAILED',
			error: 'Not a zip.',
		} );
		expect( state.step ).toBe( 'choose' );
		expect( state.error ).toBe( 'Not a zip.' );
	} );

	it( 'keeps the archive and goes back to the preview when the import fails, so Import resumes', () => {
		let state = reducer( undefined, { type: 'READ_FINISHED', model } );
		state = reducer( state, { type: 'IMPORT_STARTED' } );
		state = reducer( state, { type: 'IMPORT_FAILED', error: 'Offline.' } );
		expect( state.step ).toBe( 'preview' );
		expect( state.model ).toBe( model );
		expect( state.error ).toBe( 'Offline.' );
		// Starting again clears the old message.
		expect( reducer( state, { type: 'IMPORT_STARTED' } ).error ).toBeNull();
	} );
} );

describe( 'selectors', () => {
	const state = { ...initialState, model };
	it( 'counts comments across posts', () => {
		expect( getCommentCount( state ) ).toBe( 2 );
	} );
	it( 'gives the first and last dates whatever the order of posts', () => {
		expect( getDateRange( state ) ).toEqual( {
			first: '2007-01-03',
			last: '2008-05-01',
		} );
		expect( getDateRange( initialState ) ).toBeNull();
	} );
} );
