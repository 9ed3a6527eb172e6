/**
 * What a run did, counted once: the screen's report and the command line's
 * summary both show these figures.
 */

/**
 * Internal dependencies
 */
import { isVideoFileName } from '../archive/video-markup';
import type { ItemOutcome, MediaResult, PostResult, RunReport } from './types';

export interface ReportSummary {
	/** Posts by the site's answer, for each answer met. */
	posts: Partial< Record< ItemOutcome, number > >;
	/** Posts this run created (see `reportSummary`). */
	created: number;
	updated: number;
	/** Already here and left as they were. */
	skipped: number;
	failed: PostResult[];
	/** Comments created with the posts. */
	comments: number;
	/** Files by the site's answer, for each answer met. */
	media: Partial< Record< MediaResult[ 'status' ], number > >;
	/** Image files (the archive's files that are not videos). */
	imagesCreated: number;
	imagesExisting: number;
	imagesFailed: MediaResult[];
	/** Video files of the archive (`.mp4`, `.wmv`, `.avi`, `.flv`…). */
	videosCreated: number;
	videosExisting: number;
	/** Video files not imported (a type the site refuses, too large…). */
	videosFailed: MediaResult[];
}

/**
 * The number of times each value occurs.
 *
 * @param values The values.
 * @return Each value met, with its count.
 */
function tally< T extends string >(
	values: T[]
): Partial< Record< T, number > > {
	const counts: Partial< Record< T, number > > = {};
	for ( const value of values ) {
		counts[ value ] = ( counts[ value ] ?? 0 ) + 1;
	}
	return counts;
}

function count(
	files: MediaResult[],
	status: MediaResult[ 'status' ]
): number {
	return files.filter( ( file ) => file.status === status ).length;
}

/**
 * Counts what a run did.
 *
 * @param report The run's report.
 * @return The counts and the failures.
 */
export function reportSummary( report: RunReport ): ReportSummary {
	const posts = tally( report.results.map( ( result ) => result.status ) );
	const media = tally( report.media.map( ( file ) => file.status ) );
	const videos = report.media.filter( ( file ) =>
		isVideoFileName( file.path )
	);
	const images = report.media.filter(
		( file ) => ! isVideoFileName( file.path )
	);
	const failed = report.results.filter(
		( result ) => result.status === 'failed'
	);
	const updated = posts.updated ?? 0;
	// A run resumed after a reload finds the posts it created before as
	// “unchanged”; the run's own count says they were this run's work.
	const created = Math.min(
		report.results.length - failed.length - updated,
		Math.max( posts.created ?? 0, report.run.counts?.posts?.created ?? 0 )
	);
	return {
		posts,
		created,
		updated,
		skipped: report.results.length - created - updated - failed.length,
		failed,
		comments: report.results.reduce(
			( sum, result ) => sum + ( result.comments?.created ?? 0 ),
			0
		),
		media,
		imagesCreated: count( images, 'created' ),
		imagesExisting: count( images, 'existing' ),
		imagesFailed: images.filter( ( file ) => file.status === 'failed' ),
		videosCreated: count( videos, 'created' ),
		videosExisting: count( videos, 'existing' ),
		videosFailed: videos.filter( ( file ) => file.status === 'failed' ),
	};
}
