/**
 * End-to-end tests: Debian's Chromium, driven by Playwright, against a real
 * WordPress that the global setup starts (and stops when the run ends).
 */

/**
 * External dependencies
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';

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
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			// This machine has no network but loopback: keep Chromium from
			// reaching out, which it would otherwise do at every start.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
} );
