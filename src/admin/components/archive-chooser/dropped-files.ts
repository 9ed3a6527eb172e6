/**
 * The files of a drop: loose files, and every file of each folder dropped,
 * found through the File and Directory Entries API.
 */

/**
 * Internal dependencies
 */
import { chosenFile, type ChosenFile } from '../../choice';

function fileOf( entry: FileSystemFileEntry ): Promise< File > {
	return new Promise( ( resolve, reject ) => entry.file( resolve, reject ) );
}

/**
 * Every entry of a folder: a reader hands them out a batch at a time (a
 * hundred in Chromium) until it hands out none.
 *
 * @param folder The folder.
 * @return Its entries.
 */
async function entriesOf(
	folder: FileSystemDirectoryEntry
): Promise< FileSystemEntry[] > {
	const reader = folder.createReader();
	const all: FileSystemEntry[] = [];
	for (;;) {
		const batch = await new Promise< FileSystemEntry[] >(
			( resolve, reject ) => reader.readEntries( resolve, reject )
		);
		if ( ! batch.length ) {
			return all;
		}
		all.push( ...batch );
	}
}

/**
 * The files under an entry, each with its path from the place dropped (a
 * folder's files under the folder's name).
 *
 * @param entry A file or a folder.
 * @param into  Where the files go.
 */
async function collect(
	entry: FileSystemEntry,
	into: ChosenFile[]
): Promise< void > {
	if ( entry.isFile ) {
		const file = await fileOf( entry as FileSystemFileEntry );
		into.push( chosenFile( file, entry.fullPath || file.name ) );
		return;
	}
	if ( entry.isDirectory ) {
		for ( const child of await entriesOf(
			entry as FileSystemDirectoryEntry
		) ) {
			await collect( child, into );
		}
	}
}

/**
 * The files dropped, folders walked. The entries must be taken while the
 * drop event runs (the browser empties its data after), so call this from
 * the handler itself; the walk goes on after.
 *
 * @param data The drop's data.
 * @return The files with their paths.
 */
export function droppedFiles( data: DataTransfer ): Promise< ChosenFile[] > {
	const items = Array.from( data.items ?? [] ).filter(
		( item ) => item.kind === 'file'
	);
	const entries = items.map( ( item ) => item.webkitGetAsEntry?.() ?? null );
	if ( ! items.length || entries.some( ( entry ) => ! entry ) ) {
		// No entries from this browser: the loose files are all there is.
		return Promise.resolve(
			Array.from( data.files ?? [] ).map( ( file ) => chosenFile( file ) )
		);
	}
	return ( async () => {
		const files: ChosenFile[] = [];
		for ( const entry of entries as FileSystemEntry[] ) {
			await collect( entry, files );
		}
		return files;
	} )();
}
