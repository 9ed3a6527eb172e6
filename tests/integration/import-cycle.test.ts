/**
 * A whole import on a real WordPress: images, posts with comments, finalize,
 * importing again, redirects from old addresses, the original-post block,
 * and undo leaving the site exactly as it was.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	debugLogMark,
	pluginNoticesSince,
	pngImage,
	requestAs,
	sha256,
	siteCounts,
	sitePhpJson,
	testSite,
	untilDone,
	uploadMedia,
	uploadedFiles,
} from './support/site';

const API = '/spaces-importer/v1';

/**
 * An archive of two posts and two images, its own: its space id, its
 * fingerprint and its images' bytes are met nowhere else on the site.
 */
interface Archive {
	cid: string;
	print: string;
	photo: Buffer;
	icon: Buffer;
}

function newArchive(): Archive {
	const colour = () =>
		[ ...crypto.randomBytes( 3 ) ] as [ number, number, number ];
	return {
		cid: crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase(),
		print: crypto.randomBytes( 32 ).toString( 'hex' ),
		photo: pngImage( 200, colour() ),
		icon: pngImage( 16, colour() ),
	};
}

const sourceId = ( archive: Archive, n: number ) =>
	`cns!${ archive.cid }!${ n }`;
const entryUrl = ( archive: Archive, n: number ) =>
	`http://cycle.spaces.live.com/blog/cns!${ archive.cid }!${ n }.entry`;

function posts( archive: Archive, images: Record< string, number > ) {
	const category = `Cycle ${ archive.cid }`;
	return [
		{
			sourceId: sourceId( archive, 1 ),
			title: 'First',
			html: `<p>Next: <a href="${ entryUrl(
				archive,
				2
			) }">the second</a>.</p><p><img src="img/photo.jpg" alt="photo"></p><p><a href="img/icon.png">icon</a></p>`,
			published: '2007-04-20T01:29:58',
			categories: [ category ],
			originalUrl: entryUrl( archive, 1 ),
			comments: [
				{
					author: 'Tom',
					authorUrl: 'http://tom.example/',
					published: '2007-04-21T08:00:00',
					html: 'Nice',
				},
				{
					author: 'Ann',
					authorUrl: null,
					published: '2007-04-21T09:00:00',
					html: 'Agreed',
				},
			],
			images: [
				{ reference: 'img/photo.jpg', attachmentId: images.photo },
				{ reference: 'img/icon.png', attachmentId: images.icon },
			],
			links: [
				{
					href: entryUrl( archive, 2 ),
					sourceId: sourceId( archive, 2 ),
				},
			],
		},
		{
			sourceId: sourceId( archive, 2 ),
			title: 'Second',
			html: `<p>Back to <a href="${ entryUrl( archive, 1 ) }">the first</a>.</p>`,
			published: '2007-05-01T12:00:00',
			categories: [ category ],
			originalUrl: entryUrl( archive, 2 ),
			comments: [
				{
					author: 'Tom',
					authorUrl: null,
					published: '2007-05-02T08:00:00',
					html: 'Again',
				},
			],
			images: [],
			links: [
				{
					href: entryUrl( archive, 1 ),
					sourceId: sourceId( archive, 1 ),
				},
			],
		},
	];
}

async function startRun( archive: Archive ) {
	const { status, body } = await requestAs(
		'POST',
		`${ API }/runs`,
		{
			fingerprint: archive.print,
			name: 'cycle.zip',
			totals: { posts: 2, comments: 3, media: 2 },
			options: {
				status: 'publish',
				comments: 'approved',
				images: true,
				featuredImage: true,
				categories: { mode: 'categories' },
				originalPostBlock: true,
				existing: 'skip',
			},
		},
		'admin'
	);
	expect( [ 200, 201 ] ).toContain( status );
	return body;
}

async function uploadAll( archive: Archive, runId: number ) {
	const { photo, icon } = archive;
	const lookup = await requestAs(
		'POST',
		`${ API }/runs/${ runId }/media/lookup`,
		{ hashes: [ sha256( photo ), sha256( icon ) ] },
		'admin'
	);
	expect( lookup.status ).toBe( 200 );
	const photoUpload = await uploadMedia( runId, {
		bytes: photo,
		// The name says JPEG; the bytes are a PNG, which decides.
		name: 'photo.jpg',
		path: 'img/photo.jpg',
		date: '2007-04',
	} );
	const iconUpload = await uploadMedia( runId, {
		bytes: icon,
		name: 'icon.png',
		path: 'img/icon.png',
		date: '2007-04',
	} );
	return { lookup: lookup.body, photo: photoUpload, icon: iconUpload };
}

function postBySource( id: string ) {
	return sitePhpJson( `
global $wpdb;
$ids = $wpdb->get_col( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value = %s", ${ JSON.stringify(
		id
	) } ) );
$post = $ids ? get_post( $ids[0] ) : null;
echo "\\n" . wp_json_encode( array(
	'count' => count( $ids ),
	'id' => $post ? $post->ID : 0,
	'content' => $post ? $post->post_content : '',
	'link' => $post ? get_permalink( $post ) : '',
	'comments' => $post ? (int) get_comments( array( 'post_id' => $post->ID, 'count' => true ) ) : 0,
	'commentCount' => $post ? (int) $post->comment_count : 0,
	'thumbnail' => $post ? (int) get_post_thumbnail_id( $post ) : 0,
) );
` );
}

/**
 * Imports an archive as a runner killed and restarted would: its images
 * sent twice, its batch of posts once and then twice at once, then
 * finalize. Every answer is kept for the tests to read.
 *
 * @param archive The archive.
 * @return The run, the answers, and the first post as it was before finalize.
 */
async function importArchive( archive: Archive ) {
	const run = await startRun( archive );
	const uploads = await uploadAll( archive, run.id );
	const uploadsAgain = await uploadAll( archive, run.id );
	const images = {
		photo: uploads.photo.body.attachmentId,
		icon: uploads.icon.body.attachmentId,
	};
	const batch = posts( archive, images );
	const path = `${ API }/runs/${ run.id }/posts`;
	const sent = await requestAs( 'POST', path, { posts: batch }, 'admin' );
	// As after a runner killed before it saw the answer: the same batch,
	// twice at once.
	const resent = await Promise.all( [
		requestAs( 'POST', path, { posts: batch }, 'admin' ),
		requestAs( 'POST', path, { posts: batch }, 'admin' ),
	] );
	const beforeFinalize = postBySource( sourceId( archive, 1 ) );
	const finalized = await untilDone(
		'POST',
		`${ API }/runs/${ run.id }/finalize`,
		'finalize'
	);
	return {
		run,
		uploads,
		uploadsAgain,
		images,
		sent,
		resent,
		beforeFinalize,
		finalized,
	};
}

/**
 * Imports an archive already imported, as a new run: every image is found,
 * every post is unchanged.
 *
 * @param archive The archive.
 * @param images  Its images' attachments.
 * @return The run, its uploads and its answer for the posts.
 */
async function importAgain(
	archive: Archive,
	images: Record< string, number >
) {
	const run = await startRun( archive );
	const media = await uploadAll( archive, run.id );
	const answer = await requestAs(
		'POST',
		`${ API }/runs/${ run.id }/posts`,
		{ posts: posts( archive, images ) },
		'admin'
	);
	await untilDone( 'POST', `${ API }/runs/${ run.id }/finalize`, 'finalize' );
	return { run, media, answer };
}

describe( 'an import from start to undo', () => {
	// One archive imported before the tests, which only read what it left;
	// a test that changes the site imports an archive of its own.
	const archive = newArchive();
	let imported: Awaited< ReturnType< typeof importArchive > >;
	let logMark = 0;

	beforeAll( async () => {
		logMark = debugLogMark();
		imported = await importArchive( archive );
	} );

	afterEach( () => {
		// Each test fails if the plugin left PHP notices in the site's log.
		const notices = pluginNoticesSince( logMark );
		if ( notices.length > 0 ) {
			throw new Error(
				`PHP notices from the plugin:\n${ notices.join( '\n' ) }`
			);
		}
	} );

	it( 'uploads images once, named by what they are, in the folder of their month', () => {
		const { run, uploads, uploadsAgain, images } = imported;
		expect( run.state ).toBe( 'running' );
		expect( run.options.originalPostBlock ).toBe( true );
		expect( run.limits.maxUploadBytes ).toBeGreaterThan( 0 );
		expect( run.limits.allowedTypes ).toContain( 'image/png' );
		expect( run.limits.allowedTypes ).not.toContain( 'image/svg+xml' );

		expect( uploads.lookup.found ).toEqual( {} );
		expect( uploads.photo.status ).toBe( 201 );
		expect( uploads.photo.body ).toMatchObject( {
			path: 'img/photo.jpg',
			status: 'created',
		} );
		expect( uploads.photo.body.url ).toMatch(
			/\/uploads\/2007\/04\/photo(-\d+)?\.png$/
		);
		expect( uploads.icon.body.status ).toBe( 'created' );

		expect( Object.keys( uploadsAgain.lookup.found ).sort() ).toEqual(
			[ sha256( archive.photo ), sha256( archive.icon ) ].sort()
		);
		expect( uploadsAgain.photo.body ).toMatchObject( {
			status: 'existing',
			attachmentId: images.photo,
		} );
	} );

	it( 'writes posts with comments; a batch sent twice adds every item once', () => {
		const { sent, resent, images } = imported;
		expect( sent.status ).toBe( 200 );
		expect( sent.body.results ).toMatchObject( [
			{ status: 'created', comments: { created: 2 } },
			{ status: 'created', comments: { created: 1 } },
		] );
		for ( const answer of resent ) {
			expect( answer.body.results ).toMatchObject( [
				{ status: 'unchanged', comments: { created: 0 } },
				{ status: 'unchanged', comments: { created: 0 } },
			] );
		}
		const one = postBySource( sourceId( archive, 1 ) );
		const two = postBySource( sourceId( archive, 2 ) );
		expect( one ).toMatchObject( {
			count: 1,
			comments: 2,
			commentCount: 2,
		} );
		expect( two ).toMatchObject( {
			count: 1,
			comments: 1,
			commentCount: 1,
		} );
		expect( one.thumbnail ).toBe( images.photo );
	} );

	it( 'points image references at the library and, after finalize, links at the new posts', () => {
		const { images, beforeFinalize, finalized } = imported;
		const photoUrl = sitePhpJson(
			`echo "\\n" . wp_json_encode( array( wp_get_attachment_url( ${ images.photo } ), wp_get_attachment_url( ${ images.icon } ), wp_get_post_parent_id( ${ images.photo } ) ) );`
		);
		expect( beforeFinalize.content ).toContain(
			`<img src="${ photoUrl[ 0 ] }"`
		);
		expect( beforeFinalize.content ).toContain(
			`<a href="${ photoUrl[ 1 ] }"`
		);
		expect( beforeFinalize.content ).not.toContain( 'img/photo.jpg' );
		expect( photoUrl[ 2 ] ).toBe( beforeFinalize.id );
		// Links wait for finalize, when every post is there.
		expect( beforeFinalize.content ).toContain( entryUrl( archive, 2 ) );

		expect( finalized.state ).toBe( 'complete' );
		expect( finalized.counts ).toEqual( {
			posts: {
				created: 2,
				updated: 0,
				unchanged: 4,
				skipped: 0,
				failed: 0,
			},
			comments: { created: 3 },
			media: { created: 2, existing: 2, failed: 0 },
		} );

		const first = postBySource( sourceId( archive, 1 ) );
		const second = postBySource( sourceId( archive, 2 ) );
		expect( first.content ).toContain( `<a href="${ second.link }">` );
		expect( second.content ).toContain( `<a href="${ first.link }">` );
		expect( first.content ).not.toContain( 'spaces.live.com' );

		// Thumbnails were made at finalize.
		const sizes = sitePhpJson(
			`echo "\\n" . wp_json_encode( wp_get_attachment_metadata( ${ images.photo } ) );`
		);
		expect( sizes.width ).toBe( 200 );
		expect( sizes.sizes.thumbnail.file ).toMatch( /150x150/ );
	} );

	it( 'lists the runs of an archive', async () => {
		const list = await requestAs(
			'GET',
			`${ API }/runs?fingerprint=${ archive.print }`,
			undefined,
			'admin'
		);
		expect( list.status ).toBe( 200 );
		expect( list.body.map( ( run: any ) => run.id ) ).toEqual( [
			imported.run.id,
		] );
		expect( list.body[ 0 ].importedPosts ).toBe( 2 );
	} );

	it( 'adds nothing when the same archive is imported again', async () => {
		const own = newArchive();
		const first = await importArchive( own );
		const counts = siteCounts();
		const files = uploadedFiles();
		const again = await importAgain( own, first.images );
		expect( again.run.id ).not.toBe( first.run.id );
		expect( again.run.importedPosts ).toBe( 2 );
		expect( again.media.photo.body.status ).toBe( 'existing' );
		expect(
			again.answer.body.results.map( ( r: any ) => r.status )
		).toEqual( [ 'unchanged', 'unchanged' ] );
		expect( siteCounts() ).toEqual( counts );
		expect( uploadedFiles().sort() ).toEqual( files.sort() );
	} );

	it( 'answers old Spaces addresses with a permanent redirect to the post', async () => {
		const { url } = testSite();
		const { cid } = archive;
		const first = postBySource( sourceId( archive, 1 ) );
		for ( const legacy of [
			`/blog/cns!${ cid }!1.entry`,
			`/Blog/cns%21${ cid.toLowerCase() }%211.entry?_c=BlogPart`,
			`/members/someone/Blog/cns!${ cid }!1.entry?wa=wsignin1.0`,
			`/BLOG/CNS!${ cid }!1.ENTRY#post`,
		] ) {
			const response = await fetch( url + legacy, {
				redirect: 'manual',
			} );
			expect( [ legacy, response.status ] ).toEqual( [ legacy, 301 ] );
			expect( response.headers.get( 'location' ) ).toBe( first.link );
		}
		const unknown = await fetch( `${ url }/blog/cns!${ cid }!999.entry`, {
			redirect: 'manual',
		} );
		expect( unknown.status ).toBe( 404 );
	} );

	it( 'renders the original-post block with the date and the archived address', async () => {
		const first = postBySource( sourceId( archive, 1 ) );
		const rendered = await requestAs(
			'GET',
			`/wp/v2/posts/${ first.id }`,
			undefined,
			'admin'
		);
		expect( rendered.body.content.rendered ).toContain(
			`href="https://web.archive.org/web/20070420/${ entryUrl( archive, 1 ) }"`
		);
		expect( rendered.body.content.rendered ).toMatch(
			/Originally published on Windows Live Spaces on <time datetime="2007-04-20T01:29:58\+00:00">April 20, 2007<\/time>/
		);

		const second = postBySource( sourceId( archive, 2 ) );
		const block = await requestAs(
			'GET',
			`/wp/v2/block-renderer/spaces-importer/original-post?context=edit&post_id=${ second.id }`,
			undefined,
			'admin'
		);
		expect( block.status ).toBe( 200 );
		expect( block.body.rendered ).toContain(
			`https://web.archive.org/web/20070501/${ entryUrl( archive, 2 ) }`
		);

		const plain = await requestAs(
			'POST',
			'/wp/v2/posts',
			{ title: 'Not imported', status: 'draft' },
			'admin'
		);
		const empty = await requestAs(
			'GET',
			`/wp/v2/block-renderer/spaces-importer/original-post?context=edit&post_id=${ plain.body.id }`,
			undefined,
			'admin'
		);
		expect( empty.body.rendered ).toBe( '' );
		await requestAs(
			'DELETE',
			`/wp/v2/posts/${ plain.body.id }?force=true`,
			undefined,
			'admin'
		);
	} );

	it( 'undoes both runs of an archive imported twice, forced: the site holds exactly what it held before', async () => {
		const own = newArchive();
		const counts = siteCounts();
		const files = uploadedFiles();
		const first = await importArchive( own );
		const again = await importAgain( own, first.images );
		expect( siteCounts() ).not.toEqual( counts );

		// The second run found the first one's images: they are its too
		// until it is undone.
		await untilDone(
			'DELETE',
			`${ API }/runs/${ again.run.id }?force=true`,
			'undo'
		);
		const done = await untilDone(
			'DELETE',
			`${ API }/runs/${ first.run.id }?force=true`,
			'undo'
		);
		expect( done.state ).toBe( 'undone' );
		expect( siteCounts() ).toEqual( counts );
		expect( uploadedFiles().sort() ).toEqual( files.sort() );
		expect( postBySource( sourceId( own, 1 ) ).count ).toBe( 0 );

		const refused = await requestAs(
			'POST',
			`${ API }/runs/${ first.run.id }/posts`,
			{ posts: posts( own, first.images ) },
			'admin'
		);
		expect( refused.status ).toBe( 409 );
	} );
} );
