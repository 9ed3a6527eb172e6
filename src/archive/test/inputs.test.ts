/**
 * @jest-environment node
 */

/**
 * What an owner may choose besides a zip: one saved page, a page with its
 * `_files` folder, a feed, several files together, a zip with loose files,
 * and files of a kind the importer does not read.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive, readInputs, type ArchiveError } from '..';
import { encodeText } from '../../../tests/support/archive/encode';
import { generateArchive } from '../../../tests/support/archive/generate';
import {
	pageHtml,
	rssXml,
	type SamplePost,
} from '../../../tests/support/archive/markup';
import { generateWebArchive } from '../../../tests/support/archive/mht';
import { pngBytes } from '../../../tests/support/archive/png';

const generated = generateArchive( {
	posts: 6,
	comments: 10,
	images: 0,
	seed: 21,
} );
const { page } = generated;
const posts = generated.posts;
const savedPage = ( post: SamplePost ) =>
	encodeText( pageHtml( [ post ], page ), 'utf-8' );

async function failure( run: Promise< unknown > ): Promise< ArchiveError > {
	try {
		await run;
	} catch ( error ) {
		return error as ArchiveError;
	}
	throw new Error( 'It was read.' );
}

describe( 'files that are not zipped', () => {
	it( 'reads one saved page alone', async () => {
		const { model } = await readArchive(
			new Blob( [ new Uint8Array( savedPage( posts[ 0 ] ) ) ] ),
			'My entry.htm'
		);
		expect( model.name ).toBe( 'My entry.htm' );
		expect( model.posts.map( ( p ) => [ p.title, p.published ] ) ).toEqual(
			[ [ posts[ 0 ].title, posts[ 0 ].published ] ]
		);
		expect( model.posts[ 0 ].comments ).toHaveLength(
			posts[ 0 ].comments.length
		);
	} );

	it( 'reads a feed alone', async () => {
		const feed = encodeText( rssXml( posts, page, '-0800' ), 'utf-8' );
		const { model } = await readArchive( feed, 'feed.rss' );
		expect( model.posts.map( ( p ) => p.title ).sort() ).toEqual(
			posts.map( ( p ) => p.title ).sort()
		);
	} );

	describe( 'a page saved with its _files folder', () => {
		const photos = [
			pngBytes( 20, 10, [ 1, 2, 3 ] ),
			pngBytes( 21, 11, [ 4, 5, 6 ] ),
		];
		const post: SamplePost = {
			...posts[ 1 ],
			html:
				posts[ 1 ].html +
				'<p><img src="My%20Entry_files/photo.png"></p>' +
				'<p><img src="./My Entry_files/y1pAbC.jpg"></p>',
		};
		const html = savedPage( post );

		const resolve = async ( files: Array< [ string, Uint8Array ] > ) => {
			const reader = await readInputs(
				files.map( ( [ path, data ] ) => ( { path, data } ) ),
				'chosen'
			);
			const images = reader.model.posts[ 0 ].images;
			return {
				found: images.map( ( i ) => i.archivePath !== null ),
				bytes: await Promise.all(
					images.map( ( i ) =>
						reader.readMedia( i.archivePath ?? 'none' )
					)
				),
				missing: reader.model.warnings.filter(
					( w ) => w.code === 'image-missing'
				),
			};
		};
		const expected = { found: [ true, true ], bytes: photos, missing: [] };

		it( 'finds its images when the folder was chosen', async () => {
			expect(
				await resolve( [
					[ 'Saved/My Entry.htm', html ],
					[ 'Saved/My Entry_files/photo.png', photos[ 0 ] ],
					[ 'Saved/My Entry_files/y1pAbC.jpg', photos[ 1 ] ],
				] )
			).toEqual( expected );
		} );

		it( 'finds its images when the files were chosen together', async () => {
			expect(
				await resolve( [
					[ 'My Entry.htm', html ],
					[ 'photo.png', photos[ 0 ] ],
					[ 'y1pAbC.jpg', photos[ 1 ] ],
				] )
			).toEqual( expected );
		} );
	} );

	it( 'reads several pages, a web archive and a feed together as one', async () => {
		const mht = generateWebArchive( {
			posts: 2,
			comments: 2,
			images: 3,
			charset: 'windows-1252',
			seed: 4,
			host: 'other.spaces.live.com',
		} );
		const reader = await readInputs(
			[
				{ path: 'page1.htm', data: savedPage( posts[ 0 ] ) },
				{
					path: 'page2.htm',
					data: new Blob( [
						new Uint8Array( savedPage( posts[ 1 ] ) ),
					] ),
				},
				// The feed repeats a saved page's post: one post, not two.
				{
					path: 'feed.rss',
					data: encodeText(
						rssXml(
							[ posts[ 1 ], ...posts.slice( 2, 4 ) ],
							page,
							'-0800'
						),
						'utf-8'
					),
				},
				{ path: 'saved.mht', data: mht.bytes },
			],
			'4 files'
		);
		const titles = reader.model.posts.map( ( p ) => p.title ).sort();
		expect( titles ).toEqual(
			[
				...posts.slice( 0, 4 ).map( ( p ) => p.title ),
				...mht.posts.map( ( p ) => p.title ),
			].sort()
		);
		expect(
			reader.model.posts
				.flatMap( ( p ) => p.images )
				.filter( ( i ) => i.archivePath?.startsWith( 'saved.mht/' ) )
		).toHaveLength( 3 );
	} );

	it( 'reads a zip together with loose files', async () => {
		const zip = zipSync( {
			'space/a.html': savedPage( posts[ 2 ] ),
			'space/img/p.png': pngBytes( 5, 5, [ 9, 9, 9 ] ),
		} );
		const { model } = await readInputs(
			[
				{ path: 'space.zip', data: new Blob( [ zip ] ) },
				{ path: 'later.htm', data: savedPage( posts[ 3 ] ) },
			],
			'space.zip and later.htm'
		);
		expect( model.posts.map( ( p ) => p.title ).sort() ).toEqual(
			[ posts[ 2 ].title, posts[ 3 ].title ].sort()
		);
		expect( model.media.map( ( m ) => m.path ) ).toEqual( [
			'space.zip/space/img/p.png',
		] );
	} );
} );

describe( 'files of another kind, alone', () => {
	it.each( [
		[ 'report.pdf', strToU8( '%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj' ) ],
		[ 'setup.exe', new Uint8Array( [ 0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0 ] ) ],
		[ 'notes.txt', strToU8( 'Dear diary, today…' ) ],
	] )( 'refuses %s with a sentence naming it', async ( name, bytes ) => {
		const error = await failure( readArchive( bytes, name ) );
		expect( error.code ).toBe( 'not-archive' );
		expect( error.file ).toBe( name );
		expect( error.message ).toBe(
			`“${ name }” is not a Windows Live Spaces archive, saved page, web archive, feed or Windows Live Writer post.`
		);
	} );

	it( 'tells an archive of another format that it is no zip', async () => {
		const error = await failure(
			readArchive( strToU8( '7z\xbc\xaf\x27\x1c rest' ), 'photos.7z' )
		);
		expect( error.code ).toBe( 'not-zip' );
		expect( error.message ).toBe( '“photos.7z” is not a zip archive.' );
	} );

	it( 'reads a zip whose name says otherwise', async () => {
		const zip = zipSync( { 'a.html': savedPage( posts[ 4 ] ) } );
		const { model } = await readArchive( zip, 'download' );
		expect( model.posts.map( ( p ) => p.title ) ).toEqual( [
			posts[ 4 ].title,
		] );
	} );

	it( 'counts a file of another kind among several as one skipped', async () => {
		const { model } = await readInputs(
			[
				{ path: 'a.htm', data: savedPage( posts[ 5 ] ) },
				{ path: 'report.pdf', data: strToU8( '%PDF-1.4' ) },
			],
			'two files'
		);
		expect( model.posts ).toHaveLength( 1 );
	} );
} );
