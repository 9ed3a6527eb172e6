/**
 * Internal dependencies
 */
import { TransportError } from './transport';

export interface RetryPolicy {
	/** Tries in all, the first included. */
	attempts: number;
	/** Wait before the second try; doubled for each later one. */
	baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500 };

/**
 * Waits, unless the signal aborts first.
 *
 * @param ms     Milliseconds.
 * @param signal Abort signal.
 */
function wait( ms: number, signal?: AbortSignal ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		const timer = setTimeout( resolve, ms );
		signal?.addEventListener(
			'abort',
			() => {
				clearTimeout( timer );
				reject( signal.reason );
			},
			{ once: true }
		);
	} );
}

/**
 * Runs a request, trying again with backoff when the network failed or the
 * server answered 5xx. Any other error (a 4xx: the request itself is wrong)
 * is thrown at once.
 *
 * @param send   The request.
 * @param policy How often and how long to wait.
 * @param signal Stops the waiting.
 * @return The request's answer.
 */
export async function withRetry< T >(
	send: () => Promise< T >,
	policy: RetryPolicy = DEFAULT_RETRY,
	signal?: AbortSignal
): Promise< T > {
	for ( let attempt = 1; ; attempt++ ) {
		signal?.throwIfAborted();
		try {
			return await send();
		} catch ( error ) {
			const retryable =
				error instanceof TransportError && error.retryable;
			if ( ! retryable || attempt >= policy.attempts ) {
				throw error;
			}
			await wait( policy.baseDelayMs * 2 ** ( attempt - 1 ), signal );
		}
	}
}
