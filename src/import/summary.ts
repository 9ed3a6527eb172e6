/**
 * What a run did, counted once: the screen's report and the command line's
 * summary both show these figures.
 */

/**
 * Internal dependencies
 */
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
	imagesCreated: number;
	imagesExisting: number;
	imagesFailed: MediaResult[];
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

/**
 * Counts what a run did.
 *
 * @param report The run's report.
 * @return The counts and the failures.
 */
export function reportSummary( report: RunReport ): ReportSummary {
	const posts = tally( report.results.map( ( result ) => result.status ) );
	const media = tally( report.media.map( ( file ) => file.status ) );
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
		imagesCreated: media.created ?? 0,
		imagesExisting: media.existing ?? 0,
		imagesFailed: report.media.filter(
			( file ) => file.status === 'failed'
		),
	};
}
