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

/**
 * Wraps the reader's input as a ByteSource.
 *
 * @param input Bytes or a Blob (a File in the browser).
 * @return Random access to the input.
 */
export function toByteSource( input: Uint8Array | Blob ): ByteSource {
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
	return {
		size: input.size,
		read: async ( offset, length ) => {
			const start = Math.min( offset, input.size );
			const end = Math.min( offset + length, input.size );
			const buffer = await input.slice( start, end ).arrayBuffer();
			return new Uint8Array( buffer );
		},
	};
}
