/**
 * External dependencies
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { dispatch, select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { forgetArchive } from '../../../saved-archives';
import { store } from '../../../store';
import { FINGERPRINT, resetStore } from '../../../test/fixtures';
import UnfinishedImport from '..';

jest.mock( '../../../saved-archives', () => ( {
	saveArchive: jest.fn(),
	savedArchives: jest.fn().mockResolvedValue( [] ),
	forgetArchive: jest.fn(),
} ) );

beforeEach( resetStore );

describe( 'UnfinishedImport', () => {
	it( 'offers to resume with the kept archive, or to leave it', async () => {
		act( () => {
			dispatch( store ).unfinishedFound( {
				fingerprint: FINGERPRINT,
				name: 'space.zip',
				options: {},
				hasFile: true,
				importedPosts: 1200,
				totalPosts: 4960,
			} );
		} );
		render( <UnfinishedImport /> );
		expect(
			screen.getByText(
				'The import of “space.zip” stopped before it finished: 1,200 of its 4,960 posts are on this site. Resume it to bring in the rest; nothing is imported twice.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Resume the import' } )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Leave it unfinished' } )
		);
		expect( select( store ).getUnfinished() ).toBeNull();
		expect( forgetArchive ).toHaveBeenCalledWith( FINGERPRINT );
	} );
} );
