/**
 * `npm run bench:parse`: generates a large synthetic archive (5,000 posts,
 * 50,000 comments, 2,000 images by default), then reads it in a fresh Node
 * process so the peak memory measured is the reader's alone; then the same
 * content in the migration download's layout (an index page and one entry
 * page per post), in another fresh process; then the hostile inputs
 * (`hostile.ts`).
 *
 * Flags: `--json` ends the output with one JSON line (the migration
 * layout's figures under `migration`); `--posts N`, `--comments N`,
 * `--images N` change the sizes.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../src/archive';
import { generateArchive } from '../tests/support/archive/generate';
import { generateMigrationArchive } from '../tests/support/archive/migration';
import { benchHostile, benchNesting, readHostile } from './hostile';
import { option } from './support';

interface Measure {
	posts: number;
	comments: number;
	images: number;
	media: number;
	warnings: number;
	seconds: number;
	/** CPU time of the read (user + system): steadier than wall time on a busy machine. */
	cpuSeconds: number;
	postsPerSecond: number;
	peakRssMB: number;
	zipMB: number;
}

async function measure( file: string ): Promise< Measure > {
	const bytes = new Uint8Array( readFileSync( file ) );
	const start = process.hrtime.bigint();
	const cpuStart = process.cpuUsage();
	const { model } = await readArchive( bytes, path.basename( file ) );
	const seconds = Number( process.hrtime.bigint() - start ) / 1e9;
	const cpu = process.cpuUsage( cpuStart );
	const posts = model.posts.length;
	return {
		posts,
		comments: model.posts.reduce( ( n, p ) => n + p.comments.length, 0 ),
		images: model.posts.reduce(
			( n, p ) => n + p.images.filter( ( i ) => i.archivePath ).length,
			0
		),
		media: model.media.length,
		warnings: model.warnings.length,
		seconds: Math.round( seconds * 1000 ) / 1000,
		cpuSeconds: Math.round( ( cpu.user + cpu.system ) / 1000 ) / 1000,
		postsPerSecond: Math.round( posts / seconds ),
		// maxRSS is in kilobytes.
		peakRssMB: Math.round( process.resourceUsage().maxRSS / 1024 ),
		zipMB: Math.round( ( bytes.length / 1024 / 1024 ) * 10 ) / 10,
	};
}

/**
 * Writes an archive and reads it in a fresh Node process.
 *
 * @param dir   A scratch folder.
 * @param name  The zip's file name.
 * @param files The archive's files.
 * @return What the read measured, or null when it failed (said on stderr).
 */
function readInChild(
	dir: string,
	name: string,
	files: Record< string, Uint8Array >
): Measure | null {
	const file = path.join( dir, name );
	writeFileSync( file, zipSync( files ) );
	const child = spawnSync( process.execPath, [ __filename, '--read', file ], {
		encoding: 'utf8',
		maxBuffer: 1024 * 1024,
	} );
	if ( child.status !== 0 ) {
		process.stderr.write( child.stderr );
		return null;
	}
	return JSON.parse( child.stdout );
}

async function main( argv: string[] ) {
	const hostileAt = argv.indexOf( '--read-hostile' );
	if ( hostileAt >= 0 ) {
		process.stdout.write(
			JSON.stringify( await readHostile( argv[ hostileAt + 1 ] ) )
		);
		return;
	}
	const readAt = argv.indexOf( '--read' );
	if ( readAt >= 0 ) {
		process.stdout.write(
			JSON.stringify( await measure( argv[ readAt + 1 ] ) )
		);
		return;
	}
	const sizes = {
		posts: option( argv, '--posts', 5000 ),
		comments: option( argv, '--comments', 50000 ),
		images: option( argv, '--images', 2000 ),
	};
	const dir = mkdtempSync( path.join( os.tmpdir(), 'spaces-bench-' ) );
	try {
		const result = readInChild(
			dir,
			'space.zip',
			generateArchive( { ...sizes, seed: 42, feed: true } ).files
		);
		const migration = readInChild(
			dir,
			'migration.zip',
			generateMigrationArchive( { ...sizes, seed: 42 } ).files
		);
		if ( ! result || ! migration ) {
			process.exitCode = 1;
			return;
		}
		const hostile = benchHostile( dir, __filename );
		const nesting = await benchNesting();
		process.stdout.write(
			[
				`Read a ${ result.zipMB } MB synthetic archive: ${ result.posts } posts, ${ result.comments } comments, ${ result.images } images (${ result.media } media files).`,
				`Seconds: ${ result.seconds } (CPU ${ result.cpuSeconds })`,
				`Posts per second: ${ result.postsPerSecond }`,
				`Peak RSS: ${ result.peakRssMB } MB`,
				`Migration layout (index and entry pages, ${ migration.zipMB } MB): ${ migration.posts } posts, ${ migration.comments } comments, ${ migration.images } images in ${ migration.seconds } s (CPU ${ migration.cpuSeconds }), ${ migration.postsPerSecond } posts per second, peak RSS ${ migration.peakRssMB } MB`,
				hostile.line,
				nesting.line,
				'',
			].join( '\n' )
		);
		if ( argv.includes( '--json' ) ) {
			process.stdout.write(
				JSON.stringify( {
					...result,
					migration,
					hostile: hostile.result,
					nestingSeconds: nesting.seconds,
				} ) + '\n'
			);
		}
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
}

main( process.argv.slice( 2 ) ).catch( ( error ) => {
	process.stderr.write( `${ String( error?.stack ?? error ) }\n` );
	process.exitCode = 1;
} );
