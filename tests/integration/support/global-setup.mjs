/**
 * Starts the suite's WordPress sites, each on its own MariaDB, and tells the
 * tests where they are through environment variables:
 * - one site with the plugin active and users of several roles;
 * - a network of sites in sub-folders with the plugin network-activated and
 *   a second site whose administrator is not a super admin.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	createSite,
	createSubsite,
	createUser,
} from '../../../tools/wp/lib/site.mjs';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../..'
);
const plugins = [ { slug: 'spaces-importer', path: root } ];

async function startSite() {
	// No folder given: the site makes its own and removes it when stopped.
	const site = await createSite( {
		db: 'mariadb',
		title: 'Integration',
		plugins,
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

async function startNetwork() {
	const network = await createSite( {
		db: 'mariadb',
		title: 'Integration network',
		plugins,
		multisite: true,
	} );
	globalThis.spacesImporterNetwork = network;
	const second = await createSubsite( network, {
		slug: 'second',
		title: 'Second site',
		adminUser: 'siteadmin',
	} );
	process.env.SPACES_IMPORTER_NETWORK = JSON.stringify( {
		url: network.url,
		dir: network.dir,
		sub: {
			id: second.id,
			url: second.url,
			admin: {
				login: second.admin.login,
				appPassword: second.admin.appPassword,
			},
		},
	} );
}

/**
 * Starts one of the sites, and once more if the first attempt fails (a
 * database that did not come up on a busy machine), saying why.
 *
 * @param {string}              what  Which site, for the message.
 * @param {() => Promise<void>} start Starts it.
 * @param {string}              key   Where it keeps the started site.
 */
async function withSecondChance( what, start, key ) {
	try {
		await start();
	} catch ( error ) {
		process.stderr.write(
			`\nStarting the ${ what } failed, trying once more: ${
				error?.stack ?? error
			}\n`
		);
		await globalThis[ key ]?.stop().catch( () => {} );
		globalThis[ key ] = undefined;
		await start();
	}
}

export default async function globalSetup() {
	const started = await Promise.allSettled( [
		withSecondChance( 'test site', startSite, 'spacesImporterSite' ),
		withSecondChance(
			'network of sites',
			startNetwork,
			'spacesImporterNetwork'
		),
	] );
	const failed = started.find( ( result ) => result.status === 'rejected' );
	if ( failed ) {
		await Promise.allSettled( [
			globalThis.spacesImporterSite?.stop(),
			globalThis.spacesImporterNetwork?.stop(),
		] );
		throw failed.reason;
	}
}
