/**
 * Reads an archive's files into the model: recognizes each file by its
 * content, hands pages and feeds to the matching extractor, lists media,
 * and turns every recoverable problem into a warning.
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
import type { FoundPhoto } from './extractors/types';
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
import { expandLiveWriterPosts } from './live-writer';
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

/**
 * Reads a set of files (a zip, or a folder) into the model.
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
	const { onProgress, signal } = options;
	// Web archives (`.mht`) anywhere are read as the files they hold.
	// Live Writer's `.wpost` files are read as posts and the files they hold.
	const liveWriter = await expandLiveWriterPosts(
		await expandWebArchives( files ),
		signal
	);
	const set = liveWriter.set;
	const warnings: ArchiveWarning[] = [
		...( set.warnings ?? [] ),
		...liveWriter.warnings,
	];
	// Copies of a post are merged as they come, so only the richest is kept.
	const found = new PostMerger();
	let pageBytes = 0;
	const photos: FoundPhoto[] = [];
	const blogParts: Array< Partial< ArchiveBlog > > = [];
	const media: ArchiveMedia[] = [];
	const ids = new Set< string >();
	const tally: Tally = {
		files: set.files.length,
		litter: 0,
		media: 0,
		pagesWithoutPosts: [],
		other: 0,
		encrypted: 0,
		truncated: 0,
		damaged: 0,
	};
	const reference =
		set.files
			.map( ( f ) => f.modified )
			.filter( ( m ): m is string => m !== null )
			.sort()
			.pop() ?? null;
	const charsetProblems: string[] = [];
	const nested: string[] = [];
	// The migration download's index page holds no posts; it is known for
	// one once the entry pages it links are read.
	const indexes: MigrationIndex[] = [];
	const migrationFiles = new Set< string >();
	const archiveWarnings = new Set< string >();

	let done = 0;
	for ( const file of set.files ) {
		throwIfAborted( signal, name );
		if ( done % YIELD_EVERY === 0 && done > 0 ) {
			// Lets a Worker see an abort message between files.
			await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
			throwIfAborted( signal, name );
		}
		try {
			await readOne( file );
		} catch ( error ) {
			if ( error instanceof FileReadError ) {
				warnings.push( readProblem( file, error ) );
				if ( error.reason === 'encrypted' ) {
					tally.encrypted++;
				} else if ( error.reason === 'truncated' ) {
					tally.truncated++;
				} else {
					tally.damaged++;
				}
			} else if ( isArchiveError( error ) ) {
				throw error;
			} else {
				tally.damaged++;
				warnings.push( {
					file: file.path,
					code: 'file-unreadable',
					message: `“${ file.path }” could not be read and was skipped.`,
				} );
			}
		}
		done++;
		onProgress?.( {
			filesRead: done,
			filesTotal: set.files.length,
			postsFound: ids.size,
		} );
	}

	async function readOne( file: ArchiveFile ): Promise< void > {
		if ( isLitter( file.path ) ) {
			tally.litter++;
			return;
		}
		if ( file.size === 0 ) {
			tally.other++;
			return;
		}
		if ( file.encrypted ) {
			throw new FileReadError(
				'encrypted',
				'it is protected by a password'
			);
		}
		if ( MEDIA_NAME.test( file.path ) || file.size > MAX_PAGE_BYTES ) {
			const head = await set.readHead( file, HEAD_BYTES );
			const type = sniffMediaType( head );
			if (
				type ||
				! looksLikeMarkup( head ) ||
				file.size > MAX_PAGE_BYTES
			) {
				addMedia( file, type, head );
				return;
			}
		}
		const bytes = await set.read( file );
		if ( looksLikeMarkup( bytes.subarray( 0, 2048 ) ) ) {
			readPage( file, bytes );
			return;
		}
		addMedia(
			file,
			sniffMediaType( bytes.subarray( 0, HEAD_BYTES ) ),
			bytes
		);
	}

	function addMedia(
		file: ArchiveFile,
		type: string | null,
		head: Uint8Array
	) {
		if ( type || MEDIA_NAME.test( file.path ) ) {
			tally.media++;
			media.push( { path: file.path, size: file.size, mimeType: type } );
		} else if ( looksLikeZip( head ) ) {
			nested.push( file.path );
			tally.other++;
		} else {
			tally.other++;
		}
	}

	function readPage( file: ArchiveFile, bytes: Uint8Array ) {
		pageBytes += bytes.length;
		if ( pageBytes > MAX_TOTAL_PAGE_BYTES ) {
			throw tooMuchText( name, 'pages' );
		}
		const decoded = decodeText( bytes );
		if ( decoded.problem === 'unknown-charset' ) {
			warnings.push( {
				file: file.path,
				code: 'charset-unknown',
				message: `“${ file.path }” declares an unknown text encoding (“${ decoded.declared }”); it was read as ${ decoded.charset }.`,
			} );
		} else if ( decoded.problem === 'charset-guessed' ) {
			charsetProblems.push( `${ file.path } (${ decoded.charset })` );
		} else if ( decoded.problem === 'bad-bytes' ) {
			warnings.push(
				badBytesWarning( file.path, decoded.badBytes ?? 0 )
			);
		}
		const extractor = chooseExtractor( decoded.text, file.path );
		if ( ! extractor ) {
			withoutPosts( file.path, decoded.text );
			return;
		}
		let extraction;
		try {
			extraction = extractor.extract( {
				path: file.path,
				text: decoded.text,
				modified: file.modified,
				reference,
			} );
		} catch {
			tally.damaged++;
			warnings.push( {
				file: file.path,
				code: 'page-unreadable',
				message: `“${ file.path }” looks like a Spaces page but could not be read; it was skipped.`,
			} );
			return;
		}
		// What is kept must not hold the page's text alive.
		detach( extraction );
		photos.push( ...( extraction.photos ?? [] ) );
		if ( ! extraction.posts.length && ! extraction.photos?.length ) {
			withoutPosts( file.path, decoded.text );
		}
		blogParts.push( extraction.blog );
		addWarnings( extraction.warnings );
		for ( const post of extraction.posts ) {
			found.add( post );
			ids.add( post.sourceId );
		}
		if ( found.keptChars > MAX_KEPT_TEXT_CHARS ) {
			throw tooMuchText( name, 'posts' );
		}
		if ( extractor === migrationPage && extraction.posts.length ) {
			migrationFiles.add( file.path.toLowerCase() );
		}
	}

	function withoutPosts( path: string, text: string ) {
		const index = readMigrationIndex( text, path );
		if ( index ) {
			indexes.push( index );
		} else {
			tally.pagesWithoutPosts.push( path );
		}
	}

	/**
	 * Adds an extraction's warnings; one about the archive as a whole (no
	 * file) is said once however many pages say it.
	 *
	 * @param list The warnings.
	 */
	function addWarnings( list: ArchiveWarning[] ) {
		for ( const warning of list ) {
			if ( warning.file === null ) {
				const key = `${ warning.code }\n${ warning.message }`;
				if ( archiveWarnings.has( key ) ) {
					continue;
				}
				archiveWarnings.add( key );
			}
			warnings.push( warning );
		}
	}

	for ( const index of indexes ) {
		if ( index.targets.some( ( t ) => migrationFiles.has( t ) ) ) {
			blogParts.push( index.title ? { title: index.title } : {} );
		} else {
			tally.pagesWithoutPosts.push( index.path );
		}
	}

	if ( ! found.size && ! liveWriter.posts.length ) {
		throw noPostsError( name, tally );
	}
	if ( charsetProblems.length ) {
		warnings.push( {
			file: null,
			code: 'charset-guessed',
			message: `${ plural(
				charsetProblems.length,
				'page does',
				'pages do'
			) } not say how its text is encoded; the importer guessed: ${ charsetProblems
				.slice( 0, 5 )
				.join(
					', '
				) }${ charsetProblems.length > 5 ? ', …' : '' }. Check that their text reads correctly.`,
		} );
	}
	for ( const path of nested ) {
		warnings.push( {
			file: path,
			code: 'nested-zip',
			message: `“${ basename( path ) }” is a zip archive inside the archive; it was not opened. Import it on its own.`,
		} );
	}
	const pagesSkipped = tally.pagesWithoutPosts.filter(
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

	const withLiveWriter = mergeLiveWriter( found.result(), liveWriter.posts );
	const model = buildModel( {
		name,
		posts: withLiveWriter.posts,
		blogParts,
		media,
		photos,
		warnings,
	} );
	withLiveWriter.finish( model );
	const byPath = new Map( set.files.map( ( f ) => [ f.path, f ] ) );
	const byLowerPath = new Map(
		set.files.map( ( f ) => [ f.path.toLowerCase(), f ] )
	);
	return {
		model,
		async readMedia( path ) {
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
		},
	};
}
