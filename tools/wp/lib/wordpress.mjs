/**
 * A pristine WordPress folder and the SQLite integration plugin, cached per
 * user and reused by every local site.
 *
 * WordPress comes from Debian's archive, which is reachable where
 * wordpress.org is not: the `wordpress` package of the next Debian release
 * is recent enough for bundles built by current @wordpress/scripts (they need
 * the `react-jsx-runtime` script of WordPress 6.6+), while the current
 * release's package is too old. The packages are only downloaded and
 * unpacked with a private apt configuration; nothing is installed.
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot } from './paths.mjs';
import { defaultLog, findExecutable, run } from './proc.mjs';

/** The Debian release whose WordPress is new enough. */
const DEBIAN_SUITE = 'trixie';

/**
 * Debian links some bundled libraries to its own packages; these packages
 * hold the link targets. They come from the same release as WordPress,
 * whose package requires their versions (getID3 1.9.23 is newer than the
 * current release's).
 */
const LINKED_LIBRARY_PACKAGES = [
	'libjs-lodash',
	'libjs-underscore',
	'libjs-cropper',
	'php-getid3',
];

const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const DEFAULT_ARCHIVE = {
	main: 'http://deb.debian.org/debian',
	security: 'http://deb.debian.org/debian-security',
};
const UPSTREAM_URL = 'https://wordpress.org/latest.tar.gz';
const MINIMUM_VERSION = [ 6, 6 ];

/**
 * Reads the version of a WordPress folder.
 *
 * @param {string} dir WordPress folder.
 * @return {string|null} Version such as "6.8.3", or null.
 */
export function wordPressVersion( dir ) {
	try {
		const text = fs.readFileSync(
			path.join( dir, 'wp-includes', 'version.php' ),
			'utf8'
		);
		return /\$wp_version\s*=\s*'([^']+)'/.exec( text )?.[ 1 ] ?? null;
	} catch {
		return null;
	}
}

/**
 * Whether a version string is at least MINIMUM_VERSION.
 *
 * @param {string} version Version.
 * @return {boolean} True when recent enough.
 */
function isRecentEnough( version ) {
	const [ major, minor ] = version.split( /[.-]/ ).map( Number );
	return (
		major > MINIMUM_VERSION[ 0 ] ||
		( major === MINIMUM_VERSION[ 0 ] && minor >= MINIMUM_VERSION[ 1 ] )
	);
}

/**
 * Whether a cached WordPress folder is complete and untouched.
 *
 * @param {string} dir Folder.
 * @return {boolean} True when usable.
 */
function isCompleteWordPress( dir ) {
	return (
		fs.existsSync( path.join( dir, 'wp-load.php' ) ) &&
		fs.existsSync( path.join( dir, 'wp-settings.php' ) ) &&
		! fs.existsSync( path.join( dir, 'wp-config.php' ) ) &&
		wordPressVersion( dir ) !== null
	);
}

/**
 * Lists the `deb` entries of the machine's apt sources, one-line and deb822.
 *
 * @return {{uris: string[], suites: string[]}[]} Entries.
 */
function readAptSources() {
	const entries = [];
	const files = [ '/etc/apt/sources.list' ];
	try {
		for ( const name of fs
			.readdirSync( '/etc/apt/sources.list.d' )
			.sort() ) {
			files.push( path.join( '/etc/apt/sources.list.d', name ) );
		}
	} catch {}
	for ( const file of files ) {
		let text;
		try {
			text = fs.readFileSync( file, 'utf8' );
		} catch {
			continue;
		}
		if ( file.endsWith( '.sources' ) ) {
			for ( const paragraph of text.split( /\n\s*\n/ ) ) {
				const fields = {};
				let key = null;
				for ( const line of paragraph.split( '\n' ) ) {
					if ( line.startsWith( '#' ) ) {
						continue;
					}
					const match = /^([\w-]+):\s*(.*)$/.exec( line );
					if ( match ) {
						key = match[ 1 ].toLowerCase();
						fields[ key ] = match[ 2 ];
					} else if ( key && /^\s/.test( line ) ) {
						fields[ key ] += ` ${ line.trim() }`;
					}
				}
				const types = ( fields.types ?? '' ).split( /\s+/ );
				if (
					! types.includes( 'deb' ) ||
					/^no$/i.test( fields.enabled ?? '' )
				) {
					continue;
				}
				entries.push( {
					uris: ( fields.uris ?? '' )
						.split( /\s+/ )
						.filter( Boolean ),
					suites: ( fields.suites ?? '' )
						.split( /\s+/ )
						.filter( Boolean ),
				} );
			}
		} else if ( file.endsWith( '.list' ) ) {
			for ( const raw of text.split( '\n' ) ) {
				const line = raw
					.replace( /#.*/, '' )
					.replace( /\[[^\]]*\]/, '' )
					.trim();
				const [ type, uri, suite ] = line.split( /\s+/ );
				if ( type === 'deb' && uri && suite ) {
					entries.push( { uris: [ uri ], suites: [ suite ] } );
				}
			}
		}
	}
	return entries;
}

/**
 * The codename of this Debian release, or null on other systems.
 *
 * @return {string|null} Codename such as "bookworm".
 */
function debianCodename() {
	try {
		const text = fs.readFileSync( '/etc/os-release', 'utf8' );
		if ( ! /^ID=["']?debian["']?$/m.test( text ) ) {
			return null;
		}
		return /^VERSION_CODENAME=["']?([\w-]+)/m.exec( text )?.[ 1 ] ?? null;
	} catch {
		return null;
	}
}

/**
 * The Debian archives to try, the machine's own mirror first: it is the
 * one known to be reachable (and may be the only one).
 *
 * @return {{main: string, security: string}[]} Archive base URLs.
 */
export function debianArchives() {
	const codename = debianCodename();
	let main = null;
	let security = null;
	if ( codename ) {
		for ( const entry of readAptSources() ) {
			for ( const uri of entry.uris ) {
				// A snapshot is frozen in time and would not have current packages.
				if (
					! /^https?:\/\//.test( uri ) ||
					uri.includes( 'snapshot.debian.org' )
				) {
					continue;
				}
				const base = uri.replace( /\/+$/, '' );
				if (
					! main &&
					entry.suites.some(
						( s ) => s === codename || s === `${ codename }-updates`
					)
				) {
					main = base;
				}
				if (
					! security &&
					entry.suites.includes( `${ codename }-security` )
				) {
					security = base;
				}
			}
		}
	}
	const candidates = [];
	if ( main ) {
		candidates.push( {
			main,
			security:
				security ??
				( main.endsWith( '/debian' )
					? `${ main }-security`
					: DEFAULT_ARCHIVE.security ),
		} );
	}
	if ( ! candidates.some( ( c ) => c.main === DEFAULT_ARCHIVE.main ) ) {
		candidates.push( DEFAULT_ARCHIVE );
	}
	return candidates;
}

/**
 * Downloads and unpacks the WordPress packages with a private apt setup.
 *
 * @param {string}                           work    Scratch folder.
 * @param {{main: string, security: string}} archive Archive URLs.
 * @return {Promise<{root: string, packages: Object<string,string>}>} Unpack root and versions.
 */
async function unpackFromDebian( work, archive ) {
	const apt = path.join( work, 'apt' );
	for ( const dir of [
		'lists/partial',
		'cache/archives/partial',
		'sources.list.d',
		'preferences.d',
	] ) {
		fs.mkdirSync( path.join( apt, dir ), { recursive: true } );
	}
	fs.writeFileSync(
		path.join( apt, 'sources.list' ),
		[
			`deb [signed-by=${ KEYRING }] ${ archive.main } ${ DEBIAN_SUITE } main`,
			`deb [signed-by=${ KEYRING }] ${ archive.security } ${ DEBIAN_SUITE }-security main`,
			'',
		].join( '\n' )
	);
	fs.writeFileSync( path.join( apt, 'preferences' ), '' );
	// The machine's own sources, pins and package lists stay untouched; its
	// apt.conf is kept so that a configured proxy still applies.
	const options = [
		[ 'Dir::Etc::SourceList', path.join( apt, 'sources.list' ) ],
		[ 'Dir::Etc::SourceParts', path.join( apt, 'sources.list.d' ) ],
		[ 'Dir::Etc::Preferences', path.join( apt, 'preferences' ) ],
		[ 'Dir::Etc::PreferencesParts', path.join( apt, 'preferences.d' ) ],
		[ 'Dir::State::Lists', path.join( apt, 'lists' ) ],
		[ 'Dir::Cache', path.join( apt, 'cache' ) ],
		// apt's download user cannot write into a private folder of root's.
		[ 'APT::Sandbox::User', 'root' ],
		[ 'Acquire::Languages', 'none' ],
	].flatMap( ( [ key, value ] ) => [ '-o', `${ key }=${ value }` ] );
	await run( 'apt-get', [ '-q', ...options, 'update' ] );
	const debs = path.join( work, 'debs' );
	fs.mkdirSync( debs );
	await run(
		'apt-get',
		[
			'-q',
			...options,
			'download',
			'wordpress',
			'wordpress-theme-twentytwentyfive',
			...LINKED_LIBRARY_PACKAGES,
		],
		{ cwd: debs }
	);
	const root = path.join( work, 'root' );
	const packages = {};
	for ( const name of fs.readdirSync( debs ) ) {
		if ( ! name.endsWith( '.deb' ) ) {
			continue;
		}
		const deb = path.join( debs, name );
		await run( 'dpkg-deb', [ '-x', deb, root ] );
		const { stdout } = await run( 'dpkg-deb', [
			'-f',
			deb,
			'Package',
			'Version',
		] );
		const pkg = /^Package:\s*(\S+)/m.exec( stdout )?.[ 1 ];
		const version = /^Version:\s*(\S+)/m.exec( stdout )?.[ 1 ];
		if ( pkg ) {
			packages[ pkg ] = version;
		}
	}
	return { root, packages };
}

/**
 * Every entry below a folder, depth first; links are listed, not followed.
 *
 * @param {string} dir Folder.
 * @yield {{entry: fs.Dirent, full: string}} Each entry and its path.
 */
function* walk( dir ) {
	const stack = [ dir ];
	while ( stack.length ) {
		const current = stack.pop();
		for ( const entry of fs.readdirSync( current, {
			withFileTypes: true,
		} ) ) {
			const full = path.join( current, entry.name );
			yield { entry, full };
			if ( entry.isDirectory() ) {
				stack.push( full );
			}
		}
	}
}

/**
 * Lists the symbolic links under a folder.
 *
 * @param {string} dir Folder.
 * @return {string[]} Paths of the links.
 */
function findSymlinks( dir ) {
	return [ ...walk( dir ) ]
		.filter( ( { entry } ) => entry.isSymbolicLink() )
		.map( ( { full } ) => full );
}

/**
 * Follows a link found in an unpacked package tree: absolute targets are
 * looked up in that tree first (they name where the package would be
 * installed), then on this machine.
 *
 * @param {string} root Unpack root.
 * @param {string} link Path of the link.
 * @return {string|null} A real file or folder, or null when dangling.
 */
function resolveInTree( root, link ) {
	let current = link;
	for ( let hops = 0; hops < 40; hops++ ) {
		let stat;
		try {
			stat = fs.lstatSync( current );
		} catch {
			return null;
		}
		if ( ! stat.isSymbolicLink() ) {
			return current;
		}
		const target = fs.readlinkSync( current );
		if ( path.isAbsolute( target ) ) {
			const inTree = path.join( root, target );
			current = fs.existsSync( inTree ) ? inTree : target;
		} else {
			current = path.resolve( path.dirname( current ), target );
		}
	}
	return null;
}

/**
 * Turns Debian's WordPress into a self-contained folder: its configuration
 * stub is removed and every link is replaced by a copy of its target.
 *
 * @param {string} root Unpack root.
 * @return {string} The WordPress folder inside root.
 */
function makeSelfContained( root ) {
	const wp = path.join( root, 'usr', 'share', 'wordpress' );
	// Debian's wp-config.php reads /etc/wordpress; each site writes its own.
	for ( const name of [ 'wp-config.php', '.htaccess' ] ) {
		fs.rmSync( path.join( wp, name ), { force: true } );
	}
	const dangling = [];
	for ( const link of findSymlinks( wp ) ) {
		const target = resolveInTree( root, link );
		if ( ! target ) {
			dangling.push(
				`${ path.relative( wp, link ) } -> ${ fs.readlinkSync( link ) }`
			);
			continue;
		}
		fs.rmSync( link );
		fs.cpSync( target, link, { recursive: true, dereference: true } );
	}
	if ( dangling.length ) {
		throw new Error(
			`Debian's WordPress links to files that are neither in the downloaded packages nor on this machine:\n  ${ dangling.join(
				'\n  '
			) }`
		);
	}
	return wp;
}

/**
 * Downloads WordPress from wordpress.org, for machines that can reach it.
 *
 * @param {string} work Scratch folder.
 * @return {Promise<string>} The unpacked WordPress folder.
 */
async function unpackFromWordPressOrg( work ) {
	const response = await fetch( UPSTREAM_URL, {
		signal: AbortSignal.timeout( 120000 ),
	} );
	if ( ! response.ok ) {
		throw new Error( `${ UPSTREAM_URL } answered ${ response.status }` );
	}
	const archive = path.join( work, 'latest.tar.gz' );
	fs.writeFileSync( archive, Buffer.from( await response.arrayBuffer() ) );
	const out = path.join( work, 'upstream' );
	fs.mkdirSync( out );
	await run( 'tar', [ 'xzf', archive, '-C', out ] );
	return path.join( out, 'wordpress' );
}

/**
 * Moves a finished folder into the cache. Another process may have won
 * the race meanwhile; its copy is as good as ours.
 *
 * @param {string}                   from       Finished folder.
 * @param {string}                   to         Cache path.
 * @param {(dir: string) => boolean} isComplete Checks a cached copy.
 */
function publish( from, to, isComplete ) {
	if ( fs.existsSync( to ) && ! isComplete( to ) ) {
		fs.rmSync( to, { recursive: true, force: true } );
	}
	try {
		fs.renameSync( from, to );
	} catch ( error ) {
		if ( ! isComplete( to ) ) {
			throw error;
		}
	}
}

/**
 * Returns a pristine WordPress folder (6.6 or newer), fetching it into the
 * cache the first time. Sites copy it; it must never be modified.
 *
 * @param {Object}                    [options]     Options.
 * @param {(message: string) => void} [options.log] Progress logger.
 * @return {Promise<string>} Absolute path of the cached WordPress folder.
 */
export async function ensureWordPress( { log = defaultLog } = {} ) {
	const target = path.join( cacheRoot(), 'wordpress' );
	if ( isCompleteWordPress( target ) ) {
		return target;
	}
	fs.mkdirSync( cacheRoot(), { recursive: true } );
	const started = Date.now();
	const work = fs.mkdtempSync( path.join( cacheRoot(), '.work-' ) );
	try {
		const failures = [];
		let folder = null;
		let source = null;
		if ( findExecutable( 'apt-get' ) && findExecutable( 'dpkg-deb' ) ) {
			for ( const archive of debianArchives() ) {
				const attempt = path.join(
					work,
					`debian-${ failures.length }`
				);
				fs.mkdirSync( attempt );
				log(
					`Fetching WordPress from Debian ${ DEBIAN_SUITE } (${ archive.main })…`
				);
				try {
					const { root, packages } = await unpackFromDebian(
						attempt,
						archive
					);
					folder = makeSelfContained( root );
					source = {
						from: `Debian ${ DEBIAN_SUITE }`,
						archive,
						packages,
					};
					break;
				} catch ( error ) {
					failures.push(
						`Debian ${ DEBIAN_SUITE } from ${ archive.main }: ${ error.message }`
					);
				}
			}
		} else {
			failures.push(
				'Debian archive: apt-get or dpkg-deb is not available'
			);
		}
		if ( ! folder ) {
			log( `Fetching WordPress from ${ UPSTREAM_URL }…` );
			try {
				folder = await unpackFromWordPressOrg( work );
				source = { from: UPSTREAM_URL };
			} catch ( error ) {
				failures.push( `${ UPSTREAM_URL }: ${ error.message }` );
			}
		}
		if ( ! folder ) {
			throw new Error(
				`Could not obtain WordPress:\n- ${ failures.join( '\n- ' ) }`
			);
		}
		const version = wordPressVersion( folder );
		if ( ! version || ! isRecentEnough( version ) ) {
			throw new Error(
				`The WordPress obtained (${ version ?? 'unknown version' }) is older than ${ MINIMUM_VERSION.join(
					'.'
				) }.`
			);
		}
		if ( findSymlinks( folder ).length ) {
			throw new Error(
				'The WordPress folder still contains symbolic links.'
			);
		}
		publish( folder, target, isCompleteWordPress );
		fs.writeFileSync(
			`${ target }.json`,
			JSON.stringify(
				{ version, ...source, fetchedAt: new Date().toISOString() },
				null,
				'\t'
			) + '\n'
		);
		log(
			`WordPress ${ version } cached in ${ target } (${ (
				( Date.now() - started ) /
				1000
			).toFixed( 1 ) } s).`
		);
		return target;
	} finally {
		fs.rmSync( work, { recursive: true, force: true } );
	}
}

/**
 * Whether a folder holds the SQLite integration plugin.
 *
 * @param {string} dir Folder.
 * @return {boolean} True when usable.
 */
function isSqlitePlugin( dir ) {
	return (
		fs.existsSync( path.join( dir, 'load.php' ) ) &&
		fs.existsSync( path.join( dir, 'db.copy' ) ) &&
		fs.existsSync( path.join( dir, 'wp-includes', 'sqlite', 'db.php' ) )
	);
}

/**
 * Finds a file by name below a folder.
 *
 * @param {string}                    dir  Folder.
 * @param {(name: string) => boolean} test Name test.
 * @return {string|null} First match.
 */
function findFile( dir, test ) {
	for ( const { entry, full } of walk( dir ) ) {
		if ( ! entry.isDirectory() && test( entry.name, full ) ) {
			return full;
		}
	}
	return null;
}

/**
 * The npm command of the running Node installation.
 *
 * @return {string} Path or name of npm.
 */
function npmCommand() {
	const beside = path.join( path.dirname( process.execPath ), 'npm' );
	return fs.existsSync( beside ) ? beside : 'npm';
}

/**
 * Returns the sqlite-database-integration plugin folder, cached. It is taken
 * from the npm package of WordPress Playground's CLI, which bundles it: npm's
 * registry is reachable where the WordPress plugin directory may not be.
 *
 * @param {Object}                    [options]     Options.
 * @param {(message: string) => void} [options.log] Progress logger.
 * @return {Promise<string>} Absolute path of the cached plugin folder.
 */
export async function ensureSqlitePlugin( { log = defaultLog } = {} ) {
	const target = path.join( cacheRoot(), 'sqlite-database-integration' );
	if ( isSqlitePlugin( target ) ) {
		return target;
	}
	fs.mkdirSync( cacheRoot(), { recursive: true } );
	const started = Date.now();
	const work = fs.mkdtempSync( path.join( cacheRoot(), '.work-' ) );
	try {
		log(
			'Fetching the SQLite integration plugin (npm pack @wp-playground/cli)…'
		);
		const { stdout } = await run(
			npmCommand(),
			[
				'pack',
				'@wp-playground/cli',
				'--json',
				'--pack-destination',
				work,
			],
			{ cwd: work }
		);
		const packed = JSON.parse( stdout.slice( stdout.indexOf( '[' ) ) )[ 0 ];
		const tarball = path.join( work, packed.filename );
		const unpacked = path.join( work, 'package' );
		fs.mkdirSync( unpacked );
		await run( 'tar', [ 'xzf', tarball, '-C', unpacked ] );
		const zip = findFile(
			unpacked,
			( name ) => name === 'sqlite-database-integration.zip'
		);
		if ( ! zip ) {
			throw new Error(
				`@wp-playground/cli@${ packed.version } no longer contains sqlite-database-integration.zip.`
			);
		}
		const extracted = path.join( work, 'zip' );
		await run( 'unzip', [ '-q', zip, '-d', extracted ] );
		const loader = findFile(
			extracted,
			( name, full ) =>
				name === 'load.php' && isSqlitePlugin( path.dirname( full ) )
		);
		if ( ! loader ) {
			throw new Error(
				'sqlite-database-integration.zip has an unexpected layout.'
			);
		}
		publish( path.dirname( loader ), target, isSqlitePlugin );
		const version =
			/^\s*\*\s*Version:\s*(\S+)/m.exec(
				fs.readFileSync( path.join( target, 'load.php' ), 'utf8' )
			)?.[ 1 ] ?? 'unknown';
		fs.writeFileSync(
			`${ target }.json`,
			JSON.stringify(
				{
					version,
					from: `@wp-playground/cli@${ packed.version }`,
					fetchedAt: new Date().toISOString(),
				},
				null,
				'\t'
			) + '\n'
		);
		log(
			`SQLite integration ${ version } cached in ${ target } (${ (
				( Date.now() - started ) /
				1000
			).toFixed( 1 ) } s).`
		);
		return target;
	} finally {
		fs.rmSync( work, { recursive: true, force: true } );
	}
}
