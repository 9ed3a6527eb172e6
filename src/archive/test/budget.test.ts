/**
 * @jest-environment node
 */

/**
 * The reader's memory budget, with the limits made small so that a quick
 * archive exceeds them: the posts kept, and the page text parsed.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';
import { ownString } from '../budget';
import { PostMerger } from '../merge';
import type { FoundPost } from '../extractors/types';

jest.mock( '../limits', () => ( {
	...jest.requireActual( '../limits' ),
	MAX_KEPT_TEXT_CHARS: 200000,
	MAX_TOTAL_PAGE_BYTES: 2000000,
} ) );

const CID = '1234567890ABCDEF';

function page( n: number, body: string, aside = '' ): Uint8Array {
	const cns = `cns!${ CID }!${ n }`;
	return strToU8(
		`<html web:culture="en-US"><body><div id="entry${ cns }" class="bvEntry" bv:cns="${ cns }"><h4 id="subj${ cns }">Post ${ n }</h4><div id="msg${ cns }" class="bvMsg">${ body }</div><div class="footerLinks">4/20/2007 1:29 PM | <a id="blogComments0" href="#">Comments (0)</a></div></div>${ aside }</body></html>`
	);
}

async function failure( files: Record< string, Uint8Array >, name: string ) {
	try {
		await readArchive( zipSync( files ), name );
	} catch ( error ) {
		return error as ArchiveError;
	}
	throw new Error( 'The archive was read.' );
}

describe( 'the reader’s memory budget', () => {
	it( 'refuses an archive whose posts add up to more text than it keeps', async () => {
		const files: Record< string, Uint8Array > = {};
		for ( let n = 1; n <= 30; n++ ) {
			files[ `p${ n }.html` ] = page( n, `Post ${ n } `.repeat( 1000 ) );
		}
		const error = await failure( files, 'long.zip' );
		expect( error.code ).toBe( 'too-much-text' );
		expect( error.message ).toContain( '“long.zip”' );
		// The limit, in millions of characters (0.2 million rounds to 0).
		expect( error.message ).toMatch( /more than \d+ million characters/ );
	} );

	it( 'counts one copy of a post met in many pages', async () => {
		const files: Record< string, Uint8Array > = {};
		const body = 'Same post '.repeat( 15000 );
		for ( let n = 1; n <= 10; n++ ) {
			files[ `copy${ n }.html` ] = page( 1, body );
		}
		const { model } = await readArchive( zipSync( files ), 'copies.zip' );
		expect( model.posts ).toHaveLength( 1 );
		expect( model.posts[ 0 ].files ).toHaveLength( 10 );
	} );

	it( 'refuses an archive holding more page text than it parses', async () => {
		const files: Record< string, Uint8Array > = {};
		const body = '<p>x</p>'.repeat( 20000 );
		for ( let n = 1; n <= 20; n++ ) {
			// Short posts keep little, but each page costs parsing.
			files[ `p${ n }.html` ] = page( n, 'Short', body );
		}
		const error = await failure( files, 'pages.zip' );
		expect( error.code ).toBe( 'too-much-text' );
		expect( error.message ).toContain( 'MB of web pages' );
	} );
} );

describe( 'what is kept of each post', () => {
	function copy( html: string, comments: number ): FoundPost {
		return {
			sourceId: `cns!${ CID }!1`,
			number: 1,
			title: html.length > 3 ? '' : 'Title',
			html,
			published: null,
			dateSource: 'none',
			categories: [],
			originalUrl: null,
			comments: Array.from( { length: comments }, () => ( {
				author: 'A',
				authorUrl: null,
				published: null,
				html: 'hi',
			} ) ),
			declaredCommentCount: null,
			file: `f${ html.length }.html`,
			baseUrl: null,
			images: [],
			hrefs: [],
		};
	}

	it( 'keeps only the richest copy’s text, and fills gaps from the others', () => {
		const merger = new PostMerger();
		merger.add( copy( 'abc', 0 ) );
		merger.add( copy( 'a much longer body', 2 ) );
		merger.add( copy( 'short', 1 ) );
		expect( merger.keptChars ).toBe( 'a much longer body'.length + 4 );
		const [ post ] = merger.result();
		expect( post.html ).toBe( 'a much longer body' );
		expect( post.title ).toBe( 'Title' );
		expect( post.files ).toHaveLength( 3 );
	} );

	it( 'copies kept strings without changing them', () => {
		const pageText = 'x'.repeat( 100000 ) + 'A title of some length';
		const title = pageText.slice( 100000 );
		expect( ownString( title ) ).toBe( title );
	} );
} );
