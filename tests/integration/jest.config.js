/**
 * Integration tests: the plugin's REST routes on a real WordPress with a
 * real MariaDB, which the global setup starts and the teardown stops.
 */
const path = require( 'path' );
const unit = require( '../../jest.config' );

module.exports = {
	...unit,
	rootDir: path.resolve( __dirname, '../..' ),
	testMatch: [ '<rootDir>/tests/integration/**/*.test.ts' ],
	testEnvironment: 'node',
	globalSetup: '<rootDir>/tests/integration/support/global-setup.mjs',
	globalTeardown: '<rootDir>/tests/integration/support/global-teardown.mjs',
	testTimeout: 120000,
};
