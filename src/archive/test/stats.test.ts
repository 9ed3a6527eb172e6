/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost, ArchiveVideo } from '../model';
import { archiveOverview, archiveStats, hasUnplayableVideos } from '../stats';

function video( kind: ArchiveVideo[ 'kind' ], playable = false ): ArchiveVideo {
	return {
		provider: 'file' === kind ? 'file' : 'youtube',
		kind,
		url: 'http://example.com/v',
		link: 'http://example.com/v',
		title: null,
		width: null,
		height: null,
		archivePath: 'file' === kind ? `v.${ playable ? 'mp4' : 'wmv' }` : null,
		playable,
	};
}

function post( n: number, extra: Partial< ArchivePost > = {} ): ArchivePost {
	return {
		sourceId: `cns!ABCDEF!${ n }`,
		number: n,
		title: `Post ${ n }`,
		html: '<p>A body the screen never needs</p>',
		published: `2007-01-0${ n }T10:00:00`,
		dateSource: 'footer',
		categories: [],
		originalUrl: null,
		comments: [],
		declaredCommentCount: null,
		images: [],
		links: [],
		files: [ `${ n }.html` ],
		videos: [],
		...extra,
	};
}

const comment = {
	author: 'Anna',
	authorUrl: null,
	published: '2007-01-04T08:00:00',
	html: '<p>A comment the screen never needs</p>',
};

const model: ArchiveModel = {
	name: 'space.zip',
	blog: { title: 'Blog', host: null, cid: null, culture: null },
	posts: [
		post( 3, {
			categories: [ 'Life', 'Travel' ],
			comments: [ comment, comment ],
			declaredCommentCount: 5,
			images: [
				{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
				{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
				{ reference: 'http://x/b.jpg', archivePath: null, alt: '' },
			],
			videos: [ video( 'embed' ), video( 'dead' ) ],
		} ),
		post( 1, {
			categories: [ 'Life' ],
			comments: [ comment ],
			videos: [ video( 'file', true ), video( 'file', false ) ],
		} ),
		post( 2, { liveWriter: 'draft', published: null } ),
	],
	media: [
		{ path: 'v.wmv', size: 10, mimeType: 'video/x-ms-wmv' },
		{ path: 'v.mp4', size: 10, mimeType: 'video/mp4' },
	],
	warnings: [],
};

describe( 'archive statistics', () => {
	it( 'counts posts, drafts, comments, images, videos, categories and dates once', () => {
		expect( archiveStats( model ) ).toEqual( {
			posts: 3,
			drafts: 1,
			comments: 3,
			declaredComments: 6,
			imageReferences: 3,
			imagesFound: 1,
			imagesMissing: 1,
			links: 0,
			videos: { found: 4, embeddable: 1, dead: 1, files: 2 },
			videoFiles: [
				{ path: 'v.mp4', mimeType: 'video/mp4', playable: true },
				{ path: 'v.wmv', mimeType: 'video/x-ms-wmv', playable: false },
			],
			categories: [
				{ name: 'Life', posts: 2 },
				{ name: 'Travel', posts: 1 },
			],
			dateRange: {
				first: '2007-01-01T10:00:00',
				last: '2007-01-03T10:00:00',
			},
		} );
	} );

	it( 'gives the screen a line per post without bodies or comments', () => {
		const overview = archiveOverview( model );
		expect( overview.posts.map( ( line ) => line.sourceId ) ).toEqual(
			model.posts.map( ( line ) => line.sourceId )
		);
		expect( overview.posts[ 0 ] ).toEqual( {
			sourceId: 'cns!ABCDEF!3',
			title: 'Post 3',
			published: '2007-01-03T10:00:00',
			categories: [ 'Life', 'Travel' ],
			comments: 2,
			images: 3,
			imagesMissing: 1,
			deadVideos: 1,
			unplayableVideoFiles: 0,
		} );
		expect( overview.posts[ 2 ].liveWriter ).toBe( 'draft' );
		expect(
			overview.posts.filter( hasUnplayableVideos ).map( ( p ) => p.title )
		).toEqual( [ 'Post 3', 'Post 1' ] );
		const sent = JSON.stringify( overview );
		expect( sent ).not.toContain( 'never needs' );
	} );
} );
