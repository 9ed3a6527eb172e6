/**
 * Internal dependencies
 */
import { jsonBytes, planBatches } from '../batches';
import { mergeParts } from '../runner';
import type { PostPayload } from '../types';

function post( n: number, comments = 0, html = '<p>x</p>' ): PostPayload {
	return {
		sourceId: `cns!ABC!${ n }`,
		title: `Post ${ n }`,
		html,
		published: null,
		categories: [],
		originalUrl: null,
		comments: Array.from( { length: comments }, ( _, i ) => ( {
			author: `Reader ${ i }`,
			authorUrl: null,
			published: null,
			html: `Comment ${ i } on ${ n }`,
		} ) ),
		images: [],
		links: [],
	};
}

describe( 'planBatches', () => {
	it( 'batches by count when posts are light', () => {
		const batches = planBatches(
			Array.from( { length: 120 }, ( _, i ) => post( i ) ),
			{ postsPerRequest: 50 }
		);
		expect( batches.map( ( batch ) => batch.length ) ).toEqual( [
			50, 50, 20,
		] );
	} );

	it( 'keeps the comments of a request within the limit, with headroom', () => {
		const posts = Array.from( { length: 20 }, ( _, i ) => post( i, 30 ) );
		const batches = planBatches( posts, {
			postsPerRequest: 50,
			maxCommentsPerRequest: 100,
		} );
		for ( const batch of batches ) {
			const comments = batch.reduce(
				( sum, part ) => sum + part.payload.comments.length,
				0
			);
			expect( comments ).toBeLessThanOrEqual( 75 );
		}
		// Every post whole, in order.
		expect(
			batches.flat().map( ( part ) => [ part.index, part.last ] )
		).toEqual( posts.map( ( _, i ) => [ i, true ] ) );
	} );

	it( 'keeps the bytes of a request within the limit', () => {
		const big = '<p>' + 'x'.repeat( 300_000 ) + '</p>';
		const posts = Array.from( { length: 10 }, ( _, i ) =>
			post( i, 0, big )
		);
		const batches = planBatches( posts, {
			postsPerRequest: 50,
			maxRequestBytes: 1_000_000,
		} );
		expect( batches.length ).toBeGreaterThan( 1 );
		for ( const batch of batches ) {
			expect(
				jsonBytes( { posts: batch.map( ( part ) => part.payload ) } )
			).toBeLessThanOrEqual( 750_000 );
		}
		expect( batches.flat() ).toHaveLength( 10 );
	} );

	it( 'counts bytes as UTF-8', () => {
		expect( jsonBytes( 'aé生😀' ) ).toBe(
			Buffer.byteLength( JSON.stringify( 'aé生😀' ) )
		);
	} );

	it( 'splits one post with very many comments across several requests', () => {
		const batches = planBatches(
			[ post( 1 ), post( 2, 5000 ), post( 3 ) ],
			{
				postsPerRequest: 50,
				maxCommentsPerRequest: 1000,
			}
		);
		const parts = batches.flat().filter( ( part ) => part.index === 1 );
		expect( parts.length ).toBeGreaterThanOrEqual( 7 );
		for ( const part of parts ) {
			expect( part.payload.sourceId ).toBe( 'cns!ABC!2' );
			expect( part.payload.comments.length ).toBeLessThanOrEqual( 750 );
		}
		expect( parts.map( ( part ) => part.last ) ).toEqual(
			parts.map( ( _, i ) => i === parts.length - 1 )
		);
		// Every comment once, in order.
		expect(
			parts.flatMap( ( part ) =>
				part.payload.comments.map( ( comment ) => comment.html )
			)
		).toEqual(
			post( 2, 5000 ).comments.map( ( comment ) => comment.html )
		);
		for ( const batch of batches ) {
			expect(
				batch.reduce(
					( sum, part ) => sum + part.payload.comments.length,
					0
				)
			).toBeLessThanOrEqual( 750 );
		}
	} );
} );

describe( 'mergeParts', () => {
	it( 'answers one result for a post sent in parts', () => {
		expect(
			mergeParts( [
				{
					sourceId: 's',
					postId: 7,
					status: 'created',
					link: 'http://x/7',
					comments: { created: 750 },
				},
				{
					sourceId: 's',
					postId: 7,
					status: 'unchanged',
					link: 'http://x/7',
					comments: { created: 250 },
				},
			] )
		).toEqual( {
			sourceId: 's',
			postId: 7,
			status: 'created',
			link: 'http://x/7',
			comments: { created: 1000 },
		} );
		expect(
			mergeParts( [
				{ sourceId: 's', postId: 7, status: 'unchanged' },
				{ sourceId: 's', postId: 0, status: 'failed', message: 'm' },
			] ).status
		).toBe( 'failed' );
	} );
} );
