/**
 * What the end-to-end tests need: the site, the real Spaces pages zipped,
 * and where screenshots go.
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Internal dependencies
 */
import {
	generateArchive,
	type GeneratedArchive,
	type GenerateOptions,
} from '../../support/archive/generate';

export const root = path.resolve( __dirname, '../../..' );

/** The folder the README names for screenshots of what an owner sees. */
export const screenshotDir = path.join( root, 'artifacts/screenshots' );

/** Real pages of a Spaces blog, kept beside the project, never in it. */
export const realPagesDir = path.resolve( root, '../shared/fixtures/real' );

export interface E2ESite {
	url: string;
	/** The site's folder, for test-only must-use plugins. */
	dir: string;
	adminUser: string;
	adminPassword: string;
	appPassword: string;
}

export function e2eSite(): E2ESite {
	return JSON.parse( process.env.SPACES_IMPORTER_SITE ?? '{}' );
}

/**
 * Whether the real pages are there; says so loudly when they are not.
 *
 * @return True when present.
 */
export function hasRealPages(): boolean {
	if ( existsSync( realPagesDir ) ) {
		return true;
	}
	// eslint-disable-next-line no-console
	console.warn(
		`SKIPPED: the real Spaces pages are not at ${ path.relative( root, realPagesDir ) }; the tests that import them did not run.`
	);
	return false;
}

/**
 * Zips the real pages as an owner would, into a temporary file.
 *
 * @return The zip's path.
 */
export function zipRealPages(): string {
	const files: Record< string, Uint8Array > = {};
	for ( const name of readdirSync( realPagesDir ) ) {
		if ( name.endsWith( '.html' ) ) {
			files[ `space/${ name }` ] = readFileSync(
				path.join( realPagesDir, name )
			);
		}
	}
	const dir = path.join( os.tmpdir(), 'spaces-importer-e2e-files' );
	mkdirSync( dir, { recursive: true } );
	const file = path.join( dir, 'space.zip' );
	writeFileSync( file, zipSync( files ) );
	return file;
}

/**
 * Writes a synthetic Spaces archive to a temporary zip, as an owner would
 * have it on disk.
 *
 * @param name    The zip's file name.
 * @param options The archive's size and shape.
 * @return The zip's path and what it holds.
 */
export function generatedZip(
	name: string,
	options: GenerateOptions
): { file: string; archive: GeneratedArchive } {
	const archive = generateArchive( options );
	const dir = path.join( os.tmpdir(), 'spaces-importer-e2e-files' );
	mkdirSync( dir, { recursive: true } );
	const file = path.join( dir, name );
	writeFileSync( file, zipSync( archive.files ) );
	return { file, archive };
}
