/**
 * @jest-environment node
 */

/**
 * Pages in no Spaces layout, read by their shape (spaces-archive.md
 * section 1c): blog pages of other tools must give all their posts, and
 * pages that are not blogs must give none.
 */

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive } from '..';
import { warningMessage } from '../../admin/messages';
import { textOf, parseHtml } from '../dom';
import { chooseExtractor } from '../extractors';
import { livePage } from '../extractors/live-page';
import { shapePage } from '../extractors/shape-page';
import { isLitter } from '../paths';
import { generateArchive } from '../../../tests/support/archive/generate';
import {
	NOT_BLOG_PAGES,
	blogShapeHtml,
	bloggerHtml,
	minimalBlogHtml,
	shapePosts,
	wordBlogHtml,
	type BlogShape,
	type ShapePost,
} from '../../../tests/support/archive/shapes';

async function read( files: Zippable ) {
	return ( await readArchive( zipSync( files ), 'blog.zip' ) ).model;
}

function plain( html: string ): string {
	return textOf( parseHtml( html ) );
}

const JPEG = new Uint8Array( [ 0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4 ] );

/** The comments each shape writes: the minimal page has none. */
const SHAPES: Array< [ BlogShape, string, 'footer' | 'heading', boolean ] > = [
	[ 'word', 'Word export, French dates', 'footer', true ],
	[ 'blogger', 'Blogger-like page, date headers', 'heading', true ],
	[ 'minimal', 'minimal page, German dates', 'footer', false ],
	[ 'chinese', 'Chinese blog host', 'footer', true ],
];

describe( 'blog pages found by their shape', () => {
	it.each( SHAPES )(
		'reads every post of a %s page (%s)',
		async ( shape, _label, dateSource, hasComments ) => {
			const posts = shapePosts( {
				count: 5,
				seed: shape.length,
				comments: [ 2, 0, 1, 3, 0 ],
				chinese: shape === 'chinese',
				sameDay: true,
			} );
			const model = await read( {
				'saved/blog.htm': strToU8( blogShapeHtml( shape, posts ) ),
			} );
			// Oldest first, as the model orders posts without Spaces ids.
			const expected = [ ...posts ].reverse();
			expect( model.posts.map( ( p ) => p.title ) ).toEqual(
				expected.map( ( p ) => p.title )
			);
			model.posts.forEach( ( post, i ) => {
				const sample = expected[ i ];
				expect( post.sourceId ).toMatch( /^local![0-9a-f]{16}$/ );
				expect( post.number ).toBe( 0 );
				expect( post.published ).toBe( sample.published );
				expect( post.dateSource ).toBe( dateSource );
				const text = plain( post.html );
				for ( const paragraph of sample.paragraphs ) {
					expect( text ).toContain( paragraph );
				}
				// The body is the body: no title, date line or comment in it.
				expect( text ).not.toContain( sample.title );
				expect( text ).not.toMatch( /\b2006\b|2006年/ );
				for ( const comment of sample.comments ) {
					expect( text ).not.toContain( comment.text );
				}
				expect(
					post.comments.map( ( c ) => [
						c.author,
						c.published,
						plain( c.html ),
					] )
				).toEqual(
					( hasComments ? sample.comments : [] ).map( ( c ) => [
						c.author,
						c.published,
						c.text,
					] )
				);
				expect( post.files ).toEqual( [ 'saved/blog.htm' ] );
			} );
			expect(
				new Set( model.posts.map( ( p ) => p.sourceId ) ).size
			).toBe( 5 );
			const shaped = model.warnings.filter(
				( w ) => w.code === 'posts-found-by-shape'
			);
			expect( shaped ).toHaveLength( 1 );
			expect( shaped[ 0 ].file ).toBe( 'saved/blog.htm' );
			expect( shaped[ 0 ].message ).toContain( 'saved/blog.htm' );
			expect( shaped[ 0 ].message ).toContain( '5 posts' );
		}
	);

	it( 'keeps comment authors’ web addresses, never e-mail addresses', async () => {
		const posts = shapePosts( { count: 2, comments: [ 2 ], seed: 4 } );
		const model = await read( {
			'home.html': strToU8( bloggerHtml( posts ) ),
		} );
		const authors = model.posts.flatMap( ( p ) => p.comments );
		expect( authors.map( ( c ) => c.authorUrl ) ).toEqual(
			[ ...posts ]
				.reverse()
				.flatMap( ( p ) => p.comments )
				.map( ( c ) => c.authorUrl ?? null )
		);
	} );

	it( 'reads dates printed before their titles, and leaves out the page footer', async () => {
		const posts = shapePosts( { count: 3, seed: 9 } );
		const model = await read( {
			'diary.html': strToU8( minimalBlogHtml( posts, true ) ),
		} );
		expect( model.posts.map( ( p ) => [ p.title, p.published ] ) ).toEqual(
			[ ...posts ].reverse().map( ( p ) => [ p.title, p.published ] )
		);
		expect( model.posts.every( ( p ) => p.dateSource === 'heading' ) ).toBe(
			true
		);
		for ( const post of model.posts ) {
			expect( post.html ).not.toContain( 'Letzte Änderung' );
			expect( post.html ).not.toMatch( /März|Januar|Februar/ );
		}
	} );

	it( 'gives a post met on a list page and on its own page one id, keeping the richer copy', async () => {
		const posts = shapePosts( { count: 3, comments: [ 0 ], seed: 5 } );
		const withComments: ShapePost = {
			...posts[ 1 ],
			comments: shapePosts( { count: 1, comments: [ 2 ], seed: 6 } )[ 0 ]
				.comments,
		};
		const model = await read( {
			'index.html': strToU8( bloggerHtml( posts ) ),
			'2006/03/post.html': strToU8( bloggerHtml( [ withComments ] ) ),
		} );
		expect( model.posts ).toHaveLength( 3 );
		const merged = model.posts.find(
			( p ) => p.title === posts[ 1 ].title
		);
		expect( merged?.files.sort() ).toEqual( [
			'2006/03/post.html',
			'index.html',
		] );
		expect( merged?.comments ).toHaveLength( 2 );
		expect(
			model.warnings.filter( ( w ) => w.code === 'posts-found-by-shape' )
		).toHaveLength( 2 );
	} );

	it( 'reads a permalink page (one post followed by its comments), but not one post alone', async () => {
		const [ one ] = shapePosts( { count: 1, comments: [ 2 ], seed: 8 } );
		const model = await read( {
			'entry.htm': strToU8( wordBlogHtml( [ one ] ) ),
		} );
		expect( model.posts.map( ( p ) => p.title ) ).toEqual( [ one.title ] );
		expect( model.posts[ 0 ].comments.map( ( c ) => c.author ) ).toEqual(
			one.comments.map( ( c ) => c.author )
		);
		expect( model.warnings.map( ( w ) => w.message ) ).toContain(
			'“entry.htm” is not in a layout of Windows Live Spaces; 1 post was recognized in it by its shape (a title, a date and a text). Check it in the preview.'
		);

		await expect(
			read( {
				'entry.htm': strToU8(
					wordBlogHtml( [ { ...one, comments: [] } ] )
				),
			} )
		).rejects.toMatchObject( { code: 'no-posts' } );
	} );

	it( 'takes a Spaces id written in a title’s link, and the images of the body', async () => {
		const posts = shapePosts( { count: 2, seed: 2 } ).map( ( p, i ) => ( {
			...p,
			images: [ `blog_files/image00${ i + 1 }.jpg` ],
		} ) );
		const html = wordBlogHtml( posts ).replace(
			/<p class=MsoTitle><span lang=FR>/,
			'<p class=MsoTitle><span lang=FR><a href="http://anna.spaces.live.com/blog/cns!A1B2C3D4E5F60708!42.entry">'
		);
		const model = await read( {
			'Blog.htm': strToU8( html.replace( /<o:p><\/o:p>/, '</a>' ) ),
			'blog_files/image001.jpg': JPEG,
			'blog_files/image002.jpg': JPEG,
		} );
		expect( model.posts.map( ( p ) => p.sourceId ) ).toEqual( [
			expect.stringMatching( /^local!/ ),
			'cns!A1B2C3D4E5F60708!42',
		] );
		expect( model.posts[ 1 ].number ).toBe( 42 );
		expect( model.posts[ 1 ].originalUrl ).toBe(
			'http://anna.spaces.live.com/blog/cns!A1B2C3D4E5F60708!42.entry'
		);
		// The page lists the newest first; the model, the oldest.
		expect(
			model.posts.map( ( p ) => p.images.map( ( i ) => i.archivePath ) )
		).toEqual( [
			[ 'blog_files/image002.jpg' ],
			[ 'blog_files/image001.jpg' ],
		] );
		expect( model.blog.title ).toBe( 'Mon journal' );
	} );

	it( 'reads numeric dates day first when the page’s other dates say so', async () => {
		const text =
			'walked along the river after lunch and talked about music with friends at the café';
		const post = ( title: string, date: string ) =>
			`<h2>${ title }</h2><p><i>${ date }</i></p><p>${ text }.</p><p>${ text } again.</p>`;
		const model = await read( {
			'notes.html': strToU8(
				`<html><body>${ post( 'Later', '20/04/2006 08:00' ) }${ post(
					'Earlier',
					'03/04/2006 21:15'
				) }</body></html>`
			),
		} );
		expect( model.posts.map( ( p ) => [ p.title, p.published ] ) ).toEqual(
			[
				[ 'Earlier', '2006-04-03T21:15:00' ],
				[ 'Later', '2006-04-20T08:00:00' ],
			]
		);
	} );

	it( 'says it in words an owner reads, counting the pages', () => {
		const sentence = warningMessage(
			'posts-found-by-shape',
			2,
			'fallback'
		);
		expect( sentence ).not.toBe( 'fallback' );
		expect( sentence ).toContain( '2 pages' );
		expect( sentence ).toContain( 'shape' );
	} );
} );

describe( 'pages that are not blogs', () => {
	it.each( Object.keys( NOT_BLOG_PAGES ) )(
		'finds no post in %s',
		async ( name ) => {
			const error = await read( {
				[ name ]: strToU8( NOT_BLOG_PAGES[ name ] ),
			} ).then(
				() => null,
				( e ) => e
			);
			expect( error ).toBeInstanceOf( ArchiveError );
			expect( error.code ).toBe( 'no-posts' );
			expect( error.message ).toContain(
				'1 web page without blog entries'
			);
		}
	);

	it( 'reports them as pages without posts beside a blog page', async () => {
		const posts = shapePosts( { count: 3, seed: 3 } );
		const files: Zippable = {
			'site/blog.htm': strToU8( minimalBlogHtml( posts ) ),
		};
		for ( const [ name, html ] of Object.entries( NOT_BLOG_PAGES ) ) {
			files[ `site/${ name }` ] = strToU8( html );
		}
		const model = await read( files );
		expect( model.posts ).toHaveLength( 3 );
		expect( new Set( model.posts.flatMap( ( p ) => p.files ) ) ).toEqual(
			new Set( [ 'site/blog.htm' ] )
		);
		expect(
			model.warnings
				.filter( ( w ) => w.code === 'posts-found-by-shape' )
				.map( ( w ) => w.file )
		).toEqual( [ 'site/blog.htm' ] );
		const skipped = model.warnings.find(
			( w ) => w.code === 'pages-without-posts'
		);
		expect( skipped?.message ).toContain(
			`${ Object.keys( NOT_BLOG_PAGES ).length } pages hold no blog entries`
		);
	} );
} );

describe( 'pages other extractors read', () => {
	it( 'never reach the shape reader: generated live-site pages and feeds', () => {
		const { files } = generateArchive( {
			posts: 30,
			comments: 60,
			images: 2,
			seed: 11,
			monthPages: true,
			feed: true,
		} );
		const pages = Object.entries( files ).filter(
			( [ name ] ) =>
				/\.(?:html?|entry|rss)$/.test( name ) && ! isLitter( name )
		);
		expect( pages.length ).toBeGreaterThan( 30 );
		for ( const [ name, bytes ] of pages ) {
			const text = new TextDecoder().decode( bytes );
			expect( [ name, chooseExtractor( text, name )?.name ] ).toEqual( [
				name,
				expect.stringMatching( /^(?:live-page|rss)$/ ),
			] );
		}
	} );
} );

const REAL = path.resolve( __dirname, '../../../../shared/fixtures/real' );
const REAL_PAGES = [
	'entry_zhoushuqun.spaces.live.com.html',
	'homepage_zhoushuqun.spaces.live.com.html',
	'listpage_zhoushuqun.spaces.live.com.html',
].filter( ( f ) => existsSync( path.join( REAL, f ) ) );
if ( ! REAL_PAGES.length ) {
	// eslint-disable-next-line no-console
	console.warn(
		`SKIPPED: the real Spaces pages were not found in ${ REAL }; the shape reader was not checked against them.`
	);
}

( REAL_PAGES.length ? describe : describe.skip )( 'the real pages', () => {
	it( 'never reach the shape reader', () => {
		for ( const name of REAL_PAGES ) {
			const text = readFileSync( path.join( REAL, name ), 'utf8' );
			expect( chooseExtractor( text, name )?.name ).toBe( 'live-page' );
		}
	} );

	it( 'are read alike by their shape alone once their Spaces markers are gone', () => {
		for ( const name of REAL_PAGES ) {
			const text = readFileSync( path.join( REAL, name ), 'utf8' );
			const live = livePage.extract( {
				path: name,
				text,
				modified: null,
				reference: null,
			} ).posts;
			// What a save by another tool would keep: the layout, not the
			// Spaces classes and ids.
			const stripped = text
				.replace( /bvEntry/g, 'entry' )
				.replace( /entrycns/gi, 'post' );
			expect( chooseExtractor( stripped, name )?.name ).not.toBe(
				'live-page'
			);
			const shaped = shapePage.extract( {
				path: name,
				text: stripped,
				modified: null,
				reference: null,
			} ).posts;
			// A permalink page without comments is left alone: one post by
			// itself is not told from an article.
			const expected = live.length === 1 ? [] : live;
			expect(
				shaped.map( ( p ) => [ p.sourceId, p.title, p.published ] )
			).toEqual(
				expected.map( ( p ) => [ p.sourceId, p.title, p.published ] )
			);
			shaped.forEach( ( post, i ) => {
				expect( plain( post.html ) ).toBe( plain( live[ i ].html ) );
			} );
		}
	} );
} );
