/**
 * Messages between the screen and the archive reader's worker.
 */
import type { ArchiveModel } from '../../archive/model';

export type ReaderRequest =
	| { type: 'read'; file: Blob; name: string }
	/** One file of the archive, for the importer; `id` pairs the answer. */
	| { type: 'media'; id: number; path: string };

export interface ReadProgress {
	filesRead: number;
	filesTotal: number;
	postsFound: number;
}

export type ReaderMessage =
	| { type: 'progress'; progress: ReadProgress }
	| { type: 'done'; model: ArchiveModel; fingerprint: string }
	| { type: 'error'; code: string; file: string; message: string }
	| { type: 'media'; id: number; bytes: ArrayBuffer }
	| { type: 'media-error'; id: number; message: string };
