/**
 * A private MariaDB server: its own data folder and Unix socket, no TCP
 * port, started and stopped by these tools. Production WordPress sites run
 * on MySQL or MariaDB, so integration tests and measurements use it.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import {
	commandLine,
	defaultLog,
	findExecutable,
	isAlive,
	run,
	stopGroup,
	tailFile,
	waitFor,
} from './proc.mjs';

/** Unix socket paths longer than this do not fit in sockaddr_un. */
const MAX_SOCKET_PATH = 100;

/**
 * @typedef {Object} MariaDB
 * @property {number}              pid      Server process (also its process group).
 * @property {string}              dataDir  Data folder.
 * @property {string}              socket   Unix socket path.
 * @property {string}              database Database for WordPress.
 * @property {string}              user     Database user for WordPress.
 * @property {string}              password Its password.
 * @property {string}              dbHost   DB_HOST value for wp-config.php.
 * @property {string}              logFile  Server error log.
 * @property {() => Promise<void>} stop     Shuts the server down cleanly.
 */

/**
 * The socket path for a data folder: inside it when short enough, otherwise
 * in the temporary folder under a name derived from it, so that the same
 * data folder always gets the same socket (wp-config.php names it).
 *
 * @param {string} dataDir Data folder.
 * @return {string} Socket path.
 */
export function socketPathFor( dataDir ) {
	const inside = path.join( dataDir, 'mariadb.sock' );
	if ( inside.length <= MAX_SOCKET_PATH ) {
		return inside;
	}
	const hash = crypto
		.createHash( 'sha1' )
		.update( path.resolve( dataDir ) )
		.digest( 'hex' )
		.slice( 0, 16 );
	return path.join( os.tmpdir(), `spaces-importer-mariadb-${ hash }.sock` );
}

/**
 * Finds a MariaDB program.
 *
 * @param {string[]} names Candidate names, newest first.
 * @return {string} Absolute path.
 */
function program( names ) {
	for ( const name of names ) {
		const found = findExecutable( name );
		if ( found ) {
			return found;
		}
	}
	throw new Error(
		`${ names[ 0 ] } was not found: install the Debian package mariadb-server.`
	);
}

/**
 * The database account that may administer a server we initialised: the
 * data folder was created with Unix-socket authentication for this OS user.
 *
 * @return {string} User name.
 */
function adminUser() {
	return os.userInfo().username;
}

/**
 * Runs SQL as the administrator of a private server.
 *
 * @param {string} socket Unix socket path.
 * @param {string} sql    Statements.
 * @return {Promise<string>} Tab-separated result rows.
 */
export async function mariadbQuery( socket, sql ) {
	const client = program( [ 'mariadb', 'mysql' ] );
	const { stdout } = await run(
		client,
		[
			'--no-defaults',
			`--socket=${ socket }`,
			`--user=${ adminUser() }`,
			'--batch',
			'--skip-column-names',
		],
		{ input: sql }
	);
	return stdout;
}

/**
 * Whether the server on a socket answers (it sends a greeting packet once
 * it accepts connections).
 *
 * @param {string} socket Unix socket path.
 * @return {Promise<boolean>} True when ready.
 */
function answers( socket ) {
	return new Promise( ( resolve ) => {
		const connection = net.createConnection( { path: socket } );
		const done = ( ok ) => {
			connection.destroy();
			resolve( ok );
		};
		connection.setTimeout( 1000, () => done( false ) );
		connection.once( 'data', () => done( true ) );
		connection.once( 'error', () => done( false ) );
	} );
}

/**
 * Quotes a MariaDB identifier.
 *
 * @param {string} name Identifier.
 * @return {string} Quoted.
 */
function identifier( name ) {
	return '`' + name.replace( /`/g, '``' ) + '`';
}

/**
 * Quotes a MariaDB string.
 *
 * @param {string} value Text.
 * @return {string} Quoted.
 */
function literal( value ) {
	return "'" + value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) + "'";
}

/**
 * Stops a server left running by an earlier, interrupted run on the same
 * data folder: InnoDB would refuse to open the folder twice.
 *
 * @param {string} dataDir Data folder.
 * @param {string} pidFile Its pid file.
 */
async function stopLeftover( dataDir, pidFile ) {
	let pid;
	try {
		pid = Number( fs.readFileSync( pidFile, 'utf8' ).trim() );
	} catch {
		return;
	}
	const command = commandLine( pid );
	if (
		isAlive( pid ) &&
		/mariadbd|mysqld/.test( command ) &&
		command.includes( dataDir )
	) {
		await stopMariaDB( { pid } );
	}
}

/**
 * Starts a private MariaDB server, initialising its data folder on first
 * use, and makes sure the WordPress database and user exist.
 *
 * @param {Object}                    options            Options.
 * @param {string}                    options.dataDir    Data folder (created when missing).
 * @param {string}                    [options.socket]   Socket path (derived from dataDir by default).
 * @param {string}                    [options.database] Database name.
 * @param {string}                    [options.user]     User for WordPress.
 * @param {string}                    [options.password] Its password.
 * @param {(message: string) => void} [options.log]      Progress logger.
 * @return {Promise<MariaDB>} The running server.
 */
export async function startMariaDB( {
	dataDir,
	socket,
	database = 'wordpress',
	user = 'wordpress',
	password = 'wordpress',
	log = defaultLog,
} ) {
	if ( ! dataDir ) {
		throw new Error( 'startMariaDB needs a dataDir.' );
	}
	dataDir = path.resolve( dataDir );
	socket = socket ?? socketPathFor( dataDir );
	const pidFile = path.join( dataDir, 'mariadb.pid' );
	const logFile = path.join( dataDir, 'mariadb.log' );
	const isRoot = process.getuid?.() === 0;
	// A temporary folder of its own: a server starting up deletes every
	// `#sql*` file in its temporary folder, so servers sharing the system's
	// would delete each other's temporary tables mid-query.
	// Beside the data folder, where a subfolder would count as a database.
	const tmpDir = `${ dataDir }-tmp`;
	fs.mkdirSync( tmpDir, { recursive: true } );

	if ( ! fs.existsSync( path.join( dataDir, 'mysql' ) ) ) {
		fs.mkdirSync( dataDir, { recursive: true } );
		await run( program( [ 'mariadb-install-db', 'mysql_install_db' ] ), [
			'--no-defaults',
			`--datadir=${ dataDir }`,
			`--tmpdir=${ tmpDir }`,
			...( isRoot ? [ '--user=root' ] : [] ),
			'--auth-root-authentication-method=socket',
			`--auth-root-socket-user=${ adminUser() }`,
			'--skip-test-db',
			'--skip-name-resolve',
		] ).catch( ( error ) => {
			fs.rmSync( path.join( dataDir, 'mysql' ), {
				recursive: true,
				force: true,
			} );
			throw error;
		} );
	} else {
		await stopLeftover( dataDir, pidFile );
	}
	fs.rmSync( socket, { force: true } );

	const out = fs.openSync( logFile, 'a' );
	const child = spawn(
		program( [ 'mariadbd', 'mysqld' ] ),
		[
			// The machine's /etc/mysql settings (socket, data folder) are not ours.
			'--no-defaults',
			`--datadir=${ dataDir }`,
			`--tmpdir=${ tmpDir }`,
			`--socket=${ socket }`,
			`--pid-file=${ pidFile }`,
			`--log-error=${ logFile }`,
			'--skip-networking',
			// Debian's own server defaults to utf8mb4; match it.
			'--character-set-server=utf8mb4',
			'--collation-server=utf8mb4_general_ci',
			...( isRoot ? [ '--user=root' ] : [] ),
		],
		// Own process group: a Ctrl-C meant for the caller must not kill
		// the database before the caller shuts it down cleanly.
		{ detached: true, stdio: [ 'ignore', out, out ] }
	);
	fs.closeSync( out );
	child.unref();
	let exited = null;
	child.once( 'exit', ( code, signal ) => {
		exited = signal ?? code;
	} );
	child.once( 'error', ( error ) => {
		exited = error.message;
	} );

	const server = {
		pid: child.pid,
		dataDir,
		socket,
		database,
		user,
		password,
		dbHost: `localhost:${ socket }`,
		logFile,
		stop: () => stopMariaDB( server ),
	};

	try {
		await waitFor(
			async () => {
				if ( exited !== null ) {
					throw new Error(
						`mariadbd exited (${ exited }) while starting:\n${ tailFile( logFile, 15 ) }`
					);
				}
				return answers( socket );
			},
			{ timeoutMs: 30000, what: `MariaDB on ${ socket }` }
		);
		await mariadbQuery(
			socket,
			[
				`CREATE DATABASE IF NOT EXISTS ${ identifier( database ) } CHARACTER SET utf8mb4;`,
				`CREATE USER IF NOT EXISTS ${ literal( user ) }@'localhost' IDENTIFIED BY ${ literal( password ) };`,
				`GRANT ALL PRIVILEGES ON ${ identifier( database ) }.* TO ${ literal( user ) }@'localhost';`,
			].join( '\n' )
		);
	} catch ( error ) {
		await stopMariaDB( server ).catch( () => {} );
		throw error;
	}
	log( `MariaDB is running on ${ socket }.` );
	return server;
}

/**
 * Shuts a private MariaDB server down cleanly (SIGTERM lets InnoDB flush)
 * and waits until its process is gone; kills it if it hangs.
 *
 * @param {{pid: number}} server            The server (only pid is needed).
 * @param {Object}        [options]         Options.
 * @param {number}        [options.graceMs] Time allowed for a clean shutdown.
 * @return {Promise<void>} Resolves when no process is left.
 */
export async function stopMariaDB( server, { graceMs = 30000 } = {} ) {
	if ( ! server?.pid ) {
		return;
	}
	await stopGroup( server.pid, { graceMs } );
}
