/**
 * Undo puts the site back as it was: shared media stays, updated posts get
 * their earlier content back, posts go to the trash unless forced, and a
 * contributor may undo their own run of pending posts.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	createAccount,
	pngImage,
	requestAs,
	sitePhpJson,
	untilDone,
	uploadMedia,
	uploadedFiles,
	type TestAccount,
} from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const sourceId = ( n: number ) => `cns!${ CID }!${ n }`;

type Who = 'admin' | TestAccount;

async function startRun(
	options: Record< string, unknown >,
	who: Who = 'admin'
): Promise< any > {
	const { status, body } = await requestAs(
		'POST',
		`${ API }/runs`,
		{
			fingerprint: crypto.randomBytes( 32 ).toString( 'hex' ),
			name: 'undo.zip',
			totals: { posts: 1, comments: 0, media: 0 },
			options: {
				status: 'publish',
				comments: 'none',
				images: true,
				categories: { mode: 'categories' },
				existing: 'skip',
				...options,
			},
		},
		who
	);
	expect( [ path( status ), body.code ] ).toEqual( [ 'ok', undefined ] );
	return body;
}

function path( status: number ) {
	return status === 200 || status === 201 ? 'ok' : `answered ${ status }`;
}

async function sendPosts( runId: number, posts: any[], who: Who = 'admin' ) {
	const answer = await requestAs(
		'POST',
		`${ API }/runs/${ runId }/posts`,
		{ posts },
		who
	);
	expect( answer.status ).toBe( 200 );
	return answer.body.results;
}

function post( id: number ) {
	return sitePhpJson( `
$post = get_post( ${ id } );
echo "\\n" . wp_json_encode( $post ? array(
	'status' => $post->post_status,
	'title' => $post->post_title,
	'content' => $post->post_content,
	'date' => $post->post_date,
	'categories' => wp_get_post_categories( $post->ID, array( 'fields' => 'names' ) ),
	'thumbnail' => (int) get_post_thumbnail_id( $post ),
) : null );
` );
}

function attachmentFile( id: number ): string | null {
	return sitePhpJson( `
$file = get_post( ${ id } ) ? get_post_meta( ${ id }, '_wp_attached_file', true ) : null;
echo "\\n" . wp_json_encode( $file ? $file : null );
` );
}

describe( 'undo', () => {
	let importingContributor: TestAccount;
	let importingEditor: TestAccount;

	beforeAll( () => {
		importingContributor = createAccount( 'contributor', [ 'import' ] );
		importingEditor = createAccount( 'editor', [ 'import' ] );
	} );

	it( 'keeps an image another user’s run found already uploaded, and its file', async () => {
		const image = pngImage( 40, [ 17, 99, 201 ] );
		const first = await startRun( { featuredImage: true } );
		const uploaded = await uploadMedia( first.id, {
			bytes: image,
			name: 'shared.png',
			path: 'img/shared.png',
		} );
		expect( uploaded.status ).toBe( 201 );
		const attachmentId = uploaded.body.attachmentId;
		await sendPosts( first.id, [
			{
				sourceId: sourceId( 1 ),
				title: 'First run',
				html: '<p><img src="img/shared.png"></p>',
				images: [ { reference: 'img/shared.png', attachmentId } ],
			},
		] );

		// Another user, one who may edit the first user's media (an author
		// would get a copy of their own), imports another archive holding
		// the same picture.
		const second = await startRun(
			{ featuredImage: true },
			importingEditor
		);
		const again = await uploadMedia(
			second.id,
			{ bytes: image, name: 'shared.png', path: 'pics/shared.png' },
			importingEditor
		);
		expect( again.body ).toMatchObject( {
			status: 'existing',
			attachmentId,
		} );
		const [ theirs ] = await sendPosts(
			second.id,
			[
				{
					sourceId: sourceId( 2 ),
					title: 'Second run',
					html: '<p>A text without the picture.</p>',
					images: [ { reference: 'pics/shared.png', attachmentId } ],
				},
			],
			importingEditor
		);
		expect( post( theirs.postId ).thumbnail ).toBe( attachmentId );
		const file = attachmentFile( attachmentId );
		expect( file ).toBeTruthy();

		const done = await untilDone(
			'DELETE',
			`${ API }/runs/${ first.id }?force=true`,
			'undo'
		);
		expect( done.state ).toBe( 'undone' );
		expect( attachmentFile( attachmentId ) ).toBe( file );
		expect( uploadedFiles() ).toContain( file );
		expect( post( theirs.postId ).thumbnail ).toBe( attachmentId );
	} );

	it( 'puts back what a post said before the run updated it', async () => {
		const category = `Before ${ CID }`;
		const first = await startRun( {} );
		const [ created ] = await sendPosts( first.id, [
			{
				sourceId: sourceId( 3 ),
				title: 'Old title',
				html: '<p>Old body</p>',
				published: '2006-01-02T03:04:05',
				categories: [ category ],
			},
		] );
		const before = post( created.postId );

		const update = await startRun( { existing: 'update' } );
		const [ updated ] = await sendPosts( update.id, [
			{
				sourceId: sourceId( 3 ),
				title: 'New title',
				html: '<p>New body</p>',
				published: '2008-01-02T03:04:05',
				categories: [ `After ${ CID }` ],
			},
		] );
		expect( updated ).toMatchObject( {
			status: 'updated',
			postId: created.postId,
		} );
		expect( post( created.postId ).title ).toBe( 'New title' );

		await untilDone( 'DELETE', `${ API }/runs/${ update.id }`, 'undo' );
		expect( post( created.postId ) ).toEqual( before );
		expect( before.categories ).toEqual( [ category ] );
	} );

	it( 'moves posts to the trash, and deletes them when forced', async () => {
		const run = await startRun( {} );
		const [ created ] = await sendPosts( run.id, [
			{
				sourceId: sourceId( 4 ),
				title: 'Trash me',
				html: '<p>x</p>',
				categories: [ `Trash ${ CID }` ],
			},
		] );
		const category = () =>
			sitePhpJson(
				`echo "\\n" . wp_json_encode( (bool) term_exists( 'Trash ${ CID }', 'category' ) );`
			);
		expect( category() ).toBe( true );
		const done = await untilDone(
			'DELETE',
			`${ API }/runs/${ run.id }`,
			'undo'
		);
		expect( done.state ).toBe( 'undone' );
		expect( post( created.postId )?.status ).toBe( 'trash' );
		// Its category stays with it, for restoring it from the trash.
		expect( post( created.postId )?.categories ).toEqual( [
			`Trash ${ CID }`,
		] );

		await untilDone(
			'DELETE',
			`${ API }/runs/${ run.id }?force=true`,
			'undo'
		);
		expect( post( created.postId ) ).toBeNull();
		expect( category() ).toBe( false );
	} );

	it( 'lets a contributor undo their own run of pending posts', async () => {
		const run = await startRun(
			{ status: 'pending', images: false },
			importingContributor
		);
		const [ created ] = await sendPosts(
			run.id,
			[ { sourceId: sourceId( 5 ), title: 'Pending', html: '<p>x</p>' } ],
			importingContributor
		);
		expect( post( created.postId )?.status ).toBe( 'pending' );
		const done = await untilDone(
			'DELETE',
			`${ API }/runs/${ run.id }`,
			'undo',
			importingContributor
		);
		expect( done.state ).toBe( 'undone' );
		expect( post( created.postId )?.status ).toBe( 'trash' );

		// A run that published needs the right to delete published posts.
		const published = await startRun( {} );
		await sendPosts( published.id, [
			{ sourceId: sourceId( 6 ), title: 'Published', html: '<p>x</p>' },
		] );
		const refused = await requestAs(
			'DELETE',
			`${ API }/runs/${ published.id }`,
			undefined,
			importingContributor
		);
		expect( refused.status ).toBe( 403 );
	} );
} );
