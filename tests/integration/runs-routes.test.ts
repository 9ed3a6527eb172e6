/**
 * The plugin's REST routes on a real WordPress: who may call them, what they
 * refuse, and what they write.
 */

/**
 * Internal dependencies
 */
import { allPosts, rawRequest } from './support/site';

const fingerprint = 'a'.repeat( 64 );
const CID = '0123456789ABCDEF';

function item( n: number, extra: Record< string, unknown > = {} ) {
	return {
		sourceId: `cns!${ CID }!${ n }`,
		title: `Post ${ n }`,
		html: `<p>Body ${ n }</p>`,
		published: '2007-01-03T23:55:16',
		categories: [ 'Routes test' ],
		originalUrl: `http://routes.spaces.live.com/blog/cns!${ CID }!${ n }.entry`,
		...extra,
	};
}

async function startRun(
	print = fingerprint,
	options: Record< string, unknown > = {}
) {
	const { status, body } = await rawRequest(
		'POST',
		'/spaces-importer/v1/runs',
		{
			fingerprint: print,
			name: 'space.zip',
			totals: { posts: 3 },
			options,
		}
	);
	expect( [ 200, 201 ] ).toContain( status );
	return body;
}

describe( 'who may import', () => {
	it( 'refuses a visitor who is not logged in', async () => {
		const { status } = await rawRequest(
			'POST',
			'/spaces-importer/v1/runs',
			{ fingerprint, name: 'space.zip' },
			null
		);
		expect( status ).toBe( 401 );
	} );

	it.each( [ 'subscriber', 'author' ] as const )(
		'refuses a %s, as WordPress refuses them Tools → Import',
		async ( who ) => {
			const run = await startRun();
			for ( const [ method, path, body ] of [
				[
					'POST',
					'/spaces-importer/v1/runs',
					{ fingerprint, name: 'x.zip' },
				],
				[ 'GET', `/spaces-importer/v1/runs/${ run.id }`, undefined ],
				[
					'POST',
					`/spaces-importer/v1/runs/${ run.id }/posts`,
					{ posts: [ item( 1 ) ] },
				],
				[ 'POST', `/spaces-importer/v1/runs/${ run.id }/finalize`, {} ],
			] as const ) {
				const answer = await rawRequest( method, path, body, who );
				expect( answer.status ).toBe( 403 );
				expect( answer.body.message ).toMatch(
					/not allowed to import/
				);
			}
		}
	);
} );

describe( 'malformed requests', () => {
	it.each( [
		[ 'no fingerprint', { name: 'space.zip' } ],
		[
			'a fingerprint that is not hex',
			{ fingerprint: 'zz; drop', name: 'a' },
		],
		[
			'a negative total',
			{ fingerprint, name: 'a', totals: { posts: -1 } },
		],
		// The owner's choices belong to the run since they are stored with it.
		[
			'an unknown status',
			{ fingerprint, name: 'a', options: { status: 'trash' } },
		],
	] )( 'starting a run with %s gets 400 and a message', async ( _, body ) => {
		const { status, body: answer } = await rawRequest(
			'POST',
			'/spaces-importer/v1/runs',
			body
		);
		expect( status ).toBe( 400 );
		expect( answer.code ).toMatch(
			/^rest_(invalid|missing_callback)_param$/
		);
		expect( answer.message ).toBeTruthy();
	} );

	it.each( [
		[ 'no posts', { posts: [] } ],
		[ 'a post without an id', { posts: [ { title: 't', html: '' } ] } ],
		[
			'a post whose id is not a Spaces id',
			{ posts: [ item( 1, { sourceId: '../../etc/passwd' } ) ] },
		],
		[
			'a date that is not a date',
			{ posts: [ item( 1, { published: 'yesterday' } ) ] },
		],
		[ 'an unknown field', { posts: [ item( 1, { post_author: 1 } ) ] } ],
		[
			'more posts than the site allows',
			{ posts: Array.from( { length: 51 }, ( _, i ) => item( i + 1 ) ) },
		],
	] )( 'sending %s gets 400 and a message', async ( _, body ) => {
		const run = await startRun();
		const { status, body: answer } = await rawRequest(
			'POST',
			`/spaces-importer/v1/runs/${ run.id }/posts`,
			body
		);
		expect( status ).toBe( 400 );
		expect( answer.message ).toBeTruthy();
	} );

	it( 'answers 404 for a run that does not exist', async () => {
		const { status } = await rawRequest(
			'POST',
			'/spaces-importer/v1/runs/999999/posts',
			{ posts: [ item( 1 ) ] }
		);
		expect( status ).toBe( 404 );
	} );
} );

describe( 'runs and posts', () => {
	it( 'resumes the unfinished run of the same archive, and starts a new one after it finished', async () => {
		const print = 'b'.repeat( 64 );
		const first = await startRun( print );
		const again = await startRun( print );
		expect( again.id ).toBe( first.id );
		expect( again.resumed ).toBe( true );
		expect( first.limits.postsPerRequest ).toBe( 50 );

		await rawRequest(
			'POST',
			`/spaces-importer/v1/runs/${ first.id }/finalize`,
			{}
		);
		const read = await rawRequest(
			'GET',
			`/spaces-importer/v1/runs/${ first.id }`
		);
		expect( read.body.state ).toBe( 'complete' );
		const next = await startRun( print );
		expect( next.id ).not.toBe( first.id );
	} );

	it( 'creates posts with their dates in the site time zone, categories and address, and makes bodies safe', async () => {
		await rawRequest( 'POST', '/wp/v2/settings', {
			timezone: 'Asia/Shanghai',
		} );
		const run = await startRun( 'c'.repeat( 64 ) );
		const { status, body } = await rawRequest(
			'POST',
			`/spaces-importer/v1/runs/${ run.id }/posts`,
			{
				posts: [
					item( 101, {
						title: 'Lisa <3 & Tom',
						html: '<p>Hi<script>alert(1)</script><img src="x.png" onerror="alert(2)"></p>',
						categories: [ '生活', 'Routes test' ],
					} ),
					item( 102, { published: '2008-02-29T12:00:00+08:00' } ),
				],
			}
		);
		await rawRequest( 'POST', '/wp/v2/settings', { timezone: 'UTC' } );
		expect( status ).toBe( 200 );
		expect( body.results.map( ( r: any ) => r.status ) ).toEqual( [
			'created',
			'created',
		] );

		const [ first ] = await allPosts(
			`&include=${ body.results[ 0 ].postId }`
		);
		expect( first.title.rendered ).toBe( 'Lisa &lt;3 &amp; Tom' );
		expect( first.date ).toBe( '2007-01-03T23:55:16' );
		expect( first.date_gmt ).toBe( '2007-01-03T15:55:16' );
		expect( first.status ).toBe( 'publish' );
		expect( first.content.raw ).not.toMatch( /script|onerror/ );
		expect( first.content.raw ).toContain( '<img src="x.png"' );

		const terms = await rawRequest(
			'GET',
			`/wp/v2/categories?include=${ first.categories.join( ',' ) }`
		);
		expect( terms.body.map( ( t: any ) => t.name ).sort() ).toEqual( [
			'Routes test',
			'生活',
		] );

		const [ second ] = await allPosts(
			`&include=${ body.results[ 1 ].postId }`
		);
		expect( second.date_gmt ).toBe( '2008-02-29T04:00:00' );
		expect( second.date ).toBe( '2008-02-29T12:00:00' );
	} );

	it( 'adds nothing the second time; skips or updates changed posts as the owner chose', async () => {
		const run = await startRun( 'd'.repeat( 64 ) );
		const path = `/spaces-importer/v1/runs/${ run.id }/posts`;
		const posts = [ item( 201 ), item( 202 ) ];
		const before = ( await allPosts() ).length;

		const first = await rawRequest( 'POST', path, { posts } );
		expect( first.body.results.map( ( r: any ) => r.status ) ).toEqual( [
			'created',
			'created',
		] );
		const again = await rawRequest( 'POST', path, { posts } );
		expect( again.body.results.map( ( r: any ) => r.status ) ).toEqual( [
			'unchanged',
			'unchanged',
		] );
		expect( again.body.results[ 0 ].postId ).toBe(
			first.body.results[ 0 ].postId
		);
		expect( ( await allPosts() ).length ).toBe( before + 2 );

		const changed = [ item( 201, { title: 'Renamed' } ) ];
		const skipped = await rawRequest( 'POST', path, { posts: changed } );
		expect( skipped.body.results[ 0 ].status ).toBe( 'skipped' );
		// Updating is a choice made when a run starts.
		const updating = await startRun( 'e'.repeat( 64 ), {
			existing: 'update',
		} );
		const updated = await rawRequest(
			'POST',
			`/spaces-importer/v1/runs/${ updating.id }/posts`,
			{ posts: changed }
		);
		expect( updated.body.results[ 0 ].status ).toBe( 'updated' );
		const [ post ] = await allPosts(
			`&include=${ first.body.results[ 0 ].postId }`
		);
		expect( post.title.raw ).toBe( 'Renamed' );
		expect( ( await allPosts() ).length ).toBe( before + 2 );
	} );
} );
