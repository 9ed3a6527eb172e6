/**
 * Unit tests: `*.test.ts(x)` files in `test/` folders under `src/`, and
 * checks of the project's files in `tools/test/`.
 * The HTML libraries ship ES modules only, so Babel transforms them too.
 */
const base = require( '@wordpress/scripts/config/jest-unit.config' );

const esmOnly = [
	'@wordpress',
	'@noble',
	'htmlparser2',
	'css-select',
	'css-what',
	'domutils',
	'domhandler',
	'dom-serializer',
	'domelementtype',
	'entities',
	'boolbase',
	'nth-check',
	'uuid',
	'gettext-parser',
];

module.exports = {
	...base,
	rootDir: __dirname,
	testMatch: [
		'<rootDir>/src/**/test/*.test.[jt]s?(x)',
		'<rootDir>/tools/test/*.test.[jt]s',
	],
	transform: {
		...base.transform,
		'\\.mjs$':
			require.resolve( '@wordpress/scripts/config/babel-transform' ),
	},
	transformIgnorePatterns: [
		`/node_modules/(?!(${ esmOnly.join( '|' ) })/)`,
	],
	// The local sites live in the checkout; their files are not the project's.
	// The command line's package is staged in dist-cli/.
	modulePathIgnorePatterns: [ '<rootDir>/.wp-local/', '<rootDir>/dist-cli/' ],
	setupFilesAfterEnv: [ '@testing-library/jest-dom' ],
	testEnvironment: '<rootDir>/tests/support/jsdom-environment.js',
	// A limit for a test that hangs, not a measure of speed: screens with a
	// list of posts render a whole table per keystroke, which on a busy
	// machine takes longer than Jest's default five seconds.
	testTimeout: 60_000,
	// Jest cannot run `import.meta`, which webpack needs to bundle the worker;
	// tests that read archives call the reader directly instead.
	moduleNameMapper: {
		'/create-worker$': '<rootDir>/src/admin/reader/test/no-worker.ts',
	},
};
