/**
 * `spaces-importer import <archive> --url … --user … --app-password …`:
 * the admin screen's import, from a terminal, with the same runner.
 */

/**
 * External dependencies
 */
import { parseArgs } from 'util';

/**
 * Internal dependencies
 */
import { RunControl } from '../import/control';
import { runImport } from '../import/runner';
import { reportSummary } from '../import/summary';
import type { ImportOptions, RunReport } from '../import/types';
import { createFetchTransport } from './fetch-transport';
import { openArchive } from './open-archive';
import { createSharpSizer } from './sharp-sizer';
import { PASSWORD_VARIABLE, readPassword } from './password';
import { progressReporter } from './progress';

export const IMPORT_USAGE = `Usage: spaces-importer import <path>... --url <site> --user <name> [options]

  <path>           The space.zip, a folder of saved pages, saved pages
                   (.htm), web archives (.mht), feeds (.rss) or Windows
                   Live Writer posts (.wpost, or the My Weblog Posts
                   folder); several are imported together as one archive.
  --url            The WordPress site's address.
  --user           A user who may import (an administrator).
                   The password is one of that user's application
                   passwords (Users → Profile → Application Passwords),
                   read from ${ PASSWORD_VARIABLE }, else from standard
                   input (asked for on a terminal, the first line when
                   piped).
  --app-password   The password as an argument, for old scripts: other
                   users of the machine can read it in the process list.
  --status         publish (default), draft, pending or private.
  --comments       approved (default), pending or none.
  --no-images      Leave the images out.
  --update         Update posts imported before whose content changed
                   (default: leave them as they are).
  --original-post-block
                   End each post with a link to its archived original.
  --skip-drafts    Leave out drafts from Windows Live Writer (.wpost files);
                   by default they are imported as drafts.
  --server-image-sizes
                   Let the site make the images' smaller sizes (by default
                   this command makes them with sharp, when it is
                   installed, and sends them with each image).
  --json           Print one JSON summary at the end instead of text.

Running it again continues an interrupted import; nothing is imported twice.

Exit codes: 0 imported; 1 finished, but some posts or images failed (each is
listed); 2 nothing or not all was imported: the input could not be read,
the options were wrong, the site refused (address, user, password,
permission) or could not be reached, or the import was stopped.`;

/**
 * The counts that are not zero.
 *
 * @param all Counts by outcome.
 * @return Those met.
 */
function counts(
	all: Record< string, number >
): Partial< Record< string, number > > {
	return Object.fromEntries(
		Object.entries( all ).filter( ( [ , n ] ) => n > 0 )
	);
}

/**
 * Counts of the report's outcomes.
 *
 * @param report  The run's report.
 * @param seconds How long it took.
 * @return The summary printed at the end.
 */
export function importSummary( report: RunReport, seconds: number ) {
	const summary = reportSummary( report );
	return {
		run: report.run.id,
		state: report.run.state,
		seconds: Number( seconds.toFixed( 2 ) ),
		posts: summary.posts,
		comments: summary.comments,
		media: summary.media,
		failures: [
			...summary.failed.map( ( result ) => ( {
				sourceId: result.sourceId,
				message: result.message ?? '',
			} ) ),
			...[ ...summary.imagesFailed, ...summary.videosFailed ].map(
				( file ) => ( {
					path: file.path,
					message: file.message ?? '',
				} )
			),
		],
		images: counts( {
			created: summary.imagesCreated,
			existing: summary.imagesExisting,
			failed: summary.imagesFailed.length,
		} ),
		videos: counts( {
			created: summary.videosCreated,
			existing: summary.videosExisting,
			failed: summary.videosFailed.length,
		} ),
	};
}

/**
 * Runs the import command.
 *
 * @param argv Arguments after `import`.
 * @return The exit code: 0 done, 1 done but some items failed, 2 not done
 *         (wrong usage, the archive unreadable, the site refused or out of
 *         reach, stopped).
 */
export async function importCommand( argv: string[] ): Promise< number > {
	let parsed;
	try {
		parsed = parseArgs( {
			args: argv,
			allowPositionals: true,
			options: {
				url: { type: 'string' },
				user: { type: 'string' },
				'app-password': { type: 'string' },
				status: { type: 'string', default: 'publish' },
				comments: { type: 'string', default: 'approved' },
				'no-images': { type: 'boolean', default: false },
				update: { type: 'boolean', default: false },
				'original-post-block': { type: 'boolean', default: false },
				'skip-drafts': { type: 'boolean', default: false },
				'server-image-sizes': { type: 'boolean', default: false },
				json: { type: 'boolean', default: false },
			},
		} );
	} catch ( error ) {
		process.stderr.write(
			`${ ( error as Error ).message }\n${ IMPORT_USAGE }\n`
		);
		return 2;
	}
	const { values, positionals } = parsed;
	const statuses = [ 'publish', 'draft', 'pending', 'private' ];
	const comments = [ 'approved', 'pending', 'none' ];
	if (
		positionals.length < 1 ||
		! values.url ||
		! values.user ||
		! statuses.includes( values.status ) ||
		! comments.includes( values.comments )
	) {
		process.stderr.write( IMPORT_USAGE + '\n' );
		return 2;
	}
	const appPassword = await readPassword( {
		flag: values[ 'app-password' ],
		env: process.env,
		stdin: process.stdin,
		stderr: process.stderr,
	} );
	if ( ! appPassword ) {
		process.stderr.write(
			`No application password: set ${ PASSWORD_VARIABLE }, or pipe the password to standard input.\n`
		);
		return 2;
	}
	const options: Partial< ImportOptions > = {
		status: values.status as ImportOptions[ 'status' ],
		comments: values.comments as ImportOptions[ 'comments' ],
		images: ! values[ 'no-images' ],
		existing: values.update ? 'update' : 'skip',
		originalPostBlock: values[ 'original-post-block' ],
		liveWriterDrafts: values[ 'skip-drafts' ] ? 'skip' : 'draft',
		imageSizes: values[ 'server-image-sizes' ] ? 'server' : 'client',
	};

	const started = Date.now();
	const control = new RunControl();
	const stop = () => control.cancel();
	process.once( 'SIGINT', stop );
	const progress = values.json ? null : progressReporter( process.stderr );
	try {
		const reader = await openArchive( positionals );
		const imageSizer = values[ 'server-image-sizes' ]
			? null
			: await createSharpSizer();
		const report = await runImport( {
			model: reader.model,
			media: { read: ( path ) => reader.readMedia( path ) },
			imageSizer: imageSizer ?? undefined,
			transport: createFetchTransport( {
				url: values.url,
				user: values.user,
				appPassword,
			} ),
			options,
			control,
			onProgress: ( current ) => progress?.update( current ),
		} );
		const summary = importSummary(
			report,
			( Date.now() - started ) / 1000
		);
		if ( values.json ) {
			process.stdout.write( JSON.stringify( summary ) + '\n' );
		} else {
			progress?.end();
			process.stdout.write(
				[
					`Run ${ summary.run }: ${ summary.state } in ${ summary.seconds } s.`,
					`Posts: ${ JSON.stringify( summary.posts ) }`,
					`Comments created: ${ summary.comments }`,
					`Images: ${ JSON.stringify( summary.images ) }`,
					...( Object.keys( summary.videos ).length
						? [
								`Video files: ${ JSON.stringify( summary.videos ) }`,
							]
						: [] ),
					...summary.failures.map(
						( failure ) =>
							`Failed: ${ 'path' in failure ? failure.path : failure.sourceId }: ${ failure.message }`
					),
				].join( '\n' ) + '\n'
			);
		}
		return summary.failures.length ? 1 : 0;
	} catch ( error ) {
		const message = control.cancelled
			? 'Stopped. Run the same command again to continue where it stopped.'
			: ( ( error as Error )?.message ?? String( error ) );
		progress?.end();
		process.stderr.write( `${ message.replace( /\s*\n\s*/g, ' ' ) }\n` );
		return 2;
	} finally {
		process.removeListener( 'SIGINT', stop );
	}
}
