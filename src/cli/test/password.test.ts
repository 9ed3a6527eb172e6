/**
 * @jest-environment node
 */

/**
 * Where `import` gets the application password: the environment, standard
 * input, or the flag (with a warning that the process list shows it).
 */

/**
 * External dependencies
 */
import { Readable } from 'node:stream';

/**
 * Internal dependencies
 */
import { FLAG_WARNING, readPassword } from '../password';

function stderr() {
	const written: string[] = [];
	return {
		written,
		stream: {
			write: ( text: string ) => written.push( text ) > 0,
		} as unknown as NodeJS.WritableStream,
	};
}

it( 'warns that a password on the command line can be read by others', async () => {
	const err = stderr();
	const password = await readPassword( {
		flag: 'abcd efgh',
		env: {},
		stdin: Readable.from( [] ),
		stderr: err.stream,
	} );
	expect( password ).toBe( 'abcd efgh' );
	expect( err.written.join( '' ) ).toBe( FLAG_WARNING + '\n' );
	expect( FLAG_WARNING ).toMatch( /process list/ );
} );

it( 'reads SPACES_IMPORTER_APP_PASSWORD, saying nothing', async () => {
	const err = stderr();
	const password = await readPassword( {
		env: { SPACES_IMPORTER_APP_PASSWORD: 'from env' },
		stdin: Readable.from( [ 'not this\n' ] ),
		stderr: err.stream,
	} );
	expect( password ).toBe( 'from env' );
	expect( err.written ).toEqual( [] );
} );

it( 'reads the first line piped to standard input', async () => {
	const password = await readPassword( {
		env: {},
		stdin: Readable.from( [ 'abcd efgh ', 'ijkl\r\nsecond line\n' ] ),
		stderr: stderr().stream,
	} );
	expect( password ).toBe( 'abcd efgh ijkl' );
} );

it( 'gives nothing when nothing was piped', async () => {
	const password = await readPassword( {
		env: {},
		stdin: Readable.from( [] ),
		stderr: stderr().stream,
	} );
	expect( password ).toBe( '' );
} );
