/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { livePage } from '../extractors/live-page';
import {
	pageHtml,
	type SamplePage,
	type SamplePost,
} from '../../../tests/support/archive/markup';

const PAGE: SamplePage = {
	culture: 'en-US',
	host: 'anna.spaces.live.com',
	blogTitle: 'Anna’s &amp; “space”',
	charset: 'utf-8',
};
const CID = 'A1B2C3D4E5F60708';

function post( overrides: Partial< SamplePost > = {} ): SamplePost {
	return {
		cid: CID,
		number: 101,
		title: 'Tom & Jerry <3 “Zürich” 上海',
		html: '<p>Hello <b>world</b> — café</p>',
		published: '2008-09-20T13:05:00',
		category: 'Travel & Places',
		era: '2007',
		comments: [
			{
				author: 'Ben',
				email: 'ben@example.com',
				html: 'First!',
				published: '2008-09-21T10:00:00',
			},
			{
				author: 'Cleo',
				authorUrl: 'http://cleo.spaces.live.com/',
				html: 'Second <i>one</i>',
				published: '2008-09-22T11:30:00',
			},
		],
		...overrides,
	};
}

function extract(
	posts: SamplePost[],
	page: SamplePage = PAGE,
	modified: string | null = null
) {
	const text = pageHtml( posts, page );
	expect( livePage.detect( text, 'a.html' ) ).toBe( true );
	return livePage.extract( {
		path: 'a.html',
		text,
		modified,
		reference: modified,
	} );
}

describe( 'live-site pages', () => {
	it( 'reads an entry: id, title, body, date, category, address', () => {
		const { posts, blog } = extract( [ post() ] );
		expect( blog ).toEqual( {
			culture: 'en-US',
			title: 'Anna’s &amp; “space”',
			host: 'anna.spaces.live.com',
			cid: CID,
		} );
		expect( posts ).toHaveLength( 1 );
		expect( posts[ 0 ] ).toMatchObject( {
			sourceId: `cns!${ CID }!101`,
			number: 101,
			title: 'Tom & Jerry <3 “Zürich” 上海',
			html: '<p>Hello <b>world</b> — café</p>',
			published: '2008-09-20T13:05:00',
			dateSource: 'footer',
			categories: [ 'Travel & Places' ],
			originalUrl: `http://anna.spaces.live.com/blog/cns!${ CID }!101.entry`,
			declaredCommentCount: 2,
		} );
	} );

	it.each( [ '2007', '2008', '2010', 'generic' ] as const )(
		'reads %s comments, oldest first, with authors and links',
		( era ) => {
			const { posts } = extract( [ post( { era } ) ] );
			expect( posts[ 0 ].comments ).toEqual( [
				{
					author: 'Ben',
					authorUrl: null,
					published: '2008-09-21T10:00:00',
					html: 'First!',
				},
				{
					author: 'Cleo',
					authorUrl:
						era === 'generic'
							? null
							: 'http://cleo.spaces.live.com/',
					published: '2008-09-22T11:30:00',
					html: 'Second <i>one</i>',
				},
			] );
		}
	);

	it( 'places relative comment dates against the save time', () => {
		const sample = post( { era: '2010' } );
		sample.comments[ 0 ].dateText = 'Sept. 27';
		sample.comments[ 1 ].dateText = '5 seconds ago';
		const { posts } = extract( [ sample ], PAGE, '2008-11-10T12:00:00' );
		expect( posts[ 0 ].comments.map( ( c ) => c.published ) ).toEqual( [
			'2008-09-27T00:00:00',
			'2008-11-10T11:59:55',
		] );
	} );

	it( 'reads list pages with many entries, comments with their entry', () => {
		const first = post( { number: 101, era: '2008' } );
		const second = post( {
			number: 102,
			title: 'Second',
			era: '2008',
			comments: [
				{ author: 'Dan', html: 'Hi', published: '2008-10-01T09:00:00' },
			],
		} );
		const { posts } = extract( [ second, first ] );
		expect(
			posts.map( ( p ) => [
				p.number,
				p.comments.map( ( c ) => c.author ),
			] )
		).toEqual( [
			[ 102, [ 'Dan' ] ],
			[ 101, [ 'Ben', 'Cleo' ] ],
		] );
	} );

	it.each( [
		[ 'de-DE', '2008-09-20T13:05:00' ],
		[ 'en-GB', '2008-09-20T13:05:00' ],
		[ 'fr-FR', '2008-09-05T13:05:00' ],
		[ 'zh-CN', '2008-09-05T13:05:07' ],
		[ 'ja-JP', '2008-09-05T13:05:07' ],
	] )( 'reads footer dates in %s', ( culture, published ) => {
		const { posts } = extract( [ post( { published, comments: [] } ) ], {
			...PAGE,
			culture,
		} );
		expect( posts[ 0 ].published ).toBe( published );
	} );

	it( 'reads long English dates', () => {
		const { posts } = extract( [ post( { comments: [] } ) ], {
			...PAGE,
			longDates: true,
		} );
		expect( posts[ 0 ].published ).toBe( '2008-09-20T13:05:00' );
	} );

	it( 'warns when a date cannot be read', () => {
		const text = pageHtml( [ post( { comments: [] } ) ], PAGE ).replace(
			'9/20/2008 1:05 PM',
			'someday'
		);
		const { posts, warnings } = livePage.extract( {
			path: 'a.html',
			text,
			modified: null,
			reference: null,
		} );
		expect( posts[ 0 ].published ).toBeNull();
		expect( warnings.map( ( w ) => w.code ) ).toEqual( [
			'date-unreadable',
		] );
	} );

	it( 'finds images, album photos and links in the body', () => {
		const html = [
			'<img src="img/a.jpg" alt="A">',
			'<a href="http://by1.storage.msn.com/full.jpg" rel="WLPP;url=http://by1.storage.msn.com/full.jpg;cnsid=cns!1!5"><img src="http://by1.storage.msn.com/thumb.jpg" alt="B"></a>',
			'<a href="http://anna.spaces.live.com/blog/cns!A1B2C3D4E5F60708!99.entry#post">older</a>',
		].join( '' );
		const { posts } = extract( [ post( { html, comments: [] } ) ] );
		expect( posts[ 0 ].images ).toEqual( [
			{ reference: 'img/a.jpg', alt: 'A', thumbnail: null },
			{
				reference: 'http://by1.storage.msn.com/full.jpg',
				alt: 'B',
				thumbnail: 'http://by1.storage.msn.com/thumb.jpg',
			},
		] );
		expect( posts[ 0 ].hrefs ).toContain(
			'http://anna.spaces.live.com/blog/cns!A1B2C3D4E5F60708!99.entry#post'
		);
	} );

	it( 'survives broken markup', () => {
		const text = pageHtml( [ post() ], PAGE )
			.replace( '</h4>', '' )
			.replace( /<\/div><\/div>$/, '' )
			.slice( 0, -200 );
		const { posts } = livePage.extract( {
			path: 'a.html',
			text,
			modified: null,
			reference: null,
		} );
		expect( posts ).toHaveLength( 1 );
		expect( posts[ 0 ].sourceId ).toBe( `cns!${ CID }!101` );
	} );
} );
