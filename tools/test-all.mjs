/**
 * `npm test`: every check the project has, in order, each one reported.
 * Runs them all even when one fails, then exits non-zero if any did.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

const steps = [
	// PHP, MariaDB, Chromium and WordPress, installed when missing, so the
	// README's `npm install && npm test` works on a fresh machine.
	[ 'set-up', 'node', [ 'tools/wp/setup.mjs' ] ],
	[ 'type check', 'npm', [ 'run', '--silent', 'typecheck' ] ],
	[ 'lint (JS/TS)', 'npm', [ 'run', '--silent', 'lint:js' ] ],
	[ 'lint (PHP)', 'npm', [ 'run', '--silent', 'lint:php' ] ],
	[ 'unit tests', 'npm', [ 'run', '--silent', 'test:unit' ] ],
	[ 'build', 'npm', [ 'run', '--silent', 'build' ] ],
	[ 'integration tests', 'npm', [ 'run', '--silent', 'test:integration' ] ],
	[ 'end-to-end tests', 'npm', [ 'run', '--silent', 'test:e2e' ] ],
];

/** How much of a failed step's output the summary repeats. */
const TAIL_LINES = 40;

/**
 * Runs one step, passing its output through and keeping the last lines.
 *
 * @param {string}   command Program.
 * @param {string[]} args    Its arguments.
 * @return {Promise<{status: number|null, tail: string[]}>} How it ended.
 */
function runStep( command, args ) {
	return new Promise( ( resolve ) => {
		const child = spawn( command, args, {
			cwd: root,
			stdio: [ 'inherit', 'pipe', 'pipe' ],
		} );
		let tail = [];
		const keep = ( chunk ) => {
			tail = tail
				.concat( chunk.toString( 'utf8' ).split( '\n' ) )
				.slice( -TAIL_LINES - 1 );
		};
		child.stdout.on( 'data', ( chunk ) => {
			process.stdout.write( chunk );
			keep( chunk );
		} );
		child.stderr.on( 'data', ( chunk ) => {
			process.stderr.write( chunk );
			keep( chunk );
		} );
		child.on( 'error', ( error ) => {
			tail.push( `${ command }: ${ error.message }` );
		} );
		child.on( 'close', ( status ) => resolve( { status, tail } ) );
	} );
}

const only = process.argv.slice( 2 );
const results = [];
for ( const [ name, command, args ] of steps ) {
	if ( only.length && ! only.some( ( word ) => name.includes( word ) ) ) {
		continue;
	}
	process.stdout.write( `\n=== ${ name } ===\n` );
	const started = Date.now();
	const { status, tail } = await runStep( command, args );
	results.push( {
		name,
		ok: status === 0,
		tail,
		seconds: ( ( Date.now() - started ) / 1000 ).toFixed( 1 ),
	} );
}

// What failed is repeated last, where a reader of a long log looks first.
for ( const { name, ok, tail } of results ) {
	if ( ! ok ) {
		process.stdout.write(
			`\n=== ${ name } failed; its last lines ===\n${ tail
				.join( '\n' )
				.trim() }\n`
		);
	}
}
process.stdout.write( '\n=== summary ===\n' );
for ( const { name, ok, seconds } of results ) {
	process.stdout.write(
		`${ ok ? 'ok  ' : 'FAIL' } ${ name } (${ seconds } s)\n`
	);
}
process.exit( results.every( ( result ) => result.ok ) ? 0 : 1 );
