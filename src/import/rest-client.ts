/**
 * The plugin's REST routes (`spaces-importer/v1`, docs/rest-api.md): each
 * path written once, each request and answer typed (`types.ts`). The
 * runner, the screen's store and the command line reach the site only
 * through this client, over whichever `Transport` they have.
 */

/**
 * Internal dependencies
 */
import { withRetry, type RetryPolicy } from './retry';
import type { Transport } from './transport';
import type {
	FinalizeRequest,
	ListRunsQuery,
	MediaBatchRequest,
	MediaLookupRequest,
	MediaLookupResponse,
	MediaBatchResponse,
	MultipartFile,
	PostsRequest,
	PostsResponse,
	RunInfo,
	StartRunRequest,
	UndoQuery,
} from './types';

export const NAMESPACE = '/spaces-importer/v1';

/** The path of each route, below `/wp-json`. */
export const paths = {
	runs: () => `${ NAMESPACE }/runs`,
	run: ( runId: number ) => `${ paths.runs() }/${ runId }`,
	media: ( runId: number ) => `${ paths.run( runId ) }/media`,
	mediaLookup: ( runId: number ) => `${ paths.media( runId ) }/lookup`,
	mediaBatch: ( runId: number ) => `${ paths.media( runId ) }/batch`,
	posts: ( runId: number ) => `${ paths.run( runId ) }/posts`,
	finalize: ( runId: number ) => `${ paths.run( runId ) }/finalize`,
};

export interface RestClient {
	/** `POST /runs`: the run started, or the caller's unfinished one resumed. */
	startRun: ( request: StartRunRequest ) => Promise< RunInfo >;
	/** `GET /runs`: runs, newest first. */
	listRuns: ( query?: ListRunsQuery ) => Promise< RunInfo[] >;
	/** `GET /runs/{id}`. */
	readRun: ( runId: number ) => Promise< RunInfo >;
	/** `POST /runs/{id}/media/lookup`. */
	lookupMedia: (
		runId: number,
		request: MediaLookupRequest
	) => Promise< MediaLookupResponse >;
	/** `POST /runs/{id}/media/batch`, multipart: the fields and the bytes. */
	uploadMediaBatch: (
		runId: number,
		request: MediaBatchRequest,
		files: MultipartFile[]
	) => Promise< MediaBatchResponse >;
	/** `POST /runs/{id}/posts`. */
	sendPosts: (
		runId: number,
		request: PostsRequest
	) => Promise< PostsResponse >;
	/** `POST /runs/{id}/finalize`: one step; the run with what remains. */
	finalizeStep: ( runId: number ) => Promise< RunInfo >;
	/** `DELETE /runs/{id}`: one step of undo; the run with what remains. */
	undoStep: ( runId: number, query?: UndoQuery ) => Promise< RunInfo >;
}

export interface RestClientOptions {
	/** Tries again after network failures and 5xx; by default it does not. */
	retry?: RetryPolicy;
	/** Stops waiting between tries. */
	signal?: AbortSignal;
}

/** One try only: the caller says what failed at once. */
const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0 };

/**
 * A path with a query string (values left out when undefined).
 *
 * @param path  The path.
 * @param query The query's values.
 * @return The path with the query.
 */
function withQuery(
	path: string,
	query: Record< string, string | boolean | undefined > = {}
): string {
	const params = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ) ) {
		if ( value !== undefined ) {
			params.append( key, String( value ) );
		}
	}
	const search = params.toString();
	return search ? `${ path }?${ search }` : path;
}

/**
 * Adds a value to a multipart form the way PHP reads bracketed names back:
 * objects and arrays as `name[key]`, `true` as `1`, undefined left out.
 *
 * @param form  The form.
 * @param name  The field's name.
 * @param value The value.
 */
function appendField( form: FormData, name: string, value: unknown ): void {
	if ( value === undefined || value === null ) {
		return;
	}
	if ( Array.isArray( value ) || typeof value === 'object' ) {
		for ( const [ key, inner ] of Object.entries( value ) ) {
			appendField( form, `${ name }[${ key }]`, inner );
		}
		return;
	}
	if ( typeof value === 'boolean' ) {
		form.append( name, value ? '1' : '0' );
		return;
	}
	form.append( name, String( value ) );
}

/**
 * The multipart form of a request: its fields, then the files' bytes.
 *
 * @param fields The request's fields.
 * @param files  The bytes, each in the field the request names.
 * @return The form.
 */
export function multipartForm(
	fields: object,
	files: MultipartFile[]
): FormData {
	const form = new FormData();
	for ( const [ name, value ] of Object.entries( fields ) ) {
		appendField( form, name, value );
	}
	for ( const file of files ) {
		form.append(
			file.field,
			new Blob( [ file.bytes as BlobPart ], { type: file.type } ),
			file.name
		);
	}
	return form;
}

/**
 * The client of the plugin's routes over a transport.
 *
 * @param transport How to reach the site.
 * @param options   Retries and the signal that stops them.
 * @return The client.
 */
export function createRestClient(
	transport: Transport,
	options: RestClientOptions = {}
): RestClient {
	const policy = options.retry ?? NO_RETRY;
	const tried = < T >( send: () => Promise< T > ) =>
		withRetry( send, policy, options.signal );
	const json = < T >(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		body?: unknown
	) => tried( () => transport.request< T >( method, path, body ) );
	return {
		startRun: ( request ) =>
			json< RunInfo >( 'POST', paths.runs(), request ),
		listRuns: ( query = {} ) =>
			json< RunInfo[] >( 'GET', withQuery( paths.runs(), { ...query } ) ),
		readRun: ( runId ) => json< RunInfo >( 'GET', paths.run( runId ) ),
		lookupMedia: ( runId, request ) =>
			json< MediaLookupResponse >(
				'POST',
				paths.mediaLookup( runId ),
				request
			),
		uploadMediaBatch: ( runId, request, files ) =>
			tried( () =>
				transport.upload< MediaBatchResponse >(
					paths.mediaBatch( runId ),
					// A new form for each try: a sent body may be spent.
					multipartForm( request, files )
				)
			),
		sendPosts: ( runId, request ) =>
			json< PostsResponse >( 'POST', paths.posts( runId ), request ),
		finalizeStep: ( runId ) => {
			const request: FinalizeRequest = {};
			return json< RunInfo >( 'POST', paths.finalize( runId ), request );
		},
		undoStep: ( runId, query = {} ) =>
			json< RunInfo >(
				'DELETE',
				withQuery( paths.run( runId ), { ...query } )
			),
	};
}
