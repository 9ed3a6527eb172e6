/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { archiveFingerprint } from '../../../import/fingerprint';
import {
	readArchive,
	type ArchiveModel,
	type ArchivePost,
} from '../../../archive';
import { generateArchive } from '../../../../tests/support/archive/generate';
import type { ReaderMessage, ReaderRequest, ReadInput } from '../messages';

// The worker's global scope: what it answers, and where requests arrive.
const scope: {
	onmessage: ( ( event: { data: ReaderRequest } ) => void ) | null;
	postMessage: jest.Mock;
} = { onmessage: null, postMessage: jest.fn() };

beforeAll( async () => {
	( globalThis as unknown as { self: typeof scope } ).self = scope;
	await import( '../reader.worker' );
} );

const archive = generateArchive( {
	cid: 'A1000000000000F1',
	posts: 6,
	comments: 9,
	images: 3,
	seed: 17,
} );

function ask(
	request: ReaderRequest,
	until: ReaderMessage[ 'type' ][]
): Promise< ReaderMessage > {
	scope.postMessage.mockReset();
	return new Promise( ( resolve ) => {
		scope.postMessage.mockImplementation( ( message: ReaderMessage ) => {
			if ( until.includes( message.type ) ) {
				resolve( message );
			}
		} );
		scope.onmessage?.( { data: request } );
	} );
}

/**
 * Asks the worker for the model, as the importer does, and puts its parts
 * together.
 *
 * @return The model, and the number of messages its posts came in.
 */
async function wholeModel(): Promise< {
	model: ArchiveModel;
	parts: number;
} > {
	await ask( { type: 'model' }, [ 'model' ] );
	const messages = scope.postMessage.mock.calls.map(
		( call ) => call[ 0 ] as ReaderMessage
	);
	const posts: ArchivePost[] = [];
	let parts = 0;
	for ( const message of messages ) {
		if ( message.type === 'model-posts' ) {
			posts.push( ...message.posts );
			parts++;
		} else if ( message.type === 'model' ) {
			return { model: { ...message.model, posts }, parts };
		}
	}
	throw new Error( 'No model.' );
}

function folder( name: string ): ReadInput[] {
	return Object.entries( archive.files ).map( ( [ path, bytes ] ) => ( {
		path: `${ name }/${ path }`,
		file: new Blob( [ bytes.slice() ] ),
		modified: null,
	} ) );
}

describe( 'the reader worker', () => {
	it( 'reads every file of a folder as one archive, and hands out its images by their paths', async () => {
		const done = await ask(
			{ type: 'read', files: folder( 'My Blog' ), name: 'My Blog' },
			[ 'done', 'error' ]
		);
		if ( done.type !== 'done' ) {
			throw new Error( JSON.stringify( done ) );
		}
		// The page gets what it shows: no bodies, no comments.
		expect( done.overview.name ).toBe( 'My Blog' );
		expect( done.overview.posts ).toHaveLength( 6 );
		expect( done.overview.stats.comments ).toBe( 9 );
		expect( JSON.stringify( done.overview ) ).not.toContain( '<p' );
		// The whole model when the importer asks, with the same fingerprint.
		const { model } = await wholeModel();
		expect( model.name ).toBe( 'My Blog' );
		expect(
			model.posts.reduce( ( n, p ) => n + p.comments.length, 0 )
		).toBe( 9 );
		expect( done.fingerprint ).toBe( archiveFingerprint( model ) );
		const image = model.media[ 0 ].path;
		expect( image ).toMatch( /^My Blog\/img\// );
		const media = await ask( { type: 'media', id: 7, path: image }, [
			'media',
			'media-error',
		] );
		expect( media.type ).toBe( 'media' );
		const expected = archive.files[ image.slice( 'My Blog/'.length ) ];
		expect(
			new Uint8Array( ( media as { bytes: ArrayBuffer } ).bytes )
		).toEqual( expected );
	} );

	it( 'reads one zip alone exactly as before, and the folder of its files gives the same fingerprint', async () => {
		const zip = zipSync( archive.files );
		const done = await ask(
			{
				type: 'read',
				files: [
					{
						path: 'space.zip',
						file: new Blob( [ zip.slice() ] ),
						modified: null,
					},
				],
				name: 'space.zip',
			},
			[ 'done', 'error' ]
		);
		if ( done.type !== 'done' ) {
			throw new Error( JSON.stringify( done ) );
		}
		const before = ( await readArchive( zip, 'space.zip' ) ).model;
		expect( ( await wholeModel() ).model ).toEqual( before );
		// The same posts read from the folder: the same archive to the site,
		// so “imported before” and resuming find it.
		const fromFolder = await ask(
			{ type: 'read', files: folder( 'Blog' ), name: 'Blog' },
			[ 'done', 'error' ]
		);
		expect( fromFolder.type === 'done' && fromFolder.fingerprint ).toBe(
			done.fingerprint
		);
	} );

	it( 'hands the importer the model in parts of a few hundred posts, so none blocks the page', async () => {
		const large = generateArchive( {
			cid: 'A1000000000000F2',
			posts: 450,
			comments: 0,
			images: 0,
			seed: 3,
		} );
		const done = await ask(
			{
				type: 'read',
				files: [
					{
						path: 'large.zip',
						file: new Blob( [ zipSync( large.files ) ] ),
						modified: null,
					},
				],
				name: 'large.zip',
			},
			[ 'done', 'error' ]
		);
		expect( done.type ).toBe( 'done' );
		const { model, parts } = await wholeModel();
		expect( model.posts ).toHaveLength( 450 );
		expect( parts ).toBe( 3 );
	}, 60_000 );

	it( 'names what was chosen when it holds no posts', async () => {
		const error = await ask(
			{
				type: 'read',
				files: [
					{
						path: 'notes.txt',
						file: new Blob( [ 'hello' ] ),
						modified: null,
					},
					{
						path: 'todo.txt',
						file: new Blob( [ 'world' ] ),
						modified: null,
					},
				],
				name: 'notes.txt, todo.txt',
			},
			[ 'done', 'error' ]
		);
		expect( error ).toMatchObject( {
			type: 'error',
			code: 'no-posts',
			file: 'notes.txt, todo.txt',
		} );
	} );
} );
