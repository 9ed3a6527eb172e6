/// <reference types="@wordpress/jest-console" />
/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import PostList, { tableView } from '..';

// The list's code as a lost network or a blocking host leaves it: loading
// it fails until `mockLoads` says otherwise.
let mockLoads = false;
jest.mock( '../data-views-list', () => {
	if ( ! mockLoads ) {
		throw new Error( 'Loading chunk post-list failed.' );
	}
	return {
		__esModule: true,
		default: function MockList( {
			data,
		}: {
			data: Array< { id: string } >;
		} ) {
			return <p>{ `${ data.length } rows` }</p>;
		},
	};
} );

describe( 'PostList', () => {
	it( 'says so when the list cannot be loaded, leaves the rest of the screen, and tries again', async () => {
		render(
			<>
				<h2>Preview</h2>
				<PostList< { id: string } >
					data={ [ { id: 'a' }, { id: 'b' } ] }
					fields={ [] }
					view={ tableView( [] ) }
					onChangeView={ () => undefined }
					empty="None."
				/>
			</>
		);
		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect( retry.closest( '.components-notice' ) ).toHaveTextContent(
			'The list of posts could not be loaded.'
		);
		expect(
			screen.getByRole( 'heading', { name: 'Preview' } )
		).toBeInTheDocument();

		mockLoads = true;
		await userEvent.click( retry );
		expect( await screen.findByText( '2 rows' ) ).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		// React reports the error it caught.
		expect( console ).toHaveErrored();
	} );
} );
