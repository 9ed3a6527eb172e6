/**
 * What an owner brings need not be one zip: several files chosen together,
 * or a folder, holding pages, feeds, web archives and zips alike. They are
 * read as one file set: each zip among them is opened in place (its files
 * under its own name), each web archive becomes the files it holds
 * (`web-archive.ts`), every other file is a file of the set.
 */

/**
 * Internal dependencies
 */
import { toByteSource, type ByteSource } from './byte-source';
import { ArchiveError, isArchiveError } from './errors';
import { zipFileSet, type ArchiveFile, type ArchiveFileSet } from './file-set';
import { isLiveWriterName, looksLikeCompoundFile } from './live-writer';
import { looksLikeMime } from './mht';
import { looksLikeMarkup, looksLikeZip, sniffMediaType } from './sniff';
import { expandWebArchives } from './web-archive';

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
 * A file read as asked, without keeping blocks: a folder may hold thousands
 * of files, each read once (images only their first bytes), and blocks kept
 * for each would hold the whole folder in memory.
 *
 * @param data The file's bytes or Blob.
 * @return Random access to it.
 */
function directSource( data: Uint8Array | Blob ): ByteSource {
	if ( data instanceof Uint8Array ) {
		return toByteSource( data );
	}
	return {
		size: data.size,
		read: async ( offset, length ) =>
			new Uint8Array(
				await data
					.slice(
						Math.max( 0, offset ),
						Math.max( 0, offset ) + Math.max( 0, length )
					)
					.arrayBuffer()
			),
	};
}

const NOT_MIME_NAME =
	/\.(?:jpe?g|png|gif|bmp|tiff?|webp|ico|wmv|avi|mp4|mov|mp3|wma|wav|css|js|rss|xml|zip|pdf|db|ini)$/i;
const OTHER_ARCHIVE_NAME =
	/\.(?:zip|zipx|rar|7z|tar|gz|tgz|bz2|xz|cab|arj|lzh|sitx?)$/i;
// RAR, 7-Zip, gzip, bzip2, xz, cabinet.
const OTHER_ARCHIVE_MAGIC = /^(?:Rar!|7z\xbc\xaf|\x1f\x8b|BZh|\xfd7zXZ|MSCF)/;

/**
 * Opens a file chosen alone that is no page, web archive, feed or image:
 * a zip after all (a self-extracting one starts with a program), or a file
 * of another kind, refused with a sentence naming it.
 *
 * @param source The file's bytes.
 * @param path   Its name.
 * @return The zip's file set.
 */
async function zipOrRefuse(
	source: ByteSource,
	path: string
): Promise< ArchiveFileSet > {
	try {
		return await zipFileSet( source, path );
	} catch ( error ) {
		// An archive of another kind (a .rar, .7z) is told it is no zip.
		if (
			! isArchiveError( error ) ||
			error.code !== 'not-zip' ||
			OTHER_ARCHIVE_NAME.test( path ) ||
			OTHER_ARCHIVE_MAGIC.test(
				String.fromCharCode( ...( await source.read( 0, 6 ) ) )
			)
		) {
			throw error;
		}
		throw new ArchiveError(
			'not-archive',
			path,
			`“${ path }” is not a Windows Live Spaces archive, saved page, web archive, feed or Windows Live Writer post.`
		);
	}
}

/**
 * Tells whether a file read alone is something the reader reads: a page or
 * feed, a web archive, an image.
 *
 * @param source The file's bytes.
 * @return Whether to read it as a plain file.
 */
async function readableAlone( source: ByteSource ): Promise< boolean > {
	const head = await source.read( 0, 2048 );
	return (
		looksLikeMarkup( head ) ||
		looksLikeMime( head ) ||
		looksLikeCompoundFile( head ) ||
		sniffMediaType( head ) !== null
	);
}

/**
 * Makes one file set of the owner's files.
 *
 * @param inputs The files.
 * @return The file set: zips opened, web archives as their parts, other
 *         files as they are. Rejects with an ArchiveError when a file
 *         chosen alone is of a kind the reader does not read.
 */
export async function inputFileSet(
	inputs: InputFile[]
): Promise< ArchiveFileSet > {
	const parts: Array< { set: ArchiveFileSet; files: ArchiveFile[] } > = [];
	const plain: ArchiveFile[] = [];
	const sources = new Map< ArchiveFile, ByteSource >();
	const wrapped = inputs.length > 1;
	for ( const input of inputs ) {
		const direct = directSource( input.data );
		const path = input.path.replace( /\\/g, '/' ).replace( /^\/+/, '' );
		const isZip = looksLikeZip( await direct.read( 0, 4 ) );
		if (
			isZip ||
			( inputs.length === 1 &&
				// A `.wpost` that is not one is said so when it is read.
				! isLiveWriterName( path ) &&
				! ( await readableAlone( direct ) ) )
		) {
			// A zip is read as many small pieces: blocks kept pay off.
			const source = toByteSource( input.data );
			const set = isZip
				? await zipFileSet( source, path )
				: await zipOrRefuse( source, path );
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
			size: direct.size,
			modified: input.modified ?? null,
			encrypted: false,
		};
		sources.set( file, direct );
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
	const chosen = new Set( plain );
	const set: ArchiveFileSet = {
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
	// A web archive chosen may have lost its `.mht` name; images and the
	// like are not worth a look.
	return expandWebArchives( set, {
		sniff: ( file ) =>
			chosen.has( file ) && ! NOT_MIME_NAME.test( file.path ),
	} );
}
