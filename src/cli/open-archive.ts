/**
 * External dependencies
 */
import { openAsBlob, promises as fs } from 'fs';
import path from 'path';

/**
 * Internal dependencies
 */
import { readArchive, readFileSet, type ArchiveReader } from '../archive';
import { folderFileSet } from './folder';

/**
 * Reads a zip or a folder of saved pages, as the admin screen reads a zip.
 *
 * @param target Path of the zip or folder.
 * @return The reader, with the model and lazy access to the files.
 */
export async function openArchive( target: string ): Promise< ArchiveReader > {
	const name = path.basename( path.resolve( target ) );
	let stat;
	try {
		stat = await fs.stat( target );
	} catch {
		throw new Error( `“${ target }” does not exist.` );
	}
	if ( stat.isDirectory() ) {
		return readFileSet( await folderFileSet( target ), name );
	}
	// A Blob backed by the file: the zip is read slice by slice.
	return readArchive( await openAsBlob( target ), name );
}
