/**
 * External dependencies
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { dispatch, select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { archiveOverview } from '../../../../archive/stats';
import { store } from '../../../store';
import {
	chosen,
	findListTable,
	FINGERPRINT,
	model,
	overview,
	post,
	resetStore,
	run,
	showPreview,
} from '../../../test/fixtures';
import ImportOptions from '../../import-options';
import ArchivePreview from '..';

beforeEach( () => {
	resetStore();
	showPreview();
} );

describe( 'ArchivePreview', () => {
	it( 'shows the blog, its counts, dates, its posts and warnings in plain words', async () => {
		render( <ArchivePreview /> );
		expect(
			screen.getByRole( 'heading', { name: '周树群的空间' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'zhoushuqun.spaces.live.com' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Chosen: space.zip' ) ).toBeInTheDocument();
		expect(
			screen.getByText( '2 posts, 1 comments found.' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Images: 1 in the archive, 1 missing from it.' )
		).toBeInTheDocument();
		expect( screen.getByText( '2 categories.' ) ).toBeInTheDocument();
		expect(
			screen.getByText( 'Written from January 3, 2007 to May 1, 2008.' )
		).toBeInTheDocument();
		const rows = within( await findListTable() ).getAllByRole( 'row' );
		// A heading row, then the posts in the archive's order.
		expect( rows ).toHaveLength( 3 );
		const first = within( rows[ 1 ] )
			.getAllByRole( 'cell' )
			.map( ( cell ) => cell.textContent );
		expect( first ).toEqual( [
			'新年快乐',
			// Dates are the blog's wall clock, never shifted.
			'January 3, 2007 11:55 pm',
			'生活',
			'1',
			'2 (1 missing)',
		] );
		expect( rows[ 2 ] ).toHaveTextContent( 'Spring' );
		expect( rows[ 2 ] ).toHaveTextContent( '生活, Travel' );
		// Two warnings of one kind read as one sentence; an unknown kind
		// keeps the reader's own words.
		expect(
			screen.getByText( /2 posts had comments on Spaces/ )
		).toBeInTheDocument();
		expect( screen.getByText( 'Something odd.' ) ).toBeInTheDocument();
		expect( screen.queryByText( /imported into this site before/ ) ).toBe(
			null
		);
	} );

	it( 'says which files or folder it was read from', () => {
		act( () => {
			dispatch( store ).readStarted(
				chosen( {
					kind: 'files',
					name: 'a.htm, b.mht, feed.rss',
					count: 3,
					sample: [ 'a.htm', 'b.mht', 'feed.rss' ],
				} )
			);
			dispatch( store ).readFinished( overview, FINGERPRINT );
		} );
		const { rerender } = render( <ArchivePreview /> );
		expect(
			screen.getByText( 'Chosen: 3 files: a.htm, b.mht, feed.rss' )
		).toBeInTheDocument();
		act( () => {
			dispatch( store ).readStarted(
				chosen( {
					kind: 'folder',
					name: 'My Blog',
					count: 1,
					sample: [ 'a.htm' ],
				} )
			);
			dispatch( store ).readFinished( overview, FINGERPRINT );
		} );
		rerender( <ArchivePreview /> );
		expect(
			screen.getByText( 'Chosen: Folder “My Blog” (1 file)' )
		).toBeInTheDocument();
	} );

	it( 'says when the archive was imported before and how much is here', () => {
		act( () => {
			dispatch( store ).historyReceived( [
				run( { importedPosts: 1 } ),
			] );
		} );
		render( <ArchivePreview /> );
		expect(
			screen.getByText(
				'This archive was imported into this site before, on November 21, 2026: 1 of its 2 posts are already here. Importing again adds only what is missing.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		// The notice is announced to screen readers too.
		expect(
			document.getElementById( 'a11y-speak-polite' )
		).toHaveTextContent( /imported into this site before/ );
	} );

	it( 'says when an import of it stopped before it finished', () => {
		act( () => {
			dispatch( store ).historyReceived( [
				run( { state: 'running', importedPosts: 1 } ),
			] );
		} );
		render( <ArchivePreview /> );
		expect(
			screen.getByText( /stopped before it finished: 1 of its 2 posts/, {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
	} );

	it( 'counts drafts from Windows Live Writer apart, and offers to import them as drafts or skip them', async () => {
		const [ first, second ] = model.posts;
		act( () => {
			dispatch( store ).readFinished(
				archiveOverview( {
					...model,
					posts: [
						first,
						second,
						{
							...second,
							sourceId: 'local!0123456789abcdef',
							title: 'Unfinished',
							comments: [],
							liveWriter: 'draft',
						},
					],
				} ),
				FINGERPRINT
			);
		} );
		render(
			<>
				<ArchivePreview />
				<ImportOptions />
			</>
		);
		expect(
			screen.getByText( '2 posts, 1 comments found.' )
		).toBeInTheDocument();
		expect(
			screen.getByText( '1 draft from Windows Live Writer.' )
		).toBeInTheDocument();
		const group = screen.getByRole( 'radiogroup', {
			name: 'Drafts from Windows Live Writer',
		} );
		expect(
			within( group ).getByRole( 'radio', {
				name: 'Import them as drafts',
			} )
		).toBeChecked();
		await userEvent.click(
			within( group ).getByRole( 'radio', { name: 'Skip them' } )
		);
		expect( select( store ).getOptions().liveWriterDrafts ).toBe( 'skip' );
	} );

	it( 'offers no drafts choice when there are none', () => {
		render( <ImportOptions /> );
		expect( screen.queryByText( 'Drafts from Windows Live Writer' ) ).toBe(
			null
		);
	} );

	describe( 'the list of posts', () => {
		/**
		 * Shows an archive of `count` posts, numbered from 1.
		 *
		 * @param count Posts.
		 */
		function showPosts( count: number ) {
			act( () => {
				dispatch( store ).readFinished(
					archiveOverview( {
						...model,
						posts: Array.from( { length: count }, ( _, index ) =>
							post( index + 1, {
								title:
									index === 29
										? 'Winter in Harbin'
										: `Post ${ index + 1 }`,
							} )
						),
					} ),
					FINGERPRINT
				);
			} );
		}

		const titles = () =>
			within( screen.getByRole( 'table' ) )
				.getAllByRole( 'row' )
				.slice( 1 )
				.map(
					( row ) =>
						within( row ).getAllByRole( 'cell' )[ 0 ].textContent
				);

		it( 'shows one page of a large archive and the next page on request', async () => {
			showPosts( 45 );
			render( <ArchivePreview /> );
			await findListTable();
			expect(
				screen.getByText( '45 posts, 0 comments found.' )
			).toBeInTheDocument();
			expect( titles() ).toEqual(
				Array.from( { length: 20 }, ( _, index ) =>
					index === 29 ? 'Winter in Harbin' : `Post ${ index + 1 }`
				)
			);
			await userEvent.click(
				screen.getByRole( 'button', { name: 'Next page' } )
			);
			expect( titles() ).toHaveLength( 20 );
			expect( titles()[ 0 ] ).toBe( 'Post 21' );
			expect( titles() ).toContain( 'Winter in Harbin' );
			await userEvent.click(
				screen.getByRole( 'button', { name: 'Next page' } )
			);
			expect( titles() ).toEqual( [
				'Post 41',
				'Post 42',
				'Post 43',
				'Post 44',
				'Post 45',
			] );
		} );

		it( 'finds a post by its title, whatever page it is on', async () => {
			showPosts( 45 );
			render( <ArchivePreview /> );
			await findListTable();
			expect( titles() ).not.toContain( 'Winter in Harbin' );
			await userEvent.type(
				screen.getByRole( 'searchbox', { name: 'Search by title' } ),
				'harbin'
			);
			// The search applies once typing pauses.
			await waitFor(
				() => expect( titles() ).toEqual( [ 'Winter in Harbin' ] ),
				{
					timeout: 20_000,
				}
			);
			await userEvent.clear(
				screen.getByRole( 'searchbox', { name: 'Search by title' } )
			);
			await userEvent.type(
				screen.getByRole( 'searchbox', { name: 'Search by title' } ),
				'no such post'
			);
			expect(
				await screen.findByText(
					'No post of the archive matches.',
					{},
					{ timeout: 20_000 }
				)
			).toBeInTheDocument();
		} );
	} );
} );
