/**
 * The suite's WordPress, as the global setup described it.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import zlib from 'node:zlib';

/**
 * Internal dependencies
 */
import { createFetchTransport } from '../../../src/cli/fetch-transport';
import type { Transport } from '../../../src/import/transport';

interface Account {
	login: string;
	appPassword: string;
}

export interface TestSite {
	url: string;
	dir: string;
	admin: Account;
	subscriber: Account;
	author: Account;
}

/**
 * The running site.
 *
 * @return Its address and accounts.
 */
export function testSite(): TestSite {
	const raw = process.env.SPACES_IMPORTER_SITE;
	if ( ! raw ) {
		throw new Error( 'The integration setup did not start a site.' );
	}
	return JSON.parse( raw );
}

/**
 * The arguments of `spaces-importer import` into this site as its
 * administrator; the password is left to the environment or standard input.
 *
 * @param cli The command line's script.
 * @param zip The archive.
 * @return Arguments for Node.
 */
export function cliImportArgs( cli: string, zip: string ): string[] {
	const site = testSite();
	return [
		cli,
		'import',
		zip,
		'--url',
		site.url,
		'--user',
		site.admin.login,
	];
}

/**
 * A transport signed in as one of the site's accounts.
 *
 * @param who Which account.
 * @return The transport.
 */
export function transportAs(
	who: 'admin' | 'subscriber' | 'author' = 'admin'
): Transport {
	const site = testSite();
	return createFetchTransport( {
		url: site.url,
		user: site[ who ].login,
		appPassword: site[ who ].appPassword,
	} );
}

/**
 * A raw request, for asserting status codes and error bodies.
 *
 * @param method HTTP method.
 * @param path   Path below /wp-json.
 * @param body   JSON body.
 * @param who    Which account, or null for nobody.
 * @return Status and decoded body.
 */
export async function rawRequest(
	method: string,
	path: string,
	body?: unknown,
	who: 'admin' | 'subscriber' | 'author' | null = 'admin'
): Promise< { status: number; body: any } > {
	const site = testSite();
	const headers: Record< string, string > = {
		'Content-Type': 'application/json',
	};
	if ( who ) {
		headers.Authorization =
			'Basic ' +
			Buffer.from(
				`${ site[ who ].login }:${ site[ who ].appPassword }`
			).toString( 'base64' );
	}
	const response = await fetch( `${ site.url }/wp-json${ path }`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse( text ) : null };
}

/**
 * Every post of the site, as the editor sees it (raw fields).
 *
 * @param extra Extra query string.
 * @return Posts.
 */
export async function allPosts( extra = '' ): Promise< any[] > {
	const posts: any[] = [];
	for ( let page = 1; ; page++ ) {
		const { status, body } = await rawRequest(
			'GET',
			`/wp/v2/posts?context=edit&per_page=100&page=${ page }&status=any${ extra }`
		);
		if ( status !== 200 || ! body.length ) {
			return posts;
		}
		posts.push( ...body );
		if ( body.length < 100 ) {
			return posts;
		}
	}
}

/**
 * A user of the site with an application password, made by a test.
 */
export interface TestAccount extends Account {
	id: number;
}

type Who = 'admin' | 'subscriber' | 'author' | TestAccount | null;

/**
 * The Basic authorization header of an account.
 *
 * @param who Which account.
 * @return The header's value, or null for nobody.
 */
export function authorization( who: Who ): string | null {
	if ( ! who ) {
		return null;
	}
	const account = typeof who === 'string' ? testSite()[ who ] : who;
	return (
		'Basic ' +
		Buffer.from( `${ account.login }:${ account.appPassword }` ).toString(
			'base64'
		)
	);
}

/**
 * A request as one account, for routes that answer JSON.
 *
 * @param method HTTP method.
 * @param path   Path below /wp-json.
 * @param body   JSON body, or FormData for multipart.
 * @param who    Which account, or null for nobody.
 * @return Status and decoded body.
 */
export async function requestAs(
	method: string,
	path: string,
	body: unknown,
	who: Who
): Promise< { status: number; body: any } > {
	const headers: Record< string, string > = {};
	const auth = authorization( who );
	if ( auth ) {
		headers.Authorization = auth;
	}
	let payload: BodyInit | undefined;
	if ( body instanceof FormData ) {
		payload = body;
	} else if ( body !== undefined ) {
		headers[ 'Content-Type' ] = 'application/json';
		payload = JSON.stringify( body );
	}
	const response = await fetch( `${ testSite().url }/wp-json${ path }`, {
		method,
		headers,
		body: payload,
	} );
	const text = await response.text();
	let decoded: any = null;
	try {
		decoded = text ? JSON.parse( text ) : null;
	} catch {
		throw new Error(
			`${ method } ${ path } answered ${
				response.status
			} with something that is not JSON:\n${ text.slice( 0, 500 ) }`
		);
	}
	return { status: response.status, body: decoded };
}

/**
 * Runs PHP inside the site's WordPress, as a command-line script that loads
 * its wp-load.php, and returns what it printed. No user is logged in.
 *
 * @param code PHP statements, without `<?php`.
 * @return Standard output.
 */
export function sitePhp( code: string ): string {
	const site = testSite();
	const host = new URL( site.url ).host;
	const prelude = [
		'<?php',
		`$_SERVER['HTTP_HOST'] = ${ JSON.stringify( host ) };`,
		`$_SERVER['SERVER_NAME'] = '127.0.0.1';`,
		`$_SERVER['REQUEST_URI'] = '/';`,
		`require ${ JSON.stringify( nodePath.join( site.dir, 'wp-load.php' ) ) };`,
		'',
	].join( ' ' );
	const result = spawnSync( 'php', [ '-d', 'display_errors=stderr' ], {
		cwd: site.dir,
		input: prelude + code,
		encoding: 'utf8',
	} );
	if ( result.status !== 0 ) {
		throw new Error(
			`PHP failed (${ result.status }):\n${ result.stderr }\n${ result.stdout }`
		);
	}
	return result.stdout;
}

/**
 * Runs PHP that echoes JSON, and decodes it.
 *
 * @param code PHP statements ending in `echo wp_json_encode( … );`.
 * @return The decoded value.
 */
export function sitePhpJson< T = any >( code: string ): T {
	const output = sitePhp( code ).trim().split( '\n' ).pop() ?? '';
	return JSON.parse( output );
}

let accounts = 0;

/**
 * Makes a user with a role, optionally with extra capabilities, and an
 * application password. Logins are unique: the site is shared by every test.
 *
 * @param role Role, such as author or editor.
 * @param caps Capabilities added to the user itself.
 * @return The account.
 */
export function createAccount(
	role: string,
	caps: string[] = []
): TestAccount {
	accounts++;
	const login = `${ role }${ accounts }x${ process.pid }x${ Date.now() }`;
	const args = Buffer.from(
		JSON.stringify( { login, role, caps } )
	).toString( 'base64' );
	const made = sitePhpJson< { id: number; appPassword: string } >( `
$args = json_decode( base64_decode( '${ args }' ), true );
$id = wp_insert_user( array( 'user_login' => $args['login'], 'user_pass' => wp_generate_password(), 'user_email' => $args['login'] . '@example.test', 'role' => $args['role'] ) );
if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
$user = new WP_User( $id );
foreach ( $args['caps'] as $cap ) { $user->add_cap( $cap ); }
$created = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'tests' ) );
echo "\\n" . wp_json_encode( array( 'id' => $id, 'appPassword' => $created[0] ) );
` );
	return { login, id: made.id, appPassword: made.appPassword };
}

/**
 * What the site holds, for comparing before and after.
 *
 * @return Counts of posts, pages and revisions (any status; not the theme's
 *         own records, which WordPress makes on a first visit), comments,
 *         attachments, terms, and files below wp-content/uploads.
 */
export function siteCounts(): {
	posts: number;
	comments: number;
	attachments: number;
	terms: number;
	files: number;
} {
	const counts = sitePhpJson( `
global $wpdb;
echo "\\n" . wp_json_encode( array(
	'posts' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type IN ( 'post', 'page', 'revision' )" ),
	'comments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments}" ),
	'attachments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'attachment'" ),
	'terms' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->term_taxonomy}" ),
) );
` );
	return { ...counts, files: uploadedFiles().length };
}

/**
 * Every file below wp-content/uploads.
 *
 * @return Paths relative to the uploads folder.
 */
export function uploadedFiles(): string[] {
	const root = nodePath.join( testSite().dir, 'wp-content', 'uploads' );
	if ( ! fs.existsSync( root ) ) {
		return [];
	}
	return (
		fs.readdirSync( root, {
			recursive: true,
			withFileTypes: true,
		} ) as fs.Dirent[]
	 )
		.filter( ( entry ) => entry.isFile() )
		.map( ( entry ) =>
			nodePath.relative(
				root,
				nodePath.join(
					( entry as any ).parentPath ?? entry.path,
					entry.name
				)
			)
		);
}

/**
 * A real PNG of one colour, so each test's images are new to the library.
 *
 * @param size  Width and height in pixels.
 * @param color RGB colour.
 * @return The file's bytes.
 */
export function pngImage(
	size: number,
	color: [ number, number, number ]
): Buffer {
	const chunk = ( type: string, data: Buffer ) => {
		const head = Buffer.alloc( 4 );
		head.writeUInt32BE( data.length );
		const body = Buffer.concat( [ Buffer.from( type, 'latin1' ), data ] );
		const crc = Buffer.alloc( 4 );
		crc.writeUInt32BE( zlib.crc32( body ) );
		return Buffer.concat( [ head, body, crc ] );
	};
	const header = Buffer.alloc( 13 );
	header.writeUInt32BE( size, 0 );
	header.writeUInt32BE( size, 4 );
	header[ 8 ] = 8; // Bit depth.
	header[ 9 ] = 2; // Truecolour.
	const row = Buffer.alloc( 1 + size * 3 );
	for ( let x = 0; x < size; x++ ) {
		row.set( color, 1 + x * 3 );
	}
	const raw = Buffer.concat( Array.from( { length: size }, () => row ) );
	return Buffer.concat( [
		Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', header ),
		chunk( 'IDAT', zlib.deflateSync( raw ) ),
		chunk( 'IEND', Buffer.alloc( 0 ) ),
	] );
}

/**
 * The SHA-256 of some bytes, in hexadecimal.
 *
 * @param bytes The bytes.
 * @return The hash.
 */
export function sha256( bytes: Buffer | string ): string {
	return crypto.createHash( 'sha256' ).update( bytes ).digest( 'hex' );
}

/**
 * Uploads one file to a run, as the runner does.
 *
 * @param runId      The run.
 * @param file       The file: bytes, name, path inside the archive, month.
 * @param file.bytes
 * @param file.name
 * @param file.path
 * @param file.date
 * @param file.hash
 * @param who        Which account.
 * @return Status and decoded body.
 */
export function uploadMedia(
	runId: number,
	file: {
		bytes: Buffer;
		name: string;
		path: string;
		date?: string;
		hash?: string;
	},
	who: Who = 'admin'
): Promise< { status: number; body: any } > {
	const form = new FormData();
	form.append(
		'file',
		new Blob( [ new Uint8Array( file.bytes ) ] ),
		file.name
	);
	form.append( 'path', file.path );
	form.append( 'sha256', file.hash ?? sha256( file.bytes ) );
	if ( file.date ) {
		form.append( 'date', file.date );
	}
	return requestAs(
		'POST',
		`/spaces-importer/v1/runs/${ runId }/media`,
		form,
		who
	);
}

/**
 * Calls a stepped route (finalize, undo) until it says nothing is left.
 *
 * @param method HTTP method.
 * @param path   Path below /wp-json.
 * @param key    `finalize` or `undo`.
 * @param who    Which account.
 * @return The last answer.
 */
export async function untilDone(
	method: string,
	path: string,
	key: 'finalize' | 'undo',
	who: Who = 'admin'
): Promise< any > {
	for ( let step = 0; step < 100; step++ ) {
		const answer = await requestAs( method, path, {}, who );
		if ( answer.status !== 200 ) {
			throw new Error(
				`${ method } ${ path } answered ${ answer.status }: ${ JSON.stringify(
					answer.body
				) }`
			);
		}
		if ( answer.body[ key ].remaining === 0 ) {
			return answer.body;
		}
	}
	throw new Error( `${ path } never finished.` );
}

/**
 * Where the site's PHP error log ends now, so a test can later read only
 * what was written after this point (other test files share the log).
 *
 * @return The log's length in bytes.
 */
export function debugLogMark(): number {
	const log = nodePath.join( testSite().dir, 'debug.log' );
	return fs.existsSync( log ) ? fs.statSync( log ).size : 0;
}

/**
 * PHP errors, warnings and notices raised in the plugin's own code since a
 * mark: lines naming a file of the plugin (as installed, or through the
 * link to the working copy).
 *
 * @param mark Where to start, from debugLogMark().
 * @return The log lines.
 */
export function pluginNoticesSince( mark: number ): string[] {
	const log = nodePath.join( testSite().dir, 'debug.log' );
	if ( ! fs.existsSync( log ) ) {
		return [];
	}
	const text = fs.readFileSync( log ).subarray( mark ).toString( 'utf8' );
	const root = nodePath.resolve( __dirname, '../../..' );
	return text
		.split( '\n' )
		.filter(
			( line ) =>
				line.includes( '/plugins/spaces-importer/' ) ||
				line.includes( `${ root }/` )
		);
}

/**
 * Starts an import run of an archive of its own (a fresh fingerprint), as
 * the screen does, and expects it to be created.
 *
 * @param name    The archive's file name.
 * @param options The run's options.
 * @param extra   More of the request: totals, for one.
 * @return The run, as the site answers it.
 */
export async function startFreshRun(
	name: string,
	options: Record< string, unknown > = {},
	extra: Record< string, unknown > = {}
): Promise< any > {
	const { status, body } = await requestAs(
		'POST',
		'/spaces-importer/v1/runs',
		{
			fingerprint: crypto.randomBytes( 32 ).toString( 'hex' ),
			name,
			options,
			...extra,
		},
		'admin'
	);
	expect( status ).toBe( 201 );
	return body;
}
