/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost, ArchiveMedia } from '../archive/model';
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
	type FoundMedia,
	type MediaBatchResponse,
	type MediaBatchResult,
	type MediaResult,
	type PostResult,
	type RunInfo,
	type RunLimits,
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

/** An archive file to look up, with its content hash. */
interface HashedFile {
	path: string;
	hash: string;
	size: number;
}

/** The site's code for sizes it refused (their files are sent again without). */
const BAD_SIZE = 'spaces_importer_bad_image_size';

/**
 * Why the site would refuse a file before it is sent: a type it does not
 * accept, or a size over its limit.
 *
 * @param file   The archive file.
 * @param limits The run's limits.
 * @return The reason, or null when the file may be sent.
 */
export function refusalBeforeSending(
	file: ArchiveMedia | undefined,
	limits: RunLimits
): string | null {
	const allowed = limits.allowedTypes;
	if ( file?.mimeType && allowed && ! allowed.includes( file.mimeType ) ) {
		return `This site does not accept ${ file.mimeType } files.`;
	}
	if ( file && limits.maxUploadBytes && file.size > limits.maxUploadBytes ) {
		return 'The file is larger than this site accepts.';
	}
	return null;
}

/**
 * What the media phase found out, file by file: the results for the report,
 * the attachments for the posts, and the progress. Files with the same
 * bytes under several names (twins) are sent once; the others share what
 * the first became.
 */
class MediaLedger {
	readonly results: MediaResult[] = [];
	/** What each sent file became, by hash. */
	private readonly answered = new Map< string, MediaOutcome >();
	/** Twins waiting for the file with their bytes, by hash. */
	private readonly twins = new Map< string, string[] >();

	constructor(
		private readonly uploaded: UploadedMedia,
		private readonly progress: ProgressTracker
	) {}

	/**
	 * A file that was not sent, or that the site refused.
	 *
	 * @param path    The file.
	 * @param message Why.
	 */
	fail( path: string, message: string ): void {
		this.results.push( { path, status: 'failed', message } );
		this.progress.mediaDone( 0 );
	}

	/**
	 * A file the library already holds.
	 *
	 * @param path  The file.
	 * @param found Its attachment.
	 */
	found( path: string, found: FoundMedia ): void {
		this.uploaded.set( path, found );
		this.results.push( { path, status: 'existing', ...found } );
		this.progress.mediaDone( 0 );
	}

	/**
	 * Whether a file is to be sent: not when a twin was sent already (it
	 * shares that outcome now) or is on its way (it waits for it).
	 *
	 * @param file The file.
	 * @return True for the first of its bytes.
	 */
	claim( file: HashedFile ): boolean {
		const outcome = this.answered.get( file.hash );
		if ( outcome ) {
			this.settle( file.path, outcome, 0, true );
			return false;
		}
		const waiting = this.twins.get( file.hash );
		if ( waiting ) {
			waiting.push( file.path );
			return false;
		}
		this.twins.set( file.hash, [] );
		return true;
	}

	/**
	 * What a sent file became, for it and for its twins.
	 *
	 * @param upload  The file sent.
	 * @param outcome The site's answer.
	 */
	finish( upload: MediaUpload, outcome: MediaOutcome ): void {
		this.answered.set( upload.hash, outcome );
		this.settle( upload.path, outcome, upload.bytes.length, false );
		for ( const twin of this.twins.get( upload.hash ) ?? [] ) {
			this.settle( twin, outcome, 0, true );
		}
		this.twins.delete( upload.hash );
	}

	private settle(
		path: string,
		outcome: MediaOutcome,
		bytes: number,
		twin: boolean
	): void {
		if ( 'message' in outcome ) {
			this.fail( path, outcome.message );
			return;
		}
		this.uploaded.set( path, {
			attachmentId: outcome.attachmentId,
			url: outcome.url,
		} );
		this.results.push( {
			...outcome,
			path,
			status: twin ? 'existing' : outcome.status,
		} );
		this.progress.mediaDone( bytes );
	}
}

/**
 * Reads a file and makes its sizes when this client can (the site makes
 * them otherwise).
 *
 * @param file     The file and its hash.
 * @param phase    The media phase.
 * @param mimeType The file's type, as the archive says.
 * @return The upload.
 */
async function prepareUpload(
	file: HashedFile,
	phase: MediaPhase,
	mimeType: string
): Promise< MediaUpload > {
	const bytes = await phase.source.read( file.path );
	const settings = phase.sizer ? ( phase.run.imageSizes ?? null ) : null;
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
		date: phase.wanted.get( file.path ) ?? null,
		mimeType,
		bytes,
		sizes: sizes ?? [],
		sized: sizes !== null,
	};
}

/**
 * The same upload without its sizes, for the site to make them.
 *
 * @param upload The upload.
 * @return It, unsized.
 */
const withoutSizes = ( upload: MediaUpload ): MediaUpload => ( {
	...upload,
	sizes: [],
	sized: false,
} );

/**
 * What the site's answer for one file of a batch makes of it.
 *
 * @param result The answer, if there is one.
 * @return The outcome.
 */
function batchOutcome( result: MediaBatchResult | undefined ): MediaOutcome {
	if ( result?.status === 'failed' || ! result?.attachmentId ) {
		return {
			message:
				result?.message ?? 'The site did not answer for this file.',
		};
	}
	return {
		attachmentId: result.attachmentId,
		url: result.url ?? '',
		status: result.status === 'existing' ? 'existing' : 'created',
		...( result.sizes ? { sizes: result.sizes } : {} ),
	};
}

/**
 * Sends one batch; each file's answer stands alone. A batch the site
 * refuses whole (too large for it) is sent again file by file; a file whose
 * sizes the site refuses is sent again without them, so the site makes
 * them.
 *
 * @param batch  The uploads.
 * @param phase  The media phase.
 * @param ledger Told what each file became.
 */
async function sendMediaBatch(
	batch: MediaUpload[],
	phase: MediaPhase,
	ledger: MediaLedger
): Promise< void > {
	let answer: MediaBatchResponse;
	try {
		answer = await phase.client.uploadMediaBatch(
			phase.run.id,
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
				await sendMediaBatch( [ upload ], phase, ledger );
			}
		} else if ( batch[ 0 ].sized ) {
			await sendMediaBatch(
				[ withoutSizes( batch[ 0 ] ) ],
				phase,
				ledger
			);
		} else {
			ledger.finish( batch[ 0 ], { message: error.message } );
		}
		return;
	}
	for ( const [ index, upload ] of batch.entries() ) {
		const result = answer.results?.[ index ];
		if ( result?.code === BAD_SIZE && upload.sized ) {
			await sendMediaBatch( [ withoutSizes( upload ) ], phase, ledger );
		} else {
			ledger.finish( upload, batchOutcome( result ) );
		}
	}
}

/**
 * Sends batches as they are ready: the first alone (it creates the month's
 * upload folder, which parallel first uploads would race to create), then a
 * few at once. The first failure stops the sending and is thrown.
 */
class UploadQueue {
	private readonly inFlight = new Set< Promise< void > >();
	private failure: { error: unknown } | null = null;
	private first = true;

	constructor(
		private readonly control: RunControl,
		private readonly send: ( batch: MediaUpload[] ) => Promise< void >
	) {}

	/**
	 * Sends a batch when the run may, and when fewer than
	 * `UPLOADS_IN_FLIGHT` are on their way.
	 *
	 * @param batch The uploads.
	 */
	async add( batch: MediaUpload[] ): Promise< void > {
		await this.control.gate();
		this.throwFailure();
		if ( this.first ) {
			this.first = false;
			await this.send( batch );
			return;
		}
		const sending: Promise< void > = this.send( batch )
			.catch( ( error ) => {
				this.failure ??= { error };
			} )
			.finally( () => this.inFlight.delete( sending ) );
		this.inFlight.add( sending );
		while ( this.inFlight.size >= UPLOADS_IN_FLIGHT ) {
			await Promise.race( this.inFlight );
		}
	}

	/** Waits for every batch on its way; throws the first failure. */
	async drain(): Promise< void > {
		await Promise.all( this.inFlight );
		this.throwFailure();
	}

	private throwFailure(): void {
		if ( this.failure ) {
			throw this.failure.error;
		}
	}
}

/**
 * The media phase: files the site already has (by content hash) are only
 * looked up; the others are uploaded a few at a time. A file the site
 * refuses (type, size) is reported and the run goes on.
 *
 * @param phase What the phase needs.
 * @return One result per file.
 */
async function uploadMedia( phase: MediaPhase ): Promise< MediaResult[] > {
	const { run, source, model, client, control } = phase;
	const files = new Map( model.media.map( ( file ) => [ file.path, file ] ) );
	const paths = [ ...phase.wanted.keys() ];
	const ledger = new MediaLedger( phase.uploaded, phase.progress );
	const batcher = new MediaBatcher( mediaBudget( run.limits ) );
	const queue = new UploadQueue( control, ( batch ) =>
		sendMediaBatch( batch, phase, ledger )
	);
	const mimeType = ( path: string ) =>
		files.get( path )?.mimeType ?? 'application/octet-stream';

	for ( let start = 0; start < paths.length; start += LOOKUP_CHUNK ) {
		await control.gate();
		const chunk: HashedFile[] = [];
		for ( const path of paths.slice( start, start + LOOKUP_CHUNK ) ) {
			const refusal = refusalBeforeSending(
				files.get( path ),
				run.limits
			);
			if ( refusal ) {
				ledger.fail( path, refusal );
				continue;
			}
			const bytes = await source.read( path );
			chunk.push( {
				path,
				hash: sha256Hex( bytes ),
				size: bytes.length,
			} );
		}
		if ( ! chunk.length ) {
			continue;
		}
		const { found } = await client.lookupMedia( run.id, {
			hashes: chunk.map( ( file ) => file.hash ),
		} );
		const unique = chunk.filter( ( file ) => {
			if ( found[ file.hash ] ) {
				ledger.found( file.path, found[ file.hash ] );
				return false;
			}
			return ledger.claim( file );
		} );
		for ( let at = 0; at < unique.length; at += PREPARED_AT_ONCE ) {
			await control.gate();
			const prepared = await Promise.all(
				unique
					.slice( at, at + PREPARED_AT_ONCE )
					.map( ( file ) =>
						prepareUpload( file, phase, mimeType( file.path ) )
					)
			);
			for ( const upload of prepared ) {
				const full = batcher.add( upload );
				if ( full ) {
					await queue.add( full );
				}
			}
		}
	}
	const last = batcher.flush();
	if ( last ) {
		await queue.add( last );
	}
	await queue.drain();
	return ledger.results;
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
