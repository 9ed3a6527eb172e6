/**
 * The development site of `npm start`, and the state file through which
 * `npm run stop` finds it from another terminal.
 */
import fs from 'node:fs';
import path from 'node:path';

import { localDir } from './paths.mjs';
import {
	commandLine,
	groupMembers,
	isAlive,
	stopGroup,
	waitFor,
} from './proc.mjs';
import { stopSiteProcesses } from './site.mjs';

/** The development site's folder (inside the gitignored .wp-local/). */
export const DEV_SITE_DIR = path.join( localDir, 'dev' );

/** Written while `npm start` runs. */
export const STATE_FILE = path.join( localDir, 'dev-server.json' );

/**
 * @typedef {Object} DevState
 * @property {number}      pid         The `npm start` process.
 * @property {string}      url         Site address.
 * @property {string}      dir         Site folder.
 * @property {string}      db          Database kind.
 * @property {number}      port        Port.
 * @property {number|null} serverPgid  PHP server process group.
 * @property {number|null} mariadbPid  MariaDB process.
 * @property {number|null} watcherPgid Build watcher process group.
 */

/**
 * Reads the state file.
 *
 * @return {DevState|null} State, or null when none.
 */
export function readDevState() {
	try {
		return JSON.parse( fs.readFileSync( STATE_FILE, 'utf8' ) );
	} catch {
		return null;
	}
}

/**
 * Writes the state file.
 *
 * @param {DevState} state State.
 */
export function writeDevState( state ) {
	fs.mkdirSync( path.dirname( STATE_FILE ), { recursive: true } );
	fs.writeFileSync( STATE_FILE, JSON.stringify( state, null, '\t' ) + '\n' );
}

/**
 * Removes the state file, but only if it still describes this process: a
 * newer `npm start` may have replaced it.
 *
 * @param {number} [pid] Owner to check.
 */
export function removeDevState( pid ) {
	const state = readDevState();
	if ( state && ( pid === undefined || state.pid === pid ) ) {
		fs.rmSync( STATE_FILE, { force: true } );
	}
}

/**
 * Whether the `npm start` process of a state is still running.
 *
 * @param {DevState} state State.
 * @return {boolean} True when running.
 */
export function isStarterRunning( state ) {
	return (
		isAlive( state.pid ) &&
		commandLine( state.pid ).includes(
			path.join( 'tools', 'wp', 'start.mjs' )
		)
	);
}

/**
 * Stops a development site: asks its `npm start` process to shut down, then
 * stops whatever is left, for instance after that process was killed hard.
 *
 * @param {DevState} state State.
 * @return {Promise<void>} Resolves when nothing is left.
 */
export async function stopDev( state ) {
	if ( isStarterRunning( state ) ) {
		process.kill( state.pid, 'SIGTERM' );
		await waitFor( () => ! isAlive( state.pid ), {
			timeoutMs: 60000,
			what: `npm start (pid ${ state.pid }) to stop`,
		} );
	}
	if ( state.watcherPgid ) {
		const ours = groupMembers( state.watcherPgid ).some( ( pid ) =>
			/wp-scripts|webpack/.test( commandLine( pid ) )
		);
		if ( ours ) {
			await stopGroup( state.watcherPgid, { graceMs: 5000 } );
		}
	}
	await stopSiteProcesses( state );
	removeDevState( state.pid );
}
