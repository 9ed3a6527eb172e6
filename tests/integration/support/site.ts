/**
 * The suite's WordPress, as the global setup described it.
 */

/**
 * Internal dependencies
 */
import { createFetchTransport } from '../../../src/cli/fetch-transport';
import type { Transport } from '../../../src/import/transport';

interface Account {
	login: string;
	appPassword: string;
}

export interface TestSite {
	url: string;
	dir: string;
	admin: Account;
	subscriber: Account;
	author: Account;
}

/**
 * The running site.
 *
 * @return Its address and accounts.
 */
export function testSite(): TestSite {
	const raw = process.env.SPACES_IMPORTER_SITE;
	if ( ! raw ) {
		throw new Error( 'The integration setup did not start a site.' );
	}
	return JSON.parse( raw );
}

/**
 * A transport signed in as one of the site's accounts.
 *
 * @param who Which account.
 * @return The transport.
 */
export function transportAs(
	who: 'admin' | 'subscriber' | 'author' = 'admin'
): Transport {
	const site = testSite();
	return createFetchTransport( {
		url: site.url,
		user: site[ who ].login,
		appPassword: site[ who ].appPassword,
	} );
}

/**
 * A raw request, for asserting status codes and error bodies.
 *
 * @param method HTTP method.
 * @param path   Path below /wp-json.
 * @param body   JSON body.
 * @param who    Which account, or null for nobody.
 * @return Status and decoded body.
 */
export async function rawRequest(
	method: string,
	path: string,
	body?: unknown,
	who: 'admin' | 'subscriber' | 'author' | null = 'admin'
): Promise< { status: number; body: any } > {
	const site = testSite();
	const headers: Record< string, string > = {
		'Content-Type': 'application/json',
	};
	if ( who ) {
		headers.Authorization =
			'Basic ' +
			Buffer.from(
				`${ site[ who ].login }:${ site[ who ].appPassword }`
			).toString( 'base64' );
	}
	const response = await fetch( `${ site.url }/wp-json${ path }`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse( text ) : null };
}

/**
 * Every post of the site, as the editor sees it (raw fields).
 *
 * @param extra Extra query string.
 * @return Posts.
 */
export async function allPosts( extra = '' ): Promise< any[] > {
	const posts: any[] = [];
	for ( let page = 1; ; page++ ) {
		const { status, body } = await rawRequest(
			'GET',
			`/wp/v2/posts?context=edit&per_page=100&page=${ page }&status=any${ extra }`
		);
		if ( status !== 200 || ! body.length ) {
			return posts;
		}
		posts.push( ...body );
		if ( body.length < 100 ) {
			return posts;
		}
	}
}
