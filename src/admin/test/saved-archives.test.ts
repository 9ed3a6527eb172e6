/**
 * Internal dependencies
 */
import {
	forgetArchive,
	saveArchive,
	savedArchives,
	savedChoice,
} from '../saved-archives';

const files = [
	{
		path: 'My Blog/a.htm',
		file: new File( [ 'a' ], 'a.htm' ),
		modified: '2008-05-01T10:00:00',
	},
	{
		path: 'My Blog/img/b.jpg',
		file: new File( [ 'b' ], 'b.jpg' ),
		modified: null,
	},
];

describe( 'saved archives', () => {
	it( 'reads a kept folder again as the same folder, every file at its path', () => {
		expect(
			savedChoice( {
				fingerprint: 'f',
				name: 'My Blog',
				kind: 'folder',
				options: {},
				files,
				savedAt: 1,
			} )
		).toEqual( { kind: 'folder', name: 'My Blog', files } );
	} );

	it( 'reads the one zip an earlier version kept', () => {
		const zip = new File( [ 'PK' ], 'space.zip' );
		expect(
			savedChoice( {
				fingerprint: 'f',
				name: 'space.zip',
				options: {},
				file: zip,
				savedAt: 1,
			} )
		).toEqual( {
			kind: 'file',
			name: 'space.zip',
			files: [ { path: 'space.zip', file: zip, modified: null } ],
		} );
	} );

	it( 'keeps a note without the files where the browser cannot keep them, so the owner is asked for them', async () => {
		// No IndexedDB here, as in some private windows.
		expect( typeof indexedDB ).toBe( 'undefined' );
		const kept = await saveArchive( {
			fingerprint: 'f',
			name: 'My Blog',
			kind: 'folder',
			options: { status: 'draft' },
			files,
			savedAt: 5,
		} );
		expect( kept ).toBe( false );
		const [ note ] = await savedArchives();
		expect( note ).toMatchObject( {
			fingerprint: 'f',
			name: 'My Blog',
			kind: 'folder',
			options: { status: 'draft' },
		} );
		expect( savedChoice( note ) ).toBeNull();
		await forgetArchive( 'f' );
		expect( await savedArchives() ).toEqual( [] );
	} );
} );
