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
import type { ImportOptions, ImportProgress, RunReport } from '../import/types';
import { createFetchTransport } from './fetch-transport';
import { openArchive } from './open-archive';
import { createSharpSizer } from './sharp-sizer';

export const IMPORT_USAGE = `Usage: spaces-importer import <path>... --url <site> --user <name> --app-password <password> [options]

  <path>           The space.zip, a folder of saved pages, saved pages
                   (.htm), web archives (.mht), feeds (.rss) or Windows
                   Live Writer posts (.wpost, or the My Weblog Posts
                   folder); several are imported together as one archive.
  --url            The WordPress site's address.
  --user           A user who may import (an administrator).
  --app-password   One of that user's application passwords
                   (Users → Profile → Application Passwords).
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

Running it again continues an interrupted import; nothing is imported twice.`;

/**
 * A one-line progress text.
 *
 * @param progress The runner's progress.
 * @return The line.
 */
function progressLine( progress: ImportProgress ): string {
	const left =
		progress.secondsLeft === null
			? ''
			: `, about ${ Math.ceil( progress.secondsLeft ) } s left`;
	switch ( progress.phase ) {
		case 'media':
			return `images ${ progress.media.done }/${ progress.media.total }${ left }`;
		case 'posts':
			return `posts ${ progress.posts.done }/${ progress.posts.total } (${ progress.rate.toFixed( 1 ) }/s${ left })`;
		case 'finalize':
			return `finishing ${ progress.finalize.done }/${ progress.finalize.total }`;
		default:
			return progress.phase;
	}
}

/**
 * Counts of the report's outcomes.
 *
 * @param report  The run's report.
 * @param seconds How long it took.
 * @return The summary printed at the end.
 */
export function importSummary( report: RunReport, seconds: number ) {
	const count = < T extends string >( values: T[] ) =>
		values.reduce< Record< string, number > >( ( sum, value ) => {
			sum[ value ] = ( sum[ value ] ?? 0 ) + 1;
			return sum;
		}, {} );
	return {
		run: report.run.id,
		state: report.run.state,
		seconds: Number( seconds.toFixed( 2 ) ),
		posts: count( report.results.map( ( result ) => result.status ) ),
		comments: report.results.reduce(
			( sum, result ) => sum + ( result.comments?.created ?? 0 ),
			0
		),
		media: count( report.media.map( ( file ) => file.status ) ),
		failures: [
			...report.results
				.filter( ( result ) => result.status === 'failed' )
				.map( ( result ) => ( {
					sourceId: result.sourceId,
					message: result.message ?? '',
				} ) ),
			...report.media
				.filter( ( file ) => file.status === 'failed' )
				.map( ( file ) => ( {
					path: file.path,
					message: file.message ?? '',
				} ) ),
		],
	};
}

/**
 * Runs the import command.
 *
 * @param argv Arguments after `import`.
 * @return The exit code: 0 done, 1 wrong usage, 2 the archive or the site
 *         failed, 3 done but some items failed.
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
		return 1;
	}
	const { values, positionals } = parsed;
	const statuses = [ 'publish', 'draft', 'pending', 'private' ];
	const comments = [ 'approved', 'pending', 'none' ];
	if (
		positionals.length < 1 ||
		! values.url ||
		! values.user ||
		! values[ 'app-password' ] ||
		! statuses.includes( values.status ) ||
		! comments.includes( values.comments )
	) {
		process.stderr.write( IMPORT_USAGE + '\n' );
		return 1;
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
	const tty = process.stderr.isTTY && ! values.json;
	let lastLine = 0;
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
				appPassword: values[ 'app-password' ],
			} ),
			options,
			control,
			onProgress: ( progress ) => {
				if ( values.json ) {
					return;
				}
				if ( tty ) {
					process.stderr.write(
						`\r\x1b[K${ progressLine( progress ) }`
					);
				} else if (
					Date.now() - lastLine > 2000 ||
					progress.phase === 'done'
				) {
					lastLine = Date.now();
					process.stderr.write( progressLine( progress ) + '\n' );
				}
			},
		} );
		const summary = importSummary(
			report,
			( Date.now() - started ) / 1000
		);
		if ( values.json ) {
			process.stdout.write( JSON.stringify( summary ) + '\n' );
		} else {
			process.stderr.write( tty ? '\n' : '' );
			process.stdout.write(
				[
					`Run ${ summary.run }: ${ summary.state } in ${ summary.seconds } s.`,
					`Posts: ${ JSON.stringify( summary.posts ) }`,
					`Comments created: ${ summary.comments }`,
					`Images: ${ JSON.stringify( summary.media ) }`,
					...summary.failures.map(
						( failure ) =>
							`Failed: ${ 'path' in failure ? failure.path : failure.sourceId }: ${ failure.message }`
					),
				].join( '\n' ) + '\n'
			);
		}
		return summary.failures.length ? 3 : 0;
	} catch ( error ) {
		const message = control.cancelled
			? 'Stopped. Run the same command again to continue where it stopped.'
			: ( ( error as Error )?.message ?? String( error ) );
		process.stderr.write(
			`${ tty ? '\n' : '' }${ message.replace( /\s*\n\s*/g, ' ' ) }\n`
		);
		return 2;
	} finally {
		process.removeListener( 'SIGINT', stop );
	}
}
