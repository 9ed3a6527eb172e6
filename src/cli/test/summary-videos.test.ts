/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost, ArchiveVideo } from '../../archive';
import { summarize } from '../summary';

function video( extra: Partial< ArchiveVideo > ): ArchiveVideo {
	return {
		provider: 'youtube',
		kind: 'embed',
		url: 'http://www.youtube.com/v/dQw4w9WgXcQ',
		link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		title: null,
		width: null,
		height: null,
		archivePath: null,
		playable: false,
		...extra,
	};
}

function post( n: number, videos: ArchiveVideo[] ): ArchivePost {
	return {
		sourceId: `cns!ABCDEF!${ n }`,
		number: n,
		title: `Post ${ n }`,
		html: '',
		published: '2007-01-03T23:55:16',
		dateSource: 'footer',
		categories: [],
		originalUrl: null,
		comments: [],
		declaredCommentCount: null,
		images: [],
		links: [],
		files: [ 'a.html' ],
		videos,
	};
}

const model = ( posts: ArchivePost[] ): ArchiveModel => ( {
	name: 'space.zip',
	blog: { title: 'Blog', host: null, cid: null, culture: null },
	posts,
	media: [],
	warnings: [],
} );

describe( 'inspect summary', () => {
	it( 'counts the videos found, embeddable, dead and files, and names the posts that cannot play theirs', () => {
		const text = summarize(
			model( [
				post( 1, [
					video( {} ),
					video( { provider: 'soapbox', kind: 'dead' } ),
				] ),
				post( 2, [
					video( {
						provider: 'file',
						kind: 'file',
						archivePath: 'v/a.mp4',
						playable: true,
					} ),
				] ),
				post( 3, [ video( {} ) ] ),
			] )
		);
		expect( text ).toContain(
			'Videos: 4 found, 2 embeddable, 1 dead (become links), 1 file in the archive'
		);
		expect( text ).toContain(
			'  Posts with videos that cannot play: “Post 1”'
		);
	} );

	it( 'says nothing of videos when there are none', () => {
		expect( summarize( model( [ post( 1, [] ) ] ) ) ).not.toContain(
			'Videos'
		);
	} );
} );
