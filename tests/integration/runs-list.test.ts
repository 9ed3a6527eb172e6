/**
 * Listing runs costs the same database work for twenty runs as for one.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';

/**
 * Internal dependencies
 */
import { requestAs, testSite } from './support/site';

const API = '/spaces-importer/v1';
const MARK = crypto.randomBytes( 8 ).toString( 'hex' );

const muPlugins = () =>
	nodePath.join( testSite().dir, 'wp-content', 'mu-plugins' );
const plugin = () => nodePath.join( muPlugins(), `queries-${ MARK }.php` );
const log = () => nodePath.join( muPlugins(), `queries-${ MARK }.log` );

beforeAll( () => {
	// Writes how many queries each GET /runs made between its callbacks.
	fs.mkdirSync( muPlugins(), { recursive: true } );
	fs.writeFileSync(
		plugin(),
		`<?php
add_filter( 'rest_request_before_callbacks', function ( $response, $handler, $request ) {
	$GLOBALS['queries_${ MARK }'] = get_num_queries();
	return $response;
}, 10, 3 );
add_filter( 'rest_request_after_callbacks', function ( $response, $handler, $request ) {
	if ( 'GET' === $request->get_method() && '${ API }/runs' === $request->get_route() ) {
		file_put_contents( ${ JSON.stringify(
			log()
		) }, ( get_num_queries() - $GLOBALS['queries_${ MARK }'] ) . "\\n", FILE_APPEND );
	}
	return $response;
}, 10, 3 );
`
	);
} );

afterAll( () => {
	fs.rmSync( plugin(), { force: true } );
	fs.rmSync( log(), { force: true } );
} );

/**
 * Lists runs and says how many queries the list made.
 *
 * @param query The query string.
 * @return The runs and the queries.
 */
async function list( query: string ) {
	fs.rmSync( log(), { force: true } );
	const { status, body } = await requestAs(
		'GET',
		`${ API }/runs${ query }`,
		undefined,
		'admin'
	);
	expect( status ).toBe( 200 );
	return {
		runs: body,
		queries: Number( fs.readFileSync( log(), 'utf8' ).trim() ),
	};
}

describe( 'the list of runs', () => {
	it( 'counts every run’s imported posts in one query, not one per run', async () => {
		const prints: string[] = [];
		for ( let n = 0; n < 6; n++ ) {
			const fingerprint = crypto.randomBytes( 32 ).toString( 'hex' );
			prints.push( fingerprint );
			const run = await requestAs(
				'POST',
				`${ API }/runs`,
				{ fingerprint, name: `list-${ n }.zip` },
				'admin'
			);
			expect( run.status ).toBe( 201 );
		}
		const one = await list( `?fingerprint=${ prints[ 0 ] }` );
		expect( one.runs ).toHaveLength( 1 );
		const all = await list( '' );
		expect( all.runs.length ).toBeGreaterThanOrEqual( 6 );
		expect( all.runs[ 0 ] ).toMatchObject( {
			fingerprint: prints[ 5 ],
			importedPosts: 0,
		} );
		// Each run beyond the first would cost a query or more.
		expect( all.queries - one.queries ).toBeLessThan( 3 );
	} );
} );
