/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { describeChoice } from '../../../choice';
import { openArchive, type OpenArchive, type ReadInput } from '../../../reader';
import { store } from '../../../store';
import { FINGERPRINT, opened, resetStore } from '../../../test/fixtures';
import ReadingProgress from '../../reading-progress';
import ArchiveChooser from '..';

jest.mock( '../../../reader', () => ( {
	...jest.requireActual( '../../../reader' ),
	openArchive: jest.fn(),
} ) );
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn().mockResolvedValue( [] ),
} ) );

const mockedOpen = openArchive as jest.MockedFunction< typeof openArchive >;

beforeEach( () => {
	resetStore();
	mockedOpen.mockReset();
	mockedOpen.mockResolvedValue( {
		...opened,
		fingerprint: FINGERPRINT,
		media: { read: jest.fn() },
		close: jest.fn(),
	} );
} );

function fileInput(): HTMLInputElement {
	return document.querySelector(
		'input[type="file"]:not([webkitdirectory])'
	) as HTMLInputElement;
}

function folderInput(): HTMLInputElement {
	return document.querySelector(
		'input[type="file"][webkitdirectory]'
	) as HTMLInputElement;
}

/**
 * A file as the folder dialog gives it: with its path in the folder.
 *
 * @param path The path, the folder's name first.
 * @return The file.
 */
function fileInFolder( path: string ): File {
	const file = new File( [ path ], path.split( '/' ).pop() as string, {
		lastModified: new Date( 2010, 9, 31, 23, 5, 9 ).getTime(),
	} );
	Object.defineProperty( file, 'webkitRelativePath', { value: path } );
	return file;
}

/** What the worker was asked to read: the paths, and the name. */
function request(): { paths: string[]; name: string; files: ReadInput[] } {
	expect( mockedOpen ).toHaveBeenCalledTimes( 1 );
	const [ files, name ] = mockedOpen.mock.calls[ 0 ];
	return { paths: files.map( ( f ) => f.path ), name, files };
}

/** What the screen says was chosen. */
function chosenLine(): string {
	const chosen = select( store ).getChosen();
	return chosen ? describeChoice( chosen ) : '';
}

// Entries as `DataTransferItem.webkitGetAsEntry()` gives them.
type Tree = { [ name: string ]: string | Tree };

function fileEntry( fullPath: string, text: string ) {
	const name = fullPath.split( '/' ).pop() as string;
	return {
		isFile: true,
		isDirectory: false,
		name,
		fullPath,
		file: ( resolve: ( file: File ) => void ) =>
			setTimeout( () => resolve( new File( [ text ], name ) ), 0 ),
	};
}

function folderEntry( fullPath: string, tree: Tree ): unknown {
	const children = Object.entries( tree ).map( ( [ name, value ] ) =>
		typeof value === 'string'
			? fileEntry( `${ fullPath }/${ name }`, value )
			: folderEntry( `${ fullPath }/${ name }`, value )
	);
	return {
		isFile: false,
		isDirectory: true,
		name: fullPath.split( '/' ).pop(),
		fullPath,
		createReader() {
			// Two at a time, as Chromium hands out a hundred at a time.
			let next = 0;
			return {
				readEntries( resolve: ( entries: unknown[] ) => void ) {
					const batch = children.slice( next, next + 2 );
					next += batch.length;
					setTimeout( () => resolve( batch ), 0 );
				},
			};
		},
	};
}

function drop( entries: unknown[] ) {
	const zone = document.querySelector(
		'.components-drop-zone'
	) as HTMLElement;
	const items = entries.map( ( entry ) => ( {
		kind: 'file',
		type: '',
		getAsFile: () => null,
		webkitGetAsEntry: () => entry,
	} ) );
	fireEvent.drop( zone, {
		dataTransfer: {
			items,
			files: [],
			types: [ 'Files' ],
			getData: () => '',
		},
	} );
}

describe( 'ArchiveChooser', () => {
	it( 'says what it reads and reads the one zip chosen, as before', async () => {
		render( <ArchiveChooser /> );
		expect(
			screen.getByText( /space\.zip you downloaded/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( /pages you saved from your space/ )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				name: 'Choose your Spaces archive',
			} )
		).toBeInTheDocument();
		const button = screen.getByRole( 'button', {
			name: 'Choose files…',
		} );
		// Reachable by keyboard: the first stop is the file button, then
		// the folder button.
		await userEvent.tab();
		expect( button ).toHaveFocus();
		await userEvent.tab();
		expect(
			screen.getByRole( 'button', { name: 'Choose a folder…' } )
		).toHaveFocus();
		const zip = new File( [ 'zip' ], 'my space.zip' );
		await userEvent.upload( fileInput(), zip );
		const { paths, name, files } = request();
		expect( name ).toBe( 'my space.zip' );
		expect( paths ).toEqual( [ 'my space.zip' ] );
		expect( files[ 0 ].file ).toBe( zip );
		expect( chosenLine() ).toBe( 'my space.zip' );
	} );

	it( 'takes several files at once and reads them as one archive', async () => {
		render( <ArchiveChooser /> );
		expect( fileInput() ).toHaveAttribute( 'multiple' );
		expect( fileInput().accept.split( ',' ) ).toEqual(
			expect.arrayContaining( [
				'.zip',
				'.htm',
				'.html',
				'.mht',
				'.mhtml',
				'.rss',
				'.xml',
				'image/*',
			] )
		);
		await userEvent.upload( fileInput(), [
			new File( [ '<rss>' ], 'feed.rss' ),
			new File( [ '<html>' ], 'a.htm' ),
			new File( [ 'MIME' ], 'b.mht' ),
		] );
		const { paths, name } = request();
		expect( paths ).toEqual( [ 'a.htm', 'b.mht', 'feed.rss' ] );
		expect( name ).toBe( 'a.htm, b.mht, feed.rss' );
		expect( chosenLine() ).toBe( '3 files: a.htm, b.mht, feed.rss' );
	} );

	it( 'offers Windows Live Writer post files in the file dialog', async () => {
		render( <ArchiveChooser /> );
		expect( fileInput().accept.split( ',' ) ).toContain( '.wpost' );
		// The dialog's filter, as the browser applies it.
		await userEvent
			.setup( { applyAccept: true } )
			.upload( fileInput(), [
				new File( [ 'draft' ], 'Half written.wpost' ),
				new File( [ 'copy' ], 'Sent.wpost' ),
			] );
		const { paths } = request();
		expect( paths ).toEqual( [ 'Half written.wpost', 'Sent.wpost' ] );
	} );

	it( 'says how many more files there are when it cannot list them all', async () => {
		render( <ArchiveChooser /> );
		await userEvent.upload(
			fileInput(),
			[ 'e.htm', 'a.htm', 'd.htm', 'c.htm', 'b.htm' ].map(
				( name ) => new File( [ name ], name )
			)
		);
		expect( request().paths ).toHaveLength( 5 );
		expect( chosenLine() ).toBe(
			'5 files: a.htm, b.htm, c.htm and 2 more'
		);
	} );

	it( 'reads a whole folder chosen with the folder button, with the paths in it', async () => {
		render(
			<>
				<ArchiveChooser />
				<ReadingProgress />
			</>
		);
		await userEvent.upload( folderInput(), [
			fileInFolder( 'My Blog/img/a.jpg' ),
			fileInFolder( 'My Blog/cns!2B070A76FD6627CE!975.entry' ),
			fileInFolder( 'My Blog/feed.rss' ),
		] );
		const { paths, name, files } = request();
		expect( name ).toBe( 'My Blog' );
		expect( paths ).toEqual( [
			'My Blog/cns!2B070A76FD6627CE!975.entry',
			'My Blog/feed.rss',
			'My Blog/img/a.jpg',
		] );
		// The file's own time, as the reader takes a zip's.
		expect( files[ 0 ].modified ).toBe( '2010-10-31T23:05:09' );
		expect( chosenLine() ).toBe( 'Folder “My Blog” (3 files)' );
	} );

	it( 'reads a dropped folder, its subfolders walked, and says what was dropped while reading', async () => {
		let finish: ( archive: OpenArchive ) => void = () => undefined;
		mockedOpen.mockImplementation(
			() => new Promise( ( resolve ) => ( finish = resolve ) )
		);
		render(
			<>
				<ArchiveChooser />
				<ReadingProgress />
			</>
		);
		drop( [
			folderEntry( '/My Blog', {
				'cns%212B070A76FD6627CE%21975.html': '<html>',
				'feed.rss': '<rss>',
				archive: { '2007-01.htm': '<html>' },
				img: { 'a.jpg': 'jpeg', 'b.png': 'png', sub: { 'c.gif': 'g' } },
			} ),
		] );
		expect(
			await screen.findByText( 'Folder “My Blog” (6 files)' )
		).toBeInTheDocument();
		const { paths, name, files } = request();
		expect( name ).toBe( 'My Blog' );
		expect( paths ).toEqual( [
			'My Blog/archive/2007-01.htm',
			'My Blog/cns%212B070A76FD6627CE%21975.html',
			'My Blog/feed.rss',
			'My Blog/img/a.jpg',
			'My Blog/img/b.png',
			'My Blog/img/sub/c.gif',
		] );
		expect( ( files[ 3 ].file as File ).name ).toBe( 'a.jpg' );
		expect( files[ 3 ].file.size ).toBe( 4 );
		expect(
			screen.getByRole( 'heading', { name: 'Reading “My Blog”' } )
		).toBeInTheDocument();
		await act( async () =>
			finish( {
				...opened,
				fingerprint: FINGERPRINT,
				media: { read: jest.fn() },
				close: jest.fn(),
			} )
		);
	} );

	it( 'reads files dropped beside a folder together with it', async () => {
		render( <ArchiveChooser /> );
		drop( [
			fileEntry( '/space.zip', 'PK' ),
			folderEntry( '/saved', { 'x.htm': '<html>' } ),
		] );
		await waitFor( () => expect( mockedOpen ).toHaveBeenCalled() );
		const { paths } = request();
		expect( paths ).toEqual( [ 'saved/x.htm', 'space.zip' ] );
		expect( chosenLine() ).toBe( '2 files: x.htm, space.zip' );
	} );

	it( 'says so when a dropped folder is empty, and reads nothing', async () => {
		render( <ArchiveChooser /> );
		drop( [ folderEntry( '/Empty', {} ) ] );
		await waitFor( () =>
			expect( select( store ).getNotice()?.message ).toMatch(
				/No files were found/
			)
		);
		expect( mockedOpen ).not.toHaveBeenCalled();
	} );
} );
