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
