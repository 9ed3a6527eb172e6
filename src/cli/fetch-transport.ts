/**
 * Internal dependencies
 */
import { TransportError, type Transport } from '../import/transport';

export interface FetchTransportOptions {
	/** The site's address, e.g. `https://example.com`. */
	url: string;
	user: string;
	/** An application password (Users → Profile → Application Passwords). */
	appPassword: string;
}

/**
 * The runner's transport outside wp-admin: `fetch` with an application
 * password, for the command line and for tests.
 *
 * @param options Where and as whom.
 * @return A transport.
 */
export function createFetchTransport(
	options: FetchTransportOptions
): Transport {
	const root = options.url.replace( /\/+$/, '' ) + '/wp-json';
	const auth =
		'Basic ' +
		btoa(
			String.fromCharCode(
				...new TextEncoder().encode(
					`${ options.user }:${ options.appPassword }`
				)
			)
		);
	return {
		async request< T >(
			method: 'GET' | 'POST' | 'DELETE',
			path: string,
			body?: unknown
		): Promise< T > {
			let response: Response;
			try {
				response = await fetch( root + path, {
					method,
					headers: {
						Authorization: auth,
						Accept: 'application/json',
						...( body === undefined
							? {}
							: { 'Content-Type': 'application/json' } ),
					},
					body:
						body === undefined ? undefined : JSON.stringify( body ),
				} );
			} catch ( error ) {
				throw new TransportError(
					error instanceof Error ? error.message : String( error ),
					0,
					'fetch_error'
				);
			}
			const text = await response.text();
			let data: any = null;
			try {
				data = text ? JSON.parse( text ) : null;
			} catch {
				// A PHP fatal error or a proxy's page: not JSON.
			}
			if ( ! response.ok ) {
				throw new TransportError(
					data?.message ?? `HTTP ${ response.status }`,
					response.status,
					data?.code ?? 'http_error'
				);
			}
			if ( data === null && text ) {
				throw new TransportError(
					'The site answered with something other than JSON.',
					response.status,
					'invalid_json'
				);
			}
			return data as T;
		},
	};
}
