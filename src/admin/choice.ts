/**
 * What the owner chose to read: one file, several files, or a folder. The
 * files travel to the reader's worker and into the browser's copy kept for
 * resuming; the store holds only a summary of them.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { localWallClock } from '../archive/dates/wall-clock';
import { formatNumber } from './format';
import type { ReadInput } from './reader/messages';

export type ChoiceKind = 'file' | 'files' | 'folder';

/** One file chosen, or one file of a folder chosen, as the reader takes it. */
export type ChosenFile = ReadInput;

export interface Choice {
	kind: ChoiceKind;
	/** For the reader's messages and the run's name: a file or folder name. */
	name: string;
	files: ChosenFile[];
}

/** What the screen says of a choice, without its files. */
export interface ChoiceSummary {
	kind: ChoiceKind;
	name: string;
	count: number;
	/** The first few file names, for “3 files: a.htm, b.mht, feed.rss”. */
	sample: string[];
}

/** File names listed before “and N more”. */
const LISTED = 3;

/**
 * A chosen file with its path.
 *
 * @param file The file.
 * @param path Its path; its name by default.
 * @return The file as the reader takes it.
 */
export function chosenFile( file: File | Blob, path?: string ): ChosenFile {
	const named = file as Partial< File >;
	return {
		path: ( path ?? named.name ?? 'space.zip' )
			.replace( /\\/g, '/' )
			.replace( /^\/+/, '' ),
		file,
		modified: localWallClock( named.lastModified ),
	};
}

function baseName( path: string ): string {
	return path.slice( path.lastIndexOf( '/' ) + 1 );
}

function topFolder( path: string ): string | null {
	const slash = path.indexOf( '/' );
	return slash > 0 ? path.slice( 0, slash ) : null;
}

/**
 * Makes a choice of files, telling a folder (every path under one folder)
 * from loose files.
 *
 * @param files The files with their paths.
 * @return The choice, or null when there are no files.
 */
export function makeChoice( files: ChosenFile[] ): Choice | null {
	if ( ! files.length ) {
		return null;
	}
	// The same order however the browser listed them: the same folder read
	// twice is read alike.
	const sorted = [ ...files ].sort( ( a, b ) =>
		a.path < b.path ? -1 : Number( a.path > b.path )
	);
	const folder = topFolder( sorted[ 0 ].path );
	if ( folder && sorted.every( ( f ) => topFolder( f.path ) === folder ) ) {
		return { kind: 'folder', name: folder, files: sorted };
	}
	if ( sorted.length === 1 ) {
		return {
			kind: 'file',
			name: baseName( sorted[ 0 ].path ),
			files: sorted,
		};
	}
	const names = sorted.map( ( f ) => baseName( f.path ) );
	return {
		kind: 'files',
		name:
			names.slice( 0, LISTED ).join( ', ' ) +
			( names.length > LISTED ? ', …' : '' ),
		files: sorted,
	};
}

/**
 * What the store keeps of a choice.
 *
 * @param choice The choice.
 * @return Its summary.
 */
export function summarizeChoice( choice: Choice ): ChoiceSummary {
	return {
		kind: choice.kind,
		name: choice.name,
		count: choice.files.length,
		sample: choice.files
			.slice( 0, LISTED )
			.map( ( f ) => baseName( f.path ) ),
	};
}

/**
 * What was chosen, for the owner: “space.zip”, “3 files: a.htm, b.mht,
 * feed.rss”, “Folder “My Blog” (214 files)”.
 *
 * @param chosen The choice's summary.
 * @return A phrase.
 */
export function describeChoice( chosen: ChoiceSummary ): string {
	if ( chosen.kind === 'file' ) {
		return chosen.name;
	}
	if ( chosen.kind === 'folder' ) {
		return sprintf(
			/* translators: 1: folder name, 2: number of files in it. */
			_n(
				'Folder “%1$s” (%2$s file)',
				'Folder “%1$s” (%2$s files)',
				chosen.count,
				'spaces-importer'
			),
			chosen.name,
			formatNumber( chosen.count )
		);
	}
	let list = chosen.sample.reduce( ( names, name ) =>
		sprintf(
			/* translators: 1: file names listed so far, 2: one more file name. */
			__( '%1$s, %2$s', 'spaces-importer' ),
			names,
			name
		)
	);
	if ( chosen.count > chosen.sample.length ) {
		list = sprintf(
			/* translators: 1: some file names, 2: number of other files. */
			__( '%1$s and %2$s more', 'spaces-importer' ),
			list,
			formatNumber( chosen.count - chosen.sample.length )
		);
	}
	return sprintf(
		/* translators: 1: number of files, 2: their names. */
		_n(
			'%1$s file: %2$s',
			'%1$s files: %2$s',
			chosen.count,
			'spaces-importer'
		),
		formatNumber( chosen.count ),
		list
	);
}
