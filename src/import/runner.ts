/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../archive/model';
import { archiveFingerprint } from './fingerprint';
import { toPostPayload } from './payload';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import type { Transport } from './transport';
import {
	DEFAULT_OPTIONS,
	type ImportOptions,
	type ImportProgress,
	type PostResult,
	type RunInfo,
	type RunReport,
} from './types';

export const NAMESPACE = '/spaces-importer/v1';

export interface RunImportArgs {
	model: ArchiveModel;
	transport: Transport;
	options?: Partial< ImportOptions >;
	onProgress?: ( progress: ImportProgress ) => void;
	signal?: AbortSignal;
	retry?: RetryPolicy;
}

/**
 * Imports an archive model into the site: starts (or resumes) the run for
 * the archive, sends the posts in the batches the server allows, then
 * finalizes the run. Posts already on the site come back `unchanged` or
 * `skipped`, so running it again adds nothing.
 *
 * @param args The model, the transport and the owner's options.
 * @return The run and one result per post.
 */
export async function runImport( args: RunImportArgs ): Promise< RunReport > {
	const { model, transport, signal, onProgress } = args;
	const options = { ...DEFAULT_OPTIONS, ...args.options };
	const policy = args.retry ?? DEFAULT_RETRY;
	const send = < T >( path: string, body: unknown ) =>
		withRetry(
			() => transport.request< T >( 'POST', NAMESPACE + path, body ),
			policy,
			signal
		);
	const total = model.posts.length;

	onProgress?.( { phase: 'start', done: 0, total } );
	const run = await send< RunInfo >( '/runs', {
		fingerprint: await archiveFingerprint( model ),
		name: model.name,
		totals: {
			posts: total,
			comments: model.posts.reduce(
				( sum, post ) => sum + post.comments.length,
				0
			),
			media: model.media.length,
		},
	} );

	const results: PostResult[] = [];
	const size = Math.max( 1, run.limits.postsPerRequest );
	for ( let start = 0; start < total; start += size ) {
		signal?.throwIfAborted();
		const batch = model.posts.slice( start, start + size );
		const answer = await send< { results: PostResult[] } >(
			`/runs/${ run.id }/posts`,
			{ posts: batch.map( toPostPayload ), options }
		);
		answer.results.forEach( ( result, index ) =>
			results.push( { ...result, title: batch[ index ]?.title } )
		);
		onProgress?.( { phase: 'posts', done: results.length, total } );
	}

	onProgress?.( { phase: 'finalize', done: total, total } );
	const finished = await send< RunInfo >( `/runs/${ run.id }/finalize`, {} );
	onProgress?.( { phase: 'done', done: total, total } );
	return { run: finished, results };
}
