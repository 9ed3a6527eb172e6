/**
 * `npm run stop`: stops the dev site started by `npm start` in another
 * terminal, including processes a hard-killed `npm start` left behind.
 */
import { readDevState, stopDev } from './lib/dev.mjs';

const state = readDevState();
if ( ! state ) {
	process.stdout.write( 'No dev site is running.\n' );
} else {
	try {
		await stopDev( state );
		process.stdout.write( `Stopped the dev site at ${ state.url }.\n` );
	} catch ( error ) {
		process.stderr.write( `${ error.message }\n` );
		process.exitCode = 1;
	}
}
