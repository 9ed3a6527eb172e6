/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost } from '../../archive/model';
import { archiveFingerprint } from '../fingerprint';
import { runImport } from '../runner';
import { TransportError, type Transport } from '../transport';
import type { PostResult, RunInfo } from '../types';

function post( n: number ): ArchivePost {
	return {
		sourceId: `cns!ABCDEF0123456789!${ n }`,
		number: n,
		title: `标题 ${ n }`,
		html: `<p>Body ${ n }</p>`,
		published: '2007-01-03T23:55:16',
		dateSource: 'footer',
		categories: [ '生活' ],
		originalUrl: `http://x.spaces.live.com/blog/cns!ABCDEF0123456789!${ n }.entry`,
		comments: [],
		declaredCommentCount: null,
		images: [],
		links: [],
		files: [ 'a.html' ],
	};
}

function model( count: number ): ArchiveModel {
	return {
		name: 'space.zip',
		blog: {
			title: 'Blog',
			host: null,
			cid: 'ABCDEF0123456789',
			culture: 'zh-CN',
		},
		posts: Array.from( { length: count }, ( _, i ) => post( i + 1 ) ),
		media: [],
		warnings: [],
	};
}

interface Call {
	method: string;
	path: string;
	body: any;
}

/**
 * A site that answers like the plugin's routes, and records every request.
 * @param failures
 */
function fakeSite( failures: Array< TransportError | null > = [] ) {
	const calls: Call[] = [];
	const run: RunInfo = {
		id: 7,
		fingerprint: 'f',
		name: 'space.zip',
		state: 'running',
		created: '2026-01-01T00:00:00',
		totals: {},
		importedPosts: 0,
		limits: { postsPerRequest: 50 },
	};
	const transport: Transport = {
		async request< T >( method: any, path: string, body?: unknown ) {
			calls.push( { method, path, body } );
			const failure = failures.shift();
			if ( failure ) {
				throw failure;
			}
			if ( path.endsWith( '/posts' ) ) {
				const results: PostResult[] = ( body as any ).posts.map(
					( p: any, i: number ) => ( {
						sourceId: p.sourceId,
						postId: 100 + i,
						status: 'created',
						link: `http://site/${ i }`,
					} )
				);
				return { results } as T;
			}
			if ( path.endsWith( '/finalize' ) ) {
				return { ...run, state: 'complete' } as T;
			}
			return run as T;
		},
	};
	return { calls, transport };
}

const fast = { attempts: 3, baseDelayMs: 1 };

describe( 'runImport', () => {
	it( 'starts a run, sends the posts in batches the site allows, then finalizes', async () => {
		const { calls, transport } = fakeSite();
		const progress: number[] = [];
		const report = await runImport( {
			model: model( 120 ),
			transport,
			retry: fast,
			onProgress: ( p ) => progress.push( p.done ),
		} );

		expect( calls.map( ( c ) => c.path ) ).toEqual( [
			'/spaces-importer/v1/runs',
			'/spaces-importer/v1/runs/7/posts',
			'/spaces-importer/v1/runs/7/posts',
			'/spaces-importer/v1/runs/7/posts',
			'/spaces-importer/v1/runs/7/finalize',
		] );
		expect( calls[ 0 ].body ).toMatchObject( {
			name: 'space.zip',
			totals: { posts: 120, comments: 0, media: 0 },
		} );
		expect( calls[ 0 ].body.fingerprint ).toMatch( /^[0-9a-f]{64}$/ );
		expect( calls[ 1 ].body.posts ).toHaveLength( 50 );
		expect( calls[ 3 ].body.posts ).toHaveLength( 20 );
		expect( calls[ 1 ].body.posts[ 0 ] ).toEqual( {
			sourceId: 'cns!ABCDEF0123456789!1',
			title: '标题 1',
			html: '<p>Body 1</p>',
			published: '2007-01-03T23:55:16',
			categories: [ '生活' ],
			originalUrl:
				'http://x.spaces.live.com/blog/cns!ABCDEF0123456789!1.entry',
		} );
		expect( calls[ 1 ].body.options ).toEqual( {
			status: 'publish',
			existing: 'skip',
		} );
		expect( report.results ).toHaveLength( 120 );
		expect( report.results[ 119 ].title ).toBe( '标题 120' );
		expect( report.run.state ).toBe( 'complete' );
		expect( progress ).toContain( 50 );
		expect( progress[ progress.length - 1 ] ).toBe( 120 );
	} );

	it( 'tries again when the network fails or the site has a passing fault', async () => {
		const { calls, transport } = fakeSite( [
			null,
			new TransportError( 'offline', 0, 'fetch_error' ),
			new TransportError( 'busy', 503, 'unavailable' ),
		] );
		const report = await runImport( {
			model: model( 3 ),
			transport,
			retry: fast,
		} );
		expect( report.results ).toHaveLength( 3 );
		// The posts request was sent three times, and only one batch counted.
		expect(
			calls.filter( ( c ) => c.path.endsWith( '/posts' ) )
		).toHaveLength( 3 );
	} );

	it( 'stops at once when the site refuses the request itself', async () => {
		const { calls, transport } = fakeSite( [
			null,
			new TransportError(
				'Invalid parameter(s): posts',
				400,
				'rest_invalid_param'
			),
		] );
		await expect(
			runImport( { model: model( 3 ), transport, retry: fast } )
		).rejects.toMatchObject( { status: 400 } );
		expect( calls ).toHaveLength( 2 );
	} );

	it( 'gives up after the last try', async () => {
		const down = () => new TransportError( 'offline', 0, 'fetch_error' );
		const { calls, transport } = fakeSite( [ down(), down(), down() ] );
		await expect(
			runImport( { model: model( 1 ), transport, retry: fast } )
		).rejects.toBeInstanceOf( TransportError );
		expect( calls ).toHaveLength( 3 );
	} );

	it( 'stops between batches when cancelled', async () => {
		const { calls, transport } = fakeSite();
		const controller = new AbortController();
		await expect(
			runImport( {
				model: model( 120 ),
				transport,
				retry: fast,
				signal: controller.signal,
				onProgress: ( p ) => {
					if ( p.phase === 'posts' ) {
						controller.abort();
					}
				},
			} )
		).rejects.toBeDefined();
		expect(
			calls.filter( ( c ) => c.path.endsWith( '/posts' ) )
		).toHaveLength( 1 );
	} );
} );

describe( 'archiveFingerprint', () => {
	it( 'is the same for the same posts in any order, and differs for other posts', async () => {
		const a = model( 5 );
		const b = { ...model( 5 ), name: 'renamed.zip' };
		b.posts.reverse();
		const c = model( 6 );
		expect( await archiveFingerprint( a ) ).toBe(
			await archiveFingerprint( b )
		);
		expect( await archiveFingerprint( a ) ).not.toBe(
			await archiveFingerprint( c )
		);
	} );
} );
