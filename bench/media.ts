/**
 * `npm run bench:media`: the media half of an import, measured on its own.
 * Starts its own WordPress on MariaDB, generates 640×480 JPEG photos
 * (deterministic, about 40–80 KB each; 300 by default) and uploads them through the
 * runner three ways, each with photos of its own, on the same site:
 *
 * - `before`: one file per request, the sizes made by the site at finalize
 *   (as the runner did before media batches);
 * - `server`: several files per request, the sizes made by the site (the
 *   fallback, `--server-image-sizes`);
 * - `client`: several files per request with the sizes made here by sharp.
 *
 * Prints, for each, wall seconds and server CPU-seconds (PHP's workers and
 * MariaDB, read from /proc) of the media phase and finalize together, and
 * the client's CPU-seconds and requests. Flags: `--photos N`, `--rounds N`
 * (each way N times, interleaved), `--json` (one JSON line last).
 */

/**
 * External dependencies
 */
import sharp from 'sharp';

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../src/archive/model';
import { createFetchTransport } from '../src/cli/fetch-transport';
import { createSharpSizer } from '../src/cli/sharp-sizer';
import { runImport } from '../src/import/runner';
import type { Transport } from '../src/import/transport';
import type { RunInfo } from '../src/import/types';
import { option, siteCpuSeconds, startPluginSite } from './support';

type Way = 'before' | 'server' | 'client';

/**
 * A deterministic photo-like JPEG: gradients, waves and noise.
 *
 * @param seed Which photo.
 * @return The bytes.
 */
export async function photo( seed: number ): Promise< Uint8Array > {
	let state = ( seed * 2654435761 ) % 4294967296;
	const random = () => {
		state = ( state * 1664525 + 1013904223 ) % 4294967296;
		return state / 4294967296;
	};
	const width = 640;
	const height = 480;
	const pixels = Buffer.alloc( width * height * 3 );
	const [ a, b, c ] = [ random() * 255, random() * 255, random() * 255 ];
	const slope = 1 + random() * 3;
	const amplitude = 14 + random() * 14;
	for ( let y = 0; y < height; y++ ) {
		for ( let x = 0; x < width; x++ ) {
			const i = ( y * width + x ) * 3;
			const noise = random() * amplitude;
			pixels[ i ] =
				( a +
					( x * slope ) / 4 +
					40 * Math.sin( y / 20 + seed ) +
					noise ) %
				256;
			pixels[ i + 1 ] =
				( b + y / 3 + 30 * Math.cos( x / 30 ) + noise ) % 256;
			pixels[ i + 2 ] = ( c + ( x + y ) / 5 + noise ) % 256;
		}
	}
	const out = await sharp( pixels, { raw: { width, height, channels: 3 } } )
		.jpeg( { quality: 75 } )
		.toBuffer();
	return new Uint8Array( out.buffer, out.byteOffset, out.byteLength );
}

/**
 * The transport as the runner used it before media batches: one file per
 * request, through the single-file route, and no sizes from the client.
 *
 * @param transport The transport.
 * @return The old-style transport.
 */
function oneByOne( transport: Transport ): Transport {
	return {
		request: async < T >(
			method: 'GET' | 'POST' | 'DELETE',
			url: string,
			body?: unknown
		) => {
			const answer = await transport.request< T >( method, url, body );
			if ( method === 'POST' && /\/runs$/.test( url ) ) {
				const run = answer as unknown as RunInfo;
				run.limits = { ...run.limits, mediaFilesPerRequest: 1 };
				run.imageSizes = null;
			}
			return answer;
		},
		upload: async < T >( url: string, form: FormData ) => {
			const single = new FormData();
			single.append( 'path', form.get( 'items[0][path]' ) as string );
			single.append( 'sha256', form.get( 'items[0][sha256]' ) as string );
			const date = form.get( 'items[0][date]' );
			if ( date ) {
				single.append( 'date', date as string );
			}
			single.append( 'file', form.get( 'f0' ) as File );
			const answer = await transport.upload< Record< string, unknown > >(
				url.replace( /\/batch$/, '' ),
				single
			);
			return { results: [ answer ] } as T;
		},
	};
}

async function measure(
	site: { url: string; adminUser: string; appPassword: string },
	pgid: number,
	mariadb: number | null,
	way: Way,
	count: number,
	first: number
) {
	const media = new Map< string, Uint8Array >();
	for ( let n = 0; n < count; n++ ) {
		media.set( `img/p${ first + n }.jpg`, await photo( first + n ) );
	}
	const paths = [ ...media.keys() ];
	const model: ArchiveModel = {
		name: `photos-${ way }-${ first }.zip`,
		blog: { title: 'Photos', host: null, cid: null, culture: 'en-US' },
		posts: Array.from( { length: Math.ceil( count / 10 ) }, ( _, p ) => ( {
			sourceId: `local!${ ( first * 1000 + p ).toString( 16 ).padStart( 16, '0' ) }`,
			number: 0,
			title: `Photos ${ p }`,
			html: paths
				.slice( p * 10, p * 10 + 10 )
				.map( ( file ) => `<img src="${ file }">` )
				.join( '' ),
			published: '2007-04-20T01:29:58',
			dateSource: 'footer',
			categories: [],
			originalUrl: null,
			comments: [],
			declaredCommentCount: null,
			images: paths.slice( p * 10, p * 10 + 10 ).map( ( file ) => ( {
				reference: file,
				archivePath: file,
				alt: '',
			} ) ),
			links: [],
			files: [ 'photos.html' ],
		} ) ),
		media: paths.map( ( file ) => ( {
			path: file,
			size: media.get( file )!.length,
			mimeType: 'image/jpeg',
		} ) ),
		warnings: [],
	} as unknown as ArchiveModel;
	const base = createFetchTransport( {
		url: site.url,
		user: site.adminUser,
		appPassword: site.appPassword,
	} );
	let requests = 0;
	const timing: Record< string, number > = {};
	const inner = way === 'before' ? oneByOne( base ) : base;
	const timed = < T >( url: string, call: () => Promise< T > ) => {
		requests++;
		const at = performance.now();
		return call().finally( () => {
			const kind = url.replace( /^.*\/runs(\/\d+)?\/?/, '' ) || 'runs';
			timing[ kind ] =
				( timing[ kind ] ?? 0 ) + ( performance.now() - at ) / 1000;
		} );
	};
	const transport: Transport = {
		request: ( method, url, body ) =>
			timed( url, () => inner.request( method, url, body ) ),
		upload: ( url, form ) => timed( url, () => inner.upload( url, form ) ),
	};
	const sizer = way === 'client' ? await createSharpSizer() : null;
	if ( way === 'client' && ! sizer ) {
		throw new Error( 'sharp is not installed: run npm install.' );
	}
	let wall = 0;
	let cpu = 0;
	let started = 0;
	let cpuAt = 0;
	let postsWall = 0;
	let postsCpu = 0;
	const clientBefore = process.cpuUsage();
	const begin = performance.now();
	const report = await runImport( {
		model,
		transport,
		media: { read: async ( file ) => media.get( file )! },
		imageSizer: sizer ?? undefined,
		options: { imageSizes: way === 'client' ? 'client' : 'server' },
		onProgress: ( progress ) => {
			if ( progress.phase === 'media' && ! started ) {
				started = performance.now();
				cpuAt = siteCpuSeconds( pgid, mariadb );
			} else if ( progress.phase === 'posts' && ! postsWall ) {
				postsWall = performance.now();
				postsCpu = siteCpuSeconds( pgid, mariadb );
			} else if ( progress.phase === 'finalize' && postsWall > 0 ) {
				// The posts phase is not media work: left out.
				wall -= performance.now() - postsWall;
				cpu -= siteCpuSeconds( pgid, mariadb ) - postsCpu;
				postsWall = -1;
			}
		},
	} );
	wall += performance.now() - started;
	cpu += siteCpuSeconds( pgid, mariadb ) - cpuAt;
	const client = process.cpuUsage( clientBefore );
	const created = report.media.filter(
		( file ) => file.status === 'created'
	);
	if ( created.length !== count || report.run.state !== 'complete' ) {
		throw new Error(
			`${ way }: ${ created.length } of ${ count } photos created; run ${ report.run.state }.`
		);
	}
	return {
		way,
		photos: count,
		wallSeconds: Number( ( wall / 1000 ).toFixed( 2 ) ),
		serverCpuSeconds: Number( cpu.toFixed( 2 ) ),
		clientCpuSeconds: Number(
			( ( client.user + client.system ) / 1e6 ).toFixed( 2 )
		),
		totalSeconds: Number(
			( ( performance.now() - begin ) / 1000 ).toFixed( 2 )
		),
		requests,
		requestSeconds: Object.fromEntries(
			Object.entries( timing ).map( ( [ kind, seconds ] ) => [
				kind,
				Number( seconds.toFixed( 2 ) ),
			] )
		),
		clientSizes: created.filter( ( file ) => file.sizes === 'client' )
			.length,
	};
}

async function main() {
	const argv = process.argv.slice( 2 );
	const count = option( argv, '--photos', 300 );
	const rounds = option( argv, '--rounds', 1 );
	const json = argv.includes( '--json' );
	const site = await startPluginSite( 'Media benchmark' );
	const rows = [];
	try {
		let first = 1;
		for ( let round = 0; round < rounds; round++ ) {
			// Each round in another order, so no way always goes first.
			const ways: Way[] = [ 'before', 'server', 'client' ];
			for ( const way of [
				...ways.slice( round % 3 ),
				...ways.slice( 0, round % 3 ),
			] ) {
				const row = await measure(
					site,
					site.serverPgid,
					site.mariadb?.pid ?? null,
					way,
					count,
					first
				);
				first += count;
				rows.push( row );
				process.stdout.write(
					`${ way.padEnd( 7 ) } ${ count } photos: ${ row.wallSeconds } s wall, ${ row.serverCpuSeconds } server CPU-s, ${ row.clientCpuSeconds } client CPU-s, ${ row.requests } requests, sizes by the client: ${ row.clientSizes }; request seconds ${ JSON.stringify( row.requestSeconds ) }\n`
				);
			}
		}
	} finally {
		await site.stop( { removeDir: true } );
	}
	if ( json ) {
		process.stdout.write( JSON.stringify( rows ) + '\n' );
	}
}

if ( require.main === module ) {
	main().catch( ( error ) => {
		process.stderr.write( `${ error?.stack ?? error }\n` );
		process.exit( 1 );
	} );
}
