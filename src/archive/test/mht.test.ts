/**
 * @jest-environment node
 */

/**
 * Web archives (`.mht`): a page Internet Explorer saved as one file, read
 * alone, inside a zip, damaged.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive, readInputs } from '..';
import { decodeBase64, decodeQuotedPrintable, parseWebArchive } from '../mht';
import { encodeText } from '../../../tests/support/archive/encode';
import { printedPrecision } from '../../../tests/support/archive/markup';
import { generateWebArchive } from '../../../tests/support/archive/mht';

const text = ( bytes: Uint8Array ) => new TextDecoder().decode( bytes );

describe.each( [ 'utf-8', 'windows-1252' ] as const )(
	'an IE web archive in %s, alone',
	( charset ) => {
		const generated = generateWebArchive( {
			posts: 3,
			comments: 7,
			images: 9,
			charset,
			seed: 11,
		} );

		it( 'reads its posts, comments and dates', async () => {
			const { model } = await readArchive( generated.bytes, 'saved.mht' );
			expect( model.posts.map( ( p ) => p.title ) ).toEqual(
				generated.posts.map( ( p ) => p.title )
			);
			for ( const [ i, post ] of model.posts.entries() ) {
				const sample = generated.posts[ i ];
				expect( post.sourceId ).toBe(
					`cns!${ sample.cid }!${ sample.number }`
				);
				expect( post.published ).toBe( sample.published );
				expect(
					post.comments.map( ( c ) => [ c.author, c.published ] )
				).toEqual(
					sample.comments.map( ( c ) => [
						c.author,
						printedPrecision( c.published, 'en-US' ),
					] )
				);
			}
			expect(
				model.posts.reduce( ( n, p ) => n + p.comments.length, 0 )
			).toBe( 7 );
			expect( model.warnings ).toEqual( [] );
		} );

		it( 'keeps characters beyond ASCII as written', async () => {
			const { model } = await readArchive( generated.bytes, 'saved.mht' );
			expect( model.blog.title ).toBe(
				charset === 'utf-8'
					? 'Notes & Photos — 日记'
					: 'Notes & Photos — café'
			);
			const body = model.posts.map( ( p ) => p.title ).join( ' ' );
			expect( body ).not.toMatch( /[\ufffd]|Ã|â€/ );
		} );

		it( 'finds every image among its parts, by address, relative name or cid', async () => {
			const reader = await readArchive( generated.bytes, 'saved.mht' );
			const images = reader.model.posts.flatMap( ( p ) => p.images );
			expect( images ).toHaveLength( 9 );
			expect( reader.model.media ).toHaveLength( 9 );
			for ( const image of images ) {
				expect( image.archivePath ).toMatch( /^saved\.mht\// );
			}
			// Each reference leads to the very bytes of its own picture.
			for ( const sample of generated.images ) {
				const found = images.find(
					( image ) =>
						image.reference === sample.reference ||
						( sample.kind === 'cid' &&
							image.alt ===
								`Photo ${ generated.images.indexOf( sample ) }` )
				);
				expect( found?.archivePath ).toBeTruthy();
				expect(
					await reader.readMedia( found?.archivePath as string )
				).toEqual( sample.bytes );
			}
			// A storage image is kept under its original address.
			const storage = generated.images.find(
				( i ) => i.kind === 'storage'
			);
			expect(
				images.find( ( i ) => i.reference === storage?.reference )
					?.archivePath
			).toBe(
				'saved.mht/blufiles.storage.msn.com/y1pQx0Tz-ab_Kd1000/photo 0.png'
			);
			// Storage images keep their original address as the reference.
			expect(
				images.filter( ( i ) =>
					i.reference.startsWith( 'http://blufiles.storage.msn.com/' )
				)
			).toHaveLength( 3 );
		} );
	}
);

describe( 'the MIME parser', () => {
	it( 'decodes quoted-printable soft line breaks and escapes', () => {
		expect(
			text(
				decodeQuotedPrintable(
					strToU8( 'class=3D"a"=\r\n b=3d=\nc caf=C3=A9 =ZZ 100%=' )
				)
			)
		).toBe( 'class="a" b=c café =ZZ 100%' );
	} );

	it( 'decodes base64 over lines and tells when it is cut off', () => {
		expect( text( decodeBase64( strToU8( 'aGVs\r\nbG8=' ) ).bytes ) ).toBe(
			'hello'
		);
		expect( decodeBase64( strToU8( 'aGVsbG8=' ) ).truncated ).toBe( false );
		expect( decodeBase64( strToU8( 'aGVsbG8gd29y' ) ).truncated ).toBe(
			false
		);
		expect( decodeBase64( strToU8( 'aGVsbG8gd29' ) ).truncated ).toBe(
			true
		);
	} );

	it( 'reads unquoted boundaries, folded headers and LF line ends', () => {
		const mht = strToU8(
			[
				'MIME-Version: 1.0',
				'Content-Type: multipart/related;',
				'  boundary=abc123;',
				'\ttype=text/html',
				'',
				'--abc123',
				'Content-Type: text/html;',
				' charset=UTF-8',
				'Content-Location: http://x.spaces.live.com/',
				'',
				'<p>page</p>',
				'--abc1234 is not a boundary',
				'--abc123',
				'Content-Type: image/gif',
				'Content-Transfer-Encoding: base64',
				'Content-ID: <img1@x>',
				'',
				'R0lGODlhAQABAAAAACw=',
				'--abc123--',
				'',
			].join( '\n' )
		);
		const archive = parseWebArchive( mht );
		expect( archive?.problems ).toEqual( [] );
		expect(
			archive?.parts.map( ( p ) => [
				p.type,
				p.charset,
				p.location,
				p.contentId,
			] )
		).toEqual( [
			[ 'text/html', 'utf-8', 'http://x.spaces.live.com/', null ],
			[ 'image/gif', null, null, 'img1@x' ],
		] );
		expect(
			text(
				mht.subarray(
					archive?.parts[ 0 ].start,
					archive?.parts[ 0 ].end
				)
			)
		).toBe( '<p>page</p>\n--abc1234 is not a boundary' );
	} );

	it( 'leaves a file that is no MIME message alone', () => {
		expect( parseWebArchive( strToU8( '<html></html>' ) ) ).toBeNull();
	} );
} );

describe( 'web archives in other shapes', () => {
	it( 'reads LF line ends and an unquoted boundary', async () => {
		const generated = generateWebArchive( {
			posts: 1,
			comments: 2,
			images: 3,
			charset: 'utf-8',
			newline: '\n',
			unquotedBoundary: true,
		} );
		const { model } = await readArchive( generated.bytes, 'Entry.mhtml' );
		expect( model.posts.map( ( p ) => p.title ) ).toEqual( [
			generated.posts[ 0 ].title,
		] );
		expect(
			model.posts[ 0 ].images.map( ( i ) => i.archivePath !== null )
		).toEqual( [ true, true, true ] );
	} );

	it( 'takes the encoding from the page when its part names none', async () => {
		const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>
<div id="entrycns!1234567890ABCDEF!5" class="bvEntry" bv:cns="cns!1234567890ABCDEF!5">
<h4 id="subjcns!1234567890ABCDEF!5">Caf\u00e9 \u201cnoir\u201d</h4>
<div id="msgcns!1234567890ABCDEF!5" class="bvMsg">Body</div>
<div class="footerLinks">4/20/2007 1:29 PM</div></div></body></html>`;
		const page = encodeText( html, 'windows-1252' );
		const mht = new Uint8Array( [
			...strToU8(
				'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
			),
			...page,
			...strToU8( '\r\n--b--\r\n' ),
		] );
		const { model } = await readArchive( mht, 'saved.mht' );
		expect( model.posts[ 0 ].title ).toBe( 'Café “noir”' );
	} );

	it( 'trusts its part’s charset over the page’s own declaration', async () => {
		// IE kept the page's original declaration but wrote it as UTF-8.
		const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>
<div id="entrycns!1234567890ABCDEF!5" class="bvEntry" bv:cns="cns!1234567890ABCDEF!5">
<h4 id="subjcns!1234567890ABCDEF!5">Zürich 照片</h4>
<div id="msgcns!1234567890ABCDEF!5" class="bvMsg">Body</div>
<div class="footerLinks">4/20/2007 1:29 PM</div></div></body></html>`;
		const mht = strToU8(
			`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${ html }\r\n--b--\r\n`
		);
		const { model } = await readArchive( mht, 'saved.mht' );
		expect( model.posts[ 0 ].title ).toBe( 'Zürich 照片' );
	} );

	it( 'is read inside a zip, next to other pages', async () => {
		const generated = generateWebArchive( {
			posts: 2,
			comments: 1,
			images: 3,
			charset: 'utf-8',
		} );
		const zip = zipSync( { 'saves/Blog.mht': generated.bytes } );
		const { model } = await readArchive( zip, 'pages.zip' );
		expect( model.posts ).toHaveLength( 2 );
		expect(
			model.posts
				.flatMap( ( p ) => p.images )
				.every( ( i ) =>
					i.archivePath?.startsWith( 'saves/Blog.mht/' )
				)
		).toBe( true );
	} );

	it( 'is recognized by its content when its name lost the extension', async () => {
		const generated = generateWebArchive( {
			posts: 1,
			comments: 0,
			images: 1,
			charset: 'utf-8',
		} );
		const { model } = await readInputs(
			[
				{
					path: 'saved page',
					data: new Blob( [ new Uint8Array( generated.bytes ) ] ),
				},
			],
			'saved page'
		);
		expect( model.posts ).toHaveLength( 1 );
		expect( model.posts[ 0 ].images[ 0 ].archivePath ).toMatch(
			/^saved page\/blufiles\.storage\.msn\.com\//
		);
	} );
} );

describe( 'damaged web archives', () => {
	const generated = generateWebArchive( {
		posts: 2,
		comments: 3,
		images: 2,
		charset: 'utf-8',
	} );

	it( 'reads a save without its closing boundary, and says so', async () => {
		const cut = generateWebArchive( {
			posts: 2,
			comments: 3,
			images: 2,
			charset: 'utf-8',
			unterminated: true,
		} );
		const { model } = await readArchive( cut.bytes, 'cut.mht' );
		expect( model.posts ).toHaveLength( 2 );
		const warning = model.warnings.find(
			( w ) => w.code === 'web-archive-damaged'
		);
		expect( warning?.file ).toBe( 'cut.mht' );
		expect( warning?.message ).toContain( '“cut.mht”' );
		expect( warning?.message ).toContain( 'closing boundary' );
	} );

	it( 'leaves out an image cut off mid-way, naming it', async () => {
		const whole = text( generated.bytes );
		const last = whole.lastIndexOf( '--' + '----=_NextPart' );
		// Cut inside the last image's base64, one character off a group.
		const cut = strToU8( whole.slice( 0, last - 40 ) + 'QUJD' + 'Q' );
		const { model } = await readArchive( cut, 'cut.mht' );
		expect( model.posts ).toHaveLength( 2 );
		expect( model.media ).toHaveLength( 1 );
		const warning = model.warnings.find(
			( w ) => w.code === 'web-archive-damaged'
		);
		expect( warning?.message ).toContain( generated.images[ 1 ].location );
		expect( warning?.message ).toContain( 'cut off' );
		expect(
			model.warnings.filter( ( w ) => w.code === 'image-missing' )
		).toHaveLength( 1 );
	} );

	it( 'says so when it has no parts at all', async () => {
		const broken = strToU8(
			'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="nowhere"\r\n\r\n<html>no parts</html>'
		);
		const error = await readArchive( broken, 'odd.mht' ).catch(
			( e ) => e
		);
		expect( error.code ).toBe( 'no-posts' );
		expect( error.message ).toContain( '“odd.mht”' );
	} );
} );
