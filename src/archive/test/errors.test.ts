/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';

async function failure( input: Uint8Array | Blob, name: string ) {
	try {
		await readArchive( input, name );
	} catch ( error ) {
		return error as ArchiveError;
	}
	throw new Error( 'The archive was read.' );
}

const PAGE = `<html web:culture="en-US"><body>
<div id="entrycns!1234567890ABCDEF!5" class="bvEntry" bv:cns="cns!1234567890ABCDEF!5">
<h4 id="subjcns!1234567890ABCDEF!5">Hello</h4>
<div id="msgcns!1234567890ABCDEF!5" class="bvMsg">Body</div>
<div class="footerLinks">4/20/2007 1:29 PM | <a id="blogComments0" href="#">Comments (0)</a></div>
</div></body></html>`;

describe( 'archives that cannot be read', () => {
	it( 'refuses a file that is not a zip', async () => {
		const error = await failure(
			strToU8( 'Rar!\u001a\u0007\u0000 not a zip at all, really' ),
			'photos.rar'
		);
		expect( error ).toBeInstanceOf( ArchiveError );
		expect( error.code ).toBe( 'not-zip' );
		expect( error.file ).toBe( 'photos.rar' );
		expect( error.message ).toBe( '“photos.rar” is not a zip archive.' );
	} );

	it( 'refuses an empty file', async () => {
		const error = await failure( new Uint8Array( 0 ), 'space.zip' );
		expect( error.code ).toBe( 'empty' );
	} );

	it( 'refuses an empty zip', async () => {
		const error = await failure( zipSync( {} ), 'space.zip' );
		expect( error.code ).toBe( 'empty' );
		expect( error.message ).toBe(
			'“space.zip” is empty: it holds no files.'
		);
	} );

	it( 'refuses a zip holding only system litter', async () => {
		const error = await failure(
			zipSync( {
				'Thumbs.db': strToU8( 'x' ),
				'__MACOSX/._a': strToU8( 'x' ),
			} ),
			'space.zip'
		);
		expect( error.code ).toBe( 'empty' );
	} );

	it( 'says what a zip without Spaces pages holds', async () => {
		const error = await failure(
			zipSync( {
				'notes.txt': strToU8( 'hello' ),
				'index.html': strToU8( '<html><body>My site</body></html>' ),
				'img/a.png': new Uint8Array( [
					0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0,
				] ),
			} ),
			'space.zip'
		);
		expect( error.code ).toBe( 'no-posts' );
		expect( error.message ).toBe(
			'“space.zip” holds no Windows Live Spaces blog posts: it has 3 files, none of them Spaces pages (1 image or media file, 1 web page without blog entries, 1 other file).'
		);
	} );

	it( 'refuses a truncated zip', async () => {
		const zip = zipSync( { 'a.html': strToU8( PAGE ) } );
		const error = await failure(
			zip.subarray( 0, zip.length - 30 ),
			'space.zip'
		);
		expect( error.code ).toBe( 'truncated' );
	} );

	it( 'reads a Blob the same as bytes', async () => {
		const zip = zipSync( { 'a.html': strToU8( PAGE ) } );
		const { model } = await readArchive( new Blob( [ zip ] ), 'space.zip' );
		expect( model.posts.map( ( p ) => [ p.title, p.published ] ) ).toEqual(
			[ [ 'Hello', '2007-04-20T13:29:00' ] ]
		);
	} );
} );
