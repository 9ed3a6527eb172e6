/**
 * The benchmark's hostile-archive lines: a generated zip of 4,000 small,
 * highly compressible pages (about 15 MB packed, 4 GB unpacked, each page
 * under the per-file ratio check), read in a fresh Node process so its peak
 * memory is measured alone (the reader must refuse it, or read it within
 * its memory budget); and a page whose post nests a million tags, which a
 * parser slower than linear would take hours over.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { isArchiveError, readArchive } from '../src/archive';
import { compressibleArchive } from '../tests/support/archive/hostile';
import { pageHtml } from '../tests/support/archive/markup';

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

/**
 * Reads a page whose one post nests a million `<i>` tags, stored (deflated,
 * the zip would be refused as a bomb).
 *
 * @return The seconds the read took, and its line of the report.
 */
export async function benchNesting(): Promise< {
	seconds: number;
	line: string;
} > {
	const depth = 1_000_000;
	const html = pageHtml(
		[
			{
				cid: '1234567890ABCDEF',
				number: 1,
				title: 'Deep',
				html: '<i>'.repeat( depth ) + 'Two',
				published: '2007-04-20T13:29:00',
				comments: [],
				era: 'none',
			},
		],
		{ culture: 'en-US', host: 'deep.spaces.live.com', blogTitle: 'Deep' }
	);
	const zip = zipSync( { 'page.html': strToU8( html ) }, { level: 0 } );
	const start = process.hrtime.bigint();
	const { model } = await readArchive( zip, 'nested.zip' );
	const seconds =
		Math.round( Number( process.hrtime.bigint() - start ) / 1e6 ) / 1000;
	return {
		seconds,
		line: `A post nesting ${ depth.toLocaleString(
			'en-US'
		) } tags: ${ model.posts.length } post read in ${ seconds } s.`,
	};
}
