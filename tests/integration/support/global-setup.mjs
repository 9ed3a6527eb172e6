/**
 * Starts one real WordPress on MariaDB for the whole integration suite, with
 * the plugin active and users of several roles, and tells the tests where
 * it is through an environment variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createSite, createUser } from '../../../tools/wp/lib/site.mjs';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../..'
);

export default async function globalSetup() {
	// No folder given: the site makes its own and removes it when stopped.
	const site = await createSite( {
		db: 'mariadb',
		title: 'Integration',
		plugins: [ { slug: 'spaces-importer', path: root } ],
	} );
	globalThis.spacesImporterSite = site;
	const subscriber = await createUser( site, {
		login: 'subscriber',
		role: 'subscriber',
	} );
	const author = await createUser( site, {
		login: 'author',
		role: 'author',
	} );
	process.env.SPACES_IMPORTER_SITE = JSON.stringify( {
		url: site.url,
		dir: site.dir,
		admin: { login: site.adminUser, appPassword: site.appPassword },
		subscriber,
		author,
	} );
}
