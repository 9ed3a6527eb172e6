/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost } from '../archive/model';
import { RunControl } from './control';
import { planBatches } from './batches';
import { archiveFingerprint } from './fingerprint';
import { sha256Hex } from './hash';
import { sizesWanted, type ImageSizer, type MadeSize } from './image-sizes';
import {
	MediaBatcher,
	batchRequest,
	mediaBudget,
	type MediaUpload,
} from './media-batches';
import type { MediaSource } from './media-source';
import { postsToImport, toPostPayload, type UploadedMedia } from './payload';
import { eachLimited } from './pool';
import { ProgressTracker } from './progress';
import { createRestClient, type RestClient } from './rest-client';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { TransportError, type Transport } from './transport';
import {
	DEFAULT_OPTIONS,
	type ImportOptions,
	type ImportProgress,
	type MediaBatchResult,
	type MediaResult,
	type PostResult,
	type RunInfo,
	type RunReport,
} from './types';

/** Upload requests in flight at once: enough to keep two PHP workers busy. */
const UPLOADS_IN_FLIGHT = 3;
/** Files read (and their sizes made) at once. */
const PREPARED_AT_ONCE = 4;
/**
 * Posts requests in flight at once. Each carries many posts and their
 * comments; two keep the site's CPU busy without crowding it.
 */
const POSTS_IN_FLIGHT = 2;
/** Files hashed and looked up together. */
const LOOKUP_CHUNK = 100;
/** Finalize and undo are bounded steps; this many at most, as a safety net. */
const MAX_STEPS = 100000;

export interface RunImportArgs {
	model: ArchiveModel;
	transport: Transport;
	/** The archive's files; without it, images are not uploaded. */
	media?: MediaSource;
	/**
	 * Makes the images' smaller sizes, uploaded with each image; without
	 * it (or when it cannot) the site makes them.
	 */
	imageSizer?: ImageSizer;
	options?: Partial< ImportOptions >;
	onProgress?: ( progress: ImportProgress ) => void;
	/** Pause, resume and cancel; one is made when not given. */
	control?: RunControl;
	/** Also cancels, for callers that only have a signal. */
	signal?: AbortSignal;
	retry?: RetryPolicy;
}

/**
 * The archive files the posts use, each with the month of the first post
 * that shows it (its upload folder).
 *
 * @param model The archive.
 * @return Path → `YYYY-MM` (or null when that post has no date).
 */
function referencedMedia( model: ArchiveModel ): Map< string, string | null > {
	const inArchive = new Set( model.media.map( ( file ) => file.path ) );
	const months = new Map< string, string | null >();
	for ( const post of model.posts ) {
		const paths = [
			...post.images.map( ( image ) => image.archivePath ),
			// Video files of the archive go to the media library too.
			...( post.videos ?? [] ).map( ( video ) => video.archivePath ),
		];
		for ( const path of paths ) {
			if ( path && inArchive.has( path ) && ! months.has( path ) ) {
				months.set( path, post.published?.slice( 0, 7 ) ?? null );
			}
		}
	}
	return months;
}

/**
 * Imports an archive model into the site, in phases: starts (or resumes) the
 * run for the archive, uploads the images the posts use, sends the posts
 * with their comments in the batches the server allows, then finalizes.
 * Everything already on the site is recognized (files by content hash, posts
 * by their Spaces id), so running it again, or after an interruption, sends
 * no file twice and adds nothing twice.
 *
 * @param args The model, the transport and the owner's options.
 * @return The run and one result per post and per file.
 */
export async function runImport( args: RunImportArgs ): Promise< RunReport > {
	const { transport, onProgress } = args;
	const options: ImportOptions = { ...DEFAULT_OPTIONS, ...args.options };
	// Skipped drafts are left out here; the archive stays the same archive.
	const model = postsToImport( args.model, options );
	const control = args.control ?? new RunControl();
	args.signal?.addEventListener( 'abort', () => control.cancel(), {
		once: true,
	} );
	const client = createRestClient( transport, {
		retry: args.retry ?? DEFAULT_RETRY,
		signal: control.signal,
	} );

	const wanted =
		options.images && args.media ? referencedMedia( model ) : new Map();
	const progress = new ProgressTracker(
		wanted.size,
		model.posts.length,
		( snapshot ) => onProgress?.( snapshot )
	);
	// Released in the `finally` below, whichever way the run ends.
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return
	const unsubscribe = control.subscribe( () =>
		progress.paused( control.paused )
	);

	try {
		await control.gate();
		const run = await client.startRun( {
			fingerprint: archiveFingerprint( args.model ),
			name: model.name,
			totals: {
				posts: model.posts.length,
				comments: model.posts.reduce(
					( sum, post ) => sum + post.comments.length,
					0
				),
				media: wanted.size,
			},
			options: { ...options, author: options.author || undefined },
		} );

		progress.phase( 'media' );
		const uploaded: UploadedMedia = new Map();
		const media = args.media
			? await uploadMedia( {
					run,
					wanted,
					source: args.media,
					model,
					client,
					control,
					progress,
					uploaded,
					sizer: args.imageSizer,
				} )
			: [];

		progress.phase( 'posts' );
		const results = await sendPosts( {
			client,
			run,
			posts: model.posts,
			uploaded,
			options,
			control,
			onPostsDone: ( count ) => progress.postsDone( count ),
		} );

		progress.phase( 'finalize' );
		let finished = run;
		let total = 0;
		for ( let step = 0; step < MAX_STEPS; step++ ) {
			await control.gate();
			finished = await client.finalizeStep( run.id );
			const remaining = finished.finalize?.remaining ?? 0;
			total = Math.max( total, remaining + step );
			progress.finalize( total - remaining, total );
			if ( remaining === 0 || finished.state === 'complete' ) {
				break;
			}
		}
		progress.phase( 'done' );
		return { run: finished, results, media };
	} finally {
		unsubscribe();
	}
}

export interface SendPostsArgs {
	client: RestClient;
	/** The run, with the limits of one request. */
	run: RunInfo;
	posts: ArchivePost[];
	/** The archive's files in the media library, by path. */
	uploaded: UploadedMedia;
	options: ImportOptions;
	/** Pause and cancel. */
	control: RunControl;
	/** Told how many posts were sent whole after each request. */
	onPostsDone?: ( count: number ) => void;
}

/**
 * Sends posts with their comments in the batches the run's limits allow, a
 * few requests at once; a post with more comments than fit in one request
 * goes in parts. The screen's Retry sends one failed post this way too.
 *
 * @param args The posts and where they go.
 * @return One result per post answered, in the posts' order, with its title.
 */
export async function sendPosts(
	args: SendPostsArgs
): Promise< PostResult[] > {
	const { client, run, posts, control } = args;
	const batches = planBatches(
		posts.map( ( post ) =>
			toPostPayload( post, args.uploaded, args.options )
		),
		run.limits
	);
	// Results by post, so the report lists posts in the archive's order
	// whichever batch the site answers first; a post sent in parts
	// (many comments) gets one result for all of them.
	const answered: PostResult[][] = posts.map( () => [] );
	await eachLimited( batches, POSTS_IN_FLIGHT, control, async ( batch ) => {
		const answer = await client.sendPosts( run.id, {
			posts: batch.map( ( part ) => part.payload ),
		} );
		batch.forEach( ( part, at ) => {
			const result = answer.results[ at ];
			if ( result ) {
				answered[ part.index ].push( result );
			}
		} );
		args.onPostsDone?.( batch.filter( ( part ) => part.last ).length );
	} );
	const results: PostResult[] = [];
	answered.forEach( ( parts, index ) => {
		if ( parts.length ) {
			results.push( {
				...mergeParts( parts ),
				title: posts[ index ].title,
			} );
		}
	} );
	return results;
}

const OUTCOME_RANK: PostResult[ 'status' ][] = [
	'failed',
	'created',
	'updated',
	'skipped',
	'unchanged',
];

/**
 * One result for a post sent in several parts: failed if a part failed,
 * else what its first write did; comments added by every part.
 *
 * @param parts The answers for the post's parts.
 * @return The post's result.
 */
export function mergeParts( parts: PostResult[] ): PostResult {
	const status = OUTCOME_RANK.find( ( outcome ) =>
		parts.some( ( part ) => part.status === outcome )
	) as PostResult[ 'status' ];
	const decisive =
		parts.find( ( part ) => part.status === status ) ?? parts[ 0 ];
	const withPost = parts.find( ( part ) => part.postId ) ?? decisive;
	return {
		...decisive,
		postId: withPost.postId,
		link: decisive.link ?? withPost.link,
		comments: {
			created: parts.reduce(
				( sum, part ) => sum + ( part.comments?.created ?? 0 ),
				0
			),
		},
	};
}

interface MediaPhase {
	run: RunInfo;
	wanted: Map< string, string | null >;
	source: MediaSource;
	model: ArchiveModel;
	client: RestClient;
	control: RunControl;
	progress: ProgressTracker;
	uploaded: UploadedMedia;
	sizer?: ImageSizer;
}

/** What a sent file became: an attachment, or a refusal. */
type MediaOutcome =
	| {
			attachmentId: number;
			url: string;
			status: 'created' | 'existing';
			sizes?: 'client' | 'server';
	  }
	| { message: string };

/** The site's code for sizes it refused (their files are sent again without). */
const BAD_SIZE = 'spaces_importer_bad_image_size';

/**
 * The media phase: files the site already has (by content hash) are only
 * looked up; the others are uploaded a few at a time. A file the site
 * refuses (type, size) is reported and the run goes on.
 *
 * @param phase What the phase needs.
 * @return One result per file.
 */
async function uploadMedia( phase: MediaPhase ): Promise< MediaResult[] > {
	const { run, wanted, source, model, client, control, progress } = phase;
	const results: MediaResult[] = [];
	const files = new Map( model.media.map( ( file ) => [ file.path, file ] ) );
	const allowed = run.limits.allowedTypes;
	const maxBytes = run.limits.maxUploadBytes;
	const paths = [ ...wanted.keys() ];
	const fail = ( path: string, message: string ) => {
		results.push( { path, status: 'failed', message } );
		progress.mediaDone( 0 );
	};
	let first = true;
	const settings = phase.sizer ? ( run.imageSizes ?? null ) : null;
	const budget = mediaBudget( run.limits );
	const batcher = new MediaBatcher( budget );
	// What each sent file became, by hash, for its twins (the same bytes
	// under other names), and those twins waiting for it.
	const answered = new Map< string, MediaOutcome >();
	const twins = new Map< string, string[] >();
	const settle = ( path: string, outcome: MediaOutcome, twin: boolean ) => {
		if ( 'message' in outcome ) {
			fail( path, outcome.message );
			return;
		}
		phase.uploaded.set( path, {
			attachmentId: outcome.attachmentId,
			url: outcome.url,
		} );
		results.push( {
			...outcome,
			path,
			status: twin ? 'existing' : outcome.status,
		} );
		progress.mediaDone( 0 );
	};
	const finish = ( upload: MediaUpload, outcome: MediaOutcome ) => {
		answered.set( upload.hash, outcome );
		if ( 'message' in outcome ) {
			fail( upload.path, outcome.message );
		} else {
			phase.uploaded.set( upload.path, {
				attachmentId: outcome.attachmentId,
				url: outcome.url,
			} );
			results.push( { ...outcome, path: upload.path } );
			progress.mediaDone( upload.bytes.length );
		}
		for ( const twin of twins.get( upload.hash ) ?? [] ) {
			settle( twin, outcome, true );
		}
		twins.delete( upload.hash );
	};

	/**
	 * Reads a file and makes its sizes when this client can.
	 *
	 * @param file      The file.
	 * @param file.path Its path in the archive.
	 * @param file.hash Its SHA-256.
	 * @return The upload.
	 */
	const prepare = async ( file: {
		path: string;
		hash: string;
	} ): Promise< MediaUpload > => {
		const bytes = await source.read( file.path );
		const mimeType =
			files.get( file.path )?.mimeType ?? 'application/octet-stream';
		let sizes: MadeSize[] | null = null;
		if ( settings && phase.sizer && sizesWanted( mimeType, settings ) ) {
			try {
				sizes = await phase.sizer.make( bytes, mimeType, settings );
			} catch {
				// An image the client cannot read: the site makes its sizes.
				sizes = null;
			}
		}
		return {
			path: file.path,
			hash: file.hash,
			date: wanted.get( file.path ) ?? null,
			mimeType,
			bytes,
			sizes: sizes ?? [],
			sized: sizes !== null,
		};
	};

	/**
	 * Sends one batch; each file's answer stands alone. A batch the site
	 * refuses whole (too large for it) is sent again file by file; a file
	 * whose sizes the site refuses is sent again without them, so the site
	 * makes them.
	 *
	 * @param batch The uploads.
	 */
	const send = async ( batch: MediaUpload[] ): Promise< void > => {
		let answer: { results: MediaBatchResult[] };
		try {
			answer = await client.uploadMediaBatch(
				run.id,
				...batchRequest( batch )
			);
		} catch ( error ) {
			if (
				! ( error instanceof TransportError ) ||
				error.fatal ||
				error.retryable
			) {
				throw error;
			}
			if ( batch.length > 1 ) {
				for ( const upload of batch ) {
					await send( [ upload ] );
				}
				return;
			}
			if ( batch[ 0 ].sized ) {
				await send( [ { ...batch[ 0 ], sizes: [], sized: false } ] );
				return;
			}
			finish( batch[ 0 ], { message: error.message } );
			return;
		}
		for ( const [ index, upload ] of batch.entries() ) {
			const result = answer.results?.[ index ];
			if ( result?.status === 'failed' || ! result?.attachmentId ) {
				if ( result?.code === BAD_SIZE && upload.sized ) {
					await send( [ { ...upload, sizes: [], sized: false } ] );
					continue;
				}
				finish( upload, {
					message:
						result?.message ??
						'The site did not answer for this file.',
				} );
				continue;
			}
			finish( upload, {
				attachmentId: result.attachmentId,
				url: result.url ?? '',
				status: result.status === 'existing' ? 'existing' : 'created',
				...( result.sizes ? { sizes: result.sizes } : {} ),
			} );
		}
	};

	// The first batch goes alone: it creates the month's upload folder,
	// which parallel first uploads would race to create. Then a few at once.
	const inFlight = new Set< Promise< void > >();
	let failure: { error: unknown } | null = null;
	const dispatch = async ( batch: MediaUpload[] ) => {
		await control.gate();
		if ( failure ) {
			throw failure.error;
		}
		if ( first ) {
			first = false;
			await send( batch );
			return;
		}
		const sending: Promise< void > = send( batch )
			.catch( ( error ) => {
				failure ??= { error };
			} )
			.finally( () => inFlight.delete( sending ) );
		inFlight.add( sending );
		while ( inFlight.size >= UPLOADS_IN_FLIGHT ) {
			await Promise.race( inFlight );
		}
	};

	for ( let start = 0; start < paths.length; start += LOOKUP_CHUNK ) {
		await control.gate();
		const chunk: Array< { path: string; hash: string; size: number } > = [];
		for ( const path of paths.slice( start, start + LOOKUP_CHUNK ) ) {
			const file = files.get( path );
			if (
				file?.mimeType &&
				allowed &&
				! allowed.includes( file.mimeType )
			) {
				fail(
					path,
					`This site does not accept ${ file.mimeType } files.`
				);
			} else if ( file && maxBytes && file.size > maxBytes ) {
				fail( path, 'The file is larger than this site accepts.' );
			} else {
				const bytes = await source.read( path );
				chunk.push( {
					path,
					hash: sha256Hex( bytes ),
					size: bytes.length,
				} );
			}
		}
		if ( ! chunk.length ) {
			continue;
		}
		const { found } = await client.lookupMedia( run.id, {
			hashes: chunk.map( ( file ) => file.hash ),
		} );
		const missing = chunk.filter( ( file ) => {
			const existing = found[ file.hash ];
			if ( existing ) {
				phase.uploaded.set( file.path, existing );
				results.push( {
					path: file.path,
					status: 'existing',
					...existing,
				} );
				progress.mediaDone( 0 );
			}
			return ! existing;
		} );
		// Files with the same bytes under several names are sent once; the
		// others share the attachment.
		const unique = missing.filter( ( file ) => {
			const outcome = answered.get( file.hash );
			if ( outcome ) {
				settle( file.path, outcome, true );
				return false;
			}
			const sameBytes = twins.get( file.hash );
			if ( sameBytes ) {
				sameBytes.push( file.path );
				return false;
			}
			twins.set( file.hash, [] );
			return true;
		} );
		for ( let at = 0; at < unique.length; at += PREPARED_AT_ONCE ) {
			await control.gate();
			const prepared = await Promise.all(
				unique
					.slice( at, at + PREPARED_AT_ONCE )
					.map( ( file ) => prepare( file ) )
			);
			for ( const upload of prepared ) {
				const full = batcher.add( upload );
				if ( full ) {
					await dispatch( full );
				}
			}
		}
	}
	const last = batcher.flush();
	if ( last ) {
		await dispatch( last );
	}
	await Promise.all( inFlight );
	if ( failure ) {
		throw ( failure as { error: unknown } ).error;
	}
	return results;
}

/**
 * Undoes a run: the site removes what the run created, in bounded steps.
 *
 * @param transport  How to reach the site.
 * @param runId      The run.
 * @param onProgress Told how many items are left after each step.
 * @param retry      Retry policy.
 * @return The run, `undone`.
 */
export async function undoRun(
	transport: Transport,
	runId: number,
	onProgress?: ( remaining: number ) => void,
	retry: RetryPolicy = DEFAULT_RETRY
): Promise< RunInfo > {
	const client = createRestClient( transport, { retry } );
	let run: RunInfo | null = null;
	for ( let step = 0; step < MAX_STEPS; step++ ) {
		run = await client.undoStep( runId );
		const remaining = run.undo?.remaining ?? 0;
		onProgress?.( remaining );
		if ( remaining === 0 || run.state === 'undone' ) {
			break;
		}
	}
	return run as RunInfo;
}
