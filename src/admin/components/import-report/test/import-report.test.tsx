/**
 * External dependencies
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { undoRun } from '../../../../import/runner';
import { archiveOverview } from '../../../../archive/stats';
import { store } from '../../../store';
import {
	findListTable,
	FINGERPRINT,
	model,
	post,
	report,
	reportWithVideos,
	resetStore,
	run,
	showPreview,
} from '../../../test/fixtures';
import ImporterApp from '../../importer-app';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock( '../../../../import/runner', () => ( {
	...jest.requireActual( '../../../../import/runner' ),
	undoRun: jest.fn(),
} ) );
jest.mock( '../../../saved-archives', () => ( {
	saveArchive: jest.fn(),
	savedArchives: jest.fn().mockResolvedValue( [] ),
	forgetArchive: jest.fn(),
} ) );

const mockedFetch = apiFetch as unknown as jest.Mock;

/**
 * Resets the list's filter by result, as its chip's Reset does.
 */
async function showEveryResult() {
	// The filter's chip has one, and the bar of filters another.
	await userEvent.click(
		screen.getAllByRole( 'button', { name: 'Reset' } )[ 0 ]
	);
}

/**
 * What each row of a list shows, cell by cell.
 *
 * @param table The list's table.
 * @return The rows' cells' texts, the heading row left out.
 */
function rowTexts( table: HTMLElement ): string[][] {
	return within( table )
		.getAllByRole( 'row' )
		.slice( 1 )
		.map( ( row ) =>
			within( row )
				.getAllByRole( 'cell' )
				.map( ( cell ) => cell.textContent ?? '' )
		);
}

/**
 * The lines listed under a heading of the report.
 *
 * @param heading The heading's text.
 * @return Each item's text.
 */
function itemsUnder( heading: string ): Array< string | null > {
	const section = screen.getByRole( 'heading', { name: heading } )
		.parentElement as HTMLElement;
	return within( section )
		.getAllByRole( 'listitem' )
		.map( ( item ) => item.textContent );
}

beforeEach( () => {
	mockedFetch.mockReset();
	mockedFetch.mockResolvedValue( [] );
	resetStore();
	showPreview();
	act( () => {
		dispatch( store ).importStarted();
		dispatch( store ).importFinished( report() );
	} );
} );

describe( 'ImportReport', () => {
	it( 'counts what was done, links the posts and Posts, and lists each failure with its reason', async () => {
		render( <ImporterApp /> );
		expect(
			screen.getByText( '1 post imported, 0 already here, 1 failed.' )
		).toBeInTheDocument();
		expect( screen.getByText( '1 comment imported.' ) ).toBeInTheDocument();
		expect(
			screen.getByText(
				'Images: 1 added to the media library, 0 already there, 0 failed.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', {
				name: 'See the imported posts in Posts',
			} )
		).toHaveAttribute( 'href', 'edit.php?spaces_importer_run=12' );
		// The list opens on what needs doing: the failure, with its reason.
		const table = await findListTable();
		expect( rowTexts( table ) ).toEqual( [
			[
				'Spring',
				'FailedRetry',
				'The database was busy.',
				'May 1, 2008 10:00 am',
			],
		] );
		expect(
			within( table ).queryByRole( 'link', { name: '新年快乐' } )
		).toBe( null );
		// Every post, once the filter is reset, with a link to the imported one.
		await showEveryResult();
		expect(
			within( table ).getByRole( 'link', { name: '新年快乐' } )
		).toHaveAttribute( 'href', 'http://example.test/2007/01/xin-nian/' );
		expect( rowTexts( table ).map( ( row ) => row[ 1 ] ) ).toEqual( [
			'Imported',
			'FailedRetry',
		] );
	} );

	it( 'counts video files apart from images and names those not imported, with the reason', async () => {
		const finished = report();
		finished.media = [
			...finished.media,
			{ path: 'space/video/beach.mp4', status: 'created' },
			{
				path: 'space/video/party.wmv',
				status: 'failed',
				message: 'This site does not accept video/x-ms-wmv files.',
			},
		];
		act( () => {
			dispatch( store ).importFinished( finished );
		} );
		render( <ImporterApp /> );
		expect(
			screen.getByText(
				'Images: 1 added to the media library, 0 already there, 0 failed.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Video files: 1 added to the media library, 0 already there, 1 not imported.'
			)
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'heading', { name: 'Images not imported' } )
		).toBeNull();
		expect( itemsUnder( 'Video files not imported' ) ).toEqual( [
			'space/video/party.wmv: This site does not accept video/x-ms-wmv files.',
		] );
		await findListTable();
	} );

	it( 'names the images not imported, with the reason or a word that none was given', async () => {
		const finished = report();
		finished.media = [
			...finished.media,
			{
				path: 'space/img/big.jpg',
				status: 'failed',
				message: 'This file is larger than this site accepts (2 MB).',
			},
			{ path: 'space/img/odd.png', status: 'failed' },
		];
		act( () => {
			dispatch( store ).importFinished( finished );
		} );
		render( <ImporterApp /> );
		expect( itemsUnder( 'Images not imported' ) ).toEqual( [
			'space/img/big.jpg: This file is larger than this site accepts (2 MB).',
			'space/img/odd.png: The site gave no reason.',
		] );
		expect(
			screen.queryByRole( 'heading', {
				name: 'Video files not imported',
			} )
		).toBeNull();
		await findListTable();
	} );

	it( 'tells what of a post the site left out', async () => {
		const finished = report();
		finished.results[ 0 ].warnings = [
			'Not on the site, and you are not allowed to create categories: Travel.',
		];
		finished.results = [ finished.results[ 0 ] ];
		act( () => {
			dispatch( store ).importFinished( finished );
		} );
		render( <ImporterApp /> );
		const table = await findListTable();
		expect( rowTexts( table ) ).toEqual( [
			[
				'新年快乐',
				'Imported',
				'Not on the site, and you are not allowed to create categories: Travel.',
				'January 3, 2007 11:55 pm',
			],
		] );
	} );

	it( 'retries a failed post and says so', async () => {
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
		render( <ImporterApp /> );
		await findListTable();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Retry “Spring”' } )
		);
		expect(
			await screen.findByText(
				'2 posts imported, 0 already here, 0 failed.'
			)
		).toBeInTheDocument();
		expect(
			document.getElementById( 'a11y-speak-polite' )
		).toHaveTextContent( '“Spring” is imported.' );
		// Imported, it leaves the list of failures; the keyboard goes on
		// from the list's heading.
		expect(
			screen.getByText( 'No post of this import matches.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Posts of the archive' } )
		).toHaveFocus();
		await showEveryResult();
		expect(
			within( await findListTable() ).getByRole( 'link', {
				name: 'Spring',
			} )
		).toHaveAttribute( 'href', 'http://example.test/spring/' );
	} );

	it( 'undoes the run only after a confirmation that states what goes', async () => {
		( undoRun as jest.Mock ).mockResolvedValue(
			run( { state: 'undone' } )
		);
		render( <ImporterApp /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Undo this import…' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Undo this import?',
		} );
		const removed = within( dialog ).getAllByRole( 'listitem' );
		expect( removed.map( ( item ) => item.textContent ) ).toEqual( [
			'1 post, moved to the trash',
			'1 comment',
			'1 image, from the media library and the uploads folder, unless another post uses it',
			'the categories and tags it created, once no post uses them',
		] );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Keep everything' } )
		);
		expect( undoRun ).not.toHaveBeenCalled();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Undo this import…' } )
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Undo the import' } )
		);
		expect(
			await screen.findByRole( 'heading', { name: 'Import undone' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( /The import of “space\.zip” was undone/, {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
	} );

	it( 'names the video files undo removes apart from the images', async () => {
		act( () => {
			dispatch( store ).importFinished(
				reportWithVideos( 'img/trip.mp4' )
			);
		} );
		render( <ImporterApp /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Undo this import…' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Undo this import?',
		} );
		expect(
			within( dialog )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent )
		).toEqual( [
			'1 post, moved to the trash',
			'1 comment',
			'1 image, from the media library and the uploads folder, unless another post uses it',
			'1 video file, from the media library and the uploads folder, unless another post uses it',
			'the categories and tags it created, once no post uses them',
		] );
	} );

	it( 'lists a large run one page at a time, finds a post by title and shows the failures on request', async () => {
		const posts = Array.from( { length: 45 }, ( _, index ) =>
			post( index + 1, {
				title:
					index === 33 ? 'Winter in Harbin' : `Post ${ index + 1 }`,
			} )
		);
		const failed = new Set( [ 5, 17, 40 ] );
		act( () => {
			dispatch( store ).readFinished(
				archiveOverview( { ...model, posts } ),
				FINGERPRINT
			);
			dispatch( store ).importStarted();
			dispatch( store ).importFinished(
				report( {
					results: posts.map( ( one, index ) =>
						failed.has( index + 1 )
							? {
									sourceId: one.sourceId,
									postId: 0,
									status: 'failed',
									message: 'The database was busy.',
									title: one.title,
								}
							: {
									sourceId: one.sourceId,
									postId: 100 + index,
									status:
										index < 10 ? 'unchanged' : 'created',
									link: `http://example.test/?p=${ 100 + index }`,
									title: one.title,
								}
					),
				} )
			);
		} );
		render( <ImporterApp /> );
		const table = await findListTable();
		const titles = () => rowTexts( table ).map( ( row ) => row[ 0 ] );
		// The failed filter shows the failed posts and nothing else.
		expect( titles() ).toEqual( [ 'Post 5', 'Post 17', 'Post 40' ] );
		expect(
			within( table ).getAllByRole( 'button', { name: /^Retry/ } )
		).toHaveLength( 3 );

		await showEveryResult();
		expect( titles() ).toEqual(
			Array.from( { length: 20 }, ( _, index ) => `Post ${ index + 1 }` )
		);
		expect( rowTexts( table )[ 0 ][ 1 ] ).toBe( 'Already here' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Next page' } )
		);
		expect( titles()[ 0 ] ).toBe( 'Post 21' );
		expect( titles() ).toContain( 'Winter in Harbin' );

		await userEvent.type(
			screen.getByRole( 'searchbox', { name: 'Search by title' } ),
			'harbin'
		);
		// The search applies once typing pauses.
		await waitFor(
			() => expect( titles() ).toEqual( [ 'Winter in Harbin' ] ),
			{ timeout: 20_000 }
		);
		expect(
			within( table ).getByRole( 'link', { name: 'Winter in Harbin' } )
		).toHaveAttribute( 'href', 'http://example.test/?p=133' );

		await userEvent.click(
			screen.getByRole( 'button', {
				name: 'Show the 3 posts that failed',
			} )
		);
		await waitFor( () =>
			expect( titles() ).toEqual( [ 'Post 5', 'Post 17', 'Post 40' ] )
		);
		expect(
			screen.queryByRole( 'button', {
				name: 'Show the 3 posts that failed',
			} )
		).toBe( null );
	} );
} );
