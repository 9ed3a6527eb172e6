/**
 * Messages between the screen and the archive reader's worker.
 */
import type { ArchiveModel } from '../../archive/model';

export interface ReadRequest {
	type: 'read';
	file: File;
}

export interface ReadProgress {
	filesRead: number;
	filesTotal: number;
	postsFound: number;
}

export type ReaderMessage =
	| { type: 'progress'; progress: ReadProgress }
	| { type: 'done'; model: ArchiveModel }
	| { type: 'error'; code: string; file: string; message: string };
