/**
 * How the end-to-end tests and the browser benchmarks start Chromium:
 * Debian's build, kept from reaching out to the network, which it would
 * otherwise do at every start (they need nothing but loopback).
 */

/**
 * External dependencies
 */
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunchOptions: LaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
};
