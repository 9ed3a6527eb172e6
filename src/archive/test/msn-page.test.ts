/**
 * @jest-environment node
 */

/**
 * MSN Spaces pages (2004–2005): table posts, yearless day headers written
 * once per day, times in the footers, comments newest first in
 * `commententry` rows. The pages are written by `tests/support/archive/msn.ts` after the
 * spec; the expectations come from the posts the pages were written from.
 */

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';

/**
 * Internal dependencies
 */
import { readInputs } from '..';
import { chooseExtractor } from '../extractors';
import { msnPage } from '../extractors/msn-page';
import { generateArchive } from '../../../tests/support/archive/generate';
import { pageHtml } from '../../../tests/support/archive/markup';
import {
	msnPageHtml,
	sampleMsnPosts,
	SAMPLE_MSN_CID,
	type MsnPage,
	type MsnPost,
} from '../../../tests/support/archive/msn';

const PAGE: MsnPage = {
	member: 'anna',
	blogTitle: 'Anna’s Kitchen',
	archiveMonths: [
		[ 2004, 12 ],
		[ 2005, 1 ],
	],
};

function extract(
	posts: MsnPost[] = sampleMsnPosts(),
	page: MsnPage = PAGE,
	modified: string | null = null,
	file = 'default.htm'
) {
	const text = msnPageHtml( posts, page );
	expect( chooseExtractor( text, file )?.name ).toBe( 'msn-page' );
	return msnPage.extract( {
		path: file,
		text,
		modified,
		reference: modified,
	} );
}

/**
 * A found post by its title.
 *
 * @param posts The posts.
 * @param title The title.
 * @return The post.
 */
function byTitle< T extends { title: string } >(
	posts: T[],
	title: string
): T {
	const post = posts.find( ( p ) => p.title === title );
	if ( ! post ) {
		throw new Error( `No post “${ title }” was found.` );
	}
	return post;
}

/**
 * The comments a reader of the page expects, oldest first.
 *
 * @param post The post the page was written from.
 * @return The comments.
 */
function expectedComments( post: MsnPost ) {
	return [ ...post.comments ]
		.sort( ( a, b ) => ( a.published < b.published ? -1 : 1 ) )
		.map( ( c ) => ( {
			author: c.author,
			authorUrl: c.authorUrl ?? null,
			published: c.published,
			html: c.html,
		} ) );
}

function encode( text: string ): Uint8Array {
	return new TextEncoder().encode( text );
}

describe( 'MSN Spaces pages', () => {
	it( 'finds every post, with and without ids, in page order', () => {
		const samples = sampleMsnPosts();
		const { posts, blog } = extract( samples );
		const localId = expect.stringMatching( /^local![0-9a-f]{16}$/ );
		expect( posts.map( ( p ) => p.title ) ).toEqual(
			[ ...samples ].reverse().map( ( p ) => p.title )
		);
		for ( const sample of samples ) {
			const post = byTitle( posts, sample.title );
			const id = sample.sourceId;
			expect( post ).toMatchObject( {
				sourceId: id ?? localId,
				number: id ? Number( id.split( '!' )[ 2 ] ) : 0,
				originalUrl: id
					? `http://spaces.msn.com/members/anna/Blog/${ id }.entry`
					: null,
				html: sample.html,
				categories: sample.category ? [ sample.category ] : [],
				declaredCommentCount: sample.comments.length,
			} );
		}
		expect( new Set( posts.map( ( p ) => p.sourceId ) ).size ).toBe(
			samples.length
		);
		expect( blog ).toEqual( {
			title: 'Anna’s Kitchen',
			host: 'anna.spaces.msn.com',
			cid: SAMPLE_MSN_CID,
		} );
	} );

	it( 'dates every post from its day header, its footer time and the archive’s newest month', () => {
		const samples = sampleMsnPosts();
		const { posts, warnings } = extract( samples );
		for ( const sample of samples ) {
			const post = byTitle( posts, sample.title );
			expect( [ post.title, post.published, post.dateSource ] ).toEqual( [
				sample.title,
				sample.published,
				'heading',
			] );
		}
		// Across the year boundary: the newest archive month is January
		// 2005, so "December 30" is in 2004.
		expect( byTitle( posts, 'Christmas leftovers' ).published ).toBe(
			'2004-12-30T19:45:00'
		);
		// Posts below a header without one of their own share its day.
		expect( byTitle( posts, 'Snow day' ).published ).toBe(
			'2005-01-27T09:05:00'
		);
		expect( warnings ).toEqual( [] );
	} );

	it( 'reads every comment oldest first, with author, site, date and text; e-mail addresses stay hidden', () => {
		const samples = sampleMsnPosts();
		const { posts } = extract( samples );
		let total = 0;
		for ( const sample of samples ) {
			const post = byTitle( posts, sample.title );
			expect( post.comments ).toEqual( expectedComments( sample ) );
			total += post.comments.length;
		}
		expect( total ).toBe(
			samples.reduce( ( n, p ) => n + p.comments.length, 0 )
		);
		const text = JSON.stringify( posts.map( ( p ) => p.comments ) );
		expect( text ).not.toMatch( /@example\.com|mailto/ );
		// A comment made after the archive's newest month, printed
		// "February 3", belongs to the year of the post it answers.
		expect(
			byTitle( posts, 'Lunch at Luigi’s' ).comments[ 2 ]
		).toMatchObject( {
			author: 'Dan - the baker',
			authorUrl: 'http://dan.example.net/',
			published: '2005-02-03T20:00:00',
		} );
	} );

	it( 'reads a day header written inside the post’s table', () => {
		const samples = sampleMsnPosts();
		const header =
			/<div class="dateheader">(<span[^>]*>January 27<\/span>)<\/div>\n/;
		const original = msnPageHtml( samples, PAGE );
		const span = header.exec( original )?.[ 1 ] ?? '';
		expect( span ).toContain( 'LastMDate' );
		const text = original
			.replace( header, '' )
			.replace(
				/(<table class="fixedTable blogpost"[^>]*>)/,
				`$1<tr><td>${ span }</td></tr>`
			);
		const { posts } = msnPage.extract( {
			path: 'a.htm',
			text,
			modified: null,
			reference: null,
		} );
		expect( posts.map( ( p ) => p.published ) ).toEqual(
			[ ...samples ].reverse().map( ( p ) => p.published )
		);
	} );

	it( 'reads a commenter’s name written without bold', () => {
		const text = msnPageHtml( sampleMsnPosts(), PAGE ).replace(
			'Published By <b>Cleo</b>',
			'Published By Cleo'
		);
		expect( text ).toContain( 'Published By Cleo (' );
		const { posts } = msnPage.extract( {
			path: 'a.htm',
			text,
			modified: null,
			reference: null,
		} );
		expect( byTitle( posts, 'Lunch at Luigi’s' ).comments[ 1 ] ).toEqual( {
			author: 'Cleo',
			authorUrl: 'http://spaces.msn.com/members/cleo/',
			published: '2005-01-28T09:15:00',
			html: 'Their tiramisu is better.',
		} );
	} );

	it( 'gives a post without ids the same identity on every page that shows it', async () => {
		const samples = sampleMsnPosts();
		const december = samples.filter( ( p ) =>
			p.published.startsWith( '2004-12' )
		);
		// The month page, saved later: its archive module lists more months.
		const monthPage: MsnPage = {
			...PAGE,
			archiveMonths: [ ...PAGE.archiveMonths, [ 2005, 2 ], [ 2005, 3 ] ],
		};
		const { model } = await readInputs(
			[
				{
					path: 'space/default.htm',
					data: encode( msnPageHtml( samples, PAGE ) ),
					modified: '2005-02-05T10:00:00',
				},
				{
					path: 'space/2004-12.htm',
					data: encode( msnPageHtml( december, monthPage ) ),
					modified: '2005-03-20T10:00:00',
				},
			],
			'space'
		);
		expect( model.posts ).toHaveLength( samples.length );
		const walk = byTitle( model.posts, 'Winter walk' );
		expect( walk.sourceId ).toMatch( /^local!/ );
		expect( walk.files.sort() ).toEqual( [
			'space/2004-12.htm',
			'space/default.htm',
		] );
		expect( walk.comments ).toHaveLength( 1 );
		// Oldest first: the id-less posts sit among the others by date.
		expect( model.posts.map( ( p ) => p.published ) ).toEqual(
			samples.map( ( p ) => p.published )
		);
		expect(
			model.warnings.filter( ( w ) => w.code.startsWith( 'date' ) )
		).toEqual( [] );
		expect( model.blog ).toMatchObject( {
			title: 'Anna’s Kitchen',
			host: 'anna.spaces.msn.com',
			cid: SAMPLE_MSN_CID,
		} );
	} );

	it( 'without archive links, takes the year from the file’s date and says so', () => {
		const samples = sampleMsnPosts();
		const { posts, warnings } = extract(
			samples,
			{ ...PAGE, archiveMonths: [] },
			'2005-02-10T12:00:00'
		);
		expect( posts.map( ( p ) => p.published ) ).toEqual(
			[ ...samples ].reverse().map( ( p ) => p.published )
		);
		expect(
			byTitle( posts, 'Lunch at Luigi’s' ).comments.map(
				( c ) => c.published
			)
		).toEqual(
			expectedComments( samples[ samples.length - 1 ] ).map(
				( c ) => c.published
			)
		);
		expect( warnings ).toEqual( [
			expect.objectContaining( {
				file: 'default.htm',
				code: 'date-year-guessed',
			} ),
		] );
		expect( warnings[ 0 ].message ).toContain( 'default.htm' );
	} );

	it( 'without archive links or a file date, leaves posts undated for the model to place', async () => {
		const samples = sampleMsnPosts();
		const text = msnPageHtml( samples, { ...PAGE, archiveMonths: [] } );
		const { posts } = msnPage.extract( {
			path: 'a.htm',
			text,
			modified: null,
			reference: null,
		} );
		expect( posts.map( ( p ) => p.published ) ).toEqual(
			samples.map( () => null )
		);
		// Still the same identity as when the year is known.
		const dated = extract( samples );
		expect( posts.map( ( p ) => p.sourceId ) ).toEqual(
			dated.posts.map( ( p ) => p.sourceId )
		);
		const { model } = await readInputs(
			[ { path: 'a.htm', data: encode( text ) } ],
			'a.htm'
		);
		expect( model.posts ).toHaveLength( samples.length );
		expect(
			model.warnings.filter( ( w ) => w.code === 'date-missing' )
		).toHaveLength( samples.length );
	} );

	it.each( [ 'de-DE', 'zh-CN' ] as const )(
		'reads days, times and comment dates in %s',
		( culture ) => {
			const samples = sampleMsnPosts();
			const { posts, blog } = extract( samples, { ...PAGE, culture } );
			expect( blog.culture ).toBe( culture );
			for ( const sample of samples ) {
				const post = byTitle( posts, sample.title );
				expect( post.published ).toBe( sample.published );
				expect( post.comments.map( ( c ) => c.published ) ).toEqual(
					expectedComments( sample ).map( ( c ) => c.published )
				);
			}
		}
	);

	it( 'reads a post without ids whose body cell has no class, by its place', () => {
		const samples = sampleMsnPosts();
		const text = msnPageHtml( samples, PAGE ).replace(
			/<td class="bvwordwrap">(<div>Frost)/,
			'<td>$1'
		);
		expect( text ).toContain( '<td><div>Frost' );
		const { posts } = msnPage.extract( {
			path: 'a.htm',
			text,
			modified: null,
			reference: null,
		} );
		expect( byTitle( posts, 'Winter walk' ).html ).toBe(
			'<div>Frost on the <b>river</b> this morning.</div>'
		);
	} );

	it.each( [ 'en-US', 'zh-CN' ] as const )(
		'reads archive months from their text and relative permalinks (%s)',
		( culture ) => {
			const samples = sampleMsnPosts();
			const text = msnPageHtml( samples, { ...PAGE, culture } )
				.replace(
					/_c11_BlogPart_ayear=\d+&amp;_c11_BlogPart_amonth=\d+&amp;/g,
					''
				)
				.replace(
					/http:\/\/spaces\.msn\.com\/members\/anna\/Blog\//g,
					'/members/anna/Blog/'
				);
			expect( text ).not.toMatch( /ayear|http:\/\/[^"]*\.entry/ );
			const { posts } = msnPage.extract( {
				path: 'a.htm',
				text,
				modified: null,
				reference: null,
			} );
			expect(
				posts.map( ( p ) => [ p.published, p.originalUrl ] )
			).toEqual(
				[ ...samples ]
					.reverse()
					.map( ( p ) => [
						p.published,
						p.sourceId
							? `http://spaces.msn.com/members/anna/Blog/${ p.sourceId }.entry`
							: null,
					] )
			);
		}
	);

	it( 'matches the post table’s classes in any case and order', () => {
		const text = msnPageHtml( sampleMsnPosts(), PAGE ).replace(
			/class="fixedTable blogpost"/g,
			'class="BlogPost FIXEDTABLE"'
		);
		expect( msnPage.detect( text, 'a.htm' ) ).toBe( true );
		expect(
			msnPage.extract( {
				path: 'a.htm',
				text,
				modified: null,
				reference: null,
			} ).posts
		).toHaveLength( sampleMsnPosts().length );
	} );

	it( 'does not take the page’s chrome for posts', () => {
		// The same page with its posts removed: navigation, modules, the
		// "Blog" header, `fixedTable` layout tables and `bold` spans remain.
		const chrome = msnPageHtml( [], PAGE );
		expect( chrome ).toContain( 'fixedTable' );
		expect( msnPage.detect( chrome, 'a.htm' ) ).toBe( false );
	} );

	it( 'leaves the live site’s pages to the live-page reader', () => {
		const { files } = generateArchive( {
			posts: 12,
			comments: 20,
			images: 0,
			seed: 5,
			monthPages: true,
		} );
		const pages = Object.entries( files ).filter( ( [ name ] ) =>
			/\.(?:html?|entry)$/i.test( name )
		);
		expect( pages.length ).toBeGreaterThan( 0 );
		for ( const [ name, bytes ] of pages ) {
			const text = new TextDecoder().decode( bytes );
			expect( [ name, msnPage.detect( text, name ) ] ).toEqual( [
				name,
				false,
			] );
		}
		const one = pageHtml(
			[
				{
					cid: 'A1B2C3D4E5F60708',
					number: 3,
					title: 't',
					html: '<table class="blogpost"><tr><td>x</td></tr></table>',
					published: '2008-01-01T10:00:00',
					comments: [],
					era: '2007',
				},
			],
			{ culture: 'en-US', host: 'a.spaces.live.com', blogTitle: 'A' }
		);
		expect( chooseExtractor( one, 'a.html' )?.name ).toBe( 'live-page' );
	} );

	const real = path.resolve( __dirname, '../../../../shared/fixtures/real' );
	const realFiles = [
		'entry_zhoushuqun.spaces.live.com.html',
		'homepage_zhoushuqun.spaces.live.com.html',
		'listpage_zhoushuqun.spaces.live.com.html',
	].map( ( f ) => path.join( real, f ) );
	const haveReal = realFiles.every( ( f ) => existsSync( f ) );
	if ( ! haveReal ) {
		// eslint-disable-next-line no-console
		console.warn(
			`SKIPPED: the real Spaces pages were not found in ${ real }; MSN detection was not checked against them.`
		);
	}
	( haveReal ? describe : describe.skip )( 'the real live-site pages', () => {
		it.each( realFiles )( 'are not claimed: %s', ( file ) => {
			const text = readFileSync( file, 'utf8' );
			expect( msnPage.detect( text, file ) ).toBe( false );
			expect( chooseExtractor( text, file )?.name ).toBe( 'live-page' );
		} );
	} );
} );
