/**
 * The suite's network of sites, as the global setup described it.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import nodePath from 'node:path';

/**
 * Internal dependencies
 */
import { createFetchTransport } from '../../../src/cli/fetch-transport';
import type { Transport } from '../../../src/import/transport';

export interface TestNetwork {
	url: string;
	dir: string;
	sub: {
		id: number;
		url: string;
		admin: { login: string; appPassword: string };
	};
}

/**
 * The running network.
 *
 * @return Its addresses, and the second site with its administrator.
 */
export function testNetwork(): TestNetwork {
	const raw = process.env.SPACES_IMPORTER_NETWORK;
	if ( ! raw ) {
		throw new Error( 'The integration setup did not start a network.' );
	}
	return JSON.parse( raw );
}

/**
 * A transport to the second site, signed in as its administrator.
 *
 * @return The transport.
 */
export function subsiteTransport(): Transport {
	const { sub } = testNetwork();
	return createFetchTransport( {
		url: sub.url,
		user: sub.admin.login,
		appPassword: sub.admin.appPassword,
	} );
}

/**
 * Runs PHP inside the network's WordPress (its main site; `switch_to_blog()`
 * reaches the others) and decodes the JSON it echoes last.
 *
 * @param code PHP statements ending in `echo wp_json_encode( … );`.
 * @return The decoded value.
 */
export function networkPhpJson< T = any >( code: string ): T {
	const network = testNetwork();
	const host = new URL( network.url ).host;
	const prelude = [
		'<?php',
		`$_SERVER['HTTP_HOST'] = ${ JSON.stringify( host ) };`,
		`$_SERVER['SERVER_NAME'] = '127.0.0.1';`,
		`$_SERVER['REQUEST_URI'] = '/';`,
		`require ${ JSON.stringify(
			nodePath.join( network.dir, 'wp-load.php' )
		) };`,
		'',
	].join( ' ' );
	const result = spawnSync( 'php', [ '-d', 'display_errors=stderr' ], {
		cwd: network.dir,
		input: prelude + code,
		encoding: 'utf8',
	} );
	if ( result.status !== 0 ) {
		throw new Error(
			`PHP failed (${ result.status }):\n${ result.stderr }\n${ result.stdout }`
		);
	}
	return JSON.parse( result.stdout.trim().split( '\n' ).pop() ?? '' );
}
