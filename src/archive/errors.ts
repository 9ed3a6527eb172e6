/**
 * The one error the reader throws: an archive that cannot be read at all.
 * Anything recoverable becomes a warning in the model instead.
 */

/** Stable reasons an archive cannot be read; tests and the UI rely on them. */
export type ArchiveErrorCode =
	| 'not-zip'
	| 'not-archive'
	| 'truncated'
	| 'encrypted'
	| 'too-large'
	| 'too-compressed'
	| 'too-much-text'
	| 'unsupported'
	| 'empty'
	| 'no-posts'
	| 'aborted'
	| 'missing-file'
	| 'damaged-file';

export class ArchiveError extends Error {
	/** A stable code, e.g. `not-zip`. */
	readonly code: ArchiveErrorCode;

	/** The name of the archive concerned. */
	readonly file: string;

	constructor( code: ArchiveErrorCode, file: string, message: string ) {
		super( message );
		this.name = 'ArchiveError';
		this.code = code;
		this.file = file;
		// Keeps `instanceof` working when the code is compiled down to ES5.
		Object.setPrototypeOf( this, new.target.prototype );
	}
}

/**
 * Tells whether a value is an ArchiveError, also across bundles where
 * `instanceof` fails because two copies of the class exist.
 *
 * @param error Anything caught.
 * @return Whether it is an ArchiveError.
 */
export function isArchiveError( error: unknown ): error is ArchiveError {
	return (
		error instanceof ArchiveError ||
		( error instanceof Error && error.name === 'ArchiveError' )
	);
}
