/**
 * The REST contract of `spaces-importer/v1`, as the runner sees it.
 */

export type PostStatus = 'publish' | 'draft' | 'pending' | 'private';

export interface ImportOptions {
	status: PostStatus;
	/** What to do with a post imported before whose content changed. */
	existing: 'skip' | 'update';
}

export const DEFAULT_OPTIONS: ImportOptions = {
	status: 'publish',
	existing: 'skip',
};

export interface RunLimits {
	postsPerRequest: number;
}

export interface RunInfo {
	id: number;
	fingerprint: string;
	name: string;
	state: 'running' | 'complete';
	created: string;
	totals: { posts?: number; comments?: number; media?: number };
	/** Posts of this archive already on the site, from any run. */
	importedPosts: number;
	resumed?: boolean;
	limits: RunLimits;
}

/** What one post became on the site. */
export interface PostResult {
	sourceId: string;
	postId: number;
	status: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
	link?: string;
	message?: string;
	/** Added by the runner: the post's title, for the report. */
	title?: string;
}

/** The normalized post as the posts route takes it. */
export interface PostPayload {
	sourceId: string;
	title: string;
	html: string;
	published: string | null;
	categories: string[];
	originalUrl: string | null;
}

export interface ImportProgress {
	phase: 'start' | 'posts' | 'finalize' | 'done';
	done: number;
	total: number;
}

export interface RunReport {
	run: RunInfo;
	results: PostResult[];
}
