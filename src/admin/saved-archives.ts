/**
 * Archives kept in the browser while their import is unfinished, so that a
 * closed tab or a reload resumes without the owner choosing the files again.
 * IndexedDB holds the files themselves (a zip, or every file of a folder
 * with its path); where it cannot (private windows, a full disk), a note in
 * localStorage still lets the screen ask for the same files.
 */

/**
 * Internal dependencies
 */
import type { ImportOptions } from '../import/types';
import type { Choice, ChoiceKind, ChosenFile } from './choice';

export interface SavedArchive {
	fingerprint: string;
	/** What was chosen, as the reader named it (a file or folder name). */
	name: string;
	/** One file, several, or a folder; absent in older records (one file). */
	kind?: ChoiceKind;
	options: Partial< ImportOptions >;
	/** The files with their paths, or null when only the note was kept. */
	files?: ChosenFile[] | null;
	/** The one file that older records kept, or null. */
	file?: Blob | null;
	savedAt: number;
}

const DATABASE = 'spaces-importer';
const STORE = 'archives';
const NOTE_KEY = 'spaces-importer-unfinished';

function request< T >( req: IDBRequest< T > ): Promise< T > {
	return new Promise( ( resolve, reject ) => {
		req.onsuccess = () => resolve( req.result );
		req.onerror = () => reject( req.error );
	} );
}

async function database(): Promise< IDBDatabase | null > {
	if ( typeof indexedDB === 'undefined' ) {
		return null;
	}
	try {
		const open = indexedDB.open( DATABASE, 1 );
		open.onupgradeneeded = () => {
			open.result.createObjectStore( STORE, { keyPath: 'fingerprint' } );
		};
		return await request( open );
	} catch {
		return null;
	}
}

async function withStore< T >(
	mode: IDBTransactionMode,
	work: ( store: IDBObjectStore ) => IDBRequest< T >
): Promise< T | null > {
	const db = await database();
	if ( ! db ) {
		return null;
	}
	try {
		const transaction = db.transaction( STORE, mode );
		// Written only once the transaction commits, not when asked.
		const committed = new Promise< void >( ( resolve, reject ) => {
			transaction.oncomplete = () => resolve();
			transaction.onerror = () => reject( transaction.error );
			transaction.onabort = () => reject( transaction.error );
		} );
		const result = await request(
			work( transaction.objectStore( STORE ) )
		);
		await committed;
		return result;
	} finally {
		db.close();
	}
}

function readNotes(): SavedArchive[] {
	try {
		const notes = JSON.parse(
			window.localStorage.getItem( NOTE_KEY ) ?? '[]'
		);
		return Array.isArray( notes ) ? notes : [];
	} catch {
		return [];
	}
}

function writeNotes( notes: SavedArchive[] ): void {
	try {
		if ( notes.length ) {
			window.localStorage.setItem( NOTE_KEY, JSON.stringify( notes ) );
		} else {
			window.localStorage.removeItem( NOTE_KEY );
		}
	} catch {
		// Storage refused: the site's run list still names the import.
	}
}

/**
 * Keeps an archive whose import is starting.
 *
 * @param archive The archive and what its import needs.
 * @return Whether the files themselves were kept (false: only a note).
 */
export async function saveArchive( archive: SavedArchive ): Promise< boolean > {
	const note = { ...archive, files: null, file: null };
	writeNotes( [
		...readNotes().filter(
			( old ) => old.fingerprint !== archive.fingerprint
		),
		note,
	] );
	try {
		const kept = await withStore( 'readwrite', ( store ) =>
			store.put( archive )
		);
		return kept !== null;
	} catch {
		return false;
	}
}

/**
 * The archives kept, newest first, with their files where kept.
 *
 * @return The archives.
 */
export async function savedArchives(): Promise< SavedArchive[] > {
	const byFingerprint = new Map< string, SavedArchive >();
	for ( const note of readNotes() ) {
		byFingerprint.set( note.fingerprint, note );
	}
	try {
		const stored =
			( await withStore( 'readonly', ( store ) => store.getAll() ) ) ??
			[];
		for ( const archive of stored as SavedArchive[] ) {
			byFingerprint.set( archive.fingerprint, archive );
		}
	} catch {
		// Only the notes, then.
	}
	return [ ...byFingerprint.values() ].sort(
		( a, b ) => b.savedAt - a.savedAt
	);
}

/**
 * Forgets an archive: its import finished, was undone or was discarded.
 *
 * @param fingerprint The archive's fingerprint.
 */
export async function forgetArchive( fingerprint: string ): Promise< void > {
	writeNotes(
		readNotes().filter( ( note ) => note.fingerprint !== fingerprint )
	);
	try {
		await withStore( 'readwrite', ( store ) =>
			store.delete( fingerprint )
		);
	} catch {
		// Nothing more can be done; a stale entry is checked against the site.
	}
}

/**
 * The choice a kept archive reads again: its files, with their paths.
 *
 * @param archive A kept archive.
 * @return The choice, or null when only its note was kept.
 */
export function savedChoice( archive: SavedArchive ): Choice | null {
	if ( archive.files?.length ) {
		return {
			kind:
				archive.kind ?? ( archive.files.length > 1 ? 'files' : 'file' ),
			name: archive.name,
			files: archive.files,
		};
	}
	if ( archive.file ) {
		// Kept by an earlier version of the screen: one zip.
		return {
			kind: 'file',
			name: archive.name,
			files: [
				{ path: archive.name, file: archive.file, modified: null },
			],
		};
	}
	return null;
}
