/**
 * @jest-environment node
 */

/**
 * The migration download (space.zip as Microsoft served it, spaces-archive.md
 * section 1b): an index page and entry pages in markup of their own.
 */

/**
 * External dependencies
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Internal dependencies
 */
import { ArchiveError, readArchive, type ArchiveModel } from '..';
import { livePage } from '../extractors/live-page';
import {
	migrationPage,
	splitCommentHeading,
} from '../extractors/migration-page';
import {
	pageHtml,
	type SamplePage,
} from '../../../tests/support/archive/markup';
import {
	generateMigrationArchive,
	type GeneratedMigration,
	type MigrationOptions,
} from '../../../tests/support/archive/migration';

/** The importer's own ids: `local!` and 16 lowercase hex digits. */
const LOCAL_ID_PATTERN = /^local![0-9a-f]{16}$/;

async function read( files: Zippable ): Promise< ArchiveModel > {
	return ( await readArchive( zipSync( files ), 'space.zip' ) ).model;
}

function generate( options: Partial< MigrationOptions > = {} ) {
	return generateMigrationArchive( {
		posts: 24,
		comments: 90,
		images: 10,
		seed: 11,
		...options,
	} );
}

const warningsOf = ( model: ArchiveModel, code: string ) =>
	model.warnings.filter( ( w ) => w.code === code );

/**
 * Checks that the model holds the generated posts as written.
 *
 * @param model     The model.
 * @param generated What was generated.
 */
function expectPostsAsWritten(
	model: ArchiveModel,
	generated: GeneratedMigration
) {
	expect( model.posts.map( ( p ) => p.title ) ).toEqual(
		generated.posts.map( ( p ) => p.title )
	);
	for ( const [ i, post ] of model.posts.entries() ) {
		const sample = generated.posts[ i ];
		expect( post.sourceId ).toMatch( LOCAL_ID_PATTERN );
		expect( post.number ).toBe( 0 );
		expect( post.published ).toBe( sample.published );
		expect( post.dateSource ).toBe( 'footer' );
		expect( post.originalUrl ).toBeNull();
		expect( post.categories ).toEqual( [] );
		expect( post.files ).toEqual( [ sample.file ] );
		expect(
			post.comments.map( ( c ) => [ c.author, c.published ] )
		).toEqual( sample.comments.map( ( c ) => [ c.author, c.published ] ) );
		expect( post.comments.map( ( c ) => c.authorUrl ) ).toEqual(
			sample.comments.map( ( c ) => c.authorUrl )
		);
		expect( post.comments.map( ( c ) => c.html ) ).toEqual(
			sample.comments.map( ( c ) => c.html )
		);
		expect( post.images.map( ( img ) => img.archivePath ) ).toEqual(
			sample.images
		);
	}
}

describe( 'the migration download', () => {
	const generated = generate();

	it( 'reads every post, comment and image of the entry pages', async () => {
		const model = await read( generated.files );
		expect( model.posts ).toHaveLength( 24 );
		expect(
			model.posts.reduce( ( n, p ) => n + p.comments.length, 0 )
		).toBe( 90 );
		expect( model.media.map( ( m ) => m.path ).sort() ).toEqual(
			[ ...generated.images ].sort()
		);
		expect( model.media.every( ( m ) => m.mimeType === 'image/png' ) ).toBe(
			true
		);
		expectPostsAsWritten( model, generated );
		// Bodies are the owner's, without the page's chrome.
		expect( model.posts[ 0 ].html ).toContain( '<p>' );
		expect( model.posts[ 0 ].html ).not.toMatch( /Home|<h2|<h5/ );
	} );

	it( 'splits comment authors holding “ - ” at the last one before the date', async () => {
		const model = await read( generated.files );
		const authors = new Set(
			model.posts.flatMap( ( p ) => p.comments.map( ( c ) => c.author ) )
		);
		expect( authors ).toContain( 'Anna - the Reader' );
		expect( authors ).toContain( 'Old - Friend - 2' );
		expect( authors ).toContain( '小明 - 上海' );
		expect(
			splitCommentHeading(
				'Fan - 2008/1/1 - club - 2009/2/14 10:05:00',
				null
			)
		).toEqual( {
			author: 'Fan - 2008/1/1 - club',
			dateText: '2009/2/14 10:05:00',
		} );
	} );

	it( 'takes the blog title from the index, which is not reported as skipped', async () => {
		const model = await read( generated.files );
		expect( model.blog.title ).toBe( 'Notes & Photos — 日记' );
		const skipped = warningsOf( model, 'pages-without-posts' );
		// The about page the index links is the only page without posts.
		expect( skipped ).toHaveLength( 1 );
		expect( skipped[ 0 ].message ).toContain( 'about.html' );
		expect( skipped[ 0 ].message ).not.toContain( 'index.html' );
		expect( skipped[ 0 ].message ).not.toContain( 'style.css' );
		expect( model.posts.some( ( p ) => /about/i.test( p.title ) ) ).toBe(
			false
		);
	} );

	it( 'says once for the archive that it holds no categories', async () => {
		const model = await read( generated.files );
		const absent = warningsOf( model, 'categories-absent' );
		expect( absent ).toHaveLength( 1 );
		expect( absent[ 0 ].file ).toBeNull();
		expect( absent[ 0 ].message ).toMatch( /no categories/ );
		// And nothing else is wrong with it.
		expect(
			model.warnings
				.map( ( w ) => w.code )
				.filter(
					( c ) =>
						c !== 'categories-absent' && c !== 'pages-without-posts'
				)
		).toEqual( [] );
	} );

	it( 'gives the same ids on every read and under a wrapping folder', async () => {
		const first = await read( generated.files );
		const again = await read( generated.files );
		const wrapped = await read(
			generate( { root: 'My Documents/space/' } ).files
		);
		const ids = first.posts.map( ( p ) => p.sourceId );
		expect( new Set( ids ).size ).toBe( 24 );
		expect( again.posts.map( ( p ) => p.sourceId ) ).toEqual( ids );
		expect( wrapped.posts.map( ( p ) => p.sourceId ) ).toEqual( ids );
		expect( wrapped.blog.title ).toBe( first.blog.title );
		expect( wrapped.posts[ 0 ].files[ 0 ] ).toMatch(
			/^My Documents\/space\//
		);
		// A different download gives different ids.
		const other = await read( generate( { seed: 12 } ).files );
		expect(
			other.posts.filter( ( p ) => ids.includes( p.sourceId ) )
		).toEqual( [] );
	} );

	it( 'turns links between entry pages into links to the posts', async () => {
		const model = await read( generated.files );
		const expected = generated.posts.flatMap( ( sample, i ) =>
			sample.links.map( ( link ) => ( {
				from: model.posts[ i ].sourceId,
				href: link.href,
				sourceId: model.posts[ link.target ].sourceId,
			} ) )
		);
		expect( expected.length ).toBeGreaterThan( 0 );
		expect(
			model.posts.flatMap( ( p ) =>
				p.links.map( ( l ) => ( { from: p.sourceId, ...l } ) )
			)
		).toEqual( expected );
	} );

	it.each( [
		[ 'zh-CN', /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/ ],
		[ 'en-US', /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/ ],
		[ 'de-DE', /^\d{1,2}\.\d{1,2}\.\d{4} \d{2}:\d{2}:\d{2}$/ ],
	] as const )(
		'reads %s dates without a declared culture',
		async ( locale, printed ) => {
			const sample = generate( { locale, seed: 5 } );
			expect( sample.posts[ 0 ].dateText ).toMatch( printed );
			const model = await read( sample.files );
			expectPostsAsWritten( model, sample );
			expect( model.blog.culture ).toBeNull();
		}
	);

	it.each( [
		[ '3.2.2009 10:05:00', '2009-02-03T10:05:00' ],
		[ '3/2/2009 10:05:00 AM', '2009-03-02T10:05:00' ],
		[ '3/2/2009 22:05:00', '2009-02-03T22:05:00' ],
		[ '2009/3/2 10:05:00', '2009-03-02T10:05:00' ],
	] )(
		'tells day from month in an ambiguous date (%s)',
		async ( text, expected ) => {
			const model = await read( {
				'entry.html': strToU8(
					`<html><body><div id="bp1"><h2 id="Title1">T</h2><h5 id="publish1">${ text }</h5><div class="blogpost">x</div></div></body></html>`
				),
			} );
			expect( model.posts[ 0 ].published ).toBe( expected );
		}
	);

	it( 'uses the page’s culture when it declares one', async () => {
		const model = await read( {
			'entry.html': strToU8(
				`<html web:culture="en-US"><body><div id="bp1"><h2 id="Title1">T</h2><h5 id="publish1">3/2/2009 10:05</h5><div class="blogpost">x</div></div></body></html>`
			),
		} );
		expect( model.posts[ 0 ].published ).toBe( '2009-03-02T10:05:00' );
		expect( model.blog.culture ).toBe( 'en-US' );
	} );

	it( 'keeps comments oldest first when the page lists them newest first', async () => {
		const sample = generate( { commentOrder: 'newest-first' } );
		const model = await read( sample.files );
		const many = model.posts.filter( ( p ) => p.comments.length > 1 );
		expect( many.length ).toBeGreaterThan( 0 );
		expectPostsAsWritten( model, sample );
	} );

	it( 'keeps the page’s order of comments without dates, reversed when the dates run backwards', async () => {
		const entry = ( heads: string[] ) =>
			strToU8(
				`<html><body><div id="bp1"><h2 id="Title1">T</h2><h5 id="publish1">2009/2/14 10:05:00</h5><div class="blogpost">x</div><div class="comments">${ heads
					.map(
						( h, i ) =>
							`<div id="comment${ i }"><h5>${ h }</h5><p>c${ i }</p></div>`
					)
					.join( '' ) }</div></div></body></html>`
			);
		const undated = await read( {
			'e.html': entry( [ 'B', 'A', 'C - someday' ] ),
		} );
		expect( undated.posts[ 0 ].comments.map( ( c ) => c.author ) ).toEqual(
			[ 'B', 'A', 'C' ]
		);
		expect( undated.posts[ 0 ].comments[ 2 ].published ).toBeNull();
		const backwards = await read( {
			'e.html': entry( [
				'Z - 2009/2/16 10:00:00',
				'Y',
				'X - 2009/2/15 10:00:00',
			] ),
		} );
		expect(
			backwards.posts[ 0 ].comments.map( ( c ) => c.author )
		).toEqual( [ 'X', 'Y', 'Z' ] );
	} );

	it( 'reads every post of a page holding several', async () => {
		const sample = generate( { postsPerPage: 3 } );
		const model = await read( sample.files );
		expect( model.posts ).toHaveLength( 24 );
		expectPostsAsWritten( model, sample );
		expect( new Set( model.posts.map( ( p ) => p.sourceId ) ).size ).toBe(
			24
		);
		expect( warningsOf( model, 'categories-absent' ) ).toHaveLength( 1 );
	} );

	it( 'reads a post without headings, and comments printed beside it', async () => {
		const model = await read( {
			'e.html': strToU8(
				'<html><body><div ID="BP_1"><DIV class="x BlogPost"><p>Only a body</p></DIV></div>' +
					'<div class="Comments"><div id="c_Comment1"><h5>Anna - the Reader - 2009/2/14 10:05:00</h5><p>Nice</p></div></div></body></html>'
			),
		} );
		expect( model.posts ).toHaveLength( 1 );
		const [ post ] = model.posts;
		expect( post.html ).toBe( '<p>Only a body</p>' );
		expect( post.published ).toBeNull();
		expect( post.comments ).toEqual( [
			{
				author: 'Anna - the Reader',
				authorUrl: null,
				published: '2009-02-14T10:05:00',
				html: '<p>Nice</p>',
			},
		] );
	} );

	it( 'makes one post of a post met on its entry page and on a page listing several', async () => {
		const post = ( title: string, link: string, comments: string ) =>
			`<div id="bp_${ title }"><h2 id="Title"><a href="${ link }">${ title }</a></h2><h5 id="publish">2009/2/${
				title === 'One' ? 14 : 16
			} 10:05:00</h5><div class="blogpost"><p>${ title } body</p></div>${ comments }</div>`;
		const comment =
			'<div class="comments"><div id="comment1"><h5>Ann - 2009/2/15 9:00:00</h5><p>Hi</p></div></div>';
		const model = await read( {
			'space/Entry1.html': strToU8(
				post( 'One', 'Entry1.html', comment )
			),
			'space/entry2.html': strToU8( post( 'Two', './entry2.html', '' ) ),
			'space/recent.html': strToU8(
				post( 'One', 'Entry1.html', '' ) +
					post( 'Two', 'entry2.html', '' )
			),
		} );
		expect( model.posts.map( ( p ) => p.title ) ).toEqual( [
			'One',
			'Two',
		] );
		// The richer copy, with its comment, is kept.
		expect( model.posts[ 0 ].comments ).toHaveLength( 1 );
		expect( model.posts[ 0 ].files.sort() ).toEqual( [
			'space/Entry1.html',
			'space/recent.html',
		] );
	} );

	it( 'is told apart from the live site’s pages, both ways', () => {
		const live = pageHtml(
			[
				{
					cid: 'A1B2C3D4E5F60708',
					number: 5,
					title: 'Live',
					html: '<p>x</p>',
					published: '2008-05-10T10:00:00',
					category: 'Music',
					era: '2008',
					comments: [],
				},
			],
			{
				culture: 'en-US',
				host: 'anna.spaces.live.com',
				blogTitle: 'Anna',
			}
		);
		const entry = new TextDecoder().decode(
			generated.files[ generated.posts[ 0 ].file ]
		);
		expect( migrationPage.detect( live, 'live.html' ) ).toBe( false );
		expect( livePage.detect( entry, 'entry1.html' ) ).toBe( false );
		expect( migrationPage.detect( entry, 'entry1.html' ) ).toBe( true );
		const index = new TextDecoder().decode(
			generated.files[ generated.index ]
		);
		expect( migrationPage.detect( index, 'index.html' ) ).toBe( false );
		// A body alone is enough; a table of class `blogpost` (the MSN
		// Spaces era's) is not this markup.
		expect(
			migrationPage.detect(
				'<div ID="BP_1"><DIV class="x BlogPost">text</DIV></div>',
				'e.html'
			)
		).toBe( true );
		expect(
			migrationPage.detect(
				'<div id="WebPart1"><table class="fixedTable blogpost"><tr><td>x</td></tr></table></div>',
				'msn.html'
			)
		).toBe( false );
	} );

	it( 'reads a live-site page and a migration download mixed in one zip', async () => {
		const page: SamplePage = {
			culture: 'en-US',
			host: 'anna.spaces.live.com',
			blogTitle: 'Anna',
			charset: 'utf-8',
		};
		const live = pageHtml(
			[
				{
					cid: 'A1B2C3D4E5F60708',
					number: 5,
					title: 'A live post',
					html: '<p>x</p>',
					published: '2008-05-10T10:00:00',
					category: 'Music',
					era: '2008',
					comments: [],
				},
			],
			page
		);
		const files: Zippable = {
			'saved/cns!A1B2C3D4E5F60708!5.html': strToU8( live ),
		};
		for ( const [ path, bytes ] of Object.entries( generated.files ) ) {
			files[ `space/${ path }` ] = bytes;
		}
		const model = await read( files );
		expect( model.posts ).toHaveLength( 25 );
		const livePost = model.posts.find(
			( p ) => p.sourceId === 'cns!A1B2C3D4E5F60708!5'
		);
		expect( livePost?.categories ).toEqual( [ 'Music' ] );
		expect(
			model.posts.filter( ( p ) => LOCAL_ID_PATTERN.test( p.sourceId ) )
		).toHaveLength( 24 );
		expect( warningsOf( model, 'categories-absent' ) ).toHaveLength( 1 );
		expect(
			warningsOf( model, 'pages-without-posts' )[ 0 ].message
		).not.toContain( 'index.html' );
	} );

	it( 'still refuses an index without its entry pages, naming it', async () => {
		const error = await read( {
			'index.html': generated.files[ generated.index ],
		} ).catch( ( e ) => e );
		expect( error ).toBeInstanceOf( ArchiveError );
		expect( error.code ).toBe( 'no-posts' );
		expect( error.message ).toContain( 'web page without blog entries' );
	} );
} );
