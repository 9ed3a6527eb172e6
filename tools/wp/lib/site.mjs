/**
 * Real local WordPress sites: a copy of the cached WordPress, SQLite or a
 * private MariaDB, and PHP's built-in server. Used by `npm start` and by the
 * integration and browser tests.
 *
 * Layout of a site folder:
 *   (WordPress)          the web root
 *   wp-config.php        rewritten on every start
 *   debug.log            PHP notices and errors (WP_DEBUG_LOG)
 *   .site/site.json      how the site was made: database, users, salts
 *   .site/router.php     router for PHP's built-in server
 *   .site/server.log     the server's own output
 *   .site/mail.log       mail WordPress would have sent
 *   .site/database/      the SQLite database, or
 *   .site/mariadb/       the MariaDB data folder
 * Paths starting with a dot are never served.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { socketPathFor, startMariaDB, stopMariaDB } from './mariadb.mjs';
import {
	commandLine,
	defaultLog,
	describePortOwner,
	freePort,
	groupMembers,
	isAlive,
	isPortFree,
	run,
	signalGroup,
	stopGroup,
	tail,
	tailFile,
	waitFor,
	waitForPortFree,
} from './proc.mjs';
import {
	CONFIGURE_PHP,
	INSTALL_PHP,
	MU_PLUGIN_PHP,
	NETWORK_PHP,
	RESULT_MARKER,
	ROUTER_PHP,
	STREAMS_PHP,
	phpString,
	requestPrelude,
	wpConfig,
} from './site-files.mjs';
import { ensureSystemPackages } from './system.mjs';
import { ensureSqlitePlugin, ensureWordPress } from './wordpress.mjs';

const HOST = '127.0.0.1';
const PERMALINKS = '/%year%/%monthnum%/%postname%/';
const SALT_NAMES = [
	'AUTH_KEY',
	'SECURE_AUTH_KEY',
	'LOGGED_IN_KEY',
	'NONCE_KEY',
	'AUTH_SALT',
	'SECURE_AUTH_SALT',
	'LOGGED_IN_SALT',
	'NONCE_SALT',
];
const SQLITE_SLUG = 'sqlite-database-integration';
const PHP_INI = [
	'-d',
	'upload_max_filesize=64M',
	'-d',
	'post_max_size=64M',
	'-d',
	'memory_limit=512M',
];

/**
 * @typedef {Object} PluginSource
 * @property {string} slug Folder name under wp-content/plugins.
 * @property {string} path Folder to link there.
 */

/**
 * @typedef {Object} Site
 * @property {string}                                             url           Address, without a trailing slash.
 * @property {number}                                             port          TCP port on 127.0.0.1.
 * @property {string}                                             dir           Site folder (the web root).
 * @property {'sqlite'|'mariadb'}                                 db            Database kind.
 * @property {string}                                             adminUser     Administrator login.
 * @property {string}                                             adminPassword Administrator password.
 * @property {string}                                             appPassword   Administrator application password (REST Basic auth).
 * @property {string}                                             debugLog      PHP error log.
 * @property {string}                                             mailLog       Mail that would have been sent (JSON lines).
 * @property {string}                                             serverLog     Output of PHP's built-in server.
 * @property {number}                                             serverPgid    Process group of the PHP server.
 * @property {Object|null}                                        mariadb       The MariaDB server, for db 'mariadb'.
 * @property {(options?: {removeDir?: boolean}) => Promise<void>} stop          Stops everything.
 */

/** Sites of this process that are still running, stopped if it exits abruptly. */
const running = new Set();
let exitHookInstalled = false;

/**
 * Makes sure a process that exits without stopping its sites (a crashed test
 * run) does not leave servers behind. Only synchronous work is possible here.
 */
function installExitHook() {
	if ( exitHookInstalled ) {
		return;
	}
	exitHookInstalled = true;
	process.once( 'exit', () => {
		for ( const site of running ) {
			signalGroup( site.serverPgid, 'SIGKILL' );
			if ( site.mariadb ) {
				// A clean shutdown finishes on its own after we are gone.
				signalGroup( site.mariadb.pid, 'SIGTERM' );
			}
		}
	} );
}

/**
 * Reads a site's record.
 *
 * @param {string} dir Site folder.
 * @return {Object|null} The record, or null when dir is not a site.
 */
export function readSiteRecord( dir ) {
	try {
		return JSON.parse(
			fs.readFileSync( path.join( dir, '.site', 'site.json' ), 'utf8' )
		);
	} catch {
		return null;
	}
}

/**
 * Writes a site's record.
 *
 * @param {string} dir    Site folder.
 * @param {Object} record Record.
 */
function writeSiteRecord( dir, record ) {
	fs.writeFileSync(
		path.join( dir, '.site', 'site.json' ),
		JSON.stringify( record, null, '\t' ) + '\n'
	);
}

/**
 * Random text for salts and passwords.
 *
 * @param {number} bytes Entropy in bytes.
 * @return {string} URL-safe text.
 */
function randomText( bytes ) {
	return crypto.randomBytes( bytes ).toString( 'base64url' );
}

/**
 * Runs a PHP script given as text.
 *
 * @param {string} dir   Site folder (working directory).
 * @param {string} code  PHP source, starting with `<?php`.
 * @param {Object} [env] Extra environment variables.
 * @return {Promise<import('./proc.mjs').RunResult>} Output.
 */
function runPhp( dir, code, env = {} ) {
	return run( 'php', [ ...PHP_INI, '-d', 'display_errors=stderr' ], {
		cwd: dir,
		input: code,
		env: { ...process.env, ...env },
	} );
}

/**
 * Runs one of the setup scripts and returns its JSON result.
 *
 * @param {string} dir   Site folder.
 * @param {string} code  Script.
 * @param {Object} setup Configuration passed as WP_LOCAL_SETUP.
 * @param {string} step  Name of the step, for errors.
 * @param {Object} [env] More environment variables.
 * @return {Promise<Object>} Result.
 */
async function runSetupScript( dir, code, setup, step, env = {} ) {
	let result;
	try {
		result = await runPhp( dir, code, {
			WP_LOCAL_SETUP: JSON.stringify( setup ),
			...env,
		} );
	} catch ( error ) {
		const log = tailFile( path.join( dir, 'debug.log' ), 15 );
		throw new Error(
			`${ step } failed.\n${ tail( error.stderr || error.message, 30 ) }${
				error.stdout?.trim()
					? `\nOutput:\n${ tail( error.stdout, 20 ) }`
					: ''
			}${ log ? `\nEnd of ${ path.join( dir, 'debug.log' ) }:\n${ log }` : '' }`
		);
	}
	const at = result.stdout.lastIndexOf( RESULT_MARKER );
	if ( at < 0 ) {
		throw new Error(
			`${ step } ended without a result.\nOutput:\n${ tail(
				result.stdout,
				30
			) }\n${ tail( result.stderr, 20 ) }`
		);
	}
	return {
		...JSON.parse( result.stdout.slice( at + RESULT_MARKER.length ) ),
		warnings: result.stderr.trim(),
	};
}

/**
 * Links the plugins into wp-content/plugins.
 *
 * @param {string}         dir     Site folder.
 * @param {PluginSource[]} plugins Plugins.
 */
function linkPlugins( dir, plugins ) {
	for ( const { slug, path: source } of plugins ) {
		if ( ! /^[a-z0-9][a-z0-9._-]*$/i.test( slug ?? '' ) ) {
			throw new Error( `Invalid plugin slug: ${ slug }` );
		}
		const target = path.resolve( source ?? '' );
		if (
			! source ||
			! fs.statSync( target, { throwIfNoEntry: false } )?.isDirectory()
		) {
			throw new Error( `Plugin ${ slug }: ${ source } is not a folder.` );
		}
		const link = path.join( dir, 'wp-content', 'plugins', slug );
		const existing = fs.lstatSync( link, { throwIfNoEntry: false } );
		if ( existing?.isSymbolicLink() ) {
			if (
				path.resolve(
					path.dirname( link ),
					fs.readlinkSync( link )
				) === target
			) {
				continue;
			}
			fs.rmSync( link );
		} else if ( existing ) {
			throw new Error(
				`${ link } is a real folder; it would have to be replaced by a link to ${ target }.`
			);
		}
		fs.symlinkSync( target, link, 'dir' );
	}
}

/**
 * Installs the SQLite drop-in, pointed at the site's own copy of the plugin.
 *
 * @param {string} dir    Site folder.
 * @param {string} cached Cached plugin folder.
 */
function installSqlite( dir, cached ) {
	const plugin = path.join( dir, 'wp-content', 'plugins', SQLITE_SLUG );
	fs.cpSync( cached, plugin, { recursive: true } );
	const dropIn = fs
		.readFileSync( path.join( plugin, 'db.copy' ), 'utf8' )
		.replaceAll( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', plugin )
		.replaceAll( '{SQLITE_PLUGIN}', `${ SQLITE_SLUG }/load.php` );
	fs.writeFileSync( path.join( dir, 'wp-content', 'db.php' ), dropIn );
	fs.mkdirSync( path.join( dir, '.site', 'database' ), { recursive: true } );
}

/**
 * Copies the cached WordPress into a site folder. cp is several times
 * faster than fs.cpSync on WordPress's thousands of small files.
 *
 * With `linkCore`, everything but wp-content is hard-linked instead: a
 * throwaway test site then costs a fraction of a second instead of
 * seconds, and WordPress never writes to its own core files (updates are
 * off). wp-content, which sites do write to, is always a real copy.
 *
 * @param {string}  from     Cached WordPress.
 * @param {string}  to       Existing site folder.
 * @param {boolean} linkCore Hard-link core files.
 * @return {Promise<void>} Resolves when copied.
 */
async function copyWordPress( from, to, linkCore ) {
	if ( linkCore ) {
		try {
			await run( 'cp', [ '-al', `${ from }/.`, to ] );
			fs.rmSync( path.join( to, 'wp-content' ), {
				recursive: true,
				force: true,
			} );
			await run( 'cp', [ '-a', path.join( from, 'wp-content' ), to ] );
			return;
		} catch {
			// Another file system than the cache's: copy instead.
			for ( const entry of fs.readdirSync( from ) ) {
				fs.rmSync( path.join( to, entry ), {
					recursive: true,
					force: true,
				} );
			}
		}
	}
	try {
		await run( 'cp', [ '-a', '--reflink=auto', `${ from }/.`, to ] );
	} catch {
		fs.cpSync( from, to, { recursive: true } );
	}
}

/**
 * Stops processes an interrupted earlier run may have left on a site folder.
 *
 * @param {string} dir Site folder.
 */
async function stopLeftovers( dir ) {
	const record = readSiteRecord( dir );
	if ( record?.processes ) {
		await stopSiteProcesses( { ...record.processes, dir } );
	}
}

/**
 * Stops the processes of a site started by another process (whose own
 * stop() is not reachable), after checking that they still are what was
 * recorded: process ids get reused.
 *
 * @param {Object} processes              Recorded processes.
 * @param {string} processes.dir          Site folder.
 * @param {number} [processes.serverPgid] PHP server process group.
 * @param {number} [processes.mariadbPid] MariaDB process.
 * @param {number} [processes.port]       Server port.
 * @return {Promise<void>} Resolves when they are gone.
 */
export async function stopSiteProcesses( {
	dir,
	serverPgid,
	mariadbPid,
	port,
} ) {
	if ( serverPgid ) {
		const ours = groupMembers( serverPgid ).some( ( pid ) => {
			const command = commandLine( pid );
			return /\bphp/.test( command ) && command.includes( dir );
		} );
		if ( ours ) {
			await stopGroup( serverPgid, { graceMs: 5000 } );
			if ( port ) {
				await waitForPortFree( port );
			}
		}
	}
	if ( mariadbPid && isAlive( mariadbPid ) ) {
		const command = commandLine( mariadbPid );
		if ( /mariadbd|mysqld/.test( command ) && command.includes( dir ) ) {
			await stopMariaDB( { pid: mariadbPid } );
		}
	}
}

/**
 * Starts PHP's built-in server on a site and waits until WordPress answers.
 *
 * @param {string} dir  Site folder.
 * @param {number} port Port.
 * @param {string} url  Site address.
 * @return {Promise<import('node:child_process').ChildProcess>} The server.
 */
async function startServer( dir, port, url ) {
	const serverLog = path.join( dir, '.site', 'server.log' );
	const out = fs.openSync( serverLog, 'a' );
	const child = spawn(
		'php',
		[
			...PHP_INI,
			'-S',
			`${ HOST }:${ port }`,
			'-t',
			dir,
			path.join( dir, '.site', 'router.php' ),
		],
		{
			cwd: dir,
			// Own process group (setsid): the workers the server forks must
			// be stopped with it, or they keep answering on the port.
			detached: true,
			stdio: [ 'ignore', out, out ],
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
		}
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
	try {
		const response = await waitFor(
			async () => {
				if ( exited !== null ) {
					throw new Error(
						`PHP's server exited (${ exited }):\n${ tailFile( serverLog, 10 ) }`
					);
				}
				try {
					return await fetch( `${ url }/wp-json/`, {
						redirect: 'manual',
						signal: AbortSignal.timeout( 10000 ),
					} );
				} catch {
					return null;
				}
			},
			{ timeoutMs: 30000, what: `WordPress at ${ url }` }
		);
		if ( response.status !== 200 ) {
			const body = await response.text();
			throw new Error(
				`${ url }/wp-json/ answered ${ response.status }:\n${ body.slice(
					0,
					500
				) }\n${ tailFile( path.join( dir, 'debug.log' ), 15 ) }`
			);
		}
		await response.arrayBuffer().catch( () => {} );
	} catch ( error ) {
		await stopGroup( child.pid, { graceMs: 2000 } );
		throw error;
	}
	return child;
}

/**
 * Creates (or, with `reuse`, restarts) a local WordPress site and serves it.
 * Everything it needs is installed or fetched first.
 *
 * @param {Object}                    [options]               Options.
 * @param {string}                    [options.dir]           Site folder; a new temporary folder by default.
 *                                                            An existing folder must be empty or a site made here.
 * @param {'sqlite'|'mariadb'}        [options.db]            Database.
 * @param {number}                    [options.port]          Port on 127.0.0.1; 0 or missing picks a free one.
 * @param {string}                    [options.title]         Site title.
 * @param {PluginSource[]}            [options.plugins]       Plugins to link and activate.
 * @param {boolean}                   [options.reuse]         Keep an existing site (content, users) instead of
 *                                                            starting over.
 * @param {boolean}                   [options.linkCore]      Hard-link WordPress's core files from the cache
 *                                                            instead of copying them (faster); by default
 *                                                            for sites that are not reused. Do not edit core
 *                                                            files of such a site: the cache would change.
 * @param {string}                    [options.adminUser]     Administrator login.
 * @param {string}                    [options.adminPassword] Administrator password.
 * @param {boolean}                   [options.multisite]     A network of sites in sub-folders (MariaDB only);
 *                                                            the plugins are network-activated.
 * @param {(message: string) => void} [options.log]           Progress logger.
 * @return {Promise<Site>} The running site.
 */
export async function createSite( {
	dir,
	db = 'sqlite',
	port = 0,
	title = 'Spaces Importer',
	plugins = [],
	reuse = false,
	linkCore = ! reuse,
	adminUser = 'admin',
	adminPassword = 'password',
	multisite = false,
	log = defaultLog,
} = {} ) {
	if ( db !== 'sqlite' && db !== 'mariadb' ) {
		throw new Error( `Unknown database "${ db }": use sqlite or mariadb.` );
	}
	if ( multisite && db !== 'mariadb' ) {
		throw new Error(
			'A network of sites (multisite) needs MariaDB: the SQLite database does not support it.'
		);
	}
	await ensureSystemPackages( { log } );
	const wordpress = await ensureWordPress( { log } );
	const sqlite = db === 'sqlite' ? await ensureSqlitePlugin( { log } ) : null;

	if ( port ) {
		if ( ! ( await isPortFree( port ) ) ) {
			const owner = describePortOwner( port );
			throw new Error(
				`Port ${ port } on ${ HOST } is already in use${
					owner ? ` (${ owner })` : ''
				}. Stop that process or choose another port.`
			);
		}
	} else {
		port = await freePort( HOST );
	}
	const url = `http://${ HOST }:${ port }`;
	const temporary = ! dir;
	dir = dir
		? path.resolve( dir )
		: fs.mkdtempSync( path.join( os.tmpdir(), 'spaces-importer-site-' ) );

	// Fresh copy, or reuse of an existing site.
	let record = readSiteRecord( dir );
	const nonEmpty = fs.existsSync( dir ) && fs.readdirSync( dir ).length > 0;
	if ( nonEmpty && ! record ) {
		throw new Error(
			`${ dir } is not empty and is not a site made by these tools; it was left alone.`
		);
	}
	if ( record ) {
		await stopLeftovers( dir );
	}
	const fresh = ! (
		reuse &&
		record?.installed &&
		fs.existsSync( path.join( dir, 'wp-settings.php' ) )
	);
	if ( ! fresh && Boolean( record.multisite ) !== multisite ) {
		throw new Error(
			`The site in ${ dir } is ${
				record.multisite ? 'a network of sites' : 'a single site'
			}. Start it as it is, or start over with a fresh site.`
		);
	}
	if ( ! fresh && record.db !== db ) {
		throw new Error(
			`The site in ${ dir } uses ${ record.db }, not ${ db }. Start it with ${ record.db }, or start over with a fresh site.`
		);
	}
	if ( fresh ) {
		if ( nonEmpty ) {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
		// The record comes first: it marks the folder as ours even if
		// creating the site fails half-way, so the next run may replace it.
		fs.mkdirSync( path.join( dir, '.site' ), { recursive: true } );
		record = {
			db,
			title,
			adminUser,
			adminPassword,
			adminEmail: `${ adminUser }@example.test`,
			salts: Object.fromEntries(
				SALT_NAMES.map( ( name ) => [ name, randomText( 48 ) ] )
			),
			createdAt: new Date().toISOString(),
			installed: false,
			multisite,
		};
		writeSiteRecord( dir, record );
		await copyWordPress( wordpress, dir, linkCore );
		if ( sqlite ) {
			installSqlite( dir, sqlite );
		}
	}
	// Written on every start so that a site made by older tools gets the current ones.
	fs.writeFileSync( path.join( dir, '.site', 'router.php' ), ROUTER_PHP );
	if ( multisite ) {
		fs.writeFileSync( path.join( dir, '.site', 'multisite' ), '' );
	}
	fs.mkdirSync( path.join( dir, 'wp-content', 'mu-plugins' ), {
		recursive: true,
	} );
	fs.writeFileSync(
		path.join( dir, 'wp-content', 'mu-plugins', 'local-site.php' ),
		MU_PLUGIN_PHP
	);
	linkPlugins( dir, plugins );

	let mariadb = null;
	let server = null;
	const site = {
		url,
		port,
		dir,
		db,
		adminUser: record.adminUser,
		adminPassword: record.adminPassword,
		appPassword: null,
		debugLog: path.join( dir, 'debug.log' ),
		mailLog: path.join( dir, '.site', 'mail.log' ),
		serverLog: path.join( dir, '.site', 'server.log' ),
		serverPgid: null,
		mariadb: null,
		stop: null,
	};
	let stopping = null;
	site.stop = ( { removeDir = temporary } = {} ) => {
		stopping ??= ( async () => {
			running.delete( site );
			if ( server ) {
				await stopGroup( server.pid, { graceMs: 5000 } );
				await waitForPortFree( port );
			}
			if ( mariadb ) {
				await mariadb.stop();
			}
			if ( record.processes ) {
				delete record.processes;
				writeSiteRecord( dir, record );
			}
			if ( removeDir ) {
				fs.rmSync( dir, { recursive: true, force: true } );
			}
		} )();
		return stopping;
	};

	try {
		if ( db === 'mariadb' ) {
			mariadb = await startMariaDB( {
				dataDir: path.join( dir, '.site', 'mariadb' ),
				socket: socketPathFor( path.join( dir, '.site', 'mariadb' ) ),
				log: () => {},
			} );
			site.mariadb = mariadb;
			record.processes = { mariadbPid: mariadb.pid };
			writeSiteRecord( dir, record );
			running.add( site );
			installExitHook();
		}
		fs.writeFileSync(
			path.join( dir, 'wp-config.php' ),
			wpConfig( { url, db, mariadb, salts: record.salts, multisite } )
		);
		// Before the network exists (and while its address is an old one),
		// WordPress is loaded as a single site.
		const single = multisite ? { WP_LOCAL_SINGLE_SITE: '1' } : {};
		const setup = {
			dir,
			host: `${ HOST }:${ port }`,
			title: record.title,
			adminUser: record.adminUser,
			adminPassword: record.adminPassword,
			adminEmail: record.adminEmail,
			appPasswordUuid: record.appPasswordUuid ?? null,
			permalinks: PERMALINKS,
			fresh,
			multisite,
			plugins: [
				...( sqlite ? [ SQLITE_SLUG ] : [] ),
				...plugins.map( ( p ) => p.slug ),
			],
		};
		if ( fresh ) {
			await runSetupScript(
				dir,
				INSTALL_PHP,
				setup,
				'Installing WordPress',
				single
			);
			record.installed = true;
			writeSiteRecord( dir, record );
		}
		if ( multisite ) {
			await runSetupScript(
				dir,
				NETWORK_PHP,
				setup,
				'Setting up the network of sites',
				single
			);
		}
		const configured = await runSetupScript(
			dir,
			CONFIGURE_PHP,
			setup,
			'Configuring the site'
		);
		if ( configured.app ) {
			record.appPassword = configured.app.password;
			record.appPasswordUuid = configured.app.uuid;
		}
		if ( ! configured.passwordMatches ) {
			log(
				`Note: the password of ${ record.adminUser } was changed on this site; it is no longer "${ record.adminPassword }".`
			);
		}
		if ( configured.warnings ) {
			log(
				`PHP reported while setting up the site:\n${ tail( configured.warnings, 20 ) }`
			);
		}
		site.appPassword = record.appPassword;
		record.url = url;
		record.port = port;
		record.plugins = plugins;
		writeSiteRecord( dir, record );

		server = await startServer( dir, port, url );
		site.serverPgid = server.pid;
		record.processes = {
			serverPgid: server.pid,
			mariadbPid: mariadb?.pid ?? null,
			port,
		};
		writeSiteRecord( dir, record );
		running.add( site );
		installExitHook();
	} catch ( error ) {
		await site.stop( { removeDir: temporary } ).catch( () => {} );
		throw error;
	}
	return site;
}

/**
 * Runs PHP code inside a site's WordPress (as a CLI script loading its
 * wp-load.php) and returns what it printed. PHP errors go to stderr and
 * make the promise reject. No user is logged in: call wp_set_current_user()
 * when capabilities matter.
 *
 * @param {Site|{dir: string, url?: string}} site    The site.
 * @param {string}                           phpCode PHP statements; a leading `<?php` is optional.
 * @return {Promise<string>} Standard output.
 */
export async function wpEval( site, phpCode ) {
	const dir = site.dir;
	const url = site.url ?? readSiteRecord( dir )?.url ?? `http://${ HOST }`;
	const host = new URL( url ).host;
	const code = String( phpCode ).replace( /^\s*<\?php/, '' );
	// One prelude line keeps the caller's line numbers off by exactly one.
	const prelude = `<?php ${ STREAMS_PHP } ${ requestPrelude( host ) } require ${ phpString(
		path.join( dir, 'wp-load.php' )
	) }; ini_set( 'display_errors', 'stderr' );\n`;
	const { stdout } = await runPhp( dir, prelude + code );
	return stdout;
}

/**
 * Creates a user with an application password.
 *
 * @param {Site}   site            The site.
 * @param {Object} options         Options.
 * @param {string} options.login   Login name.
 * @param {string} [options.role]  Role, such as subscriber, author, editor.
 * @param {string} [options.email] E-mail address.
 * @return {Promise<{id: number, login: string, password: string, appPassword: string}>} The user.
 */
export async function createUser(
	site,
	{ login, role = 'subscriber', email }
) {
	const args = {
		login,
		role,
		email: email ?? `${ login }@example.test`,
		password: randomText( 12 ),
	};
	const encoded = Buffer.from( JSON.stringify( args ) ).toString( 'base64' );
	const output = await wpEval(
		site,
		`
$args = json_decode( base64_decode( '${ encoded }' ), true );
if ( ! get_role( $args['role'] ) ) {
	fwrite( STDERR, 'Unknown role: ' . $args['role'] . "\\n" );
	exit( 1 );
}
$id = wp_insert_user(
	array(
		'user_login' => $args['login'],
		'user_pass'  => $args['password'],
		'user_email' => $args['email'],
		'role'       => $args['role'],
	)
);
if ( is_wp_error( $id ) ) {
	fwrite( STDERR, 'Creating the user failed: ' . $id->get_error_message() . "\\n" );
	exit( 1 );
}
$created = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'Local tools' ) );
if ( is_wp_error( $created ) ) {
	fwrite( STDERR, 'Creating an application password failed: ' . $created->get_error_message() . "\\n" );
	exit( 1 );
}
echo "\\n" . wp_json_encode( array( 'id' => $id, 'appPassword' => $created[0] ) );
`
	);
	const result = JSON.parse( output.trim().split( '\n' ).pop() );
	return {
		id: result.id,
		login,
		password: args.password,
		appPassword: result.appPassword,
	};
}

/**
 * Adds a site to a network made with `multisite: true`, with an
 * administrator of that site alone (not a super admin) who has an
 * application password.
 *
 * @param {Site}   site              The network's main site.
 * @param {Object} options           Options.
 * @param {string} options.slug      Sub-folder of the new site.
 * @param {string} [options.title]   Its title.
 * @param {string} options.adminUser Login of its administrator.
 * @return {Promise<{id: number, url: string, admin: {id: number, login: string, password: string, appPassword: string}}>} The new site.
 */
export async function createSubsite( site, { slug, title = slug, adminUser } ) {
	const args = {
		slug,
		title,
		login: adminUser,
		email: `${ adminUser }@example.test`,
		password: randomText( 12 ),
	};
	const encoded = Buffer.from( JSON.stringify( args ) ).toString( 'base64' );
	const output = await wpEval(
		site,
		`
$args = json_decode( base64_decode( '${ encoded }' ), true );
if ( ! is_multisite() ) {
	fwrite( STDERR, "This site is not a network of sites.\\n" );
	exit( 1 );
}
$network = get_network();
$user_id = username_exists( $args['login'] );
if ( $user_id ) {
	wp_set_password( $args['password'], $user_id );
} else {
	$user_id = wpmu_create_user( $args['login'], $args['password'], $args['email'] );
	if ( ! $user_id ) {
		fwrite( STDERR, 'Creating the user ' . $args['login'] . " failed.\\n" );
		exit( 1 );
	}
}
$blog_id = get_blog_id_from_url( $network->domain, $network->path . $args['slug'] . '/' );
if ( ! $blog_id ) {
	$blog_id = wpmu_create_blog( $network->domain, $network->path . $args['slug'] . '/', $args['title'], $user_id, array( 'public' => 1 ), $network->id );
	if ( is_wp_error( $blog_id ) ) {
		fwrite( STDERR, 'Creating the site failed: ' . $blog_id->get_error_message() . "\\n" );
		exit( 1 );
	}
}
add_user_to_blog( $blog_id, $user_id, 'administrator' );
switch_to_blog( $blog_id );
update_option( 'show_avatars', 0 );
update_option( 'permalink_structure', '/%year%/%monthnum%/%postname%/' );
delete_option( 'rewrite_rules' );
restore_current_blog();
$site = get_site( $blog_id );
$url  = 'http://' . $site->domain . untrailingslashit( $site->path );
$created = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'Local tools' ) );
if ( is_wp_error( $created ) ) {
	fwrite( STDERR, 'Creating an application password failed: ' . $created->get_error_message() . "\\n" );
	exit( 1 );
}
echo "\\n" . wp_json_encode( array( 'id' => (int) $blog_id, 'url' => $url, 'userId' => (int) $user_id, 'appPassword' => $created[0] ) );
`
	);
	const result = JSON.parse( output.trim().split( '\n' ).pop() );
	return {
		id: result.id,
		url: result.url,
		admin: {
			id: result.userId,
			login: adminUser,
			password: args.password,
			appPassword: result.appPassword,
		},
	};
}
