/**
 * Starts a real WordPress on MariaDB with the built plugin active, and
 * returns the teardown that stops it. Plain JavaScript, so that the project's
 * tooling loads as the ES modules it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createSite } from '../../../tools/wp/lib/site.mjs';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../..'
);

export default async function globalSetup() {
	if ( ! existsSync( path.join( root, 'build/admin.asset.php' ) ) ) {
		throw new Error(
			'The plugin is not built: run `npm run build` before the end-to-end tests.'
		);
	}
	// No folder given: the site makes its own and removes it when stopped.
	const site = await createSite( {
		db: 'mariadb',
		title: 'End to end',
		plugins: [ { slug: 'spaces-importer', path: root } ],
	} );
	process.env.SPACES_IMPORTER_SITE = JSON.stringify( {
		url: site.url,
		dir: site.dir,
		adminUser: site.adminUser,
		adminPassword: site.adminPassword,
		appPassword: site.appPassword,
	} );
	return async () => {
		await site.stop();
	};
}
