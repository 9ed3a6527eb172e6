/**
 * What an owner brings need not be one zip: several files chosen together,
 * or a folder, holding pages, feeds, web archives and zips alike. They are
 * read as one file set: each zip among them is opened in place (its files
 * under its own name), every other file is a file of the set.
 */

/**
 * Internal dependencies
 */
import { toByteSource, type ByteSource } from './byte-source';
import { zipFileSet, type ArchiveFile, type ArchiveFileSet } from './file-set';
import { looksLikeZip } from './sniff';

/** One file the owner chose (or one file of a folder they chose). */
export interface InputFile {
	/** Its path, `/`-separated: the name, or the path inside the folder. */
	path: string;
	/** Its bytes, or the Blob (a File in the browser) holding them. */
	data: Uint8Array | Blob;
	/** Last written, local wall-clock `YYYY-MM-DDTHH:mm:ss`, when known. */
	modified?: string | null;
}

async function readAll( source: ByteSource ): Promise< Uint8Array > {
	return source.read( 0, source.size );
}

/**
 * Makes one file set of the owner's files.
 *
 * @param inputs The files.
 * @return The file set: zips opened, other files as they are.
 */
export async function inputFileSet(
	inputs: InputFile[]
): Promise< ArchiveFileSet > {
	const parts: Array< { set: ArchiveFileSet; files: ArchiveFile[] } > = [];
	const plain: ArchiveFile[] = [];
	const sources = new Map< ArchiveFile, ByteSource >();
	const wrapped = inputs.length > 1;
	for ( const input of inputs ) {
		const source = toByteSource( input.data );
		const path = input.path.replace( /\\/g, '/' ).replace( /^\/+/, '' );
		if ( looksLikeZip( await source.read( 0, 4 ) ) ) {
			const set = await zipFileSet( source, path );
			const prefix = wrapped ? `${ path }/` : '';
			const files = set.files.map( ( f ) => ( {
				...f,
				path: prefix + f.path,
			} ) );
			parts.push( { set, files } );
			continue;
		}
		const file: ArchiveFile = {
			path,
			size: source.size,
			modified: input.modified ?? null,
			encrypted: false,
		};
		sources.set( file, source );
		plain.push( file );
	}
	const owner = new Map<
		ArchiveFile,
		{ set: ArchiveFileSet; inner: ArchiveFile }
	>();
	for ( const { set, files } of parts ) {
		files.forEach( ( f, i ) =>
			owner.set( f, { set, inner: set.files[ i ] } )
		);
	}
	const sourceOf = ( file: ArchiveFile ): ByteSource => {
		const source = sources.get( file );
		if ( ! source ) {
			throw new Error( `“${ file.path }” is not one of the files read.` );
		}
		return source;
	};
	return {
		files: [ ...plain, ...parts.flatMap( ( p ) => p.files ) ],
		async read( file ) {
			const own = owner.get( file );
			if ( own ) {
				return own.set.read( own.inner );
			}
			return readAll( sourceOf( file ) );
		},
		async readHead( file, length ) {
			const own = owner.get( file );
			if ( own ) {
				return own.set.readHead( own.inner, length );
			}
			return sourceOf( file ).read( 0, length );
		},
	};
}
