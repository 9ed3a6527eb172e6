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
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const print = crypto.randomBytes( 32 ).toString( 'hex' );
const sourceId = ( n: number ) => `cns!${ CID }!${ n }`;
const entryUrl = ( n: number ) =>
	`http://cycle.spaces.live.com/blog/cns!${ CID }!${ n }.entry`;
const category = `Cycle ${ CID }`;

const photo = pngImage( 200, [ 200, 30, 90 ] );
const icon = pngImage( 16, [ 10, 200, 90 ] );

function posts( images: Record< string, number > ) {
	return [
		{
			sourceId: sourceId( 1 ),
			title: 'First',
			html: `<p>Next: <a href="${ entryUrl(
				2
			) }">the second</a>.</p><p><img src="img/photo.jpg" alt="photo"></p><p><a href="img/icon.png">icon</a></p>`,
			published: '2007-04-20T01:29:58',
			categories: [ category ],
			originalUrl: entryUrl( 1 ),
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
			links: [ { href: entryUrl( 2 ), sourceId: sourceId( 2 ) } ],
		},
		{
			sourceId: sourceId( 2 ),
			title: 'Second',
			html: `<p>Back to <a href="${ entryUrl( 1 ) }">the first</a>.</p>`,
			published: '2007-05-01T12:00:00',
			categories: [ category ],
			originalUrl: entryUrl( 2 ),
			comments: [
				{
					author: 'Tom',
					authorUrl: null,
					published: '2007-05-02T08:00:00',
					html: 'Again',
				},
			],
			images: [],
			links: [ { href: entryUrl( 1 ), sourceId: sourceId( 1 ) } ],
		},
	];
}

async function startRun() {
	const { status, body } = await requestAs(
		'POST',
		`${ API }/runs`,
		{
			fingerprint: print,
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

async function uploadAll( runId: number ) {
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

describe( 'an import from start to undo', () => {
	const before = { counts: siteCounts(), files: [] as string[] };
	let runId = 0;
	let reimportId = 0;
	let photoId = 0;
	let iconId = 0;
	let logMark = 0;

	beforeAll( () => {
		logMark = debugLogMark();
		before.counts = siteCounts();
		before.files = uploadedFiles();
	} );

	it( 'uploads images once, named by what they are, in the folder of their month', async () => {
		const run = await startRun();
		runId = run.id;
		expect( run.state ).toBe( 'running' );
		expect( run.options.originalPostBlock ).toBe( true );
		expect( run.limits.maxUploadBytes ).toBeGreaterThan( 0 );
		expect( run.limits.allowedTypes ).toContain( 'image/png' );
		expect( run.limits.allowedTypes ).not.toContain( 'image/svg+xml' );

		const first = await uploadAll( runId );
		expect( first.lookup.found ).toEqual( {} );
		expect( first.photo.status ).toBe( 201 );
		expect( first.photo.body ).toMatchObject( {
			path: 'img/photo.jpg',
			status: 'created',
		} );
		expect( first.photo.body.url ).toMatch(
			/\/uploads\/2007\/04\/photo\.png$/
		);
		expect( first.icon.body.status ).toBe( 'created' );
		photoId = first.photo.body.attachmentId;
		iconId = first.icon.body.attachmentId;

		const again = await uploadAll( runId );
		expect( Object.keys( again.lookup.found ).sort() ).toEqual(
			[ sha256( photo ), sha256( icon ) ].sort()
		);
		expect( again.photo.body ).toMatchObject( {
			status: 'existing',
			attachmentId: photoId,
		} );
	} );

	it( 'writes posts with comments; a batch sent twice adds every item once', async () => {
		const batch = posts( { photo: photoId, icon: iconId } );
		const path = `${ API }/runs/${ runId }/posts`;
		const first = await requestAs(
			'POST',
			path,
			{ posts: batch },
			'admin'
		);
		expect( first.status ).toBe( 200 );
		expect( first.body.results ).toMatchObject( [
			{ status: 'created', comments: { created: 2 } },
			{ status: 'created', comments: { created: 1 } },
		] );
		// As after a runner killed before it saw the answer: the same batch,
		// twice at once.
		const resent = await Promise.all( [
			requestAs( 'POST', path, { posts: batch }, 'admin' ),
			requestAs( 'POST', path, { posts: batch }, 'admin' ),
		] );
		for ( const answer of resent ) {
			expect( answer.body.results ).toMatchObject( [
				{ status: 'unchanged', comments: { created: 0 } },
				{ status: 'unchanged', comments: { created: 0 } },
			] );
		}
		const one = postBySource( sourceId( 1 ) );
		const two = postBySource( sourceId( 2 ) );
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
		expect( one.thumbnail ).toBe( photoId );
	} );

	it( 'points image references at the library and, after finalize, links at the new posts', async () => {
		const photoUrl = sitePhpJson(
			`echo "\\n" . wp_json_encode( array( wp_get_attachment_url( ${ photoId } ), wp_get_attachment_url( ${ iconId } ), wp_get_post_parent_id( ${ photoId } ) ) );`
		);
		const one = postBySource( sourceId( 1 ) );
		expect( one.content ).toContain( `<img src="${ photoUrl[ 0 ] }"` );
		expect( one.content ).toContain( `<a href="${ photoUrl[ 1 ] }"` );
		expect( one.content ).not.toContain( 'img/photo.jpg' );
		expect( photoUrl[ 2 ] ).toBe( one.id );
		// Links wait for finalize, when every post is there.
		expect( one.content ).toContain( entryUrl( 2 ) );

		const done = await untilDone(
			'POST',
			`${ API }/runs/${ runId }/finalize`,
			'finalize'
		);
		expect( done.state ).toBe( 'complete' );
		expect( done.counts ).toEqual( {
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

		const first = postBySource( sourceId( 1 ) );
		const second = postBySource( sourceId( 2 ) );
		expect( first.content ).toContain( `<a href="${ second.link }">` );
		expect( second.content ).toContain( `<a href="${ first.link }">` );
		expect( first.content ).not.toContain( 'spaces.live.com' );

		// Thumbnails were made at finalize.
		const sizes = sitePhpJson(
			`echo "\\n" . wp_json_encode( wp_get_attachment_metadata( ${ photoId } ) );`
		);
		expect( sizes.width ).toBe( 200 );
		expect( sizes.sizes.thumbnail.file ).toMatch( /150x150/ );
	} );

	it( 'lists the runs of an archive', async () => {
		const list = await requestAs(
			'GET',
			`${ API }/runs?fingerprint=${ print }`,
			undefined,
			'admin'
		);
		expect( list.status ).toBe( 200 );
		expect( list.body.map( ( run: any ) => run.id ) ).toEqual( [ runId ] );
		expect( list.body[ 0 ].importedPosts ).toBe( 2 );
	} );

	it( 'adds nothing when the same archive is imported again', async () => {
		const counts = siteCounts();
		const files = uploadedFiles();
		const run = await startRun();
		expect( run.id ).not.toBe( runId );
		reimportId = run.id;
		expect( run.importedPosts ).toBe( 2 );
		const media = await uploadAll( run.id );
		expect( media.photo.body.status ).toBe( 'existing' );
		const answer = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{ posts: posts( { photo: photoId, icon: iconId } ) },
			'admin'
		);
		expect( answer.body.results.map( ( r: any ) => r.status ) ).toEqual( [
			'unchanged',
			'unchanged',
		] );
		await untilDone(
			'POST',
			`${ API }/runs/${ run.id }/finalize`,
			'finalize'
		);
		expect( siteCounts() ).toEqual( counts );
		expect( uploadedFiles().sort() ).toEqual( files.sort() );
	} );

	it( 'answers old Spaces addresses with a permanent redirect to the post', async () => {
		const { url } = testSite();
		const first = postBySource( sourceId( 1 ) );
		for ( const legacy of [
			`/blog/cns!${ CID }!1.entry`,
			`/Blog/cns%21${ CID.toLowerCase() }%211.entry?_c=BlogPart`,
			`/members/someone/Blog/cns!${ CID }!1.entry?wa=wsignin1.0`,
			`/BLOG/CNS!${ CID }!1.ENTRY#post`,
		] ) {
			const response = await fetch( url + legacy, {
				redirect: 'manual',
			} );
			expect( [ legacy, response.status ] ).toEqual( [ legacy, 301 ] );
			expect( response.headers.get( 'location' ) ).toBe( first.link );
		}
		const unknown = await fetch( `${ url }/blog/cns!${ CID }!999.entry`, {
			redirect: 'manual',
		} );
		expect( unknown.status ).toBe( 404 );
	} );

	it( 'renders the original-post block with the date and the archived address', async () => {
		const first = postBySource( sourceId( 1 ) );
		const rendered = await requestAs(
			'GET',
			`/wp/v2/posts/${ first.id }`,
			undefined,
			'admin'
		);
		expect( rendered.body.content.rendered ).toContain(
			`href="https://web.archive.org/web/20070420/${ entryUrl( 1 ) }"`
		);
		expect( rendered.body.content.rendered ).toMatch(
			/Originally published on Windows Live Spaces on <time datetime="2007-04-20T01:29:58\+00:00">April 20, 2007<\/time>/
		);

		const second = postBySource( sourceId( 2 ) );
		const block = await requestAs(
			'GET',
			`/wp/v2/block-renderer/spaces-importer/original-post?context=edit&post_id=${ second.id }`,
			undefined,
			'admin'
		);
		expect( block.status ).toBe( 200 );
		expect( block.body.rendered ).toContain(
			`https://web.archive.org/web/20070501/${ entryUrl( 2 ) }`
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

	it( 'undoes both runs, forced: the site holds exactly what it held before', async () => {
		// The second run found the first one's images: they are its too until it is undone.
		await untilDone(
			'DELETE',
			`${ API }/runs/${ reimportId }?force=true`,
			'undo'
		);
		const done = await untilDone(
			'DELETE',
			`${ API }/runs/${ runId }?force=true`,
			'undo'
		);
		expect( done.state ).toBe( 'undone' );
		expect( siteCounts() ).toEqual( before.counts );
		expect( uploadedFiles().sort() ).toEqual( before.files.sort() );
		expect( postBySource( sourceId( 1 ) ).count ).toBe( 0 );

		const refused = await requestAs(
			'POST',
			`${ API }/runs/${ runId }/posts`,
			{ posts: posts( { photo: photoId, icon: iconId } ) },
			'admin'
		);
		expect( refused.status ).toBe( 409 );
	} );

	it( 'left no PHP notices from the plugin in the site’s log', () => {
		expect( pluginNoticesSince( logMark ) ).toEqual( [] );
	} );
} );
