#!/usr/bin/env node
/**
 * The command line:
 * - `spaces-importer inspect <path>... [--json]` reads an archive (a zip, a
 *   folder, saved pages, web archives, feeds; several read as one) the way
 *   the admin screen does and prints what it holds. Exit codes: 0 read;
 *   2 the archive cannot be read (one line on stderr says why) or wrong
 *   usage.
 * - `spaces-importer import <path>... --url … --user …` imports it into a
 *   WordPress site (see import-command.ts): 0 done, 1 done but some items
 *   failed, 2 not done.
 */

/**
 * Internal dependencies
 */
import { isArchiveError } from '../archive';
import { IMPORT_USAGE, importCommand } from './import-command';
import { INSPECT_USAGE, parseInspectArgs } from './inspect-args';
import { openArchive } from './open-archive';
import { summarize } from './summary';

const USAGE = `${ INSPECT_USAGE }

${ IMPORT_USAGE }`;

async function main( argv: string[] ): Promise< number > {
	if ( argv[ 0 ] === 'import' ) {
		return importCommand( argv.slice( 1 ) );
	}
	const args = parseInspectArgs( argv );
	if ( args.command === 'help' ) {
		process.stdout.write( USAGE + '\n' );
		return 0;
	}
	if ( args.command === 'usage-error' ) {
		process.stderr.write( USAGE + '\n' );
		return 2;
	}
	try {
		const { model } = await openArchive( args.targets );
		process.stdout.write(
			args.json
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
