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
import { store } from '../../../store';
import { chosen, resetStore } from '../../../test/fixtures';
import ReadingProgress from '..';

beforeEach( resetStore );

describe( 'ReadingProgress', () => {
	it( 'shows files read and posts found, and cancels', async () => {
		act( () => {
			dispatch( store ).readStarted( chosen() );
		} );
		render( <ReadingProgress /> );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Opening the archive…'
		);
		act( () => {
			dispatch( store ).readProgressed( {
				filesRead: 1200,
				filesTotal: 5000,
				postsFound: 1100,
			} );
		} );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'1,200 of 5,000 files read, 1,100 posts found.'
		);
		expect(
			screen.getByRole( 'progressbar', { name: 'Reading the archive' } )
		).toHaveAttribute( 'value', '24' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Cancel' } )
		);
		expect( select( store ).getStep() ).toBe( 'choose' );
	} );
} );
