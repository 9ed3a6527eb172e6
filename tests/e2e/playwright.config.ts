/**
 * End-to-end tests: Debian's Chromium, driven by Playwright, against a real
 * WordPress that the global setup starts (and stops when the run ends).
 */

/**
 * External dependencies
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { chromiumLaunchOptions } from '../support/chromium';

const root = path.resolve( __dirname, '../..' );

export default defineConfig( {
	testDir: __dirname,
	outputDir: path.join( root, 'artifacts/e2e-results' ),
	globalSetup: path.join( __dirname, 'support/global-setup.mjs' ),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 120_000,
	// Reading and writing run on a 2-core machine that may be busy: an
	// assertion waits this long for the screen to get there.
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? 'list' : [ [ 'list' ] ],
	use: {
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunchOptions,
	},
} );
