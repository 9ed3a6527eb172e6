/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchiveVideo } from '../../archive/model';
import { runImport } from '../runner';
import type { Transport } from '../transport';
import type { RunInfo } from '../types';

const CID = 'ABCDEF0123456789';

function video( extra: Partial< ArchiveVideo > ): ArchiveVideo {
	return {
		provider: 'file',
		kind: 'file',
		url: 'video/beach.mp4',
		link: 'video/beach.mp4',
		title: null,
		width: null,
		height: null,
		archivePath: 'space/video/beach.mp4',
		playable: true,
		...extra,
	};
}

const archive: ArchiveModel = {
	name: 'space.zip',
	blog: { title: 'Blog', host: null, cid: CID, culture: 'en-US' },
	posts: [
		{
			sourceId: `cns!${ CID }!1`,
			number: 1,
			title: 'Films',
			html: '<!-- wp:video -->\n<figure class="wp-block-video"><video controls src="video/beach.mp4"></video></figure>\n<!-- /wp:video -->',
			published: '2007-04-20T13:29:00',
			dateSource: 'footer',
			categories: [],
			originalUrl: null,
			comments: [],
			declaredCommentCount: null,
			images: [],
			links: [],
			files: [ 'space/blog.html' ],
			videos: [
				video( {} ),
				video( {
					url: 'video/old.wmv',
					link: 'video/old.wmv',
					archivePath: 'space/video/old.wmv',
					playable: false,
				} ),
				video( {
					provider: 'youtube',
					kind: 'embed',
					url: 'http://www.youtube.com/v/dQw4w9WgXcQ',
					link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
					archivePath: null,
				} ),
			],
		},
	],
	media: [
		{ path: 'space/video/beach.mp4', size: 100, mimeType: 'video/mp4' },
		{ path: 'space/video/old.wmv', size: 100, mimeType: 'video/x-ms-wmv' },
	],
	warnings: [],
};

/**
 * A site taking MP4 but not WMV, recording what it is sent.
 *
 * @param allowedTypes The types the site accepts.
 * @return The transport and what it received.
 */
function site( allowedTypes = [ 'image/jpeg', 'video/mp4' ] ) {
	const uploaded: string[] = [];
	const posts: any[] = [];
	const run: RunInfo = {
		id: 3,
		fingerprint: 'f',
		name: 'space.zip',
		state: 'running',
		created: '2026-01-01T00:00:00',
		totals: {},
		importedPosts: 0,
		limits: {
			postsPerRequest: 50,
			maxUploadBytes: 100000,
			allowedTypes,
		},
	};
	const answer = ( path: string, body: any ): any => {
		if ( path.endsWith( '/media/lookup' ) ) {
			return { found: {} };
		}
		if ( path.endsWith( '/media/batch' ) ) {
			// The fields of each file are `items[N][name]`.
			const files: string[] = [];
			for ( const [ key, value ] of ( body as FormData ).entries() ) {
				if ( /^items\[\d+\]\[path\]$/.test( key ) ) {
					files.push( String( value ) );
				}
			}
			uploaded.push( ...files );
			return {
				results: files.map( ( file ) => ( {
					path: file,
					attachmentId: 9,
					url: 'http://site/beach.mp4',
					status: 'created',
				} ) ),
			};
		}
		if ( path.endsWith( '/posts' ) ) {
			posts.push( ...body.posts );
			return {
				results: body.posts.map( ( p: any ) => ( {
					sourceId: p.sourceId,
					postId: 1,
					status: 'created',
				} ) ),
			};
		}
		if ( path.endsWith( '/finalize' ) ) {
			return { ...run, state: 'complete', finalize: { remaining: 0 } };
		}
		return run;
	};
	const transport: Transport = {
		request: async < T >( _method: string, path: string, body?: unknown ) =>
			answer( path, body ) as T,
		upload: async < T >( path: string, form: FormData ) =>
			answer( path, form ) as T,
	};
	return { transport, uploaded, posts };
}

describe( 'video files of the archive', () => {
	it( 'uploads those the site takes, names them to the post like images, and reports the others', async () => {
		const { transport, uploaded, posts } = site();
		const report = await runImport( {
			model: archive,
			transport,
			media: { read: async () => new Uint8Array( [ 1, 2, 3 ] ) },
			retry: { attempts: 1, baseDelayMs: 1 },
		} );
		expect( uploaded ).toEqual( [ 'space/video/beach.mp4' ] );
		expect( posts[ 0 ].images ).toEqual( [
			{ reference: 'video/beach.mp4', attachmentId: 9 },
		] );
		expect( report.media ).toEqual(
			expect.arrayContaining( [
				expect.objectContaining( {
					path: 'space/video/old.wmv',
					status: 'failed',
					message: 'This site does not accept video/x-ms-wmv files.',
				} ),
			] )
		);
	} );

	it( 'a video block whose file the site refused becomes a link named after the file, not an empty player', async () => {
		const { transport, uploaded, posts } = site( [ 'image/jpeg' ] );
		const report = await runImport( {
			model: archive,
			transport,
			media: { read: async () => new Uint8Array( [ 1, 2, 3 ] ) },
			retry: { attempts: 1, baseDelayMs: 1 },
		} );
		expect( uploaded ).toEqual( [] );
		expect( report.media.map( ( file ) => file.status ) ).toEqual( [
			'failed',
			'failed',
		] );
		expect( posts[ 0 ].html ).not.toContain( '<video' );
		expect( posts[ 0 ].html ).toBe(
			'<!-- wp:paragraph -->\n<p><a href="video/beach.mp4">beach.mp4</a></p>\n<!-- /wp:paragraph -->'
		);
	} );
} );
