/**
 * A translation reaches the importer's screen: a small German `.po` (kept in
 * tests/e2e/i18n/) is compiled to the `.mo` WordPress loads for the PHP and
 * to the JSON file `wp_set_script_translations` loads for the screen's
 * script (named by the MD5 of the script's path in the plugin), put where
 * language packs go, and the site is switched to German.
 */

/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mo, po } from 'gettext-parser';

/**
 * Internal dependencies
 */
import { e2eSite, root } from './support/fixtures';
import { logIn } from './support/wp';

const LOCALE = 'de_DE';
const DOMAIN = 'spaces-importer';
const written: string[] = [];

function write( file: string, bytes: string | Buffer ) {
	mkdirSync( path.dirname( file ), { recursive: true } );
	writeFileSync( file, bytes );
	written.push( file );
}

test.beforeAll( () => {
	const content = path.join( e2eSite().dir, 'wp-content' );
	const catalog = po.parse(
		readFileSync(
			path.join( root, `tests/e2e/i18n/${ DOMAIN }-${ LOCALE }.po` )
		)
	);
	const languages = path.join( content, 'languages', 'plugins' );
	// The PHP strings.
	write(
		path.join( languages, `${ DOMAIN }-${ LOCALE }.mo` ),
		mo.compile( catalog )
	);
	// The script's strings, in the Jed format WordPress hands to wp.i18n.
	const messages: Record< string, unknown > = {
		'': {
			domain: 'messages',
			lang: LOCALE,
			'plural-forms': catalog.headers[ 'Plural-Forms' ],
		},
	};
	for ( const [ msgid, entry ] of Object.entries(
		catalog.translations[ '' ]
	) ) {
		if ( msgid ) {
			messages[ msgid ] = entry.msgstr;
		}
	}
	const script = 'build/admin.js';
	const hash = createHash( 'md5' ).update( script ).digest( 'hex' );
	write(
		path.join( languages, `${ DOMAIN }-${ LOCALE }-${ hash }.json` ),
		JSON.stringify( { domain: 'messages', locale_data: { messages } } )
	);
	// The site in German.
	write(
		path.join( content, 'mu-plugins', 'spaces-e2e-locale.php' ),
		`<?php\nadd_filter( 'locale', function () { return '${ LOCALE }'; } );\n`
	);
} );

test.afterAll( () => {
	for ( const file of written ) {
		rmSync( file, { force: true } );
	}
} );

test( 'the importer screen shows the translation of its PHP and its script', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto(
		`${ e2eSite().url }/wp-admin/admin.php?import=spaces-importer`
	);
	// From PHP (load_plugin_textdomain and the .mo).
	await expect(
		page.getByRole( 'heading', {
			name: 'Aus Windows Live Spaces importieren',
		} )
	).toBeVisible();
	// From the script (wp_set_script_translations and the JSON).
	await expect(
		page.getByRole( 'button', { name: 'Dateien auswählen …' } )
	).toBeVisible();
	await expect(
		page.getByRole( 'button', { name: 'Einen Ordner auswählen …' } )
	).toBeVisible();
	await expect(
		page.getByRole( 'button', { name: 'Choose files…' } )
	).toHaveCount( 0 );
} );
