/**
 * The archive reader: turns a Windows Live Spaces archive (a space.zip, saved
 * pages, feeds, or a mix of them) into the normalized model. Runs unchanged
 * in a browser Worker and in Node.
 */

/**
 * Internal dependencies
 */
import { inputFileSet, type InputFile } from './inputs';
import { readFileSet, type ArchiveReader, type ReadOptions } from './reader';

export * from './model';
export {
	archiveOverview,
	archiveStats,
	hasUnplayableVideos,
	postOverview,
	type ArchiveOverview,
	type ArchiveStats,
	type PostOverview,
	type VideoStats,
} from './stats';
export { ArchiveError, isArchiveError, type ArchiveErrorCode } from './errors';
export type { ArchiveReader, ReadOptions, ReadProgress } from './reader';
export { readFileSet } from './reader';
export type { ArchiveFile, ArchiveFileSet } from './file-set';
export { FileReadError } from './file-set';
export * as limits from './limits';
export type { InputFile } from './inputs';

/**
 * Reads an archive: a zip, or any one file the reader reads (a saved page,
 * a web archive, a feed), as `readInputs` reads it.
 *
 * @param input   The file: its bytes, or a Blob/File (read slice by slice).
 * @param name    Its name, used in messages (e.g. the file name).
 * @param options `onProgress` after each file; `signal` to stop.
 * @return The model, and `readMedia( path )` to read one media file's bytes
 *         when needed. Rejects with an ArchiveError when the archive cannot
 *         be read at all.
 */
export async function readArchive(
	input: Uint8Array | Blob,
	name: string,
	options: ReadOptions = {}
): Promise< ArchiveReader > {
	return readInputs( [ { path: name, data: input } ], name, options );
}

/**
 * Reads what the owner chose: one or more files (zips, saved pages, web
 * archives, feeds, images) or a folder's files, as one archive.
 *
 * @param inputs  The files, each with its path (in the folder, or its name).
 * @param name    What was chosen, for messages (a file or folder name).
 * @param options `onProgress` after each file; `signal` to stop.
 * @return The model and `readMedia( path )`, as `readArchive`.
 */
export async function readInputs(
	inputs: InputFile[],
	name: string,
	options: ReadOptions = {}
): Promise< ArchiveReader > {
	return readFileSet( await inputFileSet( inputs ), name, options );
}
