/**
 * `import`'s progress on standard error: on a terminal one bar redrawn in
 * place (phase, counts, rate, time left); in a log (no terminal) one line
 * when each phase starts.
 */

/**
 * Internal dependencies
 */
import type { ImportProgress, Phase } from '../import/types';

const NAMES: Record< Phase, string > = {
	start: 'Starting',
	media: 'Images',
	posts: 'Posts',
	finalize: 'Finishing',
	done: 'Done',
};

/**
 * A duration for people: "45 s", "3 min 5 s", "1 h 20 min".
 *
 * @param seconds Seconds.
 * @return The text.
 */
export function formatDuration( seconds: number ): string {
	const s = Math.max( 0, Math.ceil( seconds ) );
	if ( s < 60 ) {
		return `${ s } s`;
	}
	if ( s < 3600 ) {
		const rest = s % 60;
		return `${ Math.floor( s / 60 ) } min${ rest ? ` ${ rest } s` : '' }`;
	}
	const minutes = Math.floor( ( s % 3600 ) / 60 );
	return `${ Math.floor( s / 3600 ) } h${ minutes ? ` ${ minutes } min` : '' }`;
}

/**
 * The counts of the phase the run is in.
 *
 * @param progress The runner's progress.
 * @return Done and total, or null in a phase without counts.
 */
function counts( progress: ImportProgress ) {
	switch ( progress.phase ) {
		case 'media':
			return progress.media;
		case 'posts':
			return progress.posts;
		case 'finalize':
			return progress.finalize;
		default:
			return null;
	}
}

/**
 * One line with a bar, for a terminal this many columns wide.
 *
 * @param progress The runner's progress.
 * @param columns  The terminal's width.
 * @return The line (no line break), at most `columns - 1` wide.
 */
export function progressBar( progress: ImportProgress, columns = 80 ): string {
	const name = NAMES[ progress.phase ].padEnd( 9 );
	const phase = counts( progress );
	if ( ! phase ) {
		return name.trimEnd().slice( 0, columns - 1 );
	}
	const share = phase.total ? Math.min( 1, phase.done / phase.total ) : 0;
	const facts = [
		`${ phase.done }/${ phase.total }`,
		`${ Math.floor( share * 100 ) }%`,
		progress.rate > 0 ? `${ progress.rate.toFixed( 1 ) }/s` : '',
		progress.paused ? 'paused' : '',
		progress.secondsLeft === null
			? ''
			: `about ${ formatDuration( progress.secondsLeft ) } left`,
	]
		.filter( Boolean )
		.join( '  ' );
	const room = columns - 1 - name.length - facts.length - 5;
	const width = Math.min( 30, room );
	if ( width < 5 ) {
		return `${ name } ${ facts }`.slice( 0, columns - 1 );
	}
	const filled = Math.round( share * width );
	return `${ name } [${ '#'.repeat( filled ) }${ '-'.repeat(
		width - filled
	) }]  ${ facts }`;
}

/**
 * The line a log gets when a phase starts.
 *
 * @param progress The runner's progress, in its new phase.
 * @return The line (no line break), or null for a phase not worth a line.
 */
export function phaseLine( progress: ImportProgress ): string | null {
	switch ( progress.phase ) {
		case 'media':
			return `Images: uploading ${ progress.media.total }`;
		case 'posts':
			return `Posts: importing ${ progress.posts.total }${
				progress.media.total
					? ` (images done: ${ progress.media.done }/${ progress.media.total })`
					: ''
			}`;
		case 'finalize':
			return `Finishing: links between posts and redirects (posts done: ${ progress.posts.done }/${ progress.posts.total })`;
		default:
			return null;
	}
}

export interface ProgressReporter {
	update: ( progress: ImportProgress ) => void;
	/** Ends the bar's line, so what follows starts on a line of its own. */
	end: () => void;
}

/**
 * Shows progress on a stream: a bar on a terminal, a line per phase in a
 * log.
 *
 * @param stream Standard error.
 * @param now    The clock (milliseconds).
 * @return The reporter.
 */
export function progressReporter(
	stream: NodeJS.WriteStream,
	now: () => number = Date.now
): ProgressReporter {
	let phase: Phase | null = null;
	let drawn = false;
	let lastDraw = 0;
	if ( ! stream.isTTY ) {
		return {
			update: ( progress ) => {
				if ( progress.phase !== phase ) {
					phase = progress.phase;
					const line = phaseLine( progress );
					if ( line ) {
						stream.write( line + '\n' );
					}
				}
			},
			end: () => {},
		};
	}
	return {
		update: ( progress ) => {
			// Redrawn at most ten times a second, and on each new phase.
			if ( progress.phase === phase && now() - lastDraw < 100 ) {
				return;
			}
			phase = progress.phase;
			lastDraw = now();
			drawn = true;
			stream.write(
				`\r\x1b[K${ progressBar( progress, stream.columns || 80 ) }`
			);
		},
		end: () => {
			if ( drawn ) {
				stream.write( '\n' );
				drawn = false;
			}
		},
	};
}
