/**
 * `npm run bench:import`: starts its own WordPress on MariaDB, imports a
 * generated archive (1,000 posts, 10,000 comments, 300 images by default)
 * through the plugin's routes, then the same content into a second fresh
 * site through WordPress's core routes only (media one by one, posts through
 * core `/batch/v1`, one request per comment), tears both down and prints
 * seconds, requests by kind, peak PHP memory per request and the ratio.
 *
 * Flags: `--json` ends the output with one JSON line; `--posts N`,
 * `--comments N`, `--images N` change the sizes; `--no-core` skips the
 * core-routes comparison.
 */

/**
 * External dependencies
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive, type ArchiveModel } from '../src/archive';
import { generateArchive } from '../tests/support/archive/generate';
import { runImport } from '../src/import/runner';
import type { Transport } from '../src/import/transport';
import { createFetchTransport } from '../src/cli/fetch-transport';

interface Site {
	url: string;
	dir: string;
	adminUser: string;
	appPassword: string;
	stop: ( options?: { removeDir?: boolean } ) => Promise< void >;
}

const root = path.resolve( __dirname, '../..' );

/** Requests kept in flight on the core path, as measured in the spec. */
const CORE_IN_FLIGHT = 4;

/**
 * Records every PHP request's peak memory, so the benchmark can report the
 * heaviest request. Installed in the benchmark's own site only.
 */
const MEMORY_PLUGIN = `<?php
register_shutdown_function(
	function () {
		$uri = isset( $_SERVER['REQUEST_URI'] ) ? strtok( $_SERVER['REQUEST_URI'], '?' ) : '';
		file_put_contents(
			WP_CONTENT_DIR . '/bench-memory.log',
			$_SERVER['REQUEST_METHOD'] . ' ' . $uri . "\\t" . memory_get_peak_usage( true ) . "\\n",
			FILE_APPEND | LOCK_EX
		);
	}
);
`;

function option( argv: string[], name: string, fallback: number ): number {
	const at = argv.indexOf( name );
	return at >= 0 ? Number( argv[ at + 1 ] ) : fallback;
}

async function startSite( title: string ): Promise< Site > {
	const { createSite } = await import(
		pathToFileURL( path.join( root, 'tools/wp/lib/site.mjs' ) ).href
	);
	const site: Site = await createSite( {
		db: 'mariadb',
		title,
		plugins: [ { slug: 'spaces-importer', path: root } ],
		log: () => {},
	} );
	writeFileSync(
		path.join( site.dir, 'wp-content/mu-plugins/bench-memory.php' ),
		MEMORY_PLUGIN
	);
	return site;
}

/**
 * Peak memory of the heaviest REST request the site served, in MB.
 *
 * @param site The site.
 * @return MB.
 */
function peakRequestMemoryMB( site: Site ): number {
	const log = readFileSync(
		path.join( site.dir, 'wp-content/bench-memory.log' ),
		'utf8'
	);
	let peak = 0;
	for ( const line of log.split( '\n' ) ) {
		const [ request, bytes ] = line.split( '\t' );
		if ( request?.includes( '/wp-json/' ) ) {
			peak = Math.max( peak, Number( bytes ) );
		}
	}
	return Math.round( ( peak / 1024 / 1024 ) * 10 ) / 10;
}

/**
 * Wraps a transport to count its requests by kind.
 *
 * @param transport The transport.
 * @param counts    Where the counts go.
 * @return The counting transport.
 */
function counting(
	transport: Transport,
	counts: Record< string, number >
): Transport {
	const kind = ( method: string, url: string ) => {
		const route = url
			.replace( /^\/spaces-importer\/v1\/runs(\/\d+)?/, '' )
			.replace( /^\//, '' );
		return route || ( method === 'DELETE' ? 'undo' : 'runs' );
	};
	const count = ( key: string ) => {
		counts[ key ] = ( counts[ key ] ?? 0 ) + 1;
	};
	return {
		request: ( method, url, body ) => {
			count( kind( method, url ) );
			return transport.request( method, url, body );
		},
		upload: ( url, form ) => {
			count( kind( 'POST', url ) );
			return transport.upload( url, form );
		},
	};
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

async function main( argv: string[] ) {
	const sizes = {
		posts: option( argv, '--posts', 1000 ),
		comments: option( argv, '--comments', 10000 ),
		images: option( argv, '--images', 300 ),
	};
	const generated = generateArchive( { ...sizes, seed: 7 } );
	const reader = await readArchive( zipSync( generated.files ), 'space.zip' );
	const { model } = reader;
	const comments = model.posts.reduce( ( n, p ) => n + p.comments.length, 0 );

	const site = await startSite( 'Benchmark' );
	const requests: Record< string, number > = {};
	let seconds = 0;
	let peak = 0;
	let summary;
	try {
		const started = Date.now();
		const report = await runImport( {
			model,
			media: { read: ( file ) => reader.readMedia( file ) },
			transport: counting(
				createFetchTransport( {
					url: site.url,
					user: site.adminUser,
					appPassword: site.appPassword,
				} ),
				requests
			),
		} );
		seconds = ( Date.now() - started ) / 1000;
		peak = peakRequestMemoryMB( site );
		summary = {
			postsCreated: report.results.filter(
				( r ) => r.status === 'created'
			).length,
			mediaCreated: report.media.filter( ( m ) => m.status === 'created' )
				.length,
			failures:
				report.results.filter( ( r ) => r.status === 'failed' ).length +
				report.media.filter( ( m ) => m.status === 'failed' ).length,
		};
	} finally {
		await site.stop( { removeDir: true } );
	}

	let coreRoutesSeconds: number | null = null;
	let corePeak: number | null = null;
	const coreRequests: Record< string, number > = {};
	if ( ! argv.includes( '--no-core' ) ) {
		const core = await startSite( 'Benchmark, core routes' );
		try {
			coreRoutesSeconds = await importThroughCoreRoutes(
				core,
				model,
				( file ) => reader.readMedia( file ),
				coreRequests
			);
			corePeak = peakRequestMemoryMB( core );
		} finally {
			await core.stop( { removeDir: true } );
		}
	}

	const images = summary.mediaCreated;
	const totalRequests = Object.values( requests ).reduce(
		( a, b ) => a + b,
		0
	);
	const result = {
		posts: model.posts.length,
		comments,
		images,
		seconds: Math.round( seconds * 100 ) / 100,
		postsPerSecond:
			Math.round( ( model.posts.length / seconds ) * 10 ) / 10,
		requests,
		totalRequests,
		postsPerPostsRequest:
			Math.round(
				( model.posts.length / ( requests.posts || 1 ) ) * 10
			) / 10,
		peakRequestMemoryMB: peak,
		failures: summary.failures,
		coreRoutesSeconds:
			coreRoutesSeconds === null
				? null
				: Math.round( coreRoutesSeconds * 100 ) / 100,
		coreRequests,
		corePeakRequestMemoryMB: corePeak,
		speedup:
			coreRoutesSeconds === null
				? null
				: Math.round( ( coreRoutesSeconds / seconds ) * 10 ) / 10,
	};
	process.stdout.write(
		[
			`Imported ${ result.posts } posts, ${ result.comments } comments, ${ result.images } images through the plugin's routes.`,
			`Seconds: ${ result.seconds } (${ result.postsPerSecond } posts/s)`,
			`Requests: ${ totalRequests } ${ JSON.stringify( requests ) } (${ result.postsPerPostsRequest } posts per posts request)`,
			`Peak PHP memory of one request: ${ peak } MB`,
			`Failed items: ${ result.failures }`,
			coreRoutesSeconds === null
				? 'Core routes: skipped'
				: `Core routes: ${ result.coreRoutesSeconds } s, ${ Object.values( coreRequests ).reduce( ( a, b ) => a + b, 0 ) } requests ${ JSON.stringify( coreRequests ) }, peak ${ corePeak } MB; the plugin is ${ result.speedup }× faster`,
			'',
		].join( '\n' )
	);
	if ( argv.includes( '--json' ) ) {
		process.stdout.write( JSON.stringify( result ) + '\n' );
	}
}

main( process.argv.slice( 2 ) ).catch( ( error ) => {
	process.stderr.write( `${ String( error?.stack ?? error ) }\n` );
	process.exitCode = 1;
} );
