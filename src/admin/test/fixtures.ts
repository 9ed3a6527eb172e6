/**
 * Archives, runs and reports the screen's tests share.
 */

/**
 * External dependencies
 */
import { screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost } from '../../archive/model';
import { archiveOverview } from '../../archive/stats';
import type { RunInfo, RunReport } from '../../import/types';
import type { ChoiceSummary } from '../choice';
import { store } from '../store';
import { session } from '../store/session';

export function post( number: number, extra: Partial< ArchivePost > = {} ) {
	return {
		sourceId: `cns!2B070A76FD6627CE!${ number }`,
		number,
		title: `Post ${ number }`,
		html: '<p>Hi</p>',
		published: '2007-01-03T23:55:16',
		dateSource: 'footer',
		categories: [],
		originalUrl: null,
		comments: [],
		declaredCommentCount: null,
		images: [],
		links: [],
		files: [ `${ number }.html` ],
		...extra,
	} as ArchivePost;
}

export const model: ArchiveModel = {
	name: 'space.zip',
	blog: {
		title: '周树群的空间',
		host: 'zhoushuqun.spaces.live.com',
		cid: '2B070A76FD6627CE',
		culture: 'zh-CN',
	},
	posts: [
		post( 975, {
			title: '新年快乐',
			categories: [ '生活' ],
			declaredCommentCount: 3,
			comments: [
				{
					author: 'Anna',
					authorUrl: null,
					published: '2007-01-04T08:00:00',
					html: 'Happy new year',
				},
			],
			images: [
				{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
				{
					reference: 'http://x.spaces.live.com/b.jpg',
					archivePath: null,
					alt: '',
				},
			],
		} ),
		post( 980, {
			title: 'Spring',
			published: '2008-05-01T10:00:00',
			categories: [ '生活', 'Travel' ],
		} ),
	],
	media: [ { path: 'img/a.jpg', size: 1000, mimeType: 'image/jpeg' } ],
	warnings: [
		{
			file: 'entry.html',
			code: 'comments-missing',
			message: 'Comments are missing from entry.html.',
		},
		{
			file: 'home.html',
			code: 'comments-missing',
			message: 'Comments are missing from home.html.',
		},
		{ file: null, code: 'mystery', message: 'Something odd.' },
	],
};

/** What the screen holds of `model`. */
export const overview = archiveOverview( model );

/**
 * `model` as the reader's worker gives it: the overview at once, the model
 * when asked.
 */
export const opened = {
	overview,
	model: () => Promise.resolve( model ),
};

export const FINGERPRINT = 'ab'.repeat( 32 );

export function run( extra: Partial< RunInfo > = {} ): RunInfo {
	return {
		id: 12,
		fingerprint: FINGERPRINT,
		name: 'space.zip',
		state: 'complete',
		created: '2026-11-21T14:00:00+00:00',
		totals: { posts: 2, comments: 1, media: 1 },
		importedPosts: 2,
		limits: { postsPerRequest: 50 },
		...extra,
	};
}

export function report( extra: Partial< RunReport > = {} ): RunReport {
	return {
		run: run( {
			counts: {
				posts: { created: 1, failed: 1 },
				comments: { created: 1 },
				media: { created: 1 },
			},
		} ),
		results: [
			{
				sourceId: model.posts[ 0 ].sourceId,
				postId: 5,
				status: 'created',
				link: 'http://example.test/2007/01/xin-nian/',
				title: '新年快乐',
				comments: { created: 1 },
			},
			{
				sourceId: model.posts[ 1 ].sourceId,
				postId: 0,
				status: 'failed',
				message: 'The database was busy.',
				title: 'Spring',
			},
		],
		media: [
			{
				path: 'img/a.jpg',
				status: 'created',
				attachmentId: 7,
				url: 'http://example.test/wp-content/uploads/2007/01/a.jpg',
			},
		],
		...extra,
	};
}

/**
 * The report of a run that also put video files of the archive in the media
 * library; the run counts them with its images, as the site does.
 *
 * @param paths The video files' paths in the archive.
 * @return The report.
 */
export function reportWithVideos( ...paths: string[] ): RunReport {
	const base = report();
	return {
		...base,
		run: {
			...base.run,
			counts: {
				...base.run.counts,
				media: { created: base.media.length + paths.length },
			},
		},
		media: [
			...base.media,
			...paths.map( ( path, index ) => ( {
				path,
				status: 'created' as const,
				attachmentId: 100 + index,
				url: `http://example.test/wp-content/uploads/2007/01/${ path
					.split( '/' )
					.pop() }`,
			} ) ),
		],
	};
}

/**
 * What the store keeps of a choice: one zip by default.
 *
 * @param extra What differs.
 * @return The summary.
 */
export function chosen( extra: Partial< ChoiceSummary > = {} ): ChoiceSummary {
	return {
		kind: 'file',
		name: 'space.zip',
		count: 1,
		sample: [ 'space.zip' ],
		...extra,
	};
}

/**
 * Empties the store between tests, forgetting even what a reset keeps.
 */
export function resetStore(): void {
	dispatch( store ).reset();
	dispatch( store ).discardUnfinished();
}

/**
 * Puts the store at the preview of `model`, its worker open.
 */
export function showPreview(): void {
	dispatch( store ).readStarted( chosen() );
	session.archive = {
		...opened,
		fingerprint: FINGERPRINT,
		media: { read: () => Promise.reject( new Error( 'No files.' ) ) },
		close: () => {},
	};
	dispatch( store ).readFinished( overview, FINGERPRINT );
}

/**
 * The table of a list of posts, once the list's component has loaded (it is
 * loaded when first shown, which takes a while in a busy test run).
 *
 * @return The table.
 */
export function findListTable(): Promise< HTMLElement > {
	return screen.findByRole( 'table', {}, { timeout: 30_000 } );
}
