/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import { openArchive } from '../../../reader';
import { FINGERPRINT, model, resetStore } from '../../../test/fixtures';
import ArchiveChooser from '..';

jest.mock( '../../../reader', () => ( {
	...jest.requireActual( '../../../reader' ),
	openArchive: jest.fn(),
} ) );
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn().mockResolvedValue( [] ),
} ) );

beforeEach( resetStore );

describe( 'ArchiveChooser', () => {
	it( 'says where an archive comes from and reads the file chosen', async () => {
		( openArchive as jest.Mock ).mockResolvedValue( {
			model,
			fingerprint: FINGERPRINT,
			media: { read: jest.fn() },
			close: jest.fn(),
		} );
		render( <ArchiveChooser /> );
		expect(
			screen.getByText( /space\.zip you downloaded/ )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				name: 'Choose your Spaces archive',
			} )
		).toBeInTheDocument();
		const button = screen.getByRole( 'button', {
			name: 'Choose archive…',
		} );
		// Reachable by keyboard: the first stop is the file button.
		await userEvent.tab();
		expect( button ).toHaveFocus();
		await userEvent.upload(
			document.querySelector( 'input[type="file"]' ) as HTMLInputElement,
			new File( [ 'zip' ], 'my space.zip' )
		);
		expect( ( openArchive as jest.Mock ).mock.calls[ 0 ][ 1 ] ).toBe(
			'my space.zip'
		);
	} );
} );
