/**
 * Process and port helpers shared by the local WordPress tools.
 *
 * Servers are started in their own process group so that a whole group
 * (PHP's built-in server forks worker processes) can be stopped at once.
 * Liveness is read from /proc because zombies still answer `kill( pid, 0 )`
 * and nothing may reap orphaned workers in a container.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Default progress logger: stderr keeps stdout clean for callers that parse it.
 *
 * @param {string} message Line to print.
 */
export function defaultLog( message ) {
	process.stderr.write( `${ message }\n` );
}

/**
 * @typedef {Object} RunResult
 * @property {string} stdout Standard output.
 * @property {string} stderr Standard error.
 * @property {number} code   Exit code.
 */

/**
 * Runs a command to completion.
 *
 * @param {string}   command             Program to run.
 * @param {string[]} args                Arguments.
 * @param {Object}   [options]           Options.
 * @param {string}   [options.cwd]       Working directory.
 * @param {Object}   [options.env]       Full environment (defaults to ours).
 * @param {string}   [options.input]     Text written to stdin.
 * @param {boolean}  [options.inherit]   Share our terminal instead of capturing.
 * @param {boolean}  [options.allowFail] Resolve instead of throwing on failure.
 * @return {Promise<RunResult>} Output and exit code.
 */
export function run( command, args, options = {} ) {
	const { cwd, env, input, inherit = false, allowFail = false } = options;
	return new Promise( ( resolve, reject ) => {
		let child;
		try {
			child = spawn( command, args, {
				cwd,
				env: env ?? process.env,
				stdio: inherit
					? [ 'inherit', 'inherit', 'inherit' ]
					: [
							input === undefined ? 'ignore' : 'pipe',
							'pipe',
							'pipe',
						],
			} );
		} catch ( error ) {
			reject( error );
			return;
		}
		const out = [];
		const err = [];
		child.stdout?.on( 'data', ( chunk ) => out.push( chunk ) );
		child.stderr?.on( 'data', ( chunk ) => err.push( chunk ) );
		child.on( 'error', ( error ) => {
			reject(
				error.code === 'ENOENT'
					? new Error( `Command not found: ${ command }` )
					: error
			);
		} );
		child.on( 'close', ( code, signal ) => {
			const result = {
				stdout: Buffer.concat( out ).toString(),
				stderr: Buffer.concat( err ).toString(),
				code: code ?? 128,
			};
			if ( code === 0 || allowFail ) {
				resolve( result );
				return;
			}
			const why = signal
				? `was killed by ${ signal }`
				: `exited with ${ code }`;
			const detail = tail( result.stderr || result.stdout, 40 );
			const error = new Error(
				`${ command } ${ args.join( ' ' ) } ${ why }${
					detail ? `:\n${ detail }` : ''
				}`
			);
			Object.assign( error, result );
			reject( error );
		} );
		if ( child.stdin ) {
			child.stdin.on( 'error', () => {} );
			child.stdin.end( input );
		}
	} );
}

/**
 * The last lines of a text, for error messages.
 *
 * @param {string} text  Text.
 * @param {number} lines How many lines to keep.
 * @return {string} The tail, trimmed.
 */
export function tail( text, lines = 20 ) {
	return String( text ?? '' )
		.trimEnd()
		.split( '\n' )
		.slice( -lines )
		.join( '\n' );
}

/**
 * The last lines of a file, or '' when it cannot be read.
 *
 * @param {string} file  Path.
 * @param {number} lines How many lines.
 * @return {string} The tail.
 */
export function tailFile( file, lines = 20 ) {
	try {
		return tail( fs.readFileSync( file, 'utf8' ), lines );
	} catch {
		return '';
	}
}

/**
 * Finds an executable on PATH or in the sbin folders, which are often missing
 * from PATH for non-root users yet hold mariadbd.
 *
 * @param {string} name Program name.
 * @return {string|null} Absolute path, or null.
 */
export function findExecutable( name ) {
	const dirs = [
		...( process.env.PATH ?? '' ).split( path.delimiter ),
		'/usr/local/sbin',
		'/usr/local/bin',
		'/usr/sbin',
		'/usr/bin',
		'/sbin',
		'/bin',
	];
	for ( const dir of dirs ) {
		if ( ! dir ) {
			continue;
		}
		const candidate = path.join( dir, name );
		try {
			fs.accessSync( candidate, fs.constants.X_OK );
			return candidate;
		} catch {}
	}
	return null;
}

/**
 * Reads /proc/PID/stat.
 *
 * @param {number} pid Process id.
 * @return {{state: string, pgid: number}|null} State letter and group, or null.
 */
function readStat( pid ) {
	let text;
	try {
		text = fs.readFileSync( `/proc/${ pid }/stat`, 'utf8' );
	} catch {
		return null;
	}
	// The command name may contain spaces and parentheses: parse after the last ')'.
	const fields = text.slice( text.lastIndexOf( ')' ) + 2 ).split( ' ' );
	return { state: fields[ 0 ], pgid: Number( fields[ 2 ] ) };
}

/**
 * The command line of a process.
 *
 * @param {number} pid Process id.
 * @return {string} Arguments joined by spaces, or '' when gone.
 */
export function commandLine( pid ) {
	try {
		return fs
			.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
			.split( '\0' )
			.join( ' ' )
			.trim();
	} catch {
		return '';
	}
}

/**
 * Whether a process is running (zombies count as gone).
 *
 * @param {number} pid Process id.
 * @return {boolean} True when alive.
 */
export function isAlive( pid ) {
	if ( ! Number.isInteger( pid ) || pid <= 0 ) {
		return false;
	}
	if ( fs.existsSync( '/proc/self/stat' ) ) {
		const stat = readStat( pid );
		return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
	}
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return error.code === 'EPERM';
	}
}

/**
 * The members of a process group.
 *
 * @param {number}  pgid           Process group id.
 * @param {boolean} includeZombies Also list exited processes not yet reaped.
 * @return {number[]} Process ids.
 */
export function groupMembers( pgid, includeZombies = false ) {
	if ( ! Number.isInteger( pgid ) || pgid <= 0 ) {
		return [];
	}
	const members = [];
	for ( const entry of fs.readdirSync( '/proc' ) ) {
		if ( ! /^\d+$/.test( entry ) ) {
			continue;
		}
		const stat = readStat( Number( entry ) );
		if (
			stat &&
			stat.pgid === pgid &&
			( includeZombies || ( stat.state !== 'Z' && stat.state !== 'X' ) )
		) {
			members.push( Number( entry ) );
		}
	}
	return members;
}

/**
 * Signals a process group, ignoring a group that is already gone.
 *
 * @param {number} pgid   Process group id.
 * @param {string} signal Signal name.
 */
export function signalGroup( pgid, signal ) {
	try {
		process.kill( -pgid, signal );
	} catch ( error ) {
		if ( error.code !== 'ESRCH' ) {
			throw error;
		}
	}
}

/**
 * Stops a whole process group: SIGTERM, then SIGKILL after a grace period,
 * and waits until no member is running. (Exited members whose parent died
 * first stay listed as zombies until init reaps them; they hold nothing.)
 *
 * @param {number} pgid              Process group id (the leader's pid).
 * @param {Object} [options]         Options.
 * @param {number} [options.graceMs] Time allowed for a clean exit.
 * @param {string} [options.signal]  First signal.
 * @return {Promise<void>} Resolves when the group is empty.
 */
export async function stopGroup(
	pgid,
	{ graceMs = 10000, signal = 'SIGTERM' } = {}
) {
	if ( groupMembers( pgid ).length === 0 ) {
		return;
	}
	signalGroup( pgid, signal );
	const deadline = Date.now() + graceMs;
	while ( groupMembers( pgid ).length > 0 ) {
		if ( Date.now() > deadline ) {
			signalGroup( pgid, 'SIGKILL' );
			await waitFor( () => groupMembers( pgid ).length === 0, {
				timeoutMs: 5000,
				what: `process group ${ pgid } to die`,
			} );
			return;
		}
		await sleep( 20 );
	}
}

/**
 * Polls until a condition holds.
 *
 * @param {() => any} check                Condition; may be async.
 * @param {Object}    [options]            Options.
 * @param {number}    [options.timeoutMs]  Give up after this long.
 * @param {number}    [options.intervalMs] Pause between checks.
 * @param {string}    [options.what]       Description for the error.
 * @return {Promise<any>} The first truthy result.
 */
export async function waitFor(
	check,
	{ timeoutMs = 30000, intervalMs = 50, what = 'condition' } = {}
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await check();
		if ( result ) {
			return result;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`Timed out after ${ timeoutMs } ms waiting for ${ what }.`
			);
		}
		await sleep( intervalMs );
	}
}

/**
 * Whether nothing listens on a local TCP port. Binding is the only reliable
 * test: a server on 0.0.0.0 makes a bind on 127.0.0.1 fail too.
 *
 * @param {number} port Port.
 * @param {string} host Address to test.
 * @return {Promise<boolean>} True when free.
 */
export function isPortFree( port, host = '127.0.0.1' ) {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.unref();
		server.once( 'error', ( error ) => {
			if ( error.code === 'EADDRINUSE' || error.code === 'EACCES' ) {
				resolve( false );
			} else {
				reject( error );
			}
		} );
		server.listen( { port, host, exclusive: true }, () => {
			server.close( () => resolve( true ) );
		} );
	} );
}

/**
 * A TCP port that was free a moment ago.
 *
 * @param {string} host Address.
 * @return {Promise<number>} Port number.
 */
export function freePort( host = '127.0.0.1' ) {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.unref();
		server.once( 'error', reject );
		server.listen( { port: 0, host, exclusive: true }, () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

/**
 * Names the process listening on a TCP port, for a helpful error message.
 *
 * @param {number} port Port.
 * @return {string} "pid 123: php -S …", or '' when it cannot be found.
 */
export function describePortOwner( port ) {
	const inodes = new Set();
	for ( const table of [ '/proc/net/tcp', '/proc/net/tcp6' ] ) {
		let text = '';
		try {
			text = fs.readFileSync( table, 'utf8' );
		} catch {
			continue;
		}
		for ( const line of text.split( '\n' ).slice( 1 ) ) {
			const fields = line.trim().split( /\s+/ );
			// Field 1 is address:port in hex, field 3 the state (0A = LISTEN).
			if ( fields.length > 9 && fields[ 3 ] === '0A' ) {
				const localPort = parseInt(
					fields[ 1 ].split( ':' ).pop(),
					16
				);
				if ( localPort === port ) {
					inodes.add( fields[ 9 ] );
				}
			}
		}
	}
	if ( inodes.size === 0 ) {
		return '';
	}
	for ( const entry of fs.readdirSync( '/proc' ) ) {
		if ( ! /^\d+$/.test( entry ) ) {
			continue;
		}
		let fds = [];
		try {
			fds = fs.readdirSync( `/proc/${ entry }/fd` );
		} catch {
			continue;
		}
		for ( const fd of fds ) {
			let target = '';
			try {
				target = fs.readlinkSync( `/proc/${ entry }/fd/${ fd }` );
			} catch {
				continue;
			}
			const match = /^socket:\[(\d+)\]$/.exec( target );
			if ( match && inodes.has( match[ 1 ] ) ) {
				return `pid ${ entry }: ${ commandLine( Number( entry ) ) }`;
			}
		}
	}
	return '';
}

/**
 * Waits until a port is free again.
 *
 * @param {number} port      Port.
 * @param {number} timeoutMs Give up after this long.
 * @return {Promise<void>} Resolves when free.
 */
export async function waitForPortFree( port, timeoutMs = 10000 ) {
	await waitFor( () => isPortFree( port ), {
		timeoutMs,
		what: `port ${ port } to be free`,
	} );
}
