/**
 * External dependencies
 */
import { act, render, screen, within } from '@testing-library/react';
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
import { store } from '../../../store';
import {
	model,
	report,
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
		const failures = screen.getByRole( 'heading', {
			name: 'Posts not imported',
		} ).parentElement as HTMLElement;
		expect( failures ).toHaveTextContent(
			'Spring: The database was busy.'
		);
	} );

	it( 'tells what of a post the site left out', () => {
		const finished = report();
		finished.results[ 0 ].warnings = [
			'Not on the site, and you are not allowed to create categories: Travel.',
		];
		act( () => {
			dispatch( store ).importFinished( finished );
		} );
		render( <ImporterApp /> );
		const row = screen
			.getByRole( 'link', { name: '新年快乐' } )
			.closest( 'tr' ) as HTMLElement;
		expect( row ).toHaveTextContent(
			'ImportedNot on the site, and you are not allowed to create categories: Travel.'
		);
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
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Retry “Spring”' } )
		);
		expect(
			await screen.findByRole( 'link', { name: 'Spring' } )
		).toHaveAttribute( 'href', 'http://example.test/spring/' );
		expect(
			screen.getByText( '2 posts imported, 0 already here, 0 failed.' )
		).toBeInTheDocument();
		expect(
			document.getElementById( 'a11y-speak-polite' )
		).toHaveTextContent( '“Spring” is imported.' );
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
} );
