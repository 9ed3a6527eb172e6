#!/usr/bin/env node
/**
 * The command line:
 * - `spaces-importer inspect <archive.zip|folder> [--json]` reads an archive
 *   the way the admin screen does and prints what it holds. Exit codes: 0
 *   posts were read; 2 the archive cannot be read (one line on stderr says
 *   why); 1 wrong usage.
 * - `spaces-importer import <archive> --url … --user … --app-password …`
 *   imports it into a WordPress site (see import-command.ts).
 */

/**
 * Internal dependencies
 */
import { isArchiveError } from '../archive';
import { IMPORT_USAGE, importCommand } from './import-command';
import { openArchive } from './open-archive';
import { summarize } from './summary';

const USAGE = `Usage: spaces-importer inspect <archive.zip|folder> [--json]

  inspect   Reads a Windows Live Spaces archive and prints what it holds:
            posts, comments, images found and missing, dates, categories
            and warnings.
  --json    Prints the whole model (without file bytes) as JSON instead.

${ IMPORT_USAGE }`;

async function main( argv: string[] ): Promise< number > {
	if ( argv[ 0 ] === 'import' ) {
		return importCommand( argv.slice( 1 ) );
	}
	const args = argv.filter( ( a ) => ! a.startsWith( '--' ) );
	const flags = new Set( argv.filter( ( a ) => a.startsWith( '--' ) ) );
	if ( flags.has( '--help' ) || args[ 0 ] === 'help' ) {
		process.stdout.write( USAGE + '\n' );
		return 0;
	}
	if ( args[ 0 ] !== 'inspect' || args.length !== 2 ) {
		process.stderr.write( USAGE + '\n' );
		return 1;
	}
	try {
		const { model } = await openArchive( args[ 1 ] );
		process.stdout.write(
			flags.has( '--json' )
				? JSON.stringify( model, null, 2 ) + '\n'
				: summarize( model ) + '\n'
		);
		return 0;
	} catch ( error ) {
		const message =
			isArchiveError( error ) || error instanceof Error
				? error.message
				: String( error );
		process.stderr.write( message.replace( /\s*\n\s*/g, ' ' ) + '\n' );
		return 2;
	}
}

main( process.argv.slice( 2 ) ).then(
	( code ) => {
		process.exitCode = code;
	},
	( error ) => {
		process.stderr.write( `${ String( error ) }\n` );
		process.exitCode = 2;
	}
);
