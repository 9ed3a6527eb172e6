/**
 * @jest-environment node
 */

/**
 * Hostile archives: many small pages that together unpack a thousand
 * times their size, files that unpack to more than they state, markup
 * nested thousands of levels deep. Each must be refused, or read without
 * exhausting memory, and say why.
 */

/**
 * External dependencies
 */
import { deflateSync, strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';
import {
	compressibleArchive,
	packEntry,
	rawZip,
} from '../../../tests/support/archive/hostile';

const CID = '1234567890ABCDEF';

function entry( n: number, body: string ): string {
	const cns = `cns!${ CID }!${ n }`;
	return `<div id="entry${ cns }" class="bvEntry" bv:cns="${ cns }"><h4 id="subj${ cns }">Post ${ n }</h4><div id="msg${ cns }" class="bvMsg">${ body }</div><div class="footerLinks">4/20/2007 1:29 PM | <a id="blogComments0" href="#">Comments (0)</a></div></div>`;
}

function page( bodies: string[] ): Uint8Array {
	return strToU8(
		`<html web:culture="en-US"><head><meta charset="utf-8"><title>Blog</title></head><body>${ bodies
			.map(
				( body, i ) =>
					`<span id="lblEntry">${ entry( i + 1, body ) }</span>`
			)
			.join( '\n' ) }</body></html>`
	);
}

async function failure( input: Uint8Array, name: string ) {
	try {
		await readArchive( input, name );
	} catch ( error ) {
		return error as ArchiveError;
	}
	throw new Error( 'The archive was read.' );
}

describe( 'archives that unpack far beyond their size', () => {
	it( 'refuses many small pages that each stay under the per-file check', async () => {
		// 400 pages of 1,000,000 bytes (under 1 MiB each), about 250 times
		// smaller packed: 400 MB from a zip of under 2 MB.
		const zip = compressibleArchive( { pages: 400 } );
		expect( zip.length ).toBeLessThan( 2 * 1024 * 1024 );
		const error = await failure( zip, 'small-bombs.zip' );
		expect( error ).toBeInstanceOf( ArchiveError );
		expect( error.code ).toBe( 'too-compressed' );
		expect( error.file ).toBe( 'small-bombs.zip' );
		expect( error.message ).toContain( '“small-bombs.zip”' );
		expect( error.message ).toContain( 'more than 100 times' );
	} );

	it( 'reads a real-looking archive of pages and photos', async () => {
		const photo = new Uint8Array( 300000 ).map(
			( _, i ) => ( i * 7919 ) % 251
		);
		photo.set( [ 0xff, 0xd8, 0xff, 0xe0 ] );
		const { model } = await readArchive(
			zipSync( {
				'blog.html': page( [ 'Hello '.repeat( 2000 ), 'World' ] ),
				'img/photo.jpg': photo,
			} ),
			'space.zip'
		);
		expect( model.posts.map( ( p ) => p.title ) ).toEqual( [
			'Post 1',
			'Post 2',
		] );
	} );

	it( 'stops a file that unpacks to more than it states, and reads the rest', async () => {
		const good = page( [ 'Kept' ] );
		const zeros = new Uint8Array( 20 * 1024 * 1024 );
		const { model } = await readArchive(
			rawZip( [
				packEntry( 'a.html', good ),
				{
					// States 1,000 bytes; holds 20 MB.
					path: 'liar.html',
					packed: deflateSync( zeros ),
					size: 1000,
					crc: 0,
				},
			] ),
			'liar.zip'
		);
		expect( model.warnings ).toContainEqual(
			expect.objectContaining( {
				file: 'liar.html',
				code: 'file-damaged',
				message: expect.stringContaining( 'more than its stated size' ),
			} )
		);
	} );

	it( 'stops each of many files that unpack far more than they state, after one piece', async () => {
		// Each states 1,000 bytes and holds 17 MB: each is stopped as soon as
		// it gives more than it states, and the honest page is still read.
		const zeros = deflateSync( new Uint8Array( 17 * 1024 * 1024 ) );
		const entries = [ packEntry( 'a.html', page( [ 'Kept' ] ) ) ];
		for ( let i = 0; i < 8; i++ ) {
			entries.push( {
				path: `liar${ i }.html`,
				packed: zeros,
				size: 1000,
				crc: 0,
			} );
		}
		const { model } = await readArchive( rawZip( entries ), 'liars.zip' );
		expect( model.posts ).toHaveLength( 1 );
		expect(
			model.warnings.filter(
				( warning ) =>
					warning.code === 'file-damaged' &&
					warning.message.includes( 'more than its stated size' )
			)
		).toHaveLength( 8 );
	} );
} );

describe( 'markup nested thousands of levels deep', () => {
	it.each( [
		[ 'div', 20000 ],
		[ 'font', 3000 ],
		[ 'font', 20000 ],
		[ 'b', 100000 ],
	] )(
		'reads every post of a page where one nests <%s> %i times',
		async ( tag, depth ) => {
			const zip = zipSync( {
				'page.html': page( [
					'First post',
					`<${ tag }>`.repeat( depth ) + 'Deep text',
					'Third post',
				] ),
			} );
			const { model } = await readArchive( zip, 'deep.zip' );
			expect( model.posts.map( ( p ) => p.title ) ).toEqual( [
				'Post 1',
				'Post 2',
				'Post 3',
			] );
			expect( model.posts[ 1 ].html ).toContain( 'Deep text' );
			expect( model.posts[ 2 ].html ).toBe( 'Third post' );
			const flattened = model.warnings.filter(
				( w ) => w.code === 'markup-flattened'
			);
			expect( flattened ).toHaveLength( 1 );
			expect( flattened[ 0 ].file ).toBe( 'page.html' );
			expect( flattened[ 0 ].message ).toContain( '“Post 2”' );
			expect( flattened[ 0 ].message ).toContain( '“page.html”' );
		},
		10000
	);

	// How long this takes is printed by `npm run bench:parse`.
	it( 'parses a million nested tags', async () => {
		const { model } = await readArchive(
			// Stored: deflated, it would be refused as a zip bomb.
			zipSync(
				{
					'page.html': page( [
						'One',
						'<i>'.repeat( 1000000 ) + 'Two',
					] ),
				},
				{ level: 0 }
			),
			'million.zip'
		);
		expect( model.posts[ 1 ].html ).toContain( 'Two' );
	} );

	it( 'leaves ordinary nesting alone', async () => {
		const nested = '<div>'.repeat( 40 ) + 'Text' + '</div>'.repeat( 40 );
		const { model } = await readArchive(
			zipSync( { 'page.html': page( [ nested ] ) } ),
			'shallow.zip'
		);
		expect( model.posts[ 0 ].html ).toBe( nested );
		expect( model.warnings ).toEqual( [] );
	} );
} );

describe( 'UTF-8 pages with a few damaged bytes', () => {
	it( 'keeps the text as UTF-8 and says how many bytes were bad', async () => {
		// Two bytes that are not UTF-8 (0xFF, and a lead byte cut short)
		// in a UTF-8 page.
		const [ before, after ] = page( [
			'江山易得，知己难求 — \u0001Café naïve Zürich',
		] ).reduce(
			( [ a, b ]: number[][], byte ) =>
				byte === 1 || b.length
					? [ a, [ ...b, byte ] ]
					: [ [ ...a, byte ], b ],
			[ [], [] ]
		);
		const bytes = new Uint8Array( [
			...before,
			0xff,
			0xc3,
			...after.slice( 1 ),
		] );
		const { model } = await readArchive(
			zipSync( { 'damaged.html': bytes } ),
			'space.zip'
		);
		expect( model.posts[ 0 ].html ).toBe(
			'江山易得，知己难求 — \ufffd\ufffdCafé naïve Zürich'
		);
		const warning = model.warnings.find(
			( w ) => w.code === 'charset-bad-bytes'
		);
		expect( warning ).toMatchObject( {
			file: 'damaged.html',
			message: expect.stringContaining( '2 damaged bytes' ),
		} );
		expect( warning?.message ).toContain( '“damaged.html”' );
		expect(
			model.warnings.filter( ( w ) => w.code === 'charset-guessed' )
		).toEqual( [] );
	} );
} );
