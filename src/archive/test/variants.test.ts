/**
 * @jest-environment node
 */

/**
 * The archive shapes of spaces-archive.md section 5, built from the
 * project's own markup writers.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';
import { encodeText } from '../../../tests/support/archive/encode';
import {
	pageHtml,
	photoFeedXml,
	rssXml,
	type SamplePage,
	type SamplePost,
} from '../../../tests/support/archive/markup';

const CID = 'A1B2C3D4E5F60708';
const PAGE: SamplePage = {
	culture: 'en-US',
	host: 'anna.spaces.live.com',
	blogTitle: 'Anna',
	charset: 'utf-8',
};
const JPEG = new Uint8Array( [ 0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4 ] );
const PNG = new Uint8Array( [
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9,
] );

function post(
	number: number,
	overrides: Partial< SamplePost > = {}
): SamplePost {
	return {
		cid: CID,
		number,
		title: `Post ${ number }`,
		html: `<p>Body of ${ number }</p>`,
		published: `2008-0${ ( number % 9 ) + 1 }-10T10:00:00`,
		category: null,
		era: '2008',
		comments: [],
		...overrides,
	};
}

const page = ( posts: SamplePost[], settings: SamplePage = PAGE ) =>
	encodeText( pageHtml( posts, settings ), 'utf-8' );

async function read( files: Zippable ) {
	return ( await readArchive( zipSync( files ), 'space.zip' ) ).model;
}

describe( 'archive variants', () => {
	it( 'reads a space.zip with a wrapping folder, img/ in any case, and system litter', async () => {
		const model = await read( {
			'My Blog/Space/cns!A1B2C3D4E5F60708!5.html': page( [
				post( 5, {
					html: '<img src="IMG/One.JPG"><img src="./img/two.png">',
				} ),
			] ),
			'My Blog/Space/img/one.jpg': JPEG,
			'My Blog/Space/IMG/two.png': PNG,
			'My Blog/Space/img/Thumbs.db': new Uint8Array( [ 1, 2 ] ),
			'My Blog/desktop.ini': strToU8( '[x]' ),
			'__MACOSX/My Blog/Space/._cns!A1B2C3D4E5F60708!5.html':
				new Uint8Array( [ 0, 5, 22 ] ),
			'My Blog/.DS_Store': new Uint8Array( [ 0, 0, 0, 1 ] ),
		} );
		expect( model.posts ).toHaveLength( 1 );
		expect( model.posts[ 0 ].images.map( ( i ) => i.archivePath ) ).toEqual(
			[ 'My Blog/Space/img/one.jpg', 'My Blog/Space/IMG/two.png' ]
		);
		expect( model.media.map( ( m ) => [ m.path, m.mimeType ] ) ).toEqual( [
			[ 'My Blog/Space/img/one.jpg', 'image/jpeg' ],
			[ 'My Blog/Space/IMG/two.png', 'image/png' ],
		] );
		expect( model.warnings ).toEqual( [] );
	} );

	it( 'reads a web mirror: extensionless .entry files, host-named image folders', async () => {
		const storage =
			'http://tkfiles.storage.msn.com/x1pAbCdEfGhIjKlMnOp/photo.jpg?PARTNER=WRITER';
		const model = await read( {
			'anna.spaces.live.com/blog/cns!A1B2C3D4E5F60708!464.entry': page( [
				post( 464, {
					html: `<img src="${ storage }"><a href="http://blufiles.storage.live.com/y1pQrStUvWxYz0123" rel="WLPP;url=x;cnsid=cns!1!2"><img src="http://blufiles.storage.live.com/y1pThumb0123456789"></a><img src="http://docs.google.com/File?id=abc">`,
				} ),
			] ),
			'tkfiles.storage.msn.com/x1pAbCdEfGhIjKlMnOp/photo.jpg': JPEG,
			'blufiles.storage.live.com/y1pQrStUvWxYz0123': JPEG,
		} );
		const [ only ] = model.posts;
		expect(
			only.images.map( ( i ) => [ i.reference, i.archivePath ] )
		).toEqual( [
			[
				storage,
				'tkfiles.storage.msn.com/x1pAbCdEfGhIjKlMnOp/photo.jpg',
			],
			[
				'http://blufiles.storage.live.com/y1pQrStUvWxYz0123',
				'blufiles.storage.live.com/y1pQrStUvWxYz0123',
			],
			// The thumbnail of an album photo is served by the full-size file.
			[
				'http://blufiles.storage.live.com/y1pThumb0123456789',
				'blufiles.storage.live.com/y1pQrStUvWxYz0123',
			],
			[ 'http://docs.google.com/File?id=abc', null ],
		] );
		expect( model.warnings.map( ( w ) => w.code ) ).toEqual( [
			'image-external',
		] );
		expect( model.warnings[ 0 ].message ).toContain( 'docs.google.com' );
	} );

	it( 'matches images by file name and by storage id fragment', async () => {
		const model = await read( {
			'space/blog.html': page( [
				post( 7, {
					html: '<img src="http://tkfiles.storage.live.com/y1pRnGW_7rmoIxVpQY0g2FyN9jZP3KI5iM8"><img src="http://byfiles.storage.live.com/a/b/sunset.jpg?PARTNER=WRITER">',
				} ),
			] ),
			'space/img/y1pRnGW_7rmoIxVpQY0g2FyN9jZP3KI5iM8.jpg': JPEG,
			'space/img/sunset.jpg': JPEG,
		} );
		expect( model.posts[ 0 ].images.map( ( i ) => i.archivePath ) ).toEqual(
			[
				'space/img/y1pRnGW_7rmoIxVpQY0g2FyN9jZP3KI5iM8.jpg',
				'space/img/sunset.jpg',
			]
		);
	} );

	it( 'reads an archive zipped again with extra nesting, and a zip inside it is reported', async () => {
		const inner = zipSync( { 'a.html': page( [ post( 1 ) ] ) } );
		const model = await read( {
			'Downloads/space/space/cns%21A1B2C3D4E5F60708%211.htm': page( [
				post( 1 ),
			] ),
			'Downloads/old.zip': inner,
		} );
		expect( model.posts.map( ( p ) => p.sourceId ) ).toEqual( [
			`cns!${ CID }!1`,
		] );
		expect( model.warnings.map( ( w ) => w.code ) ).toEqual( [
			'nested-zip',
		] );
	} );

	it( 'merges a mixed archive: list page, permalink page, feed; keeps the richer copy', async () => {
		const withComments = post( 20, {
			era: '2007',
			comments: [
				{
					author: 'Ben',
					html: 'Nice',
					published: '2008-03-11T08:00:00',
				},
			],
		} );
		const model = await read( {
			'list.html': page( [
				post( 21 ),
				{ ...withComments, comments: [], declared: 1 },
			] ),
			'cns!A1B2C3D4E5F60708!20.entry': page( [ withComments ] ),
			'feed.rss': encodeText(
				rssXml(
					[ post( 21 ), post( 22, { category: 'Music' } ) ],
					PAGE,
					'+0800'
				),
				'utf-8'
			),
			'photos/feed.rss': encodeText(
				photoFeedXml( 'Holidays', [
					{
						title: 'Beach',
						url: 'http://blufiles.storage.live.com/y1pBeach1234567890.jpg',
						published: 'Sat, 01 Mar 2008 10:00:00 GMT',
					},
				] ),
				'utf-8'
			),
			'photos/y1pBeach1234567890.jpg': JPEG,
		} );
		expect(
			model.posts.map( ( p ) => [
				p.number,
				p.comments.length,
				p.dateSource,
				p.files.length,
			] )
		).toEqual( [
			[ 20, 1, 'footer', 2 ],
			[ 21, 0, 'footer', 2 ],
			[ 22, 0, 'rss', 1 ],
		] );
		const fromFeed = model.posts[ 2 ];
		expect( fromFeed.published ).toBe( '2008-05-10T10:00:00+08:00' );
		expect( fromFeed.categories ).toEqual( [ 'Music' ] );
		expect( fromFeed.originalUrl ).toBe(
			`http://anna.spaces.live.com/blog/cns!${ CID }!22.entry`
		);
		expect( model.photos ).toEqual( [
			{
				album: 'Holidays',
				title: 'Beach',
				url: 'http://blufiles.storage.live.com/y1pBeach1234567890.jpg',
				archivePath: 'photos/y1pBeach1234567890.jpg',
				published: '2008-03-01T10:00:00Z',
			},
		] );
		expect( model.warnings ).toEqual( [] );
	} );

	it( 'places a post without a date by its number, and says so', async () => {
		const text = pageHtml( [ post( 30 ), post( 31 ), post( 32 ) ], PAGE );
		// Post 31's date (2008-05-10) becomes unreadable.
		const model = await read( {
			'a.html': encodeText(
				text.replace( '5/10/2008 10:00 AM', 'some day' ),
				'utf-8'
			),
		} );
		expect(
			model.posts.map( ( p ) => [ p.number, p.published, p.dateSource ] )
		).toEqual( [
			[ 30, '2008-04-10T10:00:00', 'footer' ],
			[ 31, '2008-04-10T10:00:00', 'order' ],
			[ 32, '2008-06-10T10:00:00', 'footer' ],
		] );
		expect( model.warnings.map( ( w ) => w.code ).sort() ).toEqual( [
			'date-missing',
			'date-unreadable',
		] );
	} );

	it( 'reads pages in legacy encodings', async () => {
		const zh: SamplePage = { ...PAGE, culture: 'zh-CN', charset: 'gb2312' };
		const fr: SamplePage = { ...PAGE, culture: 'fr-FR', charset: null };
		const model = await read( {
			'zh.html': encodeText(
				pageHtml(
					[
						post( 1, {
							title: '春节回家',
							published: '2008-02-05T23:10:05',
						} ),
					],
					zh
				),
				'gbk'
			),
			'fr.html': encodeText(
				pageHtml(
					[ post( 2, { title: 'Été à Zürich — “vacances”' } ) ],
					fr
				),
				'windows-1252'
			),
		} );
		expect( model.posts.map( ( p ) => [ p.title, p.published ] ) ).toEqual(
			[
				[ '春节回家', '2008-02-05T23:10:05' ],
				[ 'Été à Zürich — “vacances”', '2008-03-10T10:00:00' ],
			]
		);
		expect( model.warnings.map( ( w ) => w.code ) ).toEqual( [
			'charset-guessed',
		] );
	} );

	it( 'resolves links between posts in every permalink era', async () => {
		const hrefs = [
			`http://spaces.msn.com/members/anna/Blog/cns!${ CID }!1.entry`,
			`http://anna.spaces.msn.com/Blog/cns!${ CID }!2.entry#post`,
			`http://anna.spaces.live.com/blog/cns%21${ CID }%213.entry?_c=BlogPart`,
			`/blog/cns!${ CID }!1.entry#permalinkcns!${ CID }!1`,
			'http://example.com/blog/cns!A1B2C3D4E5F60708!2.entry',
			'http://anna.spaces.live.com/photos/cns!A1B2C3D4E5F60708!400/',
		];
		const model = await read( {
			'a.html': page( [
				post( 1 ),
				post( 2 ),
				post( 3 ),
				post( 4, {
					html: hrefs
						.map( ( h ) => `<a href="${ h }">x</a>` )
						.join( ' ' ),
				} ),
			] ),
		} );
		expect( model.posts[ 3 ].links ).toEqual( [
			{ href: hrefs[ 0 ], sourceId: `cns!${ CID }!1` },
			{ href: hrefs[ 1 ], sourceId: `cns!${ CID }!2` },
			{ href: hrefs[ 2 ], sourceId: `cns!${ CID }!3` },
			{ href: hrefs[ 3 ], sourceId: `cns!${ CID }!1` },
		] );
	} );
} );

describe( 'hostile archives', () => {
	it( 'refuses a zip bomb', async () => {
		const zip = zipSync( {
			'a.html': page( [ post( 1 ) ] ),
			'bomb.html': new Uint8Array( 50 * 1024 * 1024 ),
		} );
		await expect( readArchive( zip, 'bomb.zip' ) ).rejects.toMatchObject( {
			code: 'too-large',
			message: expect.stringContaining( 'zip bomb' ),
		} );
	} );

	it( 'skips a file whose header lies about its size', async () => {
		const big = strToU8( 'x'.repeat( 100000 ) );
		const zip = zipSync( {
			'a.html': page( [ post( 1 ) ] ),
			'b.html': big,
		} );
		// Patch b.html's stated size in the central directory to 10 bytes.
		const view = new DataView( zip.buffer, zip.byteOffset );
		for ( let o = zip.length - 22; o >= 0; o-- ) {
			if (
				view.getUint32( o, true ) === 0x02014b50 &&
				view.getUint16( o + 28, true ) === 6 &&
				String.fromCharCode( ...zip.subarray( o + 46, o + 52 ) ) ===
					'b.html'
			) {
				view.setUint32( o + 24, 10, true );
			}
		}
		const { model } = await readArchive( zip, 'space.zip' );
		expect( model.posts ).toHaveLength( 1 );
		expect( model.warnings.map( ( w ) => w.code ) ).toEqual( [
			'file-damaged',
		] );
	} );

	it( 'refuses an archive protected by a password', async () => {
		const zip = zipSync( { 'a.html': page( [ post( 1 ) ] ) } );
		const view = new DataView( zip.buffer, zip.byteOffset );
		for ( let o = 0; o + 4 <= zip.length; o++ ) {
			const sig = view.getUint32( o, true );
			if ( sig === 0x02014b50 ) {
				// Flag bit 0: the entry is encrypted (zipSync leaves it 0).
				view.setUint16(
					o + 8,
					view.getUint16( o + 8, true ) + 1,
					true
				);
			}
		}
		const error = await readArchive( zip, 'secret.zip' ).catch(
			( e ) => e
		);
		expect( error ).toBeInstanceOf( ArchiveError );
		expect( error.code ).toBe( 'encrypted' );
	} );
} );
