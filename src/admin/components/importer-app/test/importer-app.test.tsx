/**
 * External dependencies
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../../../../archive/model';
import { runImport } from '../../../../import/runner';
import { TransportError } from '../../../../import/transport';
import { readInWorker, ReadFailure } from '../../../reader';
import { store } from '../../../store';
import ImporterApp from '..';

jest.mock( '../../../reader', () => ( {
	...jest.requireActual( '../../../reader' ),
	readInWorker: jest.fn(),
} ) );
jest.mock( '../../../../import/runner', () => ( {
	...jest.requireActual( '../../../../import/runner' ),
	runImport: jest.fn(),
} ) );

const mockedRead = readInWorker as jest.MockedFunction< typeof readInWorker >;
const mockedRun = runImport as jest.MockedFunction< typeof runImport >;

const model: ArchiveModel = {
	name: 'space.zip',
	blog: {
		title: '周树群的空间',
		host: 'zhoushuqun.spaces.live.com',
		cid: '2B070A76FD6627CE',
		culture: 'zh-CN',
	},
	posts: [
		{
			sourceId: 'cns!2B070A76FD6627CE!975',
			number: 975,
			title: '新年快乐',
			html: '<p>Hi</p>',
			published: '2007-01-03T23:55:16',
			dateSource: 'footer',
			categories: [ '生活' ],
			originalUrl: null,
			comments: [],
			declaredCommentCount: 3,
			images: [],
			links: [],
			files: [ 'entry.html' ],
		},
	],
	media: [],
	warnings: [
		{
			file: 'entry.html',
			code: 'comments-missing',
			message: 'Comments are missing from entry.html.',
		},
		{
			file: 'home.html',
			code: 'comments-missing',
			message: 'Comments are missing from home.html.',
		},
	],
};

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
	act( () => {
		dispatch( store ).reset();
	} );
} );

describe( 'ImporterApp', () => {
	it( 'reads the chosen archive, previews it, imports it and links the new posts', async () => {
		mockedRead.mockResolvedValue( model );
		mockedRun.mockResolvedValue( {
			run: {} as any,
			media: [],
			results: [
				{
					sourceId: 'cns!2B070A76FD6627CE!975',
					postId: 12,
					status: 'created',
					link: 'http://example.test/2007/01/xin-nian/',
					title: '新年快乐',
				},
			],
		} );
		render( <ImporterApp /> );
		expect(
			screen.getByText( /space\.zip you downloaded/ )
		).toBeInTheDocument();

		await chooseArchive();
		expect( mockedRead.mock.calls[ 0 ][ 0 ].name ).toBe( 'space.zip' );
		expect(
			await screen.findByRole( 'heading', { name: '周树群的空间' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( /1 post, 0 comments found/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( /from 2007-01-03 to 2007-01-03/ )
		).toBeInTheDocument();
		expect( screen.getByText( '2007-01-03 23:55:16' ) ).toBeInTheDocument();
		// Two warnings of one kind read as one line.
		expect(
			screen.getByText(
				/Comments are missing from entry\.html\. \(and 1 more like it\)/
			)
		).toBeInTheDocument();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Import' } )
		);
		expect( mockedRun.mock.calls[ 0 ][ 0 ].model ).toBe( model );
		const link = await screen.findByRole( 'link', { name: '新年快乐' } );
		expect( link ).toHaveAttribute(
			'href',
			'http://example.test/2007/01/xin-nian/'
		);
		expect(
			screen.getByText( '1 posts imported, 0 already here, 0 failed.' )
		).toBeInTheDocument();
	} );

	it( 'names the file and the problem when it cannot be read, and lets the owner choose again', async () => {
		mockedRead.mockRejectedValue(
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
			screen.getByRole( 'button', { name: 'Choose archive…' } )
		).toBeInTheDocument();
	} );

	it( 'keeps the archive and explains a lost connection, so Import can be pressed again', async () => {
		mockedRead.mockResolvedValue( model );
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
} );
