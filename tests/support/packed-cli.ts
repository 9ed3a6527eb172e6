/**
 * The command line as a host installs it: packed by `npm run pack:cli` and
 * installed from the tarball into a prefix of its own, away from this
 * repository and its node_modules.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';

const root = nodePath.resolve( __dirname, '../..' );

/**
 * Packs the command line and installs the tarball globally into a
 * temporary prefix, offline from an empty cache, as the README tells hosts
 * to: whatever the package needed from the registry would fail, and sharp,
 * its one optional dependency, stays out (npm ignores --omit=optional for a
 * global install of a tarball).
 *
 * @return The installed `spaces-importer`, the tarball, the installed
 *         package's folder, and the folder holding it all.
 */
export function installPackedCli(): {
	bin: string;
	tarball: string;
	installed: string;
	scratch: string;
} {
	const scratch = mkdtempSync(
		nodePath.join( os.tmpdir(), 'spaces-packed-cli-' )
	);
	const pack = spawnSync(
		process.execPath,
		[ 'tools/cli-package.mjs', `--out=${ scratch }` ],
		{ cwd: root, encoding: 'utf8' }
	);
	const [ tarball ] = readdirSync( scratch ).filter( ( name ) =>
		/^spaces-importer-.*\.tgz$/.test( name )
	);
	if ( pack.status !== 0 || pack.stderr || ! tarball ) {
		throw new Error( `npm run pack:cli failed:\n${ pack.stderr }` );
	}
	const prefix = nodePath.join( scratch, 'prefix' );
	const install = spawnSync(
		'npm',
		[
			'install',
			'--global',
			'--prefix',
			prefix,
			'--offline',
			'--cache',
			nodePath.join( scratch, 'cache' ),
			'--no-audit',
			'--no-fund',
			nodePath.join( scratch, tarball ),
		],
		{ cwd: scratch, encoding: 'utf8' }
	);
	if ( install.status !== 0 ) {
		throw new Error( `The tarball did not install:\n${ install.stderr }` );
	}
	return {
		bin: nodePath.join( prefix, 'bin', 'spaces-importer' ),
		tarball: nodePath.join( scratch, tarball ),
		installed: nodePath.join( prefix, 'lib/node_modules/spaces-importer' ),
		scratch,
	};
}
