/**
 * `npm run bench:import`: imports the same generated content (1,000 posts,
 * 10,000 comments, 300 images by default) three ways, each into a fresh
 * site of the same local WordPress on MariaDB, and prints for each the wall
 * seconds, the server's CPU-seconds (PHP and the database, read from /proc
 * for their process trees before and after), the client's CPU-seconds, the
 * requests, the peak memory and the longest time of one request, checks the
 * counts in each site, and prints the ratios this plugin / WordPress
 * Importer:
 *
 * - the WordPress Importer (WXR), loaded from `../shared/peers/` beside this
 *   checkout (skipped, loudly, when that folder is absent) and driven in one
 *   PHP process as Tools → Import → WordPress does, fetching the images from
 *   a local static server;
 * - WordPress's core REST routes (media one by one, posts through core
 *   `/batch/v1`, one request per comment), 4 requests in flight;
 * - this plugin, through its command line (`spaces-importer import`).
 *
 * Flags: `--photos` uses 640×480 JPEG photos (about 60 KB each) instead of
 * tiny PNGs; `--runs N` repeats the three imports N times and adds medians;
 * `--json` ends the output with one JSON line; `--posts N`, `--comments N`,
 * `--images N` change the sizes; `--no-core`, `--no-wxr` skip those.
 */

/**
 * External dependencies
 */
import { spawn } from 'child_process';
import {
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive, type ArchiveModel } from '../src/archive';
import { generateArchive } from '../tests/support/archive/generate';
import { photoBytes } from '../tests/support/archive/photo';
import { createFetchTransport } from '../src/cli/fetch-transport';
import { writeWxr } from './wxr';
import {
	option,
	processCpu,
	root,
	siteTools,
	startPluginSite,
	treeCpuSeconds,
} from './support';

interface Site {
	url: string;
	dir: string;
	adminUser: string;
	appPassword: string;
	serverPgid: number;
	mariadb: { pid: number };
	stop: ( options?: { removeDir?: boolean } ) => Promise< void >;
}

const peer = path.resolve( root, '../shared/peers/wordpress-importer' );
/** The command line, compiled with the benchmark. */
const cli = path.join( root, 'dist-bench/src/cli/index.js' );

/** Requests kept in flight on the core path, as measured in the spec. */
const CORE_IN_FLIGHT = 4;

/**
 * Records every PHP request: route, peak memory, wall seconds, seconds
 * until the REST API started (WordPress's boot), CPU-seconds of PHP and
 * database queries. Installed in the benchmark's own sites only.
 */
const REQUEST_LOG_PLUGIN = `<?php
$GLOBALS['bench_cpu'] = getrusage();
add_action( 'rest_api_init', function () {
	if ( ! isset( $GLOBALS['bench_boot'] ) ) {
		$GLOBALS['bench_boot'] = microtime( true );
	}
}, 0 );
// From routing to the handler: the schema's validation and sanitizing, the permission check.
add_filter( 'rest_pre_dispatch', function ( $result ) {
	$GLOBALS['bench_dispatch'] = microtime( true );
	return $result;
}, 0 );
add_filter( 'rest_request_before_callbacks', function ( $response ) {
	$GLOBALS['bench_handler'] = microtime( true );
	return $response;
}, 0 );
add_filter( 'rest_request_after_callbacks', function ( $response ) {
	$GLOBALS['bench_handled'] = microtime( true );
	return $response;
}, 0 );
register_shutdown_function(
	function () {
		if ( PHP_SAPI === 'cli' ) {
			return;
		}
		$uri   = isset( $_SERVER['REQUEST_URI'] ) ? strtok( $_SERVER['REQUEST_URI'], '?' ) : '';
		$start = $_SERVER['REQUEST_TIME_FLOAT'];
		$now   = microtime( true );
		$boot  = isset( $GLOBALS['bench_boot'] ) ? $GLOBALS['bench_boot'] - $start : 0;
		$check = isset( $GLOBALS['bench_dispatch'], $GLOBALS['bench_handler'] ) ? $GLOBALS['bench_handler'] - $GLOBALS['bench_dispatch'] : 0;
		$work  = isset( $GLOBALS['bench_handler'], $GLOBALS['bench_handled'] ) ? $GLOBALS['bench_handled'] - $GLOBALS['bench_handler'] : 0;
		$cpu   = getrusage();
		$used  = ( $cpu['ru_utime.tv_sec'] + $cpu['ru_stime.tv_sec'] - $GLOBALS['bench_cpu']['ru_utime.tv_sec'] - $GLOBALS['bench_cpu']['ru_stime.tv_sec'] )
			+ ( $cpu['ru_utime.tv_usec'] + $cpu['ru_stime.tv_usec'] - $GLOBALS['bench_cpu']['ru_utime.tv_usec'] - $GLOBALS['bench_cpu']['ru_stime.tv_usec'] ) / 1e6;
		file_put_contents(
			WP_CONTENT_DIR . '/bench-requests.log',
			$_SERVER['REQUEST_METHOD'] . ' ' . $uri . "\\t" . memory_get_peak_usage( true ) . "\\t" . round( $now - $start, 4 ) . "\\t" . round( $boot, 4 ) . "\\t" . round( $used, 4 ) . "\\t" . get_num_queries() . "\\t" . round( $check, 4 ) . "\\t" . round( $work, 4 ) . "\\n",
			FILE_APPEND | LOCK_EX
		);
	}
);
`;

/**
 * Drives the WordPress Importer as Tools → Import → WordPress does, without
 * the form: every author is mapped to the current user, attachments are
 * fetched. Its configuration comes in BENCH_WXR (JSON).
 */
const WXR_DRIVER = `<?php
$bench = json_decode( getenv( 'BENCH_WXR' ), true );
define( 'WP_LOAD_IMPORTERS', true );
define( 'WP_IMPORTING', true );
$_SERVER['HTTP_HOST']   = $bench['host'];
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $bench['dir'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
wp_set_current_user( 1 );
// The images come from the benchmark's own server on this machine.
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_allowed_safe_ports', function ( $ports ) use ( $bench ) {
	$ports[] = (int) $bench['imagePort'];
	return $ports;
} );
require_once $bench['peer'] . '/wordpress-importer.php';
$importer                    = new WP_Import();
$importer->fetch_attachments = true;
ob_start();
$importer->import( $bench['wxr'] );
$output = ob_get_clean();
preg_match_all( '/(Failed|error|Sorry)[^<]*/i', $output, $errors );
echo "\\n@@BENCH@@" . json_encode(
	array(
		'peak'   => memory_get_peak_usage( true ),
		'errors' => array_slice( $errors[0], 0, 5 ),
	)
);
`;

const COUNTS_PHP = `
global $wpdb;
echo "\\n@@BENCH@@" . wp_json_encode(
	array(
		'posts'       => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'post' AND post_status = 'publish'" ),
		'comments'    => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments} WHERE comment_approved = '1'" ),
		'attachments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'attachment'" ),
		'commentCount' => (int) $wpdb->get_var( "SELECT SUM( comment_count ) FROM {$wpdb->posts} WHERE post_type = 'post'" ),
	)
);
`;

interface Counts {
	posts: number;
	comments: number;
	attachments: number;
	commentCount: number;
}

interface RouteProfile {
	requests: number;
	wall: number;
	boot: number;
	phpCpu: number;
	queries: number;
	/** Validating and sanitizing the request, checking permissions. */
	check: number;
	/** The route's handler. */
	handler: number;
}

interface Result {
	name: string;
	wall: number;
	serverCpu: number;
	clientCpu: number;
	requests: number;
	requestKinds: Record< string, number >;
	peakMB: number;
	slowestRequest: number;
	counts: Counts;
	countsExact: boolean;
	failures: string[];
	profile?: Record< string, RouteProfile >;
}

async function startSite( title: string ): Promise< Site > {
	const site: Site = await startPluginSite( title );
	writeFileSync(
		path.join( site.dir, 'wp-content/mu-plugins/bench-requests.php' ),
		REQUEST_LOG_PLUGIN
	);
	return site;
}

function marked< T >( output: string ): T {
	const at = output.lastIndexOf( '@@BENCH@@' );
	if ( at < 0 ) {
		throw new Error( `No result in:\n${ output.slice( -2000 ) }` );
	}
	return JSON.parse( output.slice( at + 9 ) ) as T;
}

async function countsOf( site: Site ): Promise< Counts > {
	const { wpEval } = await siteTools();
	return marked< Counts >( await wpEval( site, COUNTS_PHP ) );
}

interface Sample {
	wall: number;
	/** The site's PHP server and database. */
	site: number;
	/** This process's children that ended (the WXR PHP process, the command line). */
	reaped: number;
	/** This process itself. */
	self: number;
}

function sample( site: Site ): Sample {
	const usage = process.cpuUsage();
	return {
		wall: performance.now() / 1000,
		site: treeCpuSeconds( [ site.serverPgid, site.mariadb.pid ] ),
		reaped: processCpu( process.pid )?.reaped ?? 0,
		self: ( usage.user + usage.system ) / 1e6,
	};
}

/* ---- Requests as the sites logged them ---- */

function routeKind( route: string ): string {
	const ours = /\/spaces-importer\/v1\/runs(?:\/\d+)?(?:\/([a-z]+))?/.exec(
		route
	);
	if ( ours ) {
		return ours[ 1 ] ?? 'runs';
	}
	return route.replace( /^.*\/wp-json\//, '' ).replace( /\/\d+.*$/, '' );
}

function requestLog( site: Site ) {
	const file = path.join( site.dir, 'wp-content/bench-requests.log' );
	const kinds: Record< string, number > = {};
	const profile: Record< string, RouteProfile > = {};
	let peak = 0;
	let slowest = 0;
	let requests = 0;
	const text = existsSync( file ) ? readFileSync( file, 'utf8' ) : '';
	for ( const line of text.split( '\n' ) ) {
		const [ request, bytes, wall, boot, cpu, queries, check, work ] =
			line.split( '\t' );
		if ( ! request?.includes( '/wp-json/' ) ) {
			continue;
		}
		const kind = routeKind( request );
		requests++;
		kinds[ kind ] = ( kinds[ kind ] ?? 0 ) + 1;
		peak = Math.max( peak, Number( bytes ) );
		slowest = Math.max( slowest, Number( wall ) );
		const entry = ( profile[ kind ] ??= {
			requests: 0,
			wall: 0,
			boot: 0,
			phpCpu: 0,
			queries: 0,
			check: 0,
			handler: 0,
		} );
		entry.requests++;
		entry.wall += Number( wall );
		entry.boot += Number( boot );
		entry.phpCpu += Number( cpu );
		entry.queries += Number( queries );
		entry.check += Number( check ) || 0;
		entry.handler += Number( work ) || 0;
	}
	for ( const entry of Object.values( profile ) ) {
		entry.wall = round( entry.wall );
		entry.boot = round( entry.boot );
		entry.phpCpu = round( entry.phpCpu );
		entry.check = round( entry.check );
		entry.handler = round( entry.handler );
	}
	return {
		kinds,
		profile,
		requests,
		peakMB: round( peak / 1024 / 1024, 1 ),
		slowest: round( slowest ),
	};
}

function round( value: number, digits = 2 ): number {
	const scale = 10 ** digits;
	return Math.round( value * scale ) / scale;
}

/**
 * Runs a command to its end.
 *
 * @param command     Program.
 * @param args        Arguments.
 * @param options     Working folder and environment.
 * @param options.cwd
 * @param options.env
 * @return Its output and exit code.
 */
function runCommand(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): Promise< { code: number | null; stdout: string; stderr: string } > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, args, {
			...options,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
		child.once( 'error', reject );
		child.once( 'close', ( code ) => resolve( { code, stdout, stderr } ) );
	} );
}

/**
 * Serves the archive's files over HTTP, for the WordPress Importer's
 * attachment downloads.
 *
 * @param files Path → bytes.
 * @return The server and its port.
 */
async function serveFiles(
	files: Record< string, Uint8Array >
): Promise< { server: Server; port: number } > {
	const server = createServer( ( request, response ) => {
		const file = decodeURIComponent(
			( request.url ?? '' ).split( '?' )[ 0 ].replace( /^\//, '' )
		);
		const bytes = files[ file ];
		if ( ! bytes ) {
			response.writeHead( 404 ).end();
			return;
		}
		response
			.writeHead( 200, {
				'Content-Type': file.endsWith( '.jpg' )
					? 'image/jpeg'
					: 'image/png',
				'Content-Length': bytes.length,
			} )
			.end( bytes );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	return { server, port: ( server.address() as AddressInfo ).port };
}

/**
 * Runs tasks with a few in flight.
 *
 * @param items Items.
 * @param limit In flight at most.
 * @param task  Work for one.
 */
async function inFlight< T >(
	items: T[],
	limit: number,
	task: ( item: T ) => Promise< void >
) {
	let next = 0;
	await Promise.all(
		Array.from( { length: limit }, async () => {
			while ( next < items.length ) {
				await task( items[ next++ ] );
			}
		} )
	);
}

/**
 * The same import through core routes only: what a client of WordPress's
 * own REST API must do.
 *
 * @param site      A fresh site.
 * @param model     The archive.
 * @param readMedia The archive's files.
 * @param counts    Requests by kind.
 * @return Seconds.
 */
async function importThroughCoreRoutes(
	site: Site,
	model: ArchiveModel,
	readMedia: ( path: string ) => Promise< Uint8Array >,
	counts: Record< string, number >
): Promise< number > {
	const transport = createFetchTransport( {
		url: site.url,
		user: site.adminUser,
		appPassword: site.appPassword,
	} );
	const call = < T >(
		kind: string,
		method: 'POST',
		url: string,
		body: unknown
	) => {
		counts[ kind ] = ( counts[ kind ] ?? 0 ) + 1;
		return transport.request< T >( method, url, body );
	};
	const started = Date.now();

	// Categories first: posts refer to them by id.
	const categoryIds = new Map< string, number >();
	for ( const name of new Set(
		model.posts.flatMap( ( p ) => p.categories )
	) ) {
		const term = await call< { id: number } >(
			'categories',
			'POST',
			'/wp/v2/categories',
			{ name }
		);
		categoryIds.set( name, term.id );
	}

	// Media one by one (a few in flight), after one alone for the folder.
	const urls = new Map< string, string >();
	const wanted = [
		...new Set(
			model.posts.flatMap( ( p ) =>
				p.images
					.map( ( i ) => i.archivePath )
					.filter( ( x ): x is string => !! x )
			)
		),
	];
	const upload = async ( file: string ) => {
		const form = new FormData();
		form.append(
			'file',
			new Blob( [ ( await readMedia( file ) ) as BlobPart ] ),
			path.basename( file )
		);
		counts.media = ( counts.media ?? 0 ) + 1;
		const media = await transport.upload< { source_url: string } >(
			'/wp/v2/media',
			form
		);
		urls.set( file, media.source_url );
	};
	if ( wanted.length ) {
		await upload( wanted[ 0 ] );
	}
	await inFlight( wanted.slice( 1 ), CORE_IN_FLIGHT, upload );

	// Posts through core batch, 25 a batch, bodies with the new image URLs.
	const postIds = new Map< string, number >();
	const batches: ArchiveModel[ 'posts' ][] = [];
	for ( let i = 0; i < model.posts.length; i += 25 ) {
		batches.push( model.posts.slice( i, i + 25 ) );
	}
	await inFlight( batches, CORE_IN_FLIGHT, async ( batch ) => {
		const answer = await call< {
			responses: Array< { body: { id: number } } >;
		} >( 'batch', 'POST', '/batch/v1', {
			requests: batch.map( ( post ) => {
				let content = post.html;
				for ( const image of post.images ) {
					const url =
						image.archivePath && urls.get( image.archivePath );
					if ( url ) {
						content = content.split( image.reference ).join( url );
					}
				}
				return {
					method: 'POST',
					path: '/wp/v2/posts',
					body: {
						title: post.title,
						content,
						status: 'publish',
						date: post.published,
						categories: post.categories.map( ( c ) =>
							categoryIds.get( c )
						),
					},
				};
			} ),
		} );
		batch.forEach( ( post, index ) =>
			postIds.set( post.sourceId, answer.responses[ index ].body.id )
		);
	} );

	// Comments: core has no batch for them, one request each.
	const comments = model.posts.flatMap( ( post ) =>
		post.comments.map( ( comment ) => ( { post, comment } ) )
	);
	await inFlight( comments, CORE_IN_FLIGHT, async ( { post, comment } ) => {
		await call( 'comments', 'POST', '/wp/v2/comments', {
			post: postIds.get( post.sourceId ),
			author_name: comment.author || 'Anonymous',
			author_email: 'imported@example.invalid',
			author_url: comment.authorUrl ?? '',
			content: comment.html,
			date: comment.published ?? post.published,
			status: 'approved',
		} );
	} );
	return ( Date.now() - started ) / 1000;
}

/**
 * Imports into a fresh site and measures it.
 *
 * @param name              What is measured.
 * @param site              The fresh site.
 * @param expected          What the site must hold afterwards.
 * @param expected.posts    Posts.
 * @param expected.comments Comments.
 * @param expected.images   Images.
 * @param work              The import; says what failed, and for a run outside the
 *                          site's web server its peak memory.
 * @param reaped            Whom the CPU of this process's children that end meanwhile
 *                          belongs to: the server (the WordPress Importer's PHP) or
 *                          the client (the command line).
 * @return The figures.
 */
async function measured(
	name: string,
	site: Site,
	expected: { posts: number; comments: number; images: number },
	work: () => Promise< { failures: string[]; peakMB?: number } >,
	reaped: 'server' | 'client'
): Promise< Result > {
	const before = await countsOf( site );
	rmSync( path.join( site.dir, 'wp-content/bench-requests.log' ), {
		force: true,
	} );
	const start = sample( site );
	const outcome = await work();
	const end = sample( site );
	const after = await countsOf( site );
	const log = requestLog( site );
	const children = end.reaped - start.reaped;
	const counts: Counts = {
		posts: after.posts - before.posts,
		comments: after.comments - before.comments,
		attachments: after.attachments - before.attachments,
		commentCount: after.commentCount - before.commentCount,
	};
	return {
		name,
		wall: round( end.wall - start.wall ),
		serverCpu: round(
			end.site - start.site + ( reaped === 'server' ? children : 0 )
		),
		clientCpu: round(
			end.self - start.self + ( reaped === 'client' ? children : 0 )
		),
		requests: outcome.peakMB === undefined ? log.requests : 1,
		requestKinds: outcome.peakMB === undefined ? log.kinds : {},
		peakMB: outcome.peakMB ?? log.peakMB,
		slowestRequest:
			outcome.peakMB === undefined ? log.slowest : end.wall - start.wall,
		counts,
		countsExact:
			counts.posts === expected.posts &&
			counts.comments === expected.comments &&
			counts.attachments === expected.images &&
			counts.commentCount === expected.comments,
		failures: outcome.failures,
		profile: outcome.peakMB === undefined ? log.profile : undefined,
	};
}

async function withSite< T >(
	title: string,
	task: ( site: Site ) => Promise< T >
): Promise< T > {
	const site = await startSite( title );
	try {
		return await task( site );
	} finally {
		await site.stop( { removeDir: true } );
	}
}

function median( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ middle ]
		: ( sorted[ middle - 1 ] + sorted[ middle ] ) / 2;
}

function tableRow( result: Result ): string {
	const cells = [
		result.name.padEnd( 30 ),
		String( result.wall ).padStart( 7 ),
		String( result.serverCpu ).padStart( 9 ),
		String( result.clientCpu ).padStart( 9 ),
		String( result.requests ).padStart( 8 ),
		String( result.peakMB ).padStart( 7 ),
		String( round( result.slowestRequest ) ).padStart( 8 ),
		`  ${ result.counts.posts }/${ result.counts.comments }/${ result.counts.attachments }${
			result.countsExact ? ' exact' : ' WRONG'
		}`,
	];
	return cells.join( '' );
}

const HEADER = `${ 'import'.padEnd( 30 ) }${ 'wall s'.padStart( 7 ) }${ 'server s'.padStart(
	9
) }${ 'client s'.padStart( 9 ) }${ 'requests'.padStart( 8 ) }${ 'peak MB'.padStart(
	7
) }${ 'longest'.padStart( 8 ) }  posts/comments/images`;

async function main( argv: string[] ) {
	const sizes = {
		posts: option( argv, '--posts', 1000 ),
		comments: option( argv, '--comments', 10000 ),
		images: option( argv, '--images', 300 ),
	};
	const runs = Math.max( 1, option( argv, '--runs', 1 ) );
	const photos = argv.includes( '--photos' );
	const wantCore = ! argv.includes( '--no-core' );
	const wantWxr = ! argv.includes( '--no-wxr' );
	const say = ( text: string ) => process.stdout.write( text + '\n' );

	const photoFiles: Uint8Array[] = [];
	if ( photos ) {
		for ( let i = 0; i < sizes.images; i++ ) {
			photoFiles.push( await photoBytes( i ) );
		}
	}
	const generated = generateArchive( {
		...sizes,
		seed: 7,
		image: photos
			? ( index ) => ( { bytes: photoFiles[ index ], ext: 'jpg' } )
			: undefined,
	} );
	const zip = zipSync( generated.files );
	const scratch = mkdtempSync( path.join( os.tmpdir(), 'bench-import-' ) );
	const zipFile = path.join( scratch, 'space.zip' );
	writeFileSync( zipFile, zip );
	const reader = await readArchive( zip, 'space.zip' );
	const { model } = reader;
	const expected = {
		posts: model.posts.length,
		comments: model.posts.reduce( ( n, p ) => n + p.comments.length, 0 ),
		images: new Set(
			model.posts.flatMap( ( p ) =>
				p.images.map( ( i ) => i.archivePath ).filter( Boolean )
			)
		).size,
	};
	const imageBytes = generated.images.reduce(
		( sum, file ) => sum + generated.files[ file ].length,
		0
	);
	say(
		`Content: ${ expected.posts } posts, ${ expected.comments } comments, ${ expected.images } images (${
			photos ? '640×480 JPEG photos' : 'tiny PNGs'
		}, ${ round( imageBytes / generated.images.length / 1024, 1 ) } KB each on average); each import into a fresh site on MariaDB.`
	);

	const peerThere = existsSync( path.join( peer, 'wordpress-importer.php' ) );
	if ( wantWxr && ! peerThere ) {
		say(
			`SKIPPED the WordPress Importer: ${ peer } is absent (it is not part of this project; put the peers folder beside this checkout to compare against it).`
		);
	}
	const images =
		wantWxr && peerThere ? await serveFiles( generated.files ) : null;
	const wxrFile = path.join( scratch, 'content.wxr' );
	const driverFile = path.join( scratch, 'wxr-driver.php' );
	if ( images ) {
		writeFileSync(
			wxrFile,
			writeWxr( model, `http://127.0.0.1:${ images.port }` )
		);
		writeFileSync( driverFile, WXR_DRIVER );
	}

	const rounds: Array< Record< string, Result > > = [];
	try {
		for ( let round_ = 0; round_ < runs; round_++ ) {
			const results: Record< string, Result > = {};
			if ( images ) {
				results.wxr = await withSite( 'Benchmark, WXR', ( site ) =>
					measured(
						'WordPress Importer (WXR)',
						site,
						expected,
						async () => {
							const run = await runCommand(
								'php',
								[ '-d', 'memory_limit=512M', driverFile ],
								{
									cwd: site.dir,
									env: {
										...process.env,
										BENCH_WXR: JSON.stringify( {
											dir: site.dir,
											host: new URL( site.url ).host,
											peer,
											wxr: wxrFile,
											imagePort: images.port,
										} ),
									},
								}
							);
							if ( run.code !== 0 ) {
								throw new Error(
									`The WordPress Importer failed (${ run.code }):\n${ run.stderr.slice( -2000 ) }${ run.stdout.slice( -2000 ) }`
								);
							}
							const answer = marked< {
								peak: number;
								errors: string[];
							} >( run.stdout );
							return {
								failures: answer.errors,
								peakMB: round( answer.peak / 1024 / 1024, 1 ),
							};
						},
						'server'
					)
				);
			}
			if ( wantCore ) {
				results.core = await withSite(
					'Benchmark, core routes',
					( site ) =>
						measured(
							'core REST routes',
							site,
							expected,
							async () => {
								await importThroughCoreRoutes(
									site,
									model,
									( file ) => reader.readMedia( file ),
									{}
								);
								return { failures: [] };
							},
							'client'
						)
				);
			}
			results.plugin = await withSite( 'Benchmark', ( site ) =>
				measured(
					'this plugin (command line)',
					site,
					expected,
					async () => {
						const run = await runCommand( process.execPath, [
							cli,
							'import',
							zipFile,
							'--url',
							site.url,
							'--user',
							site.adminUser,
							'--app-password',
							site.appPassword,
							'--json',
						] );
						if ( run.code !== 0 && run.code !== 3 ) {
							throw new Error(
								`The command line failed (${ run.code }):\n${ run.stderr.slice( -2000 ) }`
							);
						}
						const summary = JSON.parse(
							run.stdout.trim().split( '\n' ).pop() ?? '{}'
						);
						return {
							failures: ( summary.failures ?? [] ).map(
								( failure: { message: string } ) =>
									failure.message
							),
						};
					},
					'client'
				)
			);
			rounds.push( results );
			say( '' );
			say( `Run ${ round_ + 1 } of ${ runs }:` );
			say( HEADER );
			for ( const result of Object.values( results ) ) {
				say( tableRow( result ) );
				for ( const failure of result.failures.slice( 0, 3 ) ) {
					say( `    failed: ${ failure }` );
				}
			}
			if ( results.wxr ) {
				say(
					`this plugin / WordPress Importer: wall ${ round(
						results.plugin.wall / results.wxr.wall
					) }, server CPU ${ round(
						results.plugin.serverCpu / results.wxr.serverCpu
					) }`
				);
			}
			say(
				`this plugin's server time by route (requests, wall s: boot, validation, handler; PHP CPU s, queries): ${ Object.entries(
					results.plugin.profile ?? {}
				)
					.map(
						( [ kind, p ] ) =>
							`${ kind } ${ p.requests }, ${ p.wall }: ${ p.boot }, ${ p.check }, ${ p.handler }; ${ p.phpCpu }, ${ p.queries }`
					)
					.join( ', ' ) }`
			);
		}
	} finally {
		images?.server.close();
		rmSync( scratch, { recursive: true, force: true } );
	}

	const medians: Record< string, Partial< Result > > = {};
	for ( const key of Object.keys( rounds[ 0 ] ) ) {
		const of = ( pick: ( r: Result ) => number ) =>
			round( median( rounds.map( ( r ) => pick( r[ key ] ) ) ) );
		medians[ key ] = {
			name: rounds[ 0 ][ key ].name,
			wall: of( ( r ) => r.wall ),
			serverCpu: of( ( r ) => r.serverCpu ),
			clientCpu: of( ( r ) => r.clientCpu ),
			peakMB: of( ( r ) => r.peakMB ),
			slowestRequest: of( ( r ) => r.slowestRequest ),
		};
	}
	const ratios = medians.wxr
		? {
				wall: round(
					( medians.plugin.wall ?? 0 ) / ( medians.wxr.wall ?? 1 )
				),
				serverCpu: round(
					( medians.plugin.serverCpu ?? 0 ) /
						( medians.wxr.serverCpu ?? 1 )
				),
			}
		: null;
	if ( runs > 1 ) {
		say( '' );
		say( `Medians of ${ runs } runs:` );
		for ( const m of Object.values( medians ) ) {
			say(
				`${ String( m.name ).padEnd( 30 ) } wall ${ m.wall } s, server CPU ${ m.serverCpu } s, client CPU ${ m.clientCpu } s`
			);
		}
	}
	say(
		ratios
			? `Ratios this plugin / WordPress Importer${
					runs > 1 ? ' (medians)' : ''
				}: wall ${ ratios.wall }, server CPU ${ ratios.serverCpu } (target: both at most 0.5)`
			: 'Ratios against the WordPress Importer: not measured.'
	);
	const allExact = rounds.every( ( r ) =>
		Object.values( r ).every( ( result ) => result.countsExact )
	);
	if ( ! allExact ) {
		say(
			'Some import did not leave exactly the expected counts: see WRONG above.'
		);
		process.exitCode = 1;
	}
	if ( argv.includes( '--json' ) ) {
		say(
			JSON.stringify( {
				content: { ...expected, photos },
				runs: rounds,
				medians,
				ratios,
				countsExact: allExact,
			} )
		);
	}
}

main( process.argv.slice( 2 ) ).catch( ( error ) => {
	process.stderr.write( `${ String( error?.stack ?? error ) }\n` );
	process.exitCode = 1;
} );
