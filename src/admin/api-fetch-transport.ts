/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { TransportError, type Transport } from '../import/transport';

interface ApiErrorBody {
	code?: string;
	message?: string;
	data?: { status?: number };
}

/**
 * The transport's error for whatever apiFetch rejected with: the decoded
 * error body, or a `fetch_error` when the network failed.
 *
 * @param error What apiFetch threw.
 * @return The error.
 */
function toTransportError( error: unknown ): TransportError {
	const apiError = ( error ?? {} ) as ApiErrorBody;
	const status =
		apiError.code === 'fetch_error' ? 0 : ( apiError.data?.status ?? 500 );
	return new TransportError(
		apiError.message ?? String( error ),
		status,
		apiError.code ?? 'unknown'
	);
}

/**
 * The runner's transport in wp-admin: `apiFetch`, which sends the logged-in
 * user's REST nonce with every request.
 */
export const apiFetchTransport: Transport = {
	async request< T >(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		body?: unknown
	): Promise< T > {
		try {
			return await apiFetch< T >( { path, method, data: body } );
		} catch ( error ) {
			throw toTransportError( error );
		}
	},
	async upload< T >( path: string, form: FormData ): Promise< T > {
		try {
			return await apiFetch< T >( { path, method: 'POST', body: form } );
		} catch ( error ) {
			throw toTransportError( error );
		}
	},
};
