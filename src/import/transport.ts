/**
 * How the runner reaches the site. In wp-admin this is `apiFetch` with the
 * logged-in nonce; in Node, `fetch` with an application password.
 */
export interface Transport {
	/**
	 * Sends a JSON request to a path below `/wp-json/` (the paths are in
	 * `rest-client.ts`), and resolves with the decoded answer.
	 * Rejects with a `TransportError`.
	 */
	request: < T >(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		body?: unknown
	) => Promise< T >;

	/**
	 * Sends a multipart form (one file and its fields) to a path below
	 * `/wp-json/`. Rejects with a `TransportError`.
	 */
	upload: < T >( path: string, form: FormData ) => Promise< T >;
}

/**
 * A failed request: `status` is the HTTP status, or 0 when the network failed.
 */
export class TransportError extends Error {
	readonly status: number;
	readonly code: string;

	constructor( message: string, status: number, code: string ) {
		super( message );
		this.name = 'TransportError';
		this.status = status;
		this.code = code;
	}

	/** Worth another try: the network failed or the server had a passing fault. */
	get retryable(): boolean {
		return this.status === 0 || this.status === 429 || this.status >= 500;
	}

	/**
	 * The whole run cannot go on: not signed in, not allowed, or the run is
	 * gone. Other 4xx answers concern one item only.
	 */
	get fatal(): boolean {
		return (
			this.status === 401 || this.status === 403 || this.status === 404
		);
	}
}
