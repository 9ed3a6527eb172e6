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
			const apiError = ( error ?? {} ) as ApiErrorBody;
			// apiFetch rejects with the decoded error body, or with a
			// `fetch_error` when the network failed.
			const status =
				apiError.code === 'fetch_error'
					? 0
					: ( apiError.data?.status ?? 500 );
			throw new TransportError(
				apiError.message ?? String( error ),
				status,
				apiError.code ?? 'unknown'
			);
		}
	},
};
