/**
 * External dependencies
 */
import { openAsBlob, promises as fs } from 'fs';
import path from 'path';

/**
 * Internal dependencies
 */
import {
	readArchive,
	readFileSet,
	readInputs,
	type ArchiveReader,
	type InputFile,
} from '../archive';
import { localWallClock } from '../archive/dates/wall-clock';
import { folderFileSet } from './folder';

/**
 * The name several paths are read under, for messages: their names, the
 * first few of them.
 *
 * @param targets The paths given.
 * @return E.g. `page1.htm, saved.mht and feed.rss`.
 */
export function targetsName( targets: string[] ): string {
	const names = targets.map( ( target ) =>
		path.basename( path.resolve( target ) )
	);
	if ( names.length === 1 ) {
		return names[ 0 ];
	}
	const shown = names.length > 4 ? names.slice( 0, 3 ) : names.slice( 0, -1 );
	const last =
		names.length > 4
			? `${ names.length - 3 } more`
			: names[ names.length - 1 ];
	return `${ shown.join( ', ' ) } and ${ last }`;
}

async function statOf( target: string ) {
	try {
		return await fs.stat( target );
	} catch {
		throw new Error( `“${ target }” does not exist.` );
	}
}

/**
 * A file on disk as one of the reader's inputs, read only when needed.
 *
 * @param file     Its path on disk.
 * @param relative Its path among the inputs.
 * @return The input.
 */
async function inputOf( file: string, relative: string ): Promise< InputFile > {
	const stat = await fs.stat( file );
	return {
		path: relative,
		// A Blob backed by the file: read slice by slice, when asked.
		data: await openAsBlob( file ),
		modified: localWallClock( stat.mtime ),
	};
}

/**
 * The files of a folder as inputs, under the folder's own name.
 *
 * @param dir The folder.
 * @return Its files, recursively.
 */
async function folderInputs( dir: string ): Promise< InputFile[] > {
	const name = path.basename( path.resolve( dir ) );
	const set = await folderFileSet( dir );
	return Promise.all(
		set.files.map( ( file ) =>
			inputOf(
				path.join( dir, ...file.path.split( '/' ) ),
				`${ name }/${ file.path }`
			)
		)
	);
}

/**
 * Reads what the command line was given, as the admin screen reads what the
 * owner chose: one zip, folder, saved page, web archive or feed, or several
 * of them read together as one archive.
 *
 * @param targets Paths of the files and folders.
 * @return The reader, with the model and lazy access to the files.
 */
export async function openArchive(
	targets: string | string[]
): Promise< ArchiveReader > {
	const list = Array.isArray( targets ) ? targets : [ targets ];
	const name = targetsName( list );
	const stats = await Promise.all( list.map( statOf ) );
	if ( list.length === 1 ) {
		if ( stats[ 0 ].isDirectory() ) {
			return readFileSet( await folderFileSet( list[ 0 ] ), name );
		}
		// A Blob backed by the file: a zip is read slice by slice.
		return readArchive( await openAsBlob( list[ 0 ] ), name );
	}
	const inputs: InputFile[] = [];
	const taken = new Set< string >();
	for ( const [ i, target ] of list.entries() ) {
		const files = stats[ i ].isDirectory()
			? await folderInputs( target )
			: [
					await inputOf(
						target,
						path.basename( path.resolve( target ) )
					),
				];
		for ( const file of files ) {
			// Two `page.htm` from different folders stay two files.
			let unique = file.path;
			for ( let n = 2; taken.has( unique.toLowerCase() ); n++ ) {
				unique = file.path.replace(
					/^([^/]*?)(\.[^./]*)?(\/|$)/,
					`$1 (${ n })$2$3`
				);
			}
			taken.add( unique.toLowerCase() );
			inputs.push( { ...file, path: unique } );
		}
	}
	return readInputs( inputs, name );
}
