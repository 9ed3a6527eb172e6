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
	const send = async < T >(
		method: string,
		path: string,
		body: string | FormData | undefined,
		type?: string
	): Promise< T > => {
		let response: Response;
		try {
			response = await fetch( root + path, {
				method,
				headers: {
					Authorization: auth,
					Accept: 'application/json',
					...( type ? { 'Content-Type': type } : {} ),
				},
				body,
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
	};
	return {
		request: ( method, path, body ) =>
			send(
				method,
				path,
				body === undefined ? undefined : JSON.stringify( body ),
				body === undefined ? undefined : 'application/json'
			),
		// fetch sets the multipart boundary itself.
		upload: ( path, form ) => send( 'POST', path, form ),
	};
}
