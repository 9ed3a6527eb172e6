/**
 * Where `import` gets the application password: the environment, standard
 * input, or (for old scripts) the `--app-password` flag, which anyone on the
 * machine can read in the process list.
 */

/**
 * External dependencies
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export const PASSWORD_VARIABLE = 'SPACES_IMPORTER_APP_PASSWORD';

export const FLAG_WARNING = `Warning: a password given with --app-password can be read by every user of this machine in the process list. Set ${ PASSWORD_VARIABLE } or pipe the password to standard input instead.`;

export interface PasswordSources {
	/** The `--app-password` flag's value. */
	flag?: string;
	/** The environment. */
	env: NodeJS.ProcessEnv;
	/** Standard input. */
	stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
	/** Where the prompt and the warning go. */
	stderr: NodeJS.WritableStream;
}

/**
 * Asks on the terminal without showing what is typed.
 *
 * @param input  The terminal.
 * @param output Where the question goes.
 * @return What was typed.
 */
async function askHidden(
	input: NodeJS.ReadableStream,
	output: NodeJS.WritableStream
): Promise< string > {
	output.write( 'Application password (not shown): ' );
	const lines = createInterface( {
		input,
		output: new Writable( {
			write: ( _chunk, _encoding, done ) => done(),
		} ),
		terminal: true,
	} );
	const answer = await new Promise< string >( ( resolve ) => {
		lines.once( 'line', resolve );
		lines.once( 'close', () => resolve( '' ) );
	} );
	lines.close();
	output.write( '\n' );
	return answer;
}

/**
 * The first line piped to standard input.
 *
 * @param input Standard input.
 * @return The line, without its line break.
 */
async function firstLine( input: NodeJS.ReadableStream ): Promise< string > {
	let text = '';
	for await ( const chunk of input ) {
		text += chunk.toString();
		if ( text.includes( '\n' ) ) {
			break;
		}
	}
	return text.split( /\r?\n/ )[ 0 ];
}

/**
 * The application password: the flag (with a warning), else the
 * environment variable, else standard input (asked for on a terminal, the
 * first line when piped).
 *
 * @param sources Where to look.
 * @return The password, or '' when none was given.
 */
export async function readPassword(
	sources: PasswordSources
): Promise< string > {
	if ( sources.flag ) {
		sources.stderr.write( FLAG_WARNING + '\n' );
		return sources.flag;
	}
	const fromEnv = sources.env[ PASSWORD_VARIABLE ];
	if ( fromEnv ) {
		return fromEnv;
	}
	const password =
		'isTTY' in sources.stdin && sources.stdin.isTTY
			? await askHidden( sources.stdin, sources.stderr )
			: await firstLine( sources.stdin );
	return password.trim();
}
