/**
 * What the benchmarks share: their numeric flags, a fresh site of the
 * local WordPress on MariaDB with this plugin active, and the CPU time of
 * processes, read from /proc.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';

/** This checkout (the benchmarks run from `dist-bench/bench/`). */
export const root = path.resolve( __dirname, '../..' );

/**
 * A numeric flag's value, such as `--runs 3`.
 *
 * @param argv     The arguments.
 * @param name     The flag.
 * @param fallback Its value when absent.
 * @return The value.
 */
export function option(
	argv: string[],
	name: string,
	fallback: number
): number {
	const at = argv.indexOf( name );
	return at >= 0 ? Number( argv[ at + 1 ] ) : fallback;
}

/**
 * The local WordPress tools (`tools/wp/lib/site.mjs`).
 *
 * @return The module.
 */
export function siteTools(): Promise< any > {
	return import(
		pathToFileURL( path.join( root, 'tools/wp/lib/site.mjs' ) ).href
	);
}

/**
 * Starts a fresh site of the local WordPress on MariaDB with the plugin
 * active, quietly.
 *
 * @param title The site's title.
 * @return The running site, as the local tools describe it.
 */
export async function startPluginSite( title: string ): Promise< any > {
	const { createSite } = await siteTools();
	return createSite( {
		db: 'mariadb',
		title,
		plugins: [ { slug: 'spaces-importer', path: root } ],
		log: () => {},
	} );
}

/** Clock ticks per second, the unit of /proc's CPU times. */
const TICKS = ( () => {
	try {
		return (
			Number(
				execFileSync( 'getconf', [ 'CLK_TCK' ], {
					encoding: 'utf8',
				} ).trim()
			) || 100
		);
	} catch {
		return 100;
	}
} )();

/** A process's CPU time so far, as /proc tells it. */
export interface ProcessCpu {
	pid: number;
	ppid: number;
	/** Its process group. */
	pgid: number;
	/** CPU-seconds of the process itself (all its threads). */
	own: number;
	/** CPU-seconds of its children that ended and were waited for. */
	reaped: number;
}

/**
 * One process's CPU time so far.
 *
 * @param pid The process.
 * @return Its figures, or null when it is gone.
 */
export function processCpu( pid: number ): ProcessCpu | null {
	try {
		const text = readFileSync( `/proc/${ pid }/stat`, 'utf8' );
		// Fields after the command name, which may hold spaces: state is field 3.
		const field = text.slice( text.lastIndexOf( ')' ) + 2 ).split( ' ' );
		const at = ( n: number ) => Number( field[ n - 3 ] );
		return {
			pid,
			ppid: at( 4 ),
			pgid: at( 5 ),
			own: ( at( 14 ) + at( 15 ) ) / TICKS,
			reaped: ( at( 16 ) + at( 17 ) ) / TICKS,
		};
	} catch {
		return null;
	}
}

/**
 * Every process's CPU time so far.
 *
 * @return The processes.
 */
export function processesCpu(): ProcessCpu[] {
	const list: ProcessCpu[] = [];
	for ( const name of readdirSync( '/proc' ) ) {
		const stat = /^\d+$/.test( name ) ? processCpu( Number( name ) ) : null;
		if ( stat ) {
			list.push( stat );
		}
	}
	return list;
}

/**
 * CPU-seconds of the site so far: the PHP server's process group and
 * MariaDB, each with its children already gone.
 *
 * @param pgid    The PHP server's process group.
 * @param mariadb MariaDB's process.
 * @param list    The processes, when already read.
 * @return CPU-seconds.
 */
export function siteCpuSeconds(
	pgid: number,
	mariadb: number | null,
	list: ProcessCpu[] = processesCpu()
): number {
	return list
		.filter( ( proc ) => proc.pgid === pgid || proc.pid === mariadb )
		.reduce( ( sum, proc ) => sum + proc.own + proc.reaped, 0 );
}

/**
 * CPU-seconds of process trees so far: each living process's own time plus
 * that of its children already gone (counted once: a child is in its
 * parent's figure only after it ended).
 *
 * @param roots   The trees' root processes.
 * @param list    The processes, when already read.
 * @param skipped Processes left out, with their trees.
 * @return CPU-seconds.
 */
export function treeCpuSeconds(
	roots: number[],
	list: ProcessCpu[] = processesCpu(),
	skipped: ( proc: ProcessCpu ) => boolean = () => false
): number {
	const children = new Map< number, ProcessCpu[] >();
	const byPid = new Map< number, ProcessCpu >();
	for ( const proc of list ) {
		byPid.set( proc.pid, proc );
		children.set( proc.ppid, [
			...( children.get( proc.ppid ) ?? [] ),
			proc,
		] );
	}
	let total = 0;
	const seen = new Set< number >();
	const queue = [ ...roots ];
	while ( queue.length ) {
		const pid = queue.pop() as number;
		const proc = byPid.get( pid );
		if ( seen.has( pid ) || ( proc && skipped( proc ) ) ) {
			continue;
		}
		seen.add( pid );
		if ( proc ) {
			total += proc.own + proc.reaped;
		}
		queue.push(
			...( children.get( pid ) ?? [] ).map( ( child ) => child.pid )
		);
	}
	return total;
}
