/**
 * `npm start`: a local WordPress with this plugin, plus the build watcher.
 *
 * Everything needed is installed or fetched on first use (Debian packages,
 * WordPress, the SQLite plugin, node modules, a first build). The site
 * lives in .wp-local/dev/ and keeps its content between runs.
 *
 * Options (or environment variables):
 *   --db=sqlite|mariadb   (WP_DB)    database; by default the existing
 *                                    site's, or SQLite for a new one
 *   --port=N              (WP_PORT)  port on 127.0.0.1; 8888 by default
 *   --fresh                          start over with a new, empty site
 *   --multisite                      a network of sites in sub-folders
 *                                    (MariaDB), with a second site whose
 *                                    administrator is not a super admin
 *   --no-watch                       do not run the build watcher
 *
 * Ctrl-C (or `npm run stop` from another terminal) stops everything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

import {
	DEV_SITE_DIR,
	isStarterRunning,
	readDevState,
	removeDevState,
	stopDev,
	writeDevState,
} from './lib/dev.mjs';
import { repoRoot } from './lib/paths.mjs';
import {
	describePortOwner,
	groupMembers,
	isPortFree,
	run,
	stopGroup,
} from './lib/proc.mjs';
import { createSite, createSubsite, readSiteRecord } from './lib/site.mjs';
import { ensureSystemPackages } from './lib/system.mjs';
import { ensureSqlitePlugin, ensureWordPress } from './lib/wordpress.mjs';

const USAGE = `Usage: npm start [-- --db=sqlite|mariadb] [--port=N] [--fresh] [--multisite] [--no-watch]`;

/**
 * Prints a line for the developer.
 *
 * @param {string} message Text.
 */
function say( message ) {
	process.stdout.write( `${ message }\n` );
}

/**
 * Reads the options.
 *
 * @return {{db: string, port: number, fresh: boolean, watch: boolean}} Options.
 */
function options() {
	const { values } = parseArgs( {
		options: {
			db: { type: 'string' },
			port: { type: 'string' },
			fresh: { type: 'boolean', default: false },
			multisite: { type: 'boolean', default: false },
			'no-watch': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	} );
	if ( values.help ) {
		say( USAGE );
		process.exit( 0 );
	}
	// Without a choice, an existing dev site keeps its database.
	const record = readSiteRecord( DEV_SITE_DIR );
	const multisite = values.multisite;
	const db =
		values.db ??
		( process.env.WP_DB ||
			( multisite ? 'mariadb' : null ) ||
			record?.db ||
			'sqlite' );
	if ( db !== 'sqlite' && db !== 'mariadb' ) {
		throw new Error(
			`--db must be sqlite or mariadb, not "${ db }".\n${ USAGE }`
		);
	}
	const port = Number( values.port ?? process.env.WP_PORT ?? 8888 );
	if ( ! Number.isInteger( port ) || port < 1 || port > 65535 ) {
		throw new Error(
			`Invalid port "${ values.port ?? process.env.WP_PORT }".`
		);
	}
	if ( multisite && db !== 'mariadb' ) {
		throw new Error(
			`A network of sites needs MariaDB: use --db=mariadb with --multisite.\n${ USAGE }`
		);
	}
	if (
		! values.fresh &&
		record?.installed &&
		Boolean( record.multisite ) !== multisite
	) {
		throw new Error(
			record.multisite
				? 'The dev site is a network of sites: start it with --multisite, or add --fresh to replace it with a single site (its content is lost).'
				: 'The dev site is a single site: start it without --multisite, or add --fresh to replace it with a network of sites (its content is lost).'
		);
	}
	return {
		db,
		port,
		fresh: values.fresh,
		multisite,
		watch: ! values[ 'no-watch' ],
	};
}

/**
 * Installs node modules when missing and builds the admin app once, so the
 * plugin has its script before the watcher's first build finishes.
 */
async function ensureBuild() {
	const wpScripts = path.join(
		repoRoot,
		'node_modules',
		'.bin',
		'wp-scripts'
	);
	if ( ! fs.existsSync( wpScripts ) ) {
		say( 'Installing node modules (npm ci)…' );
		await run( 'npm', [ 'ci' ], { cwd: repoRoot, inherit: true } );
	}
	if ( ! fs.existsSync( path.join( repoRoot, 'build', 'admin.js' ) ) ) {
		say( 'Building the admin app (wp-scripts build)…' );
		try {
			await run( wpScripts, [ 'build' ], {
				cwd: repoRoot,
				inherit: true,
			} );
		} catch ( error ) {
			say(
				`The build failed; the site starts anyway.\n${ error.message }`
			);
		}
	}
}

/**
 * Starts `wp-scripts start` in its own process group, its output prefixed.
 *
 * @return {import('node:child_process').ChildProcess} The watcher.
 */
function startWatcher() {
	const child = spawn(
		path.join( repoRoot, 'node_modules', '.bin', 'wp-scripts' ),
		[ 'start' ],
		{ cwd: repoRoot, detached: true, stdio: [ 'ignore', 'pipe', 'pipe' ] }
	);
	for ( const stream of [ child.stdout, child.stderr ] ) {
		readline
			.createInterface( { input: stream } )
			.on( 'line', ( line ) => say( `[build] ${ line }` ) );
	}
	return child;
}

/**
 * Starts everything and waits for a signal.
 */
async function main() {
	const { db, port, fresh, multisite, watch } = options();

	const previous = readDevState();
	if ( previous && isStarterRunning( previous ) ) {
		throw new Error(
			`The dev site is already running at ${ previous.url } (npm start, pid ${ previous.pid }). Stop it with: npm run stop`
		);
	}
	if ( previous ) {
		// An earlier run was killed without cleaning up.
		await stopDev( previous );
	}
	const record = readSiteRecord( DEV_SITE_DIR );
	if ( ! fresh && record?.installed && record.db !== db ) {
		throw new Error(
			`The dev site in .wp-local/dev uses ${ record.db }. Run "npm start -- --db=${ record.db }", or "npm start -- --fresh --db=${ db }" to replace it (its content is lost).`
		);
	}

	if ( ! ( await isPortFree( port ) ) ) {
		const owner = describePortOwner( port );
		throw new Error(
			`Port ${ port } is already in use${
				owner ? ` (${ owner })` : ''
			}. Choose another one: npm start -- --port=N (or WP_PORT=N).`
		);
	}

	await ensureSystemPackages();
	await ensureWordPress();
	if ( db === 'sqlite' ) {
		await ensureSqlitePlugin();
	}
	await ensureBuild();

	let site = null;
	let second = null;
	let watcher = null;
	let stopping = null;
	let startup = Promise.resolve();
	const shutdown = ( code ) => {
		stopping ??= ( async () => {
			say( '\nStopping the dev site…' );
			await startup.catch( () => {} );
			if ( watcher ) {
				await stopGroup( watcher.pid, { graceMs: 5000 } );
			}
			if ( site ) {
				await site.stop();
			}
			removeDevState( process.pid );
			say( 'Stopped.' );
			process.exit( code );
		} )();
		return stopping;
	};
	for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
		process.on( signal, () => shutdown( 0 ) );
	}

	startup = ( async () => {
		if ( watch ) {
			watcher = startWatcher();
			watcher.on( 'exit', ( code, signal ) => {
				if ( ! stopping ) {
					say(
						`The build watcher stopped (${
							signal ?? code
						}); the site keeps running.`
					);
				}
			} );
		}
		site = await createSite( {
			dir: DEV_SITE_DIR,
			db,
			port,
			reuse: ! fresh,
			title: 'Spaces Importer (dev)',
			plugins: [ { slug: 'spaces-importer', path: repoRoot } ],
			multisite,
			log: say,
		} );
		if ( multisite ) {
			second = await createSubsite( site, {
				slug: 'second',
				title: 'Second site',
				adminUser: 'siteadmin',
			} );
		}
	} )();
	try {
		await startup;
	} catch ( error ) {
		if ( watcher ) {
			await stopGroup( watcher.pid, { graceMs: 5000 } );
		}
		throw error;
	}
	if ( stopping ) {
		// Interrupted while starting: shutdown() takes it from here.
		return;
	}

	writeDevState( {
		pid: process.pid,
		url: site.url,
		dir: site.dir,
		db,
		port: site.port,
		serverPgid: site.serverPgid,
		mariadbPid: site.mariadb?.pid ?? null,
		watcherPgid: watcher?.pid ?? null,
		startedAt: new Date().toISOString(),
	} );

	const relative = ( file ) => path.relative( repoRoot, file );
	say(
		[
			'',
			`Spaces Importer dev site (${
				db === 'sqlite' ? 'SQLite' : 'MariaDB'
			}) is running:`,
			`  Site:       ${ site.url }/`,
			`  Dashboard:  ${ site.url }/wp-admin/`,
			`  Log in as:  ${ site.adminUser } / ${ site.adminPassword }`,
			`  Importer:   ${ site.url }/wp-admin/admin.php?import=spaces-importer`,
			`  REST:       curl -u ${ site.adminUser }:${ site.appPassword } ${ site.url }/wp-json/wp/v2/users/me`,
			...( second
				? [
						`  Network:    ${ site.url }/wp-admin/network/ (${ site.adminUser } is the super admin)`,
						`  Second site: ${ second.url }/wp-admin/admin.php?import=spaces-importer`,
						`    its administrator (not a super admin): ${ second.admin.login } / ${ second.admin.password }`,
						`    command line: npx spaces-importer import <archive> --url ${ second.url } --user ${ second.admin.login } --app-password "${ second.admin.appPassword }"`,
					]
				: [] ),
			`  PHP errors: ${ relative( site.debugLog ) }`,
			'Stop with Ctrl-C, or "npm run stop" from another terminal.',
			'',
		].join( '\n' )
	);

	// Nothing else keeps the process alive without the watcher; this also
	// notices a server that died.
	setInterval( () => {
		if ( ! stopping && groupMembers( site.serverPgid ).length === 0 ) {
			say( `PHP's server stopped unexpectedly; see ${ site.serverLog }` );
			shutdown( 1 );
		}
	}, 2000 );
}

main().catch( ( error ) => {
	process.stderr.write( `\n${ error.message }\n` );
	process.exit( 1 );
} );
