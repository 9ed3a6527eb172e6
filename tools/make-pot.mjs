/**
 * `npm run make-pot [-- <folder>]`: writes `spaces-importer.pot` (every
 * translatable string of the PHP, the TypeScript screens and block.json) to
 * `languages/`, or to another folder of the project.
 *
 * It runs `@wp-blocks/make-pot` with the project's settings, and gives it
 * WordPress's block.json translation schema up front: the tool fetches that
 * schema from the network, and its offline fallback loses block.json's
 * strings. So the `.pot` is the same with or without a network. WordPress
 * translates block.json's strings with their kind as context (`_x( title,
 * 'block title' )`); the tool writes the kind as a comment only, so it is
 * made the context here.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { po } from 'gettext-parser';

const require = createRequire( import.meta.url );
const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

const destination = process.argv[ 2 ] ?? 'languages';
if ( path.isAbsolute( destination ) || destination.startsWith( '..' ) ) {
	process.stderr.write(
		`make-pot: give a folder inside the project (got ${ destination }).\n`
	);
	process.exit( 2 );
}

const {
	JsonSchemaExtractor,
} = require( '@wp-blocks/make-pot/lib/extractors/schema.js' );
const blockI18n = require( '@wp-blocks/make-pot/lib/assets/block-i18n.js' );
JsonSchemaExtractor.schemaCache[ JsonSchemaExtractor.blockJsonSource ] =
	blockI18n.default;

const { getArgs } = require( '@wp-blocks/make-pot/lib/cli/getArgs.js' );
const { makePot } = require( '@wp-blocks/make-pot/lib/parser/makePot.js' );

process.chdir( root );
process.argv = [
	process.argv[ 0 ],
	'make-pot',
	'.',
	destination,
	'--slug=spaces-importer',
	'--domain=plugin',
	'--charset=utf-8',
	'--skip-audit',
	'--silent',
	'--headers=email:EMAIL@ADDRESS',
	// Built, generated and developer-only code holds no string a site shows.
	'--exclude=node_modules,vendor,build,dist,dist-bench,dist-cli,bench,tests,tools,test,artifacts,.wp-local,.wordpress-org',
];

const started = Date.now();
await makePot( getArgs() );
const file = path.join( root, destination, 'spaces-importer.pot' );
if ( ! existsSync( file ) || statSync( file ).mtimeMs < started - 1000 ) {
	process.stderr.write( `make-pot: ${ file } was not written.\n` );
	process.exit( 1 );
}
const catalog = po.parse( readFileSync( file ) );
const translations = catalog.translations;
for ( const [ context, entries ] of Object.entries( { ...translations } ) ) {
	for ( const [ msgid, entry ] of Object.entries( entries ) ) {
		const kind = entry.comments?.extracted;
		if ( ! msgid || ! kind || entry.comments?.reference !== 'block.json' ) {
			continue;
		}
		delete translations[ context ][ msgid ];
		translations[ kind ] ??= {};
		translations[ kind ][ msgid ] = { ...entry, msgctxt: kind };
	}
}
writeFileSync( file, po.compile( catalog, { foldLength: 79 } ) );
process.stdout.write( `Wrote ${ path.relative( root, file ) }\n` );
