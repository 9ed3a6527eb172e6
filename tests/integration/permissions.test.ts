/**
 * Who may import what: the `import` capability, plus what WordPress itself
 * would check for the same action.
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
	sha256,
	sitePhp,
	sitePhpJson,
	uploadMedia,
} from './support/site';
import type { TestAccount } from './support/site';

const API = '/spaces-importer/v1';
const print = () => crypto.randomBytes( 32 ).toString( 'hex' );

function start( options: Record< string, unknown >, who: any ) {
	return requestAs(
		'POST',
		`${ API }/runs`,
		{ fingerprint: print(), name: 'p.zip', options },
		who
	);
}

describe( 'permissions', () => {
	let editor: TestAccount;
	let importingAuthor: TestAccount;
	let importingContributor: TestAccount;

	beforeAll( () => {
		editor = createAccount( 'editor' );
		// Authors and contributors cannot import; these may, and still
		// must not do what their role cannot.
		importingAuthor = createAccount( 'author', [ 'import' ] );
		importingContributor = createAccount( 'contributor', [ 'import' ] );
	} );

	it( 'refuses an editor, who cannot import', async () => {
		const answer = await start( {}, editor );
		expect( answer.status ).toBe( 403 );
		expect( answer.body.message ).toMatch( /not allowed to import/ );
		const list = await requestAs(
			'GET',
			`${ API }/runs`,
			undefined,
			editor
		);
		expect( list.status ).toBe( 403 );
	} );

	it.each( [ 'subscriber', 'author' ] as const )(
		'refuses a %s on every route',
		async ( who ) => {
			const run = ( await start( {}, 'admin' ) ).body;
			for ( const [ method, path, body ] of [
				[ 'GET', `${ API }/runs`, undefined ],
				[ 'DELETE', `${ API }/runs/${ run.id }`, undefined ],
				[
					'POST',
					`${ API }/runs/${ run.id }/media/lookup`,
					{ hashes: [] },
				],
			] as const ) {
				const answer = await requestAs( method, path, body, who );
				expect( [ path, answer.status ] ).toEqual( [ path, 403 ] );
			}
			const upload = await uploadMedia(
				run.id,
				{
					bytes: pngImage( 2, [ 1, 1, 1 ] ),
					name: 'a.png',
					path: 'a.png',
				},
				who
			);
			expect( upload.status ).toBe( 403 );
		}
	);

	it( 'lets an author who may import import as themselves', async () => {
		const answer = await start(
			{ comments: 'pending', status: 'publish' },
			importingAuthor
		);
		expect( answer.status ).toBe( 201 );
		expect( answer.body.options.author ).toBe( importingAuthor.id );
	} );

	it.each( [
		[
			'assign another author',
			{ author: 1, comments: 'pending' },
			/as another user/,
		],
		[ 'approve comments', { comments: 'approved' }, /approve comments/ ],
	] )( 'refuses an author who tries to %s', async ( _, options, message ) => {
		const answer = await start( options, importingAuthor );
		expect( answer.status ).toBe( 403 );
		expect( answer.body.message ).toMatch( message );
	} );

	it.each( [
		[
			'publish',
			{ status: 'publish', comments: 'pending', images: false },
			/publish/,
		],
		[
			'keep posts private',
			{ status: 'private', comments: 'pending', images: false },
			/publish/,
		],
		[
			'upload images',
			{ status: 'pending', comments: 'pending', images: true },
			/upload/,
		],
	] )(
		'refuses a contributor who tries to %s',
		async ( _, options, message ) => {
			const answer = await start( options, importingContributor );
			expect( answer.status ).toBe( 403 );
			expect( answer.body.message ).toMatch( message );
		}
	);

	it( 'does not let an author write into a run whose choices they could not make', async () => {
		const run = (
			await start( { author: 1, comments: 'approved' }, 'admin' )
		).body;
		const answer = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{ sourceId: 'cns!ABC!1', title: 't', html: '<p>x</p>' },
				],
			},
			importingAuthor
		);
		expect( answer.status ).toBe( 403 );
		const undo = await requestAs(
			'DELETE',
			`${ API }/runs/${ run.id }`,
			undefined,
			importingAuthor
		);
		expect( undo.status ).toBe( 403 );
	} );

	it.each( [
		[ 'an unknown author', { author: 999999 }, 400 ],
		[
			'a single category that does not exist',
			{ categories: { mode: 'single', category: 999999 } },
			400,
		],
		[ 'an unknown comments mode', { comments: 'spam' }, 400 ],
		[ 'an unknown option', { delete: true }, 400 ],
		[
			'a category mode that does not exist',
			{ categories: { mode: 'folders' } },
			400,
		],
	] )( 'answers %s with 400 and a message', async ( _, options, status ) => {
		const answer = await start( options, 'admin' );
		expect( answer.status ).toBe( status );
		expect( answer.body.code ).toBe( 'rest_invalid_param' );
		expect( answer.body.message ).toBeTruthy();
	} );

	it( 'answers malformed lookups and runs that do not exist', async () => {
		const run = ( await start( {}, 'admin' ) ).body;
		const bad = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/media/lookup`,
			{ hashes: [ 'not-a-hash' ] },
			'admin'
		);
		expect( bad.status ).toBe( 400 );
		const tooMany = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/media/lookup`,
			{ hashes: Array.from( { length: 501 }, () => 'a'.repeat( 64 ) ) },
			'admin'
		);
		expect( tooMany.status ).toBe( 400 );
		const badComment = await requestAs(
			'POST',
			`${ API }/runs/${ run.id }/posts`,
			{
				posts: [
					{
						sourceId: 'cns!ABC!1',
						title: 't',
						html: '',
						comments: [ { html: 'no author' } ],
					},
				],
			},
			'admin'
		);
		expect( badComment.status ).toBe( 400 );
		for ( const [ method, path ] of [
			[ 'GET', `${ API }/runs/999999` ],
			[ 'DELETE', `${ API }/runs/999999` ],
			[ 'POST', `${ API }/runs/999999/finalize` ],
			[ 'POST', `${ API }/runs/999999/media/lookup` ],
		] ) {
			const answer = await requestAs(
				method,
				path,
				method === 'POST' ? { hashes: [] } : undefined,
				'admin'
			);
			expect( [ path, answer.status ] ).toEqual( [ path, 404 ] );
		}
	} );
} );

describe( 'what an importer may touch', () => {
	let editor: TestAccount;
	let author: TestAccount;
	let otherAuthor: TestAccount;
	const CID = `PERM${ process.pid }`;
	let serial = 0;
	const nextSourceId = () => `cns!${ CID }!${ ++serial }`;

	beforeAll( () => {
		editor = createAccount( 'editor', [ 'import' ] );
		author = createAccount( 'author', [ 'import' ] );
		otherAuthor = createAccount( 'author', [ 'import' ] );
	} );

	async function run(
		who: TestAccount | 'admin',
		options: Record< string, unknown > = {},
		fingerprint = print()
	) {
		const answer = await requestAs(
			'POST',
			`${ API }/runs`,
			{ fingerprint, name: 'p.zip', options },
			who
		);
		expect( answer.status ).toBeLessThan( 300 );
		return answer.body;
	}

	async function write(
		runId: number,
		post: Record< string, unknown >,
		who: TestAccount | 'admin'
	) {
		const answer = await requestAs(
			'POST',
			`${ API }/runs/${ runId }/posts`,
			{
				posts: [
					{
						title: 'A post',
						html: '<p>Body</p>',
						published: '2008-02-02T10:00:00',
						...post,
					},
				],
			},
			who
		);
		expect( answer.status ).toBe( 200 );
		return answer.body.results[ 0 ];
	}

	const postState = ( id: number ) =>
		sitePhpJson( `
$post = get_post( ${ id } );
echo "\\n" . wp_json_encode( array(
	'title' => $post->post_title,
	'content' => $post->post_content,
	'date' => $post->post_date,
	'categories' => wp_get_post_categories( ${ id }, array( 'fields' => 'names' ) ),
	'comments' => (int) get_comments( array( 'post_id' => ${ id }, 'count' => true, 'status' => 'all' ) ),
	'thumbnail' => (int) get_post_thumbnail_id( ${ id } ),
) );
` );

	it( "leaves another user's post alone, in update and in skip mode, and does not tell its address", async () => {
		const sourceId = nextSourceId();
		const adminPost = await write(
			( await run( 'admin' ) ).id,
			{ sourceId, categories: [ 'Admin news' ] },
			'admin'
		);
		const before = postState( adminPost.postId );

		const updating = await run( author, {
			comments: 'pending',
			existing: 'update',
		} );
		const updated = await write(
			updating.id,
			{
				sourceId,
				title: 'Taken over',
				html: '<p>Taken over</p>',
				published: '2001-01-01T00:00:00',
				categories: [ 'Taken' ],
			},
			author
		);
		expect( updated ).toMatchObject( {
			status: 'failed',
			postId: 0,
			message: expect.stringMatching( /not allowed to edit/ ),
		} );
		expect( updated.link ).toBeUndefined();

		const skipping = await run( author, { comments: 'pending' } );
		const skipped = await write(
			skipping.id,
			{
				sourceId,
				categories: [ 'Admin news' ],
				comments: [ { author: 'Eve', html: 'first!' } ],
			},
			author
		);
		expect( skipped ).toMatchObject( {
			status: 'failed',
			postId: 0,
			comments: { created: 0 },
		} );
		expect( skipped.link ).toBeUndefined();
		expect( postState( adminPost.postId ) ).toEqual( before );

		// The refusal is in the author's own report.
		const report = await requestAs(
			'GET',
			`${ API }/runs/${ skipping.id }`,
			undefined,
			author
		);
		expect( report.body.failures ).toEqual( [
			expect.objectContaining( { kind: 'post', sourceId } ),
		] );

		// Their own post they may update.
		const own = nextSourceId();
		await write( updating.id, { sourceId: own }, author );
		expect(
			await write(
				updating.id,
				{ sourceId: own, title: 'Mine, changed' },
				author
			)
		).toMatchObject( { status: 'updated' } );
	} );

	it( "does not let anyone resume, read or change another user's run", async () => {
		const fingerprint = print();
		const theirs = await run(
			author,
			{ comments: 'pending' },
			fingerprint
		);

		// The same archive: the other author starts a run of their own.
		const mine = await requestAs(
			'POST',
			`${ API }/runs`,
			{ fingerprint, name: 'p.zip', options: { comments: 'pending' } },
			otherAuthor
		);
		expect( mine.status ).toBe( 201 );
		expect( mine.body.resumed ).toBe( false );
		expect( mine.body.id ).not.toBe( theirs.id );
		expect( mine.body.options.author ).toBe( otherAuthor.id );

		// The one who started it still resumes it.
		const again = await requestAs(
			'POST',
			`${ API }/runs`,
			{ fingerprint, name: 'p.zip', options: { comments: 'pending' } },
			author
		);
		expect( again.status ).toBe( 200 );
		expect( again.body.id ).toBe( theirs.id );

		for ( const [ method, path, body ] of [
			[ 'GET', `${ API }/runs/${ theirs.id }`, undefined ],
			[
				'POST',
				`${ API }/runs/${ theirs.id }/posts`,
				{
					posts: [
						{ sourceId: nextSourceId(), title: 't', html: 'x' },
					],
				},
			],
			[
				'POST',
				`${ API }/runs/${ theirs.id }/media/lookup`,
				{ hashes: [] },
			],
			[ 'POST', `${ API }/runs/${ theirs.id }/finalize`, {} ],
			[ 'DELETE', `${ API }/runs/${ theirs.id }`, undefined ],
		] as const ) {
			const answer = await requestAs( method, path, body, otherAuthor );
			expect( [ method, path, answer.status, answer.body.code ] ).toEqual(
				[ method, path, 403, 'spaces_importer_not_your_run' ]
			);
		}
		const upload = await uploadMedia(
			theirs.id,
			{ bytes: pngImage( 2, [ 9, 9, 9 ] ), name: 'a.png', path: 'a.png' },
			otherAuthor
		);
		expect( upload.status ).toBe( 403 );

		// An editor may act on others' content, and so on their runs.
		const read = await requestAs(
			'GET',
			`${ API }/runs/${ theirs.id }`,
			undefined,
			editor
		);
		expect( read.status ).toBe( 200 );
	} );

	it( "refuses another user's media, and anything that is not media, as a post's image", async () => {
		const bytes = pngImage( 3, [ 200, 10, 10 ] );
		const adminRun = await run( 'admin' );
		const adminImage = (
			await uploadMedia(
				adminRun.id,
				{ bytes, name: 'admin.png', path: 'admin.png' },
				'admin'
			)
		).body.attachmentId;
		const mine = await run( author, { comments: 'pending' } );
		const ownPost = await write(
			mine.id,
			{ sourceId: nextSourceId() },
			author
		);

		for ( const attachmentId of [ adminImage, ownPost.postId ] ) {
			const result = await write(
				mine.id,
				{
					sourceId: nextSourceId(),
					html: '<p><img src="a.png"></p>',
					images: [ { reference: 'a.png', attachmentId } ],
				},
				author
			);
			expect( result ).toMatchObject( {
				status: 'failed',
				postId: 0,
				message: expect.stringMatching( /not a file .* allowed/ ),
			} );
		}
		expect(
			sitePhpJson(
				`echo "\\n" . (int) get_post( ${ adminImage } )->post_parent;`
			)
		).toBe( 0 );

		// The library does not offer the author the administrator's copy:
		// they store their own, and may use it.
		const lookup = await requestAs(
			'POST',
			`${ API }/runs/${ mine.id }/media/lookup`,
			{ hashes: [ sha256( bytes ) ] },
			author
		);
		expect( lookup.body.found ).toEqual( {} );
		const own = await uploadMedia(
			mine.id,
			{ bytes, name: 'mine.png', path: 'mine.png' },
			author
		);
		expect( own.status ).toBe( 201 );
		expect( own.body.attachmentId ).not.toBe( adminImage );
		const used = await write(
			mine.id,
			{
				sourceId: nextSourceId(),
				html: '<p><img src="a.png"></p>',
				images: [
					{ reference: 'a.png', attachmentId: own.body.attachmentId },
				],
			},
			author
		);
		expect( used.status ).toBe( 'created' );
		expect( postState( used.postId ).thumbnail ).toBe(
			own.body.attachmentId
		);
	} );

	it( 'creates categories only for those who may manage them, and says what was left out', async () => {
		sitePhp( `wp_insert_term( 'Known ${ CID }', 'category' );` );
		const known = `Known ${ CID }`;
		const fresh = `Fresh ${ CID }`;
		const exists = ( name: string, taxonomy: string ) =>
			sitePhpJson< boolean >(
				`echo "\\n" . wp_json_encode( (bool) term_exists( ${ JSON.stringify(
					name
				) }, '${ taxonomy }' ) );`
			);

		const byAuthor = await write(
			( await run( author, { comments: 'pending' } ) ).id,
			{ sourceId: nextSourceId(), categories: [ known, fresh ] },
			author
		);
		expect( byAuthor.status ).toBe( 'created' );
		expect( byAuthor.warnings ).toEqual( [
			expect.stringContaining( fresh ),
		] );
		expect( postState( byAuthor.postId ).categories ).toEqual( [ known ] );
		expect( exists( fresh, 'category' ) ).toBe( false );

		// Tags the post editor lets an author make; the importer too.
		const tagged = await write(
			(
				await run( author, {
					comments: 'pending',
					categories: { mode: 'tags' },
				} )
			).id,
			{ sourceId: nextSourceId(), categories: [ fresh ] },
			author
		);
		expect( tagged.warnings ).toBeUndefined();
		expect( exists( fresh, 'post_tag' ) ).toBe( true );

		const byEditor = await write(
			( await run( editor ) ).id,
			{ sourceId: nextSourceId(), categories: [ known, fresh ] },
			editor
		);
		expect( byEditor.warnings ).toBeUndefined();
		expect( postState( byEditor.postId ).categories.sort() ).toEqual(
			[ fresh, known ].sort()
		);
	} );

	it( "lists a user their own runs, and everyone's to those who may act on them", async () => {
		const adminRun = await run( 'admin' );
		const authorRun = await run( author, { comments: 'pending' } );
		const ids = async ( who: TestAccount, query = '' ) => {
			const answer = await requestAs(
				'GET',
				`${ API }/runs${ query }`,
				undefined,
				who
			);
			expect( answer.status ).toBe( 200 );
			return answer.body.map( ( r: any ) => r.id );
		};
		const seenByAuthor = await ids( author );
		expect( seenByAuthor ).toContain( authorRun.id );
		expect( seenByAuthor ).not.toContain( adminRun.id );
		expect(
			await ids( author, `?fingerprint=${ adminRun.fingerprint }` )
		).toEqual( [] );
		expect( await ids( otherAuthor ) ).not.toContain( authorRun.id );
		const seenByEditor = await ids( editor );
		expect( seenByEditor ).toEqual(
			expect.arrayContaining( [ adminRun.id, authorRun.id ] )
		);
	} );
} );
