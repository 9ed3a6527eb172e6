/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { runImport } from '../../../../import/runner';
import { TransportError } from '../../../../import/transport';
import { openArchive, ReadFailure } from '../../../reader';
import { savedArchives } from '../../../saved-archives';
import {
	findListTable,
	FINGERPRINT,
	model,
	opened,
	report,
	resetStore,
	run,
} from '../../../test/fixtures';
import ImporterApp from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock( '../../../reader', () => ( {
	...jest.requireActual( '../../../reader' ),
	openArchive: jest.fn(),
} ) );
jest.mock( '../../../../import/runner', () => ( {
	...jest.requireActual( '../../../../import/runner' ),
	runImport: jest.fn(),
} ) );
jest.mock( '../../../saved-archives', () => ( {
	...jest.requireActual( '../../../saved-archives' ),
	saveArchive: jest.fn(),
	savedArchives: jest.fn(),
	forgetArchive: jest.fn(),
} ) );

const mockedOpen = openArchive as jest.MockedFunction< typeof openArchive >;
const mockedRun = runImport as jest.MockedFunction< typeof runImport >;
const mockedFetch = apiFetch as unknown as jest.Mock;
const close = jest.fn();

async function chooseArchive( name = 'space.zip' ) {
	const input = document.querySelector(
		'input[type="file"]'
	) as HTMLInputElement;
	await userEvent.upload(
		input,
		new File( [ 'zip' ], name, { type: 'application/zip' } )
	);
}

beforeEach( () => {
	jest.resetAllMocks();
	( savedArchives as jest.Mock ).mockResolvedValue( [] );
	mockedFetch.mockResolvedValue( [] );
	mockedOpen.mockResolvedValue( {
		...opened,
		fingerprint: FINGERPRINT,
		media: { read: jest.fn() },
		close,
	} );
	resetStore();
} );

describe( 'ImporterApp', () => {
	it( 'reads the chosen archive, previews it, imports it and links the new posts, moving focus to each step', async () => {
		mockedRun.mockResolvedValue( report() );
		const { unmount } = render( <ImporterApp /> );
		expect(
			screen.getByText( /space\.zip you downloaded/ )
		).toBeInTheDocument();

		await chooseArchive();
		const title = await screen.findByRole( 'heading', {
			name: '周树群的空间',
		} );
		await waitFor( () => expect( title ).toHaveFocus() );
		expect(
			screen.getByText( '2 posts, 1 comments found.' )
		).toBeInTheDocument();

		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Import' } )
		);
		expect( mockedRun.mock.calls[ 0 ][ 0 ].model ).toBe( model );
		const finished = await screen.findByRole( 'heading', {
			name: 'Import finished',
		} );
		await waitFor( () => expect( finished ).toHaveFocus() );
		expect(
			screen.getByText( '1 post imported, 0 already here, 1 failed.' )
		).toBeInTheDocument();
		// With a failure, the list of posts opens on it, with Retry.
		expect(
			within( await findListTable() ).getByRole( 'button', {
				name: 'Retry “Spring”',
			} )
		).toBeInTheDocument();
		// Leaving the screen stops the worker.
		unmount();
		expect( close ).toHaveBeenCalled();
	} );

	it( 'names the file and the problem when it cannot be read, and lets the owner choose again', async () => {
		mockedOpen.mockRejectedValue(
			new ReadFailure( 'not-zip', 'photos.rar', 'x' )
		);
		render( <ImporterApp /> );
		await chooseArchive( 'photos.rar' );
		// Shown in the notice, and announced to screen readers.
		const notice = await screen.findByText(
			/“photos\.rar” is not a zip archive/,
			{
				selector: '.components-notice__content',
			}
		);
		expect( notice ).toBeVisible();
		expect(
			document.getElementById( 'a11y-speak-assertive' )
		).toHaveTextContent( /photos\.rar/ );
		expect(
			screen.getByRole( 'button', { name: 'Choose files…' } )
		).toBeInTheDocument();
	} );

	it( 'keeps the archive and explains a lost connection, so Import can be pressed again', async () => {
		mockedRun.mockRejectedValue(
			new TransportError( 'Failed to fetch', 0, 'fetch_error' )
		);
		render( <ImporterApp /> );
		await chooseArchive();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Import' } )
		);
		expect(
			await screen.findByText( /could not be reached/, {
				selector: '.components-notice__content',
			} )
		).toBeVisible();
		await waitFor( () =>
			expect(
				screen.getByRole( 'button', { name: 'Import' } )
			).toBeEnabled()
		);
	} );

	it( 'asks before the tab is closed mid-run', async () => {
		let finish: ( value: ReturnType< typeof report > ) => void = () => {};
		mockedRun.mockReturnValue(
			new Promise( ( resolve ) => {
				finish = resolve;
			} )
		);
		render( <ImporterApp /> );
		await chooseArchive();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Import' } )
		);
		await screen.findByRole( 'heading', { name: /^Importing/ } );
		const event = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( event );
		expect( event.defaultPrevented ).toBe( true );
		finish( report() );
		await screen.findByRole( 'heading', { name: 'Import finished' } );
		const after = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( after );
		expect( after.defaultPrevented ).toBe( false );
	} );

	it( 'offers the unfinished import when the screen opens, and resumes it once the same archive is chosen', async () => {
		mockedFetch.mockImplementation( async ( { path } ) =>
			path.startsWith( '/spaces-importer/v1/runs' )
				? [ run( { state: 'running', importedPosts: 1 } ) ]
				: []
		);
		mockedRun.mockResolvedValue( report() );
		render( <ImporterApp /> );
		expect(
			await screen.findByText(
				/The import of “space\.zip” stopped before it finished: 1 of its 2 posts are on this site\. To bring in the rest, choose “space\.zip” again below/
			)
		).toBeInTheDocument();
		await chooseArchive();
		await screen.findByRole( 'heading', { name: 'Import finished' } );
		expect( mockedRun ).toHaveBeenCalled();
	} );
} );
