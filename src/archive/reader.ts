/**
 * Reads an archive's files into the model: recognizes each file by its
 * content, hands pages and feeds to the matching extractor, lists media,
 * and turns every recoverable problem into a warning.
 *
 * `readFileSet` is a pipeline of named steps: open the containers (web
 * archives, Live Writer's `.wpost` files), then for each file classify it,
 * decode a page's text, pick its extractor and extract, gathering what
 * each gave in one context (`Gathered`); then place the migration
 * download's index, add the archive-wide warnings, join Live Writer's
 * posts and build the model.
 */

/**
 * Internal dependencies
 */
import { buildModel } from './build-model';
import { detach, tooMuchText } from './budget';
import { decodeText } from './charset';
import { ArchiveError, isArchiveError } from './errors';
import { chooseExtractor } from './extractors';
import {
	migrationPage,
	readMigrationIndex,
	type MigrationIndex,
} from './extractors/migration-page';
import type { Extraction, FoundPhoto } from './extractors/types';
import {
	FileReadError,
	type ArchiveFile,
	type ArchiveFileSet,
} from './file-set';
import {
	MAX_KEPT_TEXT_CHARS,
	MAX_PAGE_BYTES,
	MAX_TOTAL_PAGE_BYTES,
} from './limits';
import { expandLiveWriterPosts, type LiveWriterPost } from './live-writer';
import { mergeLiveWriter } from './live-writer-merge';
import { PostMerger } from './merge';
import type {
	ArchiveBlog,
	ArchiveMedia,
	ArchiveModel,
	ArchiveWarning,
} from './model';
import { basename, isLitter } from './paths';
import { looksLikeMarkup, looksLikeZip, sniffMediaType } from './sniff';
import { expandWebArchives } from './web-archive';

export interface ReadProgress {
	filesRead: number;
	filesTotal: number;
	postsFound: number;
}

export interface ReadOptions {
	/** Called after each file. */
	onProgress?: ( progress: ReadProgress ) => void;
	/** Stops reading; the promise then rejects with an `aborted` error. */
	signal?: AbortSignal;
}

export interface ArchiveReader {
	model: ArchiveModel;
	/**
	 * Reads one media file's bytes, when needed (they are not kept).
	 *
	 * @param path A `media[].path` or an image's `archivePath`.
	 */
	readMedia: ( path: string ) => Promise< Uint8Array >;
}

/** Names that are almost surely media: only their first bytes are read. */
const MEDIA_NAME =
	/\.(?:jpe?g|png|gif|bmp|tiff?|webp|ico|wmv|avi|mp4|m4v|mov|flv|webm|mp3|wma|wav)$/i;
const HEAD_BYTES = 64;
const YIELD_EVERY = 32;

/** What was in the archive besides posts, to explain an archive without any. */
interface Tally {
	files: number;
	litter: number;
	media: number;
	pagesWithoutPosts: string[];
	other: number;
	encrypted: number;
	truncated: number;
	damaged: number;
}

/** Warnings of a `.wpost` file that could not be read at all. */
const UNREADABLE_LIVE_WRITER = new Set( [
	'live-writer-not-compound',
	'live-writer-damaged',
	'live-writer-unknown-version',
	'live-writer-no-post',
] );

function plural( n: number, one: string, many: string ): string {
	return `${ n } ${ n === 1 ? one : many }`;
}

function noPostsError( name: string, tally: Tally ): ArchiveError {
	const useful = tally.files - tally.litter;
	if ( useful === 0 ) {
		return new ArchiveError(
			'empty',
			name,
			tally.litter
				? `“${ name }” holds no files besides system files (such as Thumbs.db or __MACOSX).`
				: `“${ name }” is empty: it holds no files.`
		);
	}
	if ( tally.encrypted && tally.encrypted >= useful - tally.media ) {
		return new ArchiveError(
			'encrypted',
			name,
			`“${ name }” is protected by a password; unzip it with the password, zip it again without one, and import that.`
		);
	}
	if ( tally.truncated ) {
		return new ArchiveError(
			'truncated',
			name,
			`“${ name }” is incomplete: its files were cut off, perhaps while downloading. Download or copy it again.`
		);
	}
	const parts: string[] = [];
	if ( tally.media ) {
		parts.push(
			plural(
				tally.media,
				'image or media file',
				'images or media files'
			)
		);
	}
	if ( tally.pagesWithoutPosts.length ) {
		parts.push(
			plural(
				tally.pagesWithoutPosts.length,
				'web page without blog entries',
				'web pages without blog entries'
			)
		);
	}
	if ( tally.damaged ) {
		parts.push( plural( tally.damaged, 'damaged file', 'damaged files' ) );
	}
	if ( tally.other ) {
		parts.push( plural( tally.other, 'other file', 'other files' ) );
	}
	return new ArchiveError(
		'no-posts',
		name,
		`“${ name }” holds no Windows Live Spaces blog posts: it has ${ plural(
			useful,
			'file',
			'files'
		) }, none of them Spaces pages${
			parts.length ? ` (${ parts.join( ', ' ) })` : ''
		}.`
	);
}

function badBytesWarning( path: string, count: number ): ArchiveWarning {
	return {
		file: path,
		code: 'charset-bad-bytes',
		message: `“${ path }” is UTF-8 text with ${ plural(
			count,
			'damaged byte',
			'damaged bytes'
		) }; ${
			count === 1 ? 'it shows' : 'they show'
		} as “\ufffd”, and the rest of the page reads normally.`,
	};
}

function readProblem(
	file: ArchiveFile,
	error: FileReadError
): ArchiveWarning {
	return {
		file: file.path,
		code: `file-${ error.reason }`,
		message: `“${ file.path }” was skipped: ${ error.message }.`,
	};
}

function throwIfAborted( signal: AbortSignal | undefined, name: string ) {
	if ( signal?.aborted ) {
		throw new ArchiveError(
			'aborted',
			name,
			`Reading “${ name }” was stopped.`
		);
	}
}

/** What the containers in a file set held: its files, opened. */
interface Unpacked {
	/** The files, each web archive and `.wpost` replaced by what it holds. */
	set: ArchiveFileSet;
	/** The posts of the `.wpost` files. */
	liveWriterPosts: LiveWriterPost[];
	/** Problems met while opening them. */
	warnings: ArchiveWarning[];
}

/**
 * Step 1: opens the containers of a file set. Web archives (`.mht`)
 * anywhere are read as the files they hold; Live Writer's `.wpost` files
 * are read as posts and the files they hold.
 *
 * @param files  The file set.
 * @param signal Stops reading.
 * @return The opened set, Live Writer's posts and the warnings so far.
 */
async function unpackContainers(
	files: ArchiveFileSet,
	signal: AbortSignal | undefined
): Promise< Unpacked > {
	const liveWriter = await expandLiveWriterPosts(
		await expandWebArchives( files ),
		signal
	);
	return {
		set: liveWriter.set,
		liveWriterPosts: liveWriter.posts,
		warnings: [
			...( liveWriter.set.warnings ?? [] ),
			...liveWriter.warnings,
		],
	};
}

/**
 * The newest file date of a set: when the archive was made, as near as is
 * known, against which "5 seconds ago" is placed.
 *
 * @param files The files.
 * @return A local wall-clock time, or null when no file has a date.
 */
function newestModified( files: ArchiveFile[] ): string | null {
	return (
		files
			.map( ( f ) => f.modified )
			.filter( ( m ): m is string => m !== null )
			.sort()
			.pop() ?? null
	);
}

/** What one file is, told from its name, size and first bytes. */
type FileKind =
	| { kind: 'litter' }
	/** Empty, or of no kind the reader knows. */
	| { kind: 'other' }
	| { kind: 'nested-zip' }
	| { kind: 'media'; mimeType: string | null }
	/** A page or a feed, read whole. */
	| { kind: 'page'; bytes: Uint8Array };

/**
 * What a file that is not a page is: media (by its bytes or its name), a
 * zip inside the archive, or something else.
 *
 * @param file The file.
 * @param type The media type its first bytes show, if any.
 * @param head Its first bytes (or all of them).
 * @return Its kind.
 */
function kindOfNonPage(
	file: ArchiveFile,
	type: string | null,
	head: Uint8Array
): FileKind {
	if ( type || MEDIA_NAME.test( file.path ) ) {
		return { kind: 'media', mimeType: type };
	}
	return looksLikeZip( head ) ? { kind: 'nested-zip' } : { kind: 'other' };
}

/**
 * Step 2: classifies a file by its content. Files named like media, and
 * files too large to be a page, are told by their first bytes alone; the
 * others are read whole, and the bytes of a page are kept for extraction.
 *
 * @param set  The file set.
 * @param file One of its files.
 * @return Its kind. Throws FileReadError when it cannot be read.
 */
async function classifyFile(
	set: ArchiveFileSet,
	file: ArchiveFile
): Promise< FileKind > {
	if ( isLitter( file.path ) ) {
		return { kind: 'litter' };
	}
	if ( file.size === 0 ) {
		return { kind: 'other' };
	}
	if ( file.encrypted ) {
		throw new FileReadError( 'encrypted', 'it is protected by a password' );
	}
	if ( MEDIA_NAME.test( file.path ) || file.size > MAX_PAGE_BYTES ) {
		const head = await set.readHead( file, HEAD_BYTES );
		const type = sniffMediaType( head );
		if ( type || ! looksLikeMarkup( head ) || file.size > MAX_PAGE_BYTES ) {
			return kindOfNonPage( file, type, head );
		}
	}
	const bytes = await set.read( file );
	if ( looksLikeMarkup( bytes.subarray( 0, 2048 ) ) ) {
		return { kind: 'page', bytes };
	}
	return kindOfNonPage(
		file,
		sniffMediaType( bytes.subarray( 0, HEAD_BYTES ) ),
		bytes
	);
}

/** A page's text, and what decoding it said about its encoding. */
interface DecodedPage {
	text: string;
	/** A warning about this page's encoding. */
	warning: ArchiveWarning | null;
	/** `path (charset)` when the encoding was guessed (said once for all). */
	guessed: string | null;
}

/**
 * Step 3: decodes a page's text.
 *
 * @param file  The page.
 * @param bytes Its bytes.
 * @return The text and any problem with its encoding.
 */
function decodePage( file: ArchiveFile, bytes: Uint8Array ): DecodedPage {
	const decoded = decodeText( bytes );
	const page: DecodedPage = {
		text: decoded.text,
		warning: null,
		guessed: null,
	};
	if ( decoded.problem === 'unknown-charset' ) {
		page.warning = {
			file: file.path,
			code: 'charset-unknown',
			message: `“${ file.path }” declares an unknown text encoding (“${ decoded.declared }”); it was read as ${ decoded.charset }.`,
		};
	} else if ( decoded.problem === 'charset-guessed' ) {
		page.guessed = `${ file.path } (${ decoded.charset })`;
	} else if ( decoded.problem === 'bad-bytes' ) {
		page.warning = badBytesWarning( file.path, decoded.badBytes ?? 0 );
	}
	return page;
}

/** What the extractor chosen for a page made of it. */
type PageExtraction =
	/** No extractor recognized the page. */
	| { kind: 'none' }
	/** The extractor failed on it. */
	| { kind: 'unreadable' }
	| {
			kind: 'read';
			extraction: Extraction;
			/** Whether the migration download's entry page extractor read it. */
			migration: boolean;
	  };

/**
 * Step 4: picks the extractor for a page (the first whose `detect` accepts
 * it) and extracts its posts, detached from the page's text.
 *
 * @param file      The page.
 * @param text      Its text.
 * @param reference The archive's newest file date.
 * @return What the extractor found.
 */
function extractPage(
	file: ArchiveFile,
	text: string,
	reference: string | null
): PageExtraction {
	const extractor = chooseExtractor( text, file.path );
	if ( ! extractor ) {
		return { kind: 'none' };
	}
	let extraction: Extraction;
	try {
		extraction = extractor.extract( {
			path: file.path,
			text,
			modified: file.modified,
			reference,
		} );
	} catch {
		return { kind: 'unreadable' };
	}
	// What is kept must not hold the page's text alive.
	detach( extraction );
	return {
		kind: 'read',
		extraction,
		migration: extractor === migrationPage,
	};
}

/**
 * What the files gave, gathered as they are read: the one context the
 * gathering steps share.
 */
interface Gathered {
	/** The archive's name, for messages. */
	readonly name: string;
	/** The archive's newest file date. */
	readonly reference: string | null;
	/** Warnings, in the order they were met. */
	readonly warnings: ArchiveWarning[];
	/** Copies of a post are merged as they come, so only the richest is kept. */
	readonly found: PostMerger;
	readonly photos: FoundPhoto[];
	readonly blogParts: Array< Partial< ArchiveBlog > >;
	readonly media: ArchiveMedia[];
	readonly tally: Tally;
	/** Bytes of pages decoded so far, against `MAX_TOTAL_PAGE_BYTES`. */
	pageBytes: number;
	/** Pages whose encoding was guessed, as `path (charset)`. */
	readonly charsetGuesses: string[];
	readonly nestedZips: string[];
	/**
	 * The migration download's index pages: they hold no posts, and are
	 * known for indexes once the entry pages they link have given posts.
	 */
	readonly indexes: MigrationIndex[];
	/** Entry pages that gave posts, lower case. */
	readonly migrationFiles: Set< string >;
	/** Archive-wide warnings already said, as `code\nmessage`. */
	readonly archiveWarnings: Set< string >;
}

function startGathering(
	name: string,
	files: ArchiveFile[],
	warnings: ArchiveWarning[]
): Gathered {
	return {
		name,
		reference: newestModified( files ),
		warnings,
		found: new PostMerger(),
		photos: [],
		blogParts: [],
		media: [],
		tally: {
			files: files.length,
			litter: 0,
			media: 0,
			pagesWithoutPosts: [],
			other: 0,
			encrypted: 0,
			truncated: 0,
			damaged: 0,
		},
		pageBytes: 0,
		charsetGuesses: [],
		nestedZips: [],
		indexes: [],
		migrationFiles: new Set(),
		archiveWarnings: new Set(),
	};
}

/**
 * Notes a page that gave no posts: perhaps the migration download's index.
 *
 * @param gathered The context.
 * @param path     The page's path.
 * @param text     Its text.
 */
function gatherPageWithoutPosts(
	gathered: Gathered,
	path: string,
	text: string
): void {
	const index = readMigrationIndex( text, path );
	if ( index ) {
		gathered.indexes.push( index );
	} else {
		gathered.tally.pagesWithoutPosts.push( path );
	}
}

/**
 * Adds an extraction's warnings; one about the archive as a whole (no
 * file) is said once however many pages say it.
 *
 * @param gathered The context.
 * @param list     The warnings.
 */
function gatherWarnings( gathered: Gathered, list: ArchiveWarning[] ): void {
	for ( const warning of list ) {
		if ( warning.file === null ) {
			const key = `${ warning.code }\n${ warning.message }`;
			if ( gathered.archiveWarnings.has( key ) ) {
				continue;
			}
			gathered.archiveWarnings.add( key );
		}
		gathered.warnings.push( warning );
	}
}

/**
 * Adds what an extractor found in a page: photos, the blog's details,
 * warnings and posts, within the budget of text kept.
 *
 * @param gathered             The context.
 * @param file                 The page.
 * @param text                 Its text.
 * @param extracted            What the extractor found.
 * @param extracted.extraction
 * @param extracted.migration
 */
function gatherExtraction(
	gathered: Gathered,
	file: ArchiveFile,
	text: string,
	extracted: { extraction: Extraction; migration: boolean }
): void {
	const { extraction } = extracted;
	gathered.photos.push( ...( extraction.photos ?? [] ) );
	if ( ! extraction.posts.length && ! extraction.photos?.length ) {
		gatherPageWithoutPosts( gathered, file.path, text );
	}
	gathered.blogParts.push( extraction.blog );
	gatherWarnings( gathered, extraction.warnings );
	for ( const post of extraction.posts ) {
		gathered.found.add( post );
	}
	if ( gathered.found.keptChars > MAX_KEPT_TEXT_CHARS ) {
		throw tooMuchText( gathered.name, 'posts' );
	}
	if ( extracted.migration && extraction.posts.length ) {
		gathered.migrationFiles.add( file.path.toLowerCase() );
	}
}

/**
 * Reads one page: within the budget of page text, decodes it, extracts it
 * and adds what it gave.
 *
 * @param gathered The context.
 * @param file     The page.
 * @param bytes    Its bytes.
 */
function gatherPage(
	gathered: Gathered,
	file: ArchiveFile,
	bytes: Uint8Array
): void {
	gathered.pageBytes += bytes.length;
	if ( gathered.pageBytes > MAX_TOTAL_PAGE_BYTES ) {
		throw tooMuchText( gathered.name, 'pages' );
	}
	const page = decodePage( file, bytes );
	if ( page.warning ) {
		gathered.warnings.push( page.warning );
	}
	if ( page.guessed ) {
		gathered.charsetGuesses.push( page.guessed );
	}
	const extracted = extractPage( file, page.text, gathered.reference );
	if ( extracted.kind === 'none' ) {
		gatherPageWithoutPosts( gathered, file.path, page.text );
	} else if ( extracted.kind === 'unreadable' ) {
		gathered.tally.damaged++;
		gathered.warnings.push( {
			file: file.path,
			code: 'page-unreadable',
			message: `“${ file.path }” looks like a Spaces page but could not be read; it was skipped.`,
		} );
	} else {
		gatherExtraction( gathered, file, page.text, extracted );
	}
}

/**
 * Reads one file into the context, by its kind.
 *
 * @param gathered The context.
 * @param set      The file set.
 * @param file     The file.
 */
async function gatherFile(
	gathered: Gathered,
	set: ArchiveFileSet,
	file: ArchiveFile
): Promise< void > {
	const found = await classifyFile( set, file );
	switch ( found.kind ) {
		case 'litter':
			gathered.tally.litter++;
			break;
		case 'other':
			gathered.tally.other++;
			break;
		case 'nested-zip':
			gathered.nestedZips.push( file.path );
			gathered.tally.other++;
			break;
		case 'media':
			gathered.tally.media++;
			gathered.media.push( {
				path: file.path,
				size: file.size,
				mimeType: found.mimeType,
			} );
			break;
		case 'page':
			gatherPage( gathered, file, found.bytes );
			break;
	}
}

/**
 * Turns a file that could not be read into a warning; an error about the
 * archive as a whole (too much text) is thrown on.
 *
 * @param gathered The context.
 * @param file     The file.
 * @param error    What was thrown while reading it.
 */
function gatherFailure(
	gathered: Gathered,
	file: ArchiveFile,
	error: unknown
): void {
	if ( error instanceof FileReadError ) {
		gathered.warnings.push( readProblem( file, error ) );
		if ( error.reason === 'encrypted' ) {
			gathered.tally.encrypted++;
		} else if ( error.reason === 'truncated' ) {
			gathered.tally.truncated++;
		} else {
			gathered.tally.damaged++;
		}
	} else if ( isArchiveError( error ) ) {
		throw error;
	} else {
		gathered.tally.damaged++;
		gathered.warnings.push( {
			file: file.path,
			code: 'file-unreadable',
			message: `“${ file.path }” could not be read and was skipped.`,
		} );
	}
}

/**
 * Steps 2 to 4 for every file, in order: classifies it, and extracts the
 * pages; between files, lets a Worker see an abort and reports progress.
 *
 * @param unpacked The opened file set.
 * @param name     The archive's name.
 * @param options  Progress and cancellation.
 * @return What the files gave.
 */
async function gatherFiles(
	unpacked: Unpacked,
	name: string,
	options: ReadOptions
): Promise< Gathered > {
	const { onProgress, signal } = options;
	const { set } = unpacked;
	const gathered = startGathering( name, set.files, unpacked.warnings );
	let done = 0;
	for ( const file of set.files ) {
		throwIfAborted( signal, name );
		if ( done % YIELD_EVERY === 0 && done > 0 ) {
			// Lets a Worker see an abort message between files.
			await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
			throwIfAborted( signal, name );
		}
		try {
			await gatherFile( gathered, set, file );
		} catch ( error ) {
			gatherFailure( gathered, file, error );
		}
		done++;
		onProgress?.( {
			filesRead: done,
			filesTotal: set.files.length,
			postsFound: gathered.found.size,
		} );
	}
	return gathered;
}

/**
 * Step 5: a migration index page that links entry pages which gave posts
 * gives the blog's title; any other is a page without posts.
 *
 * @param gathered The context.
 */
function placeMigrationIndexes( gathered: Gathered ): void {
	for ( const index of gathered.indexes ) {
		if ( index.targets.some( ( t ) => gathered.migrationFiles.has( t ) ) ) {
			gathered.blogParts.push(
				index.title ? { title: index.title } : {}
			);
		} else {
			gathered.tally.pagesWithoutPosts.push( index.path );
		}
	}
}

/**
 * Step 6: the warnings said once for the whole archive: guessed encodings,
 * zips inside the archive, and pages without posts.
 *
 * @param gathered What the files gave.
 * @return The warnings.
 */
function closingWarnings( gathered: Gathered ): ArchiveWarning[] {
	const warnings: ArchiveWarning[] = [];
	const guesses = gathered.charsetGuesses;
	if ( guesses.length ) {
		warnings.push( {
			file: null,
			code: 'charset-guessed',
			message: `${ plural(
				guesses.length,
				'page does',
				'pages do'
			) } not say how its text is encoded; the importer guessed: ${ guesses
				.slice( 0, 5 )
				.join(
					', '
				) }${ guesses.length > 5 ? ', …' : '' }. Check that their text reads correctly.`,
		} );
	}
	for ( const path of gathered.nestedZips ) {
		warnings.push( {
			file: path,
			code: 'nested-zip',
			message: `“${ basename( path ) }” is a zip archive inside the archive; it was not opened. Import it on its own.`,
		} );
	}
	const pagesSkipped = gathered.tally.pagesWithoutPosts.filter(
		( p ) => ! /\.(?:css|js|xml|txt)$/i.test( p )
	);
	if ( pagesSkipped.length ) {
		warnings.push( {
			file: null,
			code: 'pages-without-posts',
			message: `${ plural(
				pagesSkipped.length,
				'page holds',
				'pages hold'
			) } no blog entries and ${
				pagesSkipped.length === 1 ? 'was' : 'were'
			} skipped: ${ pagesSkipped.slice( 0, 5 ).join( ', ' ) }${
				pagesSkipped.length > 5 ? ', …' : ''
			}.`,
		} );
	}
	return warnings;
}

/**
 * Step 7: joins Live Writer's posts to the archive's, and builds the model.
 *
 * @param gathered        What the files gave.
 * @param liveWriterPosts The posts of the `.wpost` files.
 * @param warnings        Every warning, in order.
 * @return The model.
 */
function buildArchiveModel(
	gathered: Gathered,
	liveWriterPosts: LiveWriterPost[],
	warnings: ArchiveWarning[]
): ArchiveModel {
	const withLiveWriter = mergeLiveWriter(
		gathered.found.result(),
		liveWriterPosts
	);
	const model = buildModel( {
		name: gathered.name,
		posts: withLiveWriter.posts,
		blogParts: gathered.blogParts,
		media: gathered.media,
		photos: gathered.photos,
		warnings,
	} );
	withLiveWriter.finish( model );
	return model;
}

/**
 * Step 8: reads a media file's bytes when asked, by its exact path or, for
 * references written in another case, its path in any case.
 *
 * @param set  The opened file set.
 * @param name The archive's name, for messages.
 * @return `readMedia`.
 */
function mediaReader(
	set: ArchiveFileSet,
	name: string
): ArchiveReader[ 'readMedia' ] {
	const byPath = new Map( set.files.map( ( f ) => [ f.path, f ] ) );
	const byLowerPath = new Map(
		set.files.map( ( f ) => [ f.path.toLowerCase(), f ] )
	);
	return async ( path ) => {
		const file =
			byPath.get( path ) ?? byLowerPath.get( path.toLowerCase() );
		if ( ! file ) {
			throw new ArchiveError(
				'missing-file',
				name,
				`“${ name }” holds no file “${ path }”.`
			);
		}
		try {
			return await set.read( file );
		} catch ( error ) {
			if ( error instanceof FileReadError ) {
				throw new ArchiveError(
					'damaged-file',
					name,
					`“${ path }” in “${ name }” cannot be read: ${ error.message }.`
				);
			}
			throw error;
		}
	};
}

/**
 * Reads a set of files (a zip, or a folder) into the model: opens the
 * containers, classifies each file, extracts the pages, places the
 * migration download's index, then builds the model with Live Writer's
 * posts joined in.
 *
 * @param files   The files.
 * @param name    The archive's name, for messages.
 * @param options Progress and cancellation.
 * @return The model and lazy access to media bytes.
 */
export async function readFileSet(
	files: ArchiveFileSet,
	name: string,
	options: ReadOptions = {}
): Promise< ArchiveReader > {
	const unpacked = await unpackContainers( files, options.signal );
	const gathered = await gatherFiles( unpacked, name, options );
	placeMigrationIndexes( gathered );
	if ( ! gathered.found.size && ! unpacked.liveWriterPosts.length ) {
		// Live Writer's files brought without pages, none of them readable:
		// why the first one was not.
		const unread = unpacked.warnings.find(
			( w ) => w.file && UNREADABLE_LIVE_WRITER.has( w.code )
		);
		if ( unread?.file && ! gathered.tally.pagesWithoutPosts.length ) {
			throw new ArchiveError(
				'damaged-file',
				unread.file,
				unread.message
			);
		}
		throw noPostsError( name, gathered.tally );
	}
	const model = buildArchiveModel( gathered, unpacked.liveWriterPosts, [
		...gathered.warnings,
		...closingWarnings( gathered ),
	] );
	return { model, readMedia: mediaReader( unpacked.set, name ) };
}
