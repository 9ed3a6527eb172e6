/**
 * `npm test`: every check the project has, in order, each one reported.
 * Runs them all even when one fails, then exits non-zero if any did.
 */
import { spawnSync } from 'node:child_process';
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

const only = process.argv.slice( 2 );
const results = [];
for ( const [ name, command, args ] of steps ) {
	if ( only.length && ! only.some( ( word ) => name.includes( word ) ) ) {
		continue;
	}
	process.stdout.write( `\n=== ${ name } ===\n` );
	const started = Date.now();
	const { status } = spawnSync( command, args, {
		cwd: root,
		stdio: 'inherit',
	} );
	results.push( {
		name,
		ok: status === 0,
		seconds: ( ( Date.now() - started ) / 1000 ).toFixed( 1 ),
	} );
}

process.stdout.write( '\n=== summary ===\n' );
for ( const { name, ok, seconds } of results ) {
	process.stdout.write(
		`${ ok ? 'ok  ' : 'FAIL' } ${ name } (${ seconds } s)\n`
	);
}
process.exit( results.every( ( result ) => result.ok ) ? 0 : 1 );
