/**
 * Messages between the screen and the archive reader's worker.
 */
import type { ArchiveModel, ArchivePost } from '../../archive/model';
import type { ArchiveOverview } from '../../archive/stats';

/**
 * One file to read, as the page sends it: Files and Blobs are cloned to the
 * worker by reference, never copied.
 */
export interface ReadInput {
	/** `/`-separated: its name, or its path in the folder chosen. */
	path: string;
	file: Blob;
	/** Last written, local wall-clock `YYYY-MM-DDTHH:mm:ss`, when known. */
	modified: string | null;
}

export type ReaderRequest =
	/** What the owner chose, read as one archive named `name`. */
	| { type: 'read'; files: ReadInput[]; name: string }
	/** One file of the archive, for the importer; `id` pairs the answer. */
	| { type: 'media'; id: number; path: string }
	/** The whole model, for the importer: sent in parts. */
	| { type: 'model' };

export interface ReadProgress {
	filesRead: number;
	filesTotal: number;
	postsFound: number;
}

export type ReaderMessage =
	| { type: 'progress'; progress: ReadProgress }
	/** Reading is over: what the screen shows, not the whole model. */
	| { type: 'done'; overview: ArchiveOverview; fingerprint: string }
	/** Some of the model's posts, in order, until `model` ends them. */
	| { type: 'model-posts'; posts: ArchivePost[] }
	/** The rest of the model, its posts sent before. */
	| { type: 'model'; model: Omit< ArchiveModel, 'posts' > }
	| { type: 'error'; code: string; file: string; message: string }
	| { type: 'media'; id: number; bytes: ArrayBuffer }
	| { type: 'media-error'; id: number; message: string };
