/**
 * The files the reader reads, whatever holds them: a zip (in a browser or
 * in Node), or a folder on disk (the command line provides that one).
 */

/**
 * Internal dependencies
 */
import type { ByteSource } from './byte-source';
import { ArchiveError } from './errors';
import type { ArchiveWarning } from './model';
import { ZipEntryError, ZipReader } from './zip';

export interface ArchiveFile {
	/** The path inside the archive, `/`-separated. */
	path: string;
	/** Size once unpacked, in bytes. */
	size: number;
	/** Last written, local wall-clock, when known. */
	modified: string | null;
	/** Whether a password protects it. */
	encrypted: boolean;
}

/** Why a file could not be read; the rest of the archive may be fine. */
export class FileReadError extends Error {
	readonly reason: 'truncated' | 'damaged' | 'encrypted' | 'unsupported';

	constructor( reason: FileReadError[ 'reason' ], message: string ) {
		super( message );
		this.name = 'FileReadError';
		this.reason = reason;
		Object.setPrototypeOf( this, new.target.prototype );
	}
}

export interface ArchiveFileSet {
	files: ArchiveFile[];
	/** Problems met while listing the files (e.g. a damaged web archive). */
	warnings?: ArchiveWarning[];
	/**
	 * Reads a whole file. Throws FileReadError when it cannot be read.
	 *
	 * @param file One of `files`.
	 */
	read: ( file: ArchiveFile ) => Promise< Uint8Array >;
	/**
	 * Reads a file's first bytes, to recognize it; may return fewer.
	 *
	 * @param file   One of `files`.
	 * @param length How many bytes are wanted.
	 */
	readHead: ( file: ArchiveFile, length: number ) => Promise< Uint8Array >;
}

/**
 * Opens a zip as a file set.
 *
 * @param source The zip's bytes.
 * @param name   The archive's name, for messages.
 * @return The file set.
 */
export async function zipFileSet(
	source: ByteSource,
	name: string
): Promise< ArchiveFileSet > {
	const zip = await ZipReader.open( source, name );
	const entries = new Map< ArchiveFile, ( typeof zip.entries )[ number ] >();
	const files: ArchiveFile[] = [];
	for ( const entry of zip.entries ) {
		if ( entry.isDirectory ) {
			continue;
		}
		const file: ArchiveFile = {
			path: entry.path.replace( /^\/+/, '' ),
			size: entry.size,
			modified: entry.modified,
			encrypted: entry.encrypted,
		};
		entries.set( file, entry );
		files.push( file );
	}
	const entryOf = ( file: ArchiveFile ) => {
		const entry = entries.get( file );
		if ( ! entry ) {
			throw new ArchiveError(
				'unsupported',
				name,
				`“${ file.path }” is not a file of “${ name }”.`
			);
		}
		return entry;
	};
	return {
		files,
		async read( file ) {
			try {
				return await zip.read( entryOf( file ) );
			} catch ( error ) {
				if ( error instanceof ZipEntryError ) {
					throw new FileReadError( error.reason, error.message );
				}
				throw error;
			}
		},
		readHead: ( file, length ) => zip.readHead( entryOf( file ), length ),
	};
}
