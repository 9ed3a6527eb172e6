/**
 * A folder on disk as a file set, so an already extracted archive (or a
 * web mirror) goes through the same reader as a zip. Node only.
 */

/**
 * External dependencies
 */
import { promises as fs } from 'fs';
import path from 'path';

/**
 * Internal dependencies
 */
import {
	FileReadError,
	type ArchiveFile,
	type ArchiveFileSet,
} from '../archive';
import { localWallClock } from '../archive/dates/wall-clock';

async function walk( dir: string, prefix: string, out: ArchiveFile[] ) {
	const entries = await fs.readdir( dir, { withFileTypes: true } );
	entries.sort( ( a, b ) => a.name.localeCompare( b.name ) );
	for ( const entry of entries ) {
		const full = path.join( dir, entry.name );
		const relative = prefix + entry.name;
		if ( entry.isDirectory() ) {
			await walk( full, relative + '/', out );
		} else if ( entry.isFile() ) {
			const stat = await fs.stat( full );
			out.push( {
				path: relative,
				size: stat.size,
				modified: localWallClock( stat.mtime ),
				encrypted: false,
			} );
		}
	}
}

/**
 * Lists a folder's files, recursively.
 *
 * @param dir The folder.
 * @return The file set, reading files only when asked.
 */
export async function folderFileSet( dir: string ): Promise< ArchiveFileSet > {
	const files: ArchiveFile[] = [];
	await walk( dir, '', files );
	const absolute = ( file: ArchiveFile ) =>
		path.join( dir, ...file.path.split( '/' ) );
	return {
		files,
		async read( file ) {
			try {
				return new Uint8Array( await fs.readFile( absolute( file ) ) );
			} catch ( error ) {
				throw new FileReadError(
					'damaged',
					`it cannot be read (${ ( error as Error ).message })`
				);
			}
		},
		async readHead( file, length ) {
			const handle = await fs.open( absolute( file ), 'r' );
			try {
				const buffer = new Uint8Array( length );
				const { bytesRead } = await handle.read( buffer, 0, length, 0 );
				return buffer.subarray( 0, bytesRead );
			} finally {
				await handle.close();
			}
		},
	};
}
