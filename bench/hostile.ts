/**
 * The benchmark's hostile-archive line: a generated zip of 4,000 small,
 * highly compressible pages (about 15 MB packed, 4 GB unpacked, each page
 * under the per-file ratio check), read in a fresh Node process so its peak
 * memory is measured alone. The reader must refuse it, or read it within
 * its memory budget.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';

/**
 * Internal dependencies
 */
import { isArchiveError, readArchive } from '../src/archive';
import { compressibleArchive } from '../tests/support/archive/hostile';

export interface HostileMeasure {
	zipMB: number;
	pages: number;
	/** The error code when refused, else null. */
	refused: string | null;
	message: string;
	seconds: number;
	peakRssMB: number;
}

const PAGES = 4000;

/**
 * Reads the hostile archive in this process (the child's side).
 *
 * @param file The zip.
 * @return What happened.
 */
export async function readHostile( file: string ): Promise< HostileMeasure > {
	const bytes = new Uint8Array( readFileSync( file ) );
	const start = process.hrtime.bigint();
	let refused: string | null = null;
	let message = '';
	try {
		const { model } = await readArchive( bytes, path.basename( file ) );
		message = `read ${ model.posts.length } posts`;
	} catch ( error ) {
		if ( ! isArchiveError( error ) ) {
			throw error;
		}
		refused = error.code;
		message = error.message;
	}
	return {
		zipMB: Math.round( ( bytes.length / 1024 / 1024 ) * 10 ) / 10,
		pages: PAGES,
		refused,
		message,
		seconds:
			Math.round( Number( process.hrtime.bigint() - start ) / 1e6 ) /
			1000,
		peakRssMB: Math.round( process.resourceUsage().maxRSS / 1024 ),
	};
}

/**
 * Writes the hostile archive and reads it in a child process.
 *
 * @param dir    A scratch folder.
 * @param script This benchmark's script, run with `--read-hostile`.
 * @return The measure, and its line of the report.
 */
export function benchHostile(
	dir: string,
	script: string
): { result: HostileMeasure; line: string } {
	const file = path.join( dir, 'hostile.zip' );
	writeFileSync( file, compressibleArchive( { pages: PAGES } ) );
	const child = spawnSync(
		process.execPath,
		[ script, '--read-hostile', file ],
		{ encoding: 'utf8', maxBuffer: 1024 * 1024 }
	);
	if ( child.status !== 0 ) {
		throw new Error(
			`The hostile archive crashed the reader:\n${ child.stderr }`
		);
	}
	const result: HostileMeasure = JSON.parse( child.stdout );
	const outcome = result.refused
		? `refused (${ result.refused }: ${ result.message })`
		: result.message;
	return {
		result,
		line: `Hostile archive (${ result.zipMB } MB, ${ result.pages } compressible pages): ${ outcome } in ${ result.seconds } s, peak RSS ${ result.peakRssMB } MB.`,
	};
}
