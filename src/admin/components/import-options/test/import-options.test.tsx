/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { runImport } from '../../../../import/runner';
import { store } from '../../../store';
import { report, resetStore, showPreview } from '../../../test/fixtures';
import ImportOptions from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock( '../../../../import/runner', () => ( {
	...jest.requireActual( '../../../../import/runner' ),
	runImport: jest.fn(),
} ) );
jest.mock( '../../../saved-archives', () => ( {
	saveArchive: jest.fn(),
	savedArchives: jest.fn().mockResolvedValue( [] ),
	forgetArchive: jest.fn(),
} ) );

beforeEach( () => {
	( apiFetch as unknown as jest.Mock ).mockImplementation(
		async ( { path }: { path: string } ) => {
			if ( path.startsWith( '/wp/v2/users' ) ) {
				return [
					{ id: 1, name: 'Admin' },
					{ id: 4, name: 'Zhou Shuqun' },
				];
			}
			if ( path.startsWith( '/wp/v2/categories' ) ) {
				return [
					{ id: 1, name: 'Uncategorized', parent: 0 },
					{ id: 6, name: 'From Spaces', parent: 0 },
				];
			}
			return [];
		}
	);
	resetStore();
	showPreview();
} );

describe( 'ImportOptions', () => {
	it( 'offers every choice with a default, and Import needs nothing more', async () => {
		( runImport as jest.Mock ).mockResolvedValue( report() );
		render( <ImportOptions /> );
		expect( screen.getByLabelText( 'Post status' ) ).toHaveValue(
			'publish'
		);
		expect(
			screen.getByRole( 'radio', { name: 'Keep them as categories' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'radio', { name: 'Import them, approved' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Copy the images into the media library',
			} )
		).toBeChecked();
		expect(
			screen.getByRole( 'radio', { name: 'Leave them as they are' } )
		).toBeChecked();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Import' } )
		);
		expect(
			( runImport as jest.Mock ).mock.calls[ 0 ][ 0 ].options
		).toEqual( select( store ).getOptions() );
	} );

	it( 'lists the site’s authors and categories and keeps the choices', async () => {
		render( <ImportOptions /> );
		const author = screen.getByLabelText( 'Author of the posts' );
		await screen.findByRole( 'option', { name: 'Zhou Shuqun' } );
		await userEvent.selectOptions( author, 'Zhou Shuqun' );
		await userEvent.selectOptions(
			screen.getByLabelText( 'Post status' ),
			'Draft'
		);
		await userEvent.click(
			screen.getByRole( 'radio', {
				name: 'Put every post in one category',
			} )
		);
		const category = await screen.findByLabelText( 'Category' );
		await screen.findByRole( 'option', { name: 'From Spaces' } );
		await userEvent.selectOptions( category, 'From Spaces' );
		await userEvent.click(
			screen.getByRole( 'radio', {
				name: 'Import them, held for moderation',
			} )
		);
		const images = screen.getByRole( 'checkbox', {
			name: 'Copy the images into the media library',
		} );
		await userEvent.click( images );
		// Without images there is no featured image to choose.
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Use each post’s first image as its featured image',
			} )
		).toBeDisabled();
		await userEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'End each post with a link to where it was on Spaces',
			} )
		);
		await userEvent.click(
			screen.getByRole( 'radio', {
				name: 'Update them from the archive',
			} )
		);
		expect( select( store ).getOptions() ).toEqual( {
			author: 4,
			status: 'draft',
			comments: 'pending',
			images: false,
			featuredImage: true,
			categories: { mode: 'single', category: 6 },
			originalPostBlock: true,
			existing: 'update',
		} );
	} );
} );
