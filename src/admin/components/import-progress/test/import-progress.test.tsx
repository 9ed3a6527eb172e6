/**
 * External dependencies
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ImportProgress as Progress } from '../../../../import/types';
import { store } from '../../../store';
import { session } from '../../../store/session';
import { resetStore, showPreview } from '../../../test/fixtures';
import { RunControl } from '../../../../import/control';
import ImportProgress from '..';

const progress: Progress = {
	phase: 'posts',
	media: { done: 40, total: 40, bytes: 100000 },
	posts: { done: 1200, total: 4960 },
	finalize: { done: 0, total: 0 },
	rate: 12.5,
	secondsLeft: 301,
	paused: false,
};

beforeEach( () => {
	resetStore();
	showPreview();
	dispatch( store ).importStarted();
} );

describe( 'ImportProgress', () => {
	it( 'shows one bar for the run and a line per phase, with rate and time left', () => {
		act( () => {
			dispatch( store ).importProgressed( progress );
		} );
		render( <ImportProgress /> );
		expect(
			screen.getByRole( 'progressbar', { name: 'Import progress' } )
		).toHaveAttribute( 'value', '24' );
		expect(
			screen.getByText( 'About 5 minutes left, at 13 items a second.' )
		).toBeInTheDocument();
		const phases = screen.getAllByRole( 'listitem' );
		expect( phases[ 0 ] ).toHaveTextContent( 'Images40 of 40Done' );
		expect( phases[ 1 ] ).toHaveTextContent(
			'Posts and comments1,200 of 4,960In progress'
		);
		expect( phases[ 2 ] ).toHaveTextContent( 'Links between postsWaiting' );
	} );

	it( 'pauses, resumes and cancels the run, keeping focus on the button', async () => {
		const control = new RunControl();
		session.control = control;
		control.subscribe( () =>
			dispatch( store ).importProgressed( {
				...progress,
				paused: control.paused,
			} )
		);
		render( <ImportProgress /> );
		const pause = screen.getByRole( 'button', { name: 'Pause' } );
		await userEvent.click( pause );
		expect( control.paused ).toBe( true );
		expect(
			screen.getByText( /Paused\. Nothing is sent until you resume\./ )
		).toBeInTheDocument();
		const resume = screen.getByRole( 'button', { name: 'Resume' } );
		expect( resume ).toHaveFocus();
		await userEvent.keyboard( '{Enter}' );
		expect( control.paused ).toBe( false );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Cancel' } )
		);
		expect( control.cancelled ).toBe( true );
		session.control = null;
	} );
} );
