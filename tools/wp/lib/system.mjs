/**
 * The Debian packages a local WordPress needs: PHP with the extensions
 * WordPress and the importer use, MariaDB for production-like tests, and
 * Chromium for browser tests (Playwright's own browser download is not
 * reachable everywhere these tools run).
 */
import { defaultLog, findExecutable, run } from './proc.mjs';

export const SYSTEM_PACKAGES = Object.freeze( [
	'php-cli',
	'php-mysql',
	'php-sqlite3',
	'php-xml',
	'php-mbstring',
	'php-gd',
	'php-curl',
	'php-zip',
	'php-intl',
	'php-imagick',
	'mariadb-server',
	'mariadb-client',
	'chromium',
	'fonts-liberation',
	// WordPress's CA bundle is taken from here, and the Debian archive
	// keyring verifies the packages WordPress itself comes from.
	'ca-certificates',
	'debian-archive-keyring',
	// The SQLite integration plugin ships as a zip file.
	'unzip',
] );

let aptUpdated = false;

/**
 * Lists the packages of a set that are not installed.
 *
 * @param {string[]} packages Debian package names.
 * @return {Promise<string[]>} The missing ones.
 */
export async function missingPackages( packages = SYSTEM_PACKAGES ) {
	if ( ! findExecutable( 'dpkg-query' ) ) {
		throw new Error(
			'dpkg-query was not found: the local WordPress tools need Debian or a derivative (apt and dpkg).'
		);
	}
	// dpkg-query exits with 1 when some name is unknown; the output still lists the known ones.
	const { stdout } = await run(
		'dpkg-query',
		[ '-W', '-f=${Package}\t${db:Status-Abbrev}\n', ...packages ],
		{ allowFail: true }
	);
	const installed = new Set();
	for ( const line of stdout.split( '\n' ) ) {
		const [ name, status ] = line.split( '\t' );
		if ( name && status?.startsWith( 'ii' ) ) {
			installed.add( name.split( ':' )[ 0 ] );
		}
	}
	return packages.filter( ( name ) => ! installed.has( name ) );
}

/**
 * Installs the missing system packages (as root), or explains how to.
 * Prints nothing when everything is present.
 *
 * @param {Object}                    [options]          Options.
 * @param {string[]}                  [options.packages] Packages to ensure.
 * @param {(message: string) => void} [options.log]      Progress logger.
 * @return {Promise<string[]>} The packages that were installed.
 */
export async function ensureSystemPackages( {
	packages = SYSTEM_PACKAGES,
	log = defaultLog,
} = {} ) {
	const missing = await missingPackages( packages );
	if ( missing.length === 0 ) {
		return [];
	}
	const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${ missing.join(
		' '
	) }`;
	if ( process.getuid?.() !== 0 ) {
		throw new Error(
			`These Debian packages are missing: ${ missing.join(
				' '
			) }.\nInstall them as root, then run this again:\n  sudo sh -c '${ command }'`
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const started = Date.now();
	log( `Installing Debian packages: ${ missing.join( ' ' ) }` );
	if ( ! aptUpdated ) {
		await run( 'apt-get', [ 'update', '-q' ], { env } );
		aptUpdated = true;
	}
	await run(
		'apt-get',
		[
			'install',
			'-y',
			'-q',
			// Keep any locally changed configuration files without asking.
			'-o',
			'Dpkg::Options::=--force-confdef',
			'-o',
			'Dpkg::Options::=--force-confold',
			...missing,
		],
		{ env }
	);
	const still = await missingPackages( missing );
	if ( still.length > 0 ) {
		throw new Error(
			`apt-get finished but these packages are still missing: ${ still.join( ' ' ) }`
		);
	}
	log(
		`Installed ${ missing.length } packages in ${ (
			( Date.now() - started ) /
			1000
		).toFixed( 1 ) } s.`
	);
	return missing;
}
