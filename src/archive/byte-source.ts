/**
 * Random access to the archive's bytes, the same way for a file the browser
 * holds (a Blob, read slice by slice so it never sits in memory whole) and
 * for bytes already in memory.
 */

export interface ByteSource {
	readonly size: number;
	/**
	 * Reads bytes; fewer than asked when the source ends first.
	 */
	read: ( offset: number, length: number ) => Promise< Uint8Array >;
}

export interface BlobReadOptions {
	/** Bytes read from the Blob at once; reads are served from such blocks. */
	blockSize?: number;
	/** Blocks kept, the most recently used. */
	blocksKept?: number;
}

/**
 * Blob reads in blocks. Each read of a Blob is a round trip (in a browser,
 * to the process holding the file), and a zip is read as many small pieces
 * (each file's header, then its data, in order): serving them from a few
 * recent blocks turns thousands of round trips into a few per block, while
 * memory stays at a few blocks. Reads larger than a block go straight to
 * the Blob.
 *
 * @param input   The Blob.
 * @param options Block size and count.
 * @return Random access to the Blob.
 */
function blobSource( input: Blob, options: BlobReadOptions ): ByteSource {
	const blockSize = options.blockSize ?? 4 * 1024 * 1024;
	const blocksKept = options.blocksKept ?? 4;
	const blocks = new Map< number, Promise< Uint8Array > >();
	const slice = async ( start: number, end: number ) =>
		new Uint8Array( await input.slice( start, end ).arrayBuffer() );
	const block = ( index: number ): Promise< Uint8Array > => {
		let bytes = blocks.get( index );
		if ( bytes ) {
			// Most recently used last: Map keeps insertion order.
			blocks.delete( index );
		} else {
			bytes = slice(
				index * blockSize,
				Math.min( ( index + 1 ) * blockSize, input.size )
			);
		}
		blocks.set( index, bytes );
		if ( blocks.size > blocksKept ) {
			blocks.delete( blocks.keys().next().value as number );
		}
		return bytes;
	};
	return {
		size: input.size,
		read: async ( offset, length ) => {
			const start = Math.min( Math.max( 0, offset ), input.size );
			const end = Math.min( start + Math.max( 0, length ), input.size );
			if ( end - start > blockSize ) {
				return slice( start, end );
			}
			const first = Math.floor( start / blockSize );
			const last = Math.floor( Math.max( start, end - 1 ) / blockSize );
			if ( first === last ) {
				const bytes = await block( first );
				return bytes.subarray(
					start - first * blockSize,
					end - first * blockSize
				);
			}
			const out = new Uint8Array( end - start );
			for ( let index = first; index <= last; index++ ) {
				const bytes = await block( index );
				const from = Math.max( start, index * blockSize );
				const to = Math.min( end, ( index + 1 ) * blockSize );
				out.set(
					bytes.subarray(
						from - index * blockSize,
						to - index * blockSize
					),
					from - start
				);
			}
			return out;
		},
	};
}

/**
 * Wraps the reader's input as a ByteSource.
 *
 * @param input   Bytes or a Blob (a File in the browser).
 * @param options How a Blob is read.
 * @return Random access to the input.
 */
export function toByteSource(
	input: Uint8Array | Blob,
	options: BlobReadOptions = {}
): ByteSource {
	if ( input instanceof Uint8Array ) {
		return {
			size: input.length,
			read: async ( offset, length ) =>
				input.subarray(
					Math.min( offset, input.length ),
					Math.min( offset + length, input.length )
				),
		};
	}
	return blobSource( input, options );
}
