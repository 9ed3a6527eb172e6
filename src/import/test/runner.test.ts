/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel, ArchivePost } from '../../archive/model';
import { RunControl } from '../control';
import { archiveFingerprint } from '../fingerprint';
import { sha256Hex } from '../hash';
import { runImport, undoRun } from '../runner';
import { TransportError, type Transport } from '../transport';
import type { ImportProgress, PostResult, RunInfo } from '../types';

const CID = 'ABCDEF0123456789';

function post( n: number, extra: Partial< ArchivePost > = {} ): ArchivePost {
	return {
		sourceId: `cns!${ CID }!${ n }`,
		number: n,
		title: `标题 ${ n }`,
		html: `<p>Body ${ n }</p>`,
		published: '2007-01-03T23:55:16',
		dateSource: 'footer',
		categories: [ '生活' ],
		originalUrl: `http://x.spaces.live.com/blog/cns!${ CID }!${ n }.entry`,
		comments: [],
		declaredCommentCount: null,
		images: [],
		links: [],
		files: [ 'a.html' ],
		...extra,
	};
}

function model(
	count: number,
	extra: Partial< ArchiveModel > = {}
): ArchiveModel {
	return {
		name: 'space.zip',
		blog: { title: 'Blog', host: null, cid: CID, culture: 'zh-CN' },
		posts: Array.from( { length: count }, ( _, i ) => post( i + 1 ) ),
		media: [],
		warnings: [],
		...extra,
	};
}

const bytesOf = ( path: string ) =>
	new TextEncoder().encode( `bytes of ${ path }` );

interface Call {
	method: string;
	path: string;
	body: any;
}

/**
 * A site that answers like the plugin's routes (docs/rest-api.md), and
 * records every request.
 *
 * @param options                   Behaviour.
 * @param options.failures          Errors to throw for the next requests, in order (null: answer).
 * @param options.existingHashes    Files the site already has.
 * @param options.refuseUpload      Paths whose upload the site refuses with 400.
 * @param options.finalizeSteps     How many finalize calls until done.
 * @param options.refuseSizes
 * @param options.refuseBatchesOver
 * @param options.limits
 * @param options.imageSizes
 */
function fakeSite( {
	failures = [] as Array< TransportError | null >,
	existingHashes = [] as string[],
	refuseUpload = [] as string[],
	refuseSizes = [] as string[],
	refuseBatchesOver = 0,
	finalizeSteps = 1,
	limits = {} as Partial< RunInfo[ 'limits' ] >,
	imageSizes = null as RunInfo[ 'imageSizes' ],
} = {} ) {
	const calls: Call[] = [];
	let finalizeLeft = finalizeSteps;
	let undoLeft = 2;
	const run: RunInfo = {
		id: 7,
		fingerprint: 'f',
		name: 'space.zip',
		state: 'running',
		created: '2026-01-01T00:00:00',
		totals: {},
		importedPosts: 0,
		limits: {
			postsPerRequest: 50,
			maxUploadBytes: 1000,
			allowedTypes: [ 'image/jpeg', 'image/png' ],
			...limits,
		},
		imageSizes,
	};
	const answer = ( method: string, path: string, body: any ): any => {
		calls.push( { method, path, body } );
		const failure = failures.shift();
		if ( failure ) {
			throw failure;
		}
		if ( path.endsWith( '/media/lookup' ) ) {
			const found: Record< string, unknown > = {};
			for ( const hash of body.hashes ) {
				if ( existingHashes.includes( hash ) ) {
					found[ hash ] = {
						attachmentId: 1,
						url: 'http://site/old.jpg',
					};
				}
			}
			return { found };
		}
		if ( path.endsWith( '/media/batch' ) ) {
			const items = batchItems( body );
			if ( refuseBatchesOver && items.length > refuseBatchesOver ) {
				throw new TransportError(
					'This request is larger than this site accepts.',
					413,
					'spaces_importer_file_too_large'
				);
			}
			return {
				results: items.map( ( item, at ) => {
					if ( refuseUpload.includes( item.path ) ) {
						return {
							path: item.path,
							status: 'failed',
							code: 'spaces_importer_unsupported_type',
							message: 'Sorry, this file type is not permitted.',
						};
					}
					if ( refuseSizes.includes( item.path ) && item.sized ) {
						return {
							path: item.path,
							status: 'failed',
							code: 'spaces_importer_bad_image_size',
							message:
								'The "thumbnail" image size is 1×1 pixels.',
						};
					}
					return {
						path: item.path,
						attachmentId: 50 + calls.length * 100 + at,
						url: `http://site/${ item.path }`,
						status: 'created',
						sizes: item.sized ? 'client' : 'server',
					};
				} ),
			};
		}
		if ( path.endsWith( '/posts' ) ) {
			const results: PostResult[] = body.posts.map(
				( p: any, i: number ) => ( {
					sourceId: p.sourceId,
					postId: 100 + i,
					status: 'created',
					link: `http://site/${ i }`,
				} )
			);
			return { results };
		}
		if ( path.endsWith( '/finalize' ) ) {
			finalizeLeft--;
			return {
				...run,
				state: finalizeLeft ? 'running' : 'complete',
				finalize: { remaining: finalizeLeft },
			};
		}
		if ( method === 'DELETE' ) {
			undoLeft--;
			return {
				...run,
				state: undoLeft ? 'running' : 'undone',
				undo: { remaining: undoLeft },
			};
		}
		return run;
	};
	const transport: Transport = {
		request: async < T >( method: string, path: string, body?: unknown ) =>
			answer( method, path, body ) as T,
		upload: async < T >( path: string, form: FormData ) =>
			answer( 'POST', path, form ) as T,
	};
	return { calls, transport };
}

/**
 * The files of a media batch form, as the site reads them.
 *
 * @param form The multipart form.
 * @return One item per file, with its upload and its sizes.
 */
function batchItems( form: FormData ): any[] {
	const items: any[] = [];
	for ( const [ key, value ] of form.entries() ) {
		const field = /^items\[(\d+)\]\[(\w+)\](?:\[(\d+)\]\[(\w+)\])?$/.exec(
			key
		);
		if ( ! field ) {
			continue;
		}
		const item = ( items[ Number( field[ 1 ] ) ] ??= { sizes: [] } );
		if ( field[ 3 ] === undefined ) {
			item[ field[ 2 ] ] = value;
		} else {
			( item.sizes[ Number( field[ 3 ] ) ] ??= {} )[ field[ 4 ] ] = value;
		}
	}
	for ( const item of items ) {
		item.upload = form.get( item.file );
		for ( const size of item.sizes ) {
			size.upload = form.get( size.file );
		}
	}
	return items;
}

/**
 * Every file sent in media batches, in order.
 *
 * @param calls The recorded requests.
 * @return The items.
 */
const sentFiles = ( calls: Call[] ) =>
	calls
		.filter( ( c ) => c.path.endsWith( '/media/batch' ) )
		.flatMap( ( c ) => batchItems( c.body ) );

const fast = { attempts: 3, baseDelayMs: 1 };
const media = { read: async ( path: string ) => bytesOf( path ) };
const paths = ( calls: Call[] ) =>
	calls.map( ( c ) => c.path.replace( '/spaces-importer/v1', '' ) );

describe( 'runImport', () => {
	it( 'starts a run, sends the posts in the batches the site allows with comments and links, then finalizes step by step', async () => {
		const { calls, transport } = fakeSite( { finalizeSteps: 3 } );
		const archive = model( 120 );
		archive.posts[ 0 ].comments = [
			{
				author: 'Lisa <3',
				authorUrl: null,
				published: '2007-01-04T08:00:00',
				html: 'Nice',
			},
		];
		archive.posts[ 0 ].links = [
			{
				href: 'http://x.spaces.live.com/blog/cns!ABCDEF0123456789!2.entry',
				sourceId: `cns!${ CID }!2`,
			},
		];
		const progress: ImportProgress[] = [];
		const report = await runImport( {
			model: archive,
			transport,
			retry: fast,
			options: { status: 'draft' },
			onProgress: ( p ) => progress.push( p ),
		} );

		expect( paths( calls ) ).toEqual( [
			'/runs',
			'/runs/7/posts',
			'/runs/7/posts',
			'/runs/7/posts',
			'/runs/7/finalize',
			'/runs/7/finalize',
			'/runs/7/finalize',
		] );
		expect( calls[ 0 ].body ).toMatchObject( {
			name: 'space.zip',
			totals: { posts: 120, comments: 1, media: 0 },
			options: {
				status: 'draft',
				comments: 'approved',
				existing: 'skip',
			},
		} );
		expect( calls[ 0 ].body.fingerprint ).toMatch( /^[0-9a-f]{64}$/ );
		expect( calls[ 1 ].body.posts ).toHaveLength( 50 );
		expect( calls[ 3 ].body.posts ).toHaveLength( 20 );
		expect( calls[ 1 ].body.posts[ 0 ] ).toEqual( {
			sourceId: `cns!${ CID }!1`,
			title: '标题 1',
			html: '<p>Body 1</p>',
			published: '2007-01-03T23:55:16',
			categories: [ '生活' ],
			originalUrl: `http://x.spaces.live.com/blog/cns!${ CID }!1.entry`,
			comments: [
				{
					author: 'Lisa <3',
					authorUrl: null,
					published: '2007-01-04T08:00:00',
					html: 'Nice',
				},
			],
			images: [],
			links: [
				{
					href: 'http://x.spaces.live.com/blog/cns!ABCDEF0123456789!2.entry',
					sourceId: `cns!${ CID }!2`,
				},
			],
		} );
		expect( report.results ).toHaveLength( 120 );
		expect( report.results[ 119 ].title ).toBe( '标题 120' );
		expect( report.run.state ).toBe( 'complete' );
		const last = progress[ progress.length - 1 ];
		expect( last.phase ).toBe( 'done' );
		expect( last.posts ).toEqual( { done: 120, total: 120 } );
		expect( last.finalize.done ).toBe( last.finalize.total );
		expect( progress.some( ( p ) => p.posts.done === 50 ) ).toBe( true );
	} );

	it( 'leaves comments out when the owner chose none', async () => {
		const { calls, transport } = fakeSite();
		const archive = model( 1 );
		archive.posts[ 0 ].comments = [
			{ author: 'a', authorUrl: null, published: null, html: 'x' },
		];
		await runImport( {
			model: archive,
			transport,
			retry: fast,
			options: { comments: 'none' },
		} );
		expect( calls[ 1 ].body.posts[ 0 ].comments ).toEqual( [] );
	} );

	it( 'sends Live Writer drafts as drafts with their tags, or leaves them and their images out when the owner skips them', async () => {
		const archive = model( 2, {
			media: [
				{ path: 'd.wpost/a.png', size: 10, mimeType: 'image/png' },
			],
		} );
		archive.posts.push(
			post( 0, {
				sourceId: 'local!0123456789abcdef',
				title: 'Draft',
				liveWriter: 'draft',
				tags: [ 'spring' ],
				images: [
					{
						reference: 'd.wpost/a.png',
						archivePath: 'd.wpost/a.png',
						alt: '',
					},
				],
			} )
		);
		const asDrafts = fakeSite();
		await runImport( {
			model: archive,
			transport: asDrafts.transport,
			retry: fast,
			media,
		} );
		const sent = asDrafts.calls
			.filter( ( c ) => c.path.endsWith( '/posts' ) )
			.flatMap( ( c ) => c.body.posts );
		expect( sent.map( ( p: any ) => p.status ) ).toEqual( [
			undefined,
			undefined,
			'draft',
		] );
		expect( sent[ 2 ].tags ).toEqual( [ 'spring' ] );

		const skipping = fakeSite();
		await runImport( {
			model: archive,
			transport: skipping.transport,
			retry: fast,
			media,
			options: { liveWriterDrafts: 'skip' },
		} );
		const kept = skipping.calls
			.filter( ( c ) => c.path.endsWith( '/posts' ) )
			.flatMap( ( c ) => c.body.posts );
		expect( kept.map( ( p: any ) => p.title ) ).toEqual( [
			'标题 1',
			'标题 2',
		] );
		expect(
			skipping.calls.filter( ( c ) => c.path.includes( '/media' ) )
		).toEqual( [] );
		// The same archive, whichever posts are imported.
		expect( skipping.calls[ 0 ].body.fingerprint ).toBe(
			asDrafts.calls[ 0 ].body.fingerprint
		);
	} );

	it( 'uploads the images posts use once, skips those the site has, and points the posts at the attachments', async () => {
		const archive = model( 3, {
			media: [
				{ path: 'img/a.jpg', size: 20, mimeType: 'image/jpeg' },
				{ path: 'img/b.png', size: 20, mimeType: 'image/png' },
				{ path: 'img/c.jpg', size: 20, mimeType: 'image/jpeg' },
				{ path: 'img/unused.jpg', size: 20, mimeType: 'image/jpeg' },
				{
					path: 'img/movie.swf',
					size: 20,
					mimeType: 'application/x-shockwave-flash',
				},
				{ path: 'img/huge.jpg', size: 5000, mimeType: 'image/jpeg' },
			],
		} );
		const image = (
			archivePath: string | null,
			reference = archivePath ?? 'http://gone'
		) => ( { reference, archivePath, alt: '' } );
		archive.posts[ 0 ].images = [
			image( 'img/a.jpg' ),
			image( 'img/b.png' ),
			image( null ),
		];
		archive.posts[ 1 ].published = '2008-05-01T00:00:00';
		archive.posts[ 1 ].images = [
			image( 'img/c.jpg', 'http://tkfiles.storage.msn.com/c.jpg' ),
			image( 'img/a.jpg' ),
			image( 'img/movie.swf' ),
			image( 'img/huge.jpg' ),
		];
		const { calls, transport } = fakeSite( {
			existingHashes: [ sha256Hex( bytesOf( 'img/b.png' ) ) ],
		} );

		const report = await runImport( {
			model: archive,
			transport,
			media,
			retry: fast,
		} );

		const uploads = sentFiles( calls );
		expect( uploads.map( ( item ) => item.path ) ).toEqual( [
			'img/a.jpg',
			'img/c.jpg',
		] );
		expect( uploads[ 0 ].date ).toBe( '2007-01' );
		expect( uploads[ 1 ].date ).toBe( '2008-05' );
		expect( uploads[ 0 ].sha256 ).toBe(
			sha256Hex( bytesOf( 'img/a.jpg' ) )
		);
		expect( ( uploads[ 0 ].upload as File ).name ).toBe( 'a.jpg' );
		expect(
			new Uint8Array(
				await ( uploads[ 0 ].upload as File ).arrayBuffer()
			)
		).toEqual( bytesOf( 'img/a.jpg' ) );
		expect( paths( calls ).indexOf( '/runs/7/media/lookup' ) ).toBeLessThan(
			paths( calls ).indexOf( '/runs/7/media/batch' )
		);

		const byPath = Object.fromEntries(
			report.media.map( ( m ) => [ m.path, m.status ] )
		);
		expect( byPath ).toEqual( {
			'img/a.jpg': 'created',
			'img/b.png': 'existing',
			'img/c.jpg': 'created',
			'img/movie.swf': 'failed',
			'img/huge.jpg': 'failed',
		} );

		const posts = calls.find( ( c ) => c.path.endsWith( '/posts' ) )!.body
			.posts;
		expect( posts[ 0 ].images ).toEqual( [
			{ reference: 'img/a.jpg', attachmentId: expect.any( Number ) },
			{ reference: 'img/b.png', attachmentId: 1 },
		] );
		expect( posts[ 1 ].images.map( ( i: any ) => i.reference ) ).toEqual( [
			'http://tkfiles.storage.msn.com/c.jpg',
			'img/a.jpg',
		] );
	} );

	it( 'sends files with the same bytes once, and points both references at the one attachment', async () => {
		const archive = model( 1, {
			media: [
				{ path: 'img/a.jpg', size: 20, mimeType: 'image/jpeg' },
				{ path: 'copy/a.jpg', size: 20, mimeType: 'image/jpeg' },
			],
		} );
		archive.posts[ 0 ].images = [
			{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
			{ reference: 'copy/a.jpg', archivePath: 'copy/a.jpg', alt: '' },
		];
		const { calls, transport } = fakeSite();
		const same = { read: async () => bytesOf( 'same' ) };
		const report = await runImport( {
			model: archive,
			transport,
			media: same,
			retry: fast,
		} );
		expect( sentFiles( calls ) ).toHaveLength( 1 );
		expect( report.media.map( ( m ) => m.status ).sort() ).toEqual( [
			'created',
			'existing',
		] );
		const images = calls.find( ( c ) => c.path.endsWith( '/posts' ) )!.body
			.posts[ 0 ].images;
		expect( images[ 0 ].attachmentId ).toBe( images[ 1 ].attachmentId );
	} );

	it( 'reports a file the site refuses and goes on with the rest', async () => {
		const archive = model( 1, {
			media: [
				{ path: 'img/a.jpg', size: 20, mimeType: 'image/jpeg' },
				{ path: 'img/b.jpg', size: 20, mimeType: 'image/jpeg' },
			],
		} );
		archive.posts[ 0 ].images = [
			{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
			{ reference: 'img/b.jpg', archivePath: 'img/b.jpg', alt: '' },
		];
		const { transport } = fakeSite( { refuseUpload: [ 'img/a.jpg' ] } );
		const report = await runImport( {
			model: archive,
			transport,
			media,
			retry: fast,
		} );
		expect(
			report.media.find( ( m ) => m.path === 'img/a.jpg' )
		).toMatchObject( {
			status: 'failed',
			message: 'Sorry, this file type is not permitted.',
		} );
		expect(
			report.media.find( ( m ) => m.path === 'img/b.jpg' )?.status
		).toBe( 'created' );
		expect( report.results ).toHaveLength( 1 );
	} );

	describe( 'several images per request, with the sizes the client made', () => {
		const settings = {
			sizes: [
				{ name: 'thumbnail', width: 150, height: 150, crop: true },
			],
			bigImageThreshold: 2560,
			quality: { 'image/jpeg': 82 },
			outputFormats: {},
			types: [ 'image/jpeg' ],
		};
		const sizer = {
			calls: 0,
			make: async ( bytes: Uint8Array ) => {
				sizer.calls++;
				return [
					{ name: 'medium', width: 300, height: 225, bytes },
					{ name: 'thumbnail', width: 150, height: 150, bytes },
				];
			},
		};
		const photos = ( count: number ) => {
			const archive = model( 1, {
				media: Array.from( { length: count }, ( _, n ) => ( {
					path: `img/${ n }.jpg`,
					size: 20,
					mimeType: 'image/jpeg',
				} ) ),
			} );
			archive.posts[ 0 ].images = archive.media.map( ( file ) => ( {
				reference: file.path,
				archivePath: file.path,
				alt: '',
			} ) );
			return archive;
		};
		beforeEach( () => {
			sizer.calls = 0;
		} );

		it( 'sends each image with its sizes, as many per request as the site’s file limit allows', async () => {
			const { calls, transport } = fakeSite( {
				imageSizes: settings,
				limits: { mediaFilesPerRequest: 6 },
			} );
			const report = await runImport( {
				model: photos( 7 ),
				transport,
				media,
				imageSizer: sizer,
				retry: fast,
			} );
			const batches = calls.filter( ( c ) =>
				c.path.endsWith( '/media/batch' )
			);
			// Three files per image (two sizes): two images per request.
			expect(
				batches.map( ( c ) => batchItems( c.body ).length )
			).toEqual( [ 2, 2, 2, 1 ] );
			const sent = sentFiles( calls );
			expect( sent.map( ( item ) => item.path ).sort() ).toEqual(
				photos( 7 )
					.media.map( ( file ) => file.path )
					.sort()
			);
			expect(
				sent[ 0 ].sizes.map( ( size: any ) => [
					size.name,
					size.width,
					size.height,
				] )
			).toEqual( [
				[ 'medium', '300', '225' ],
				[ 'thumbnail', '150', '150' ],
			] );
			expect( sent[ 0 ].sizes[ 0 ].upload ).toBeInstanceOf( Blob );
			expect(
				report.media.every(
					( file ) =>
						file.status === 'created' && file.sizes === 'client'
				)
			).toBe( true );
		} );

		it( 'sends an image again without its sizes when the site refuses them, so the site makes them', async () => {
			const { calls, transport } = fakeSite( {
				imageSizes: settings,
				refuseSizes: [ 'img/1.jpg' ],
			} );
			const report = await runImport( {
				model: photos( 3 ),
				transport,
				media,
				imageSizer: sizer,
				retry: fast,
			} );
			const sent = sentFiles( calls ).filter(
				( item ) => item.path === 'img/1.jpg'
			);
			expect( sent.map( ( item ) => item.sizes.length ) ).toEqual( [
				2, 0,
			] );
			expect(
				report.media.map( ( file ) => [
					file.path,
					file.status,
					file.sizes,
				] )
			).toEqual(
				expect.arrayContaining( [
					[ 'img/0.jpg', 'created', 'client' ],
					[ 'img/1.jpg', 'created', 'server' ],
					[ 'img/2.jpg', 'created', 'client' ],
				] )
			);
		} );

		it( 'sends a request the site refuses whole again file by file', async () => {
			const { calls, transport } = fakeSite( { refuseBatchesOver: 1 } );
			const report = await runImport( {
				model: photos( 4 ),
				transport,
				media,
				retry: fast,
			} );
			expect( report.media.map( ( file ) => file.status ) ).toEqual( [
				'created',
				'created',
				'created',
				'created',
			] );
			expect( sentFiles( calls ).length ).toBeGreaterThan( 4 );
		} );

		it( 'makes no sizes when the run leaves them to the site', async () => {
			const { calls, transport } = fakeSite( { imageSizes: null } );
			await runImport( {
				model: photos( 2 ),
				transport,
				media,
				imageSizer: sizer,
				retry: fast,
			} );
			expect( sizer.calls ).toBe( 0 );
			expect(
				sentFiles( calls ).map( ( item ) => item.sizes.length )
			).toEqual( [ 0, 0 ] );
		} );

		it( 'sends an image the sizer cannot read without sizes', async () => {
			const { calls, transport } = fakeSite( { imageSizes: settings } );
			const report = await runImport( {
				model: photos( 2 ),
				transport,
				media,
				imageSizer: {
					make: async () => {
						throw new Error(
							'Input buffer contains unsupported image format'
						);
					},
				},
				retry: fast,
			} );
			expect(
				sentFiles( calls ).map( ( item ) => item.sizes.length )
			).toEqual( [ 0, 0 ] );
			expect( report.media.map( ( file ) => file.status ) ).toEqual( [
				'created',
				'created',
			] );
		} );
	} );

	it( 'sends no file when the owner chose not to import images', async () => {
		const archive = model( 1, {
			media: [ { path: 'img/a.jpg', size: 20, mimeType: 'image/jpeg' } ],
		} );
		archive.posts[ 0 ].images = [
			{ reference: 'img/a.jpg', archivePath: 'img/a.jpg', alt: '' },
		];
		const { calls, transport } = fakeSite();
		await runImport( {
			model: archive,
			transport,
			media,
			retry: fast,
			options: { images: false },
		} );
		expect(
			paths( calls ).filter( ( p ) => p.includes( 'media' ) )
		).toEqual( [] );
	} );

	it( 'tries again when the network fails or the site has a passing fault', async () => {
		const { calls, transport } = fakeSite( {
			failures: [
				null,
				new TransportError( 'offline', 0, 'fetch_error' ),
				new TransportError( 'busy', 503, 'unavailable' ),
			],
		} );
		const report = await runImport( {
			model: model( 3 ),
			transport,
			retry: fast,
		} );
		expect( report.results ).toHaveLength( 3 );
		expect(
			calls.filter( ( c ) => c.path.endsWith( '/posts' ) )
		).toHaveLength( 3 );
	} );

	it( 'stops at once when the site refuses the request itself', async () => {
		const { calls, transport } = fakeSite( {
			failures: [
				null,
				new TransportError(
					'Invalid parameter(s): posts',
					400,
					'rest_invalid_param'
				),
			],
		} );
		await expect(
			runImport( { model: model( 3 ), transport, retry: fast } )
		).rejects.toMatchObject( { status: 400 } );
		expect( calls ).toHaveLength( 2 );
	} );

	it( 'gives up after the last try', async () => {
		const down = () => new TransportError( 'offline', 0, 'fetch_error' );
		const { calls, transport } = fakeSite( {
			failures: [ down(), down(), down() ],
		} );
		await expect(
			runImport( { model: model( 1 ), transport, retry: fast } )
		).rejects.toBeInstanceOf( TransportError );
		expect( calls ).toHaveLength( 3 );
	} );

	it( 'sends nothing while paused, and goes on when resumed', async () => {
		const { calls, transport } = fakeSite();
		// Says when a sender of the run stands at the gate, held by the pause.
		let held = 0;
		let done = 0;
		let onChange = () => {};
		class WatchedControl extends RunControl {
			override async gate(): Promise< void > {
				if ( this.paused ) {
					held++;
					onChange();
				}
				return super.gate();
			}
		}
		const control = new WatchedControl();
		const paused: boolean[] = [];
		let pausedOnce = false;
		const running = runImport( {
			model: model( 120 ),
			transport,
			retry: fast,
			control,
			onProgress: ( p ) => {
				paused.push( p.paused );
				done = p.posts.done;
				onChange();
				if ( p.posts.done === 50 && ! pausedOnce ) {
					pausedOnce = true;
					control.pause();
				}
			},
		} );
		// Paused: the batch in flight beside the first was answered, and the
		// sender of the third waits at the gate.
		await Promise.race( [
			new Promise< void >( ( resolve ) => {
				onChange = () => {
					if ( held === 1 && done === 100 ) {
						resolve();
					}
				};
			} ),
			running.then( () => {
				throw new Error( 'The run finished without pausing.' );
			} ),
		] );
		const sent = calls.length;
		expect(
			paths( calls ).filter( ( p ) => p.endsWith( '/posts' ) )
		).toHaveLength( 2 );
		control.resume();
		const report = await running;
		expect( report.results ).toHaveLength( 120 );
		expect( calls.length ).toBeGreaterThan( sent );
		expect( paused ).toContain( true );
	} );

	it( 'stops between requests when cancelled', async () => {
		const { calls, transport } = fakeSite();
		const control = new RunControl();
		await expect(
			runImport( {
				model: model( 120 ),
				transport,
				retry: fast,
				control,
				onProgress: ( p ) => {
					if ( p.posts.done > 0 ) {
						control.cancel();
					}
				},
			} )
		).rejects.toMatchObject( { name: 'AbortError' } );
		// Of three batches, the third was never sent.
		expect(
			calls.filter( ( c ) => c.path.endsWith( '/posts' ) )
		).toHaveLength( 2 );
		expect( paths( calls ) ).not.toContain( '/runs/7/finalize' );
	} );
} );

describe( 'undoRun', () => {
	it( 'asks the site to undo until nothing is left', async () => {
		const { calls, transport } = fakeSite();
		const left: number[] = [];
		const run = await undoRun(
			transport,
			7,
			( remaining ) => left.push( remaining ),
			fast
		);
		expect( calls.map( ( c ) => `${ c.method } ${ c.path }` ) ).toEqual( [
			'DELETE /spaces-importer/v1/runs/7',
			'DELETE /spaces-importer/v1/runs/7',
		] );
		expect( left ).toEqual( [ 1, 0 ] );
		expect( run.state ).toBe( 'undone' );
	} );
} );

describe( 'archiveFingerprint', () => {
	it( 'is the same for the same posts in any order, and differs for other posts', () => {
		const a = model( 5 );
		const b = { ...model( 5 ), name: 'renamed.zip' };
		b.posts.reverse();
		expect( archiveFingerprint( a ) ).toBe( archiveFingerprint( b ) );
		expect( archiveFingerprint( a ) ).not.toBe(
			archiveFingerprint( model( 6 ) )
		);
	} );
} );
