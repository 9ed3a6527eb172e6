/**
 * Where the runner gets the archive's files: the reader, in Node directly,
 * in the browser through its worker. Files are read one at a time, when
 * needed, so an archive's images are never all in memory at once.
 */
export interface MediaSource {
	read: ( path: string ) => Promise< Uint8Array >;
}
