/**
 * Who may do what to what, role by role, on a real WordPress where every
 * role below the administrator was granted `import` for the test: importing
 * must never let a user do what WordPress itself would refuse them, whatever
 * the archive says.
 *
 * The other user is the site's first administrator: their run, their
 * published post, their unattached image.
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
} from './support/site';
import type { TestAccount } from './support/site';

const API = '/spaces-importer/v1';
const print = () => crypto.randomBytes( 32 ).toString( 'hex' );
const CID = `MATRIX${ process.pid }`;
let serial = 0;
const nextSourceId = () => `cns!${ CID }!${ ++serial }`;

type Role =
	'subscriber' | 'contributor' | 'author' | 'editor' | 'administrator';

/* eslint-disable prettier/prettier */
// What each role gets. A number is the HTTP status of the request; a word is
// what became of the item (or of the run) when the request itself was taken:
//   new run    `POST /runs` with another user's fingerprint started the
//              caller's own run (201, not 200 `resumed`)
//   created    a post was created
//   updated    the administrator's post was rewritten
//   commented  a comment was added to the administrator's post
//   refused    the item answered `failed` with a reason, no id, no link, and
//              nothing changed on the site
//   attached   the administrator's image became the new post's
//   ignored    the run imports no images (a contributor may not upload), so
//              the image was not touched and the post was created
const MATRIX: Record< Role, Record< string, number | string > > = {
	subscriber:    { start: 403, resumeOthers: 403,       postNew: 403,       updateOthers: 403,       commentOthers: 403,         upload: 403, attachOthersMedia: 403,       finalizeOthers: 403, undoOthers: 403 },
	contributor:   { start: 201, resumeOthers: 'new run', postNew: 'created', updateOthers: 'refused', commentOthers: 'refused',   upload: 403, attachOthersMedia: 'ignored',  finalizeOthers: 403, undoOthers: 403 },
	author:        { start: 201, resumeOthers: 'new run', postNew: 'created', updateOthers: 'refused', commentOthers: 'refused',   upload: 201, attachOthersMedia: 'refused',  finalizeOthers: 403, undoOthers: 403 },
	editor:        { start: 201, resumeOthers: 'new run', postNew: 'created', updateOthers: 'updated', commentOthers: 'commented', upload: 201, attachOthersMedia: 'attached', finalizeOthers: 200, undoOthers: 200 },
	administrator: { start: 201, resumeOthers: 'new run', postNew: 'created', updateOthers: 'updated', commentOthers: 'commented', upload: 201, attachOthersMedia: 'attached', finalizeOthers: 200, undoOthers: 200 },
};
/* eslint-enable prettier/prettier */

// The choices each role may make (a subscriber may make none).
const OPTIONS: Record< Role, Record< string, unknown > > = {
	subscriber: { status: 'draft', comments: 'pending', images: false },
	contributor: { status: 'pending', comments: 'pending', images: false },
	author: { comments: 'pending' },
	editor: {},
	administrator: {},
};

function start(
	who: TestAccount | 'admin',
	options: Record< string, unknown >,
	fingerprint = print()
) {
	return requestAs(
		'POST',
		`${ API }/runs`,
		{ fingerprint, name: 'matrix.zip', options },
		who
	);
}

async function adminRun( options: Record< string, unknown > = {} ) {
	const answer = await start( 'admin', options );
	expect( answer.status ).toBe( 201 );
	return answer.body;
}

function postTo(
	runId: number,
	posts: Record< string, unknown >[],
	who: TestAccount | 'admin'
) {
	return requestAs(
		'POST',
		`${ API }/runs/${ runId }/posts`,
		{ posts },
		who
	);
}

function item( sourceId: string, extra: Record< string, unknown > = {} ) {
	return {
		sourceId,
		title: `Post ${ sourceId }`,
		html: `<p>Body of ${ sourceId }</p>`,
		published: '2008-01-01T10:00:00',
		categories: [ 'Matrix' ],
		...extra,
	};
}

function postState( id: number ) {
	return sitePhpJson< {
		title: string;
		content: string;
		date: string;
		categories: string[];
		comments: number;
	} >( `
$post = get_post( ${ id } );
echo "\\n" . wp_json_encode( array(
	'title' => $post->post_title,
	'content' => $post->post_content,
	'date' => $post->post_date,
	'categories' => wp_get_post_categories( ${ id }, array( 'fields' => 'names' ) ),
	'comments' => (int) get_comments( array( 'post_id' => ${ id }, 'count' => true, 'status' => 'all' ) ),
) );
` );
}

function attachmentParent( id: number ): number {
	return sitePhpJson< number >(
		`echo "\\n" . (int) get_post( ${ id } )->post_parent;`
	);
}

/**
 * An image only the administrator holds, in the library and attached to nothing.
 */
async function adminImage(): Promise< number > {
	const run = await adminRun();
	const bytes = pngImage( 3, [
		crypto.randomInt( 256 ),
		crypto.randomInt( 256 ),
		crypto.randomInt( 256 ),
	] );
	const uploaded = await uploadMedia(
		run.id,
		{ bytes, name: 'admin.png', path: 'admin.png' },
		'admin'
	);
	expect( uploaded.status ).toBe( 201 );
	return uploaded.body.attachmentId;
}

describe( 'the permission matrix', () => {
	const accounts = {} as Record< Role, TestAccount >;
	let othersRun: any;
	let othersSourceId: string;
	let othersPostId: number;

	beforeAll( async () => {
		for ( const role of Object.keys( MATRIX ) as Role[] ) {
			accounts[ role ] =
				role === 'administrator'
					? createAccount( 'administrator' )
					: createAccount( role, [ 'import' ] );
		}
		// The administrator's unfinished run, with one published post.
		othersRun = await adminRun();
		othersSourceId = nextSourceId();
		const written = await postTo(
			othersRun.id,
			[ item( othersSourceId, { categories: [ 'Admin only' ] } ) ],
			'admin'
		);
		if ( written.body.results[ 0 ].status !== 'created' ) {
			throw new Error( 'The administrator’s post was not created.' );
		}
		othersPostId = written.body.results[ 0 ].postId;
	} );

	/**
	 * The caller's own run, or for a subscriber, who cannot have one, the
	 * administrator's.
	 *
	 * @param role     Whose.
	 * @param existing What happens to posts that are there.
	 * @return The run id.
	 */
	async function ownRun(
		role: Role,
		existing: 'skip' | 'update' = 'skip'
	): Promise< number > {
		if ( role === 'subscriber' ) {
			return othersRun.id;
		}
		const answer = await start( accounts[ role ], {
			...OPTIONS[ role ],
			existing,
		} );
		expect( answer.status ).toBe( 201 );
		return answer.body.id;
	}

	const ACTIONS: Record<
		string,
		( role: Role, me: TestAccount ) => Promise< number | string >
	> = {
		async start( role, me ) {
			return ( await start( me, OPTIONS[ role ] ) ).status;
		},

		async resumeOthers( role, me ) {
			const answer = await start(
				me,
				OPTIONS[ role ],
				othersRun.fingerprint
			);
			if ( answer.status >= 400 ) {
				return answer.status;
			}
			const own =
				answer.status === 201 &&
				! answer.body.resumed &&
				answer.body.id !== othersRun.id &&
				answer.body.options.author === me.id;
			return own ? 'new run' : `took over run ${ answer.body.id }`;
		},

		async postNew( role, me ) {
			const answer = await postTo(
				await ownRun( role ),
				[ item( nextSourceId() ) ],
				me
			);
			return answer.status === 200
				? answer.body.results[ 0 ].status
				: answer.status;
		},

		async updateOthers( role, me ) {
			// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- the state before the request.
			const before = postState( othersPostId );
			const answer = await postTo(
				await ownRun( role, 'update' ),
				[
					item( othersSourceId, {
						title: `Rewritten by ${ role }`,
						html: `<p>Rewritten by ${ role }</p>`,
						published: '2001-01-01T00:00:00',
						categories: [ `Rewritten ${ role }` ],
					} ),
				],
				me
			);
			if ( answer.status !== 200 ) {
				return answer.status;
			}
			const result = answer.body.results[ 0 ];
			const after = postState( othersPostId );
			if ( result.status === 'updated' ) {
				return after.title === `Rewritten by ${ role }`
					? 'updated'
					: `updated, yet titled ${ after.title }`;
			}
			const refused =
				result.status === 'failed' &&
				!! result.message &&
				! result.postId &&
				! result.link &&
				JSON.stringify( after ) === JSON.stringify( before );
			return refused ? 'refused' : JSON.stringify( result );
		},

		async commentOthers( role, me ) {
			// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- the state before the request.
			const before = postState( othersPostId );
			const answer = await postTo(
				await ownRun( role, 'skip' ),
				[
					{
						...item( othersSourceId ),
						comments: [
							{ author: role, html: `A word from ${ role }` },
						],
					},
				],
				me
			);
			if ( answer.status !== 200 ) {
				return answer.status;
			}
			const result = answer.body.results[ 0 ];
			const after = postState( othersPostId );
			if (
				result.comments.created === 1 &&
				after.comments === before.comments + 1
			) {
				return 'commented';
			}
			const refused =
				result.status === 'failed' &&
				!! result.message &&
				! result.postId &&
				! result.link &&
				result.comments.created === 0 &&
				after.comments === before.comments;
			return refused ? 'refused' : JSON.stringify( result );
		},

		async upload( role, me ) {
			const answer = await uploadMedia(
				await ownRun( role ),
				{
					bytes: pngImage( 4, [
						crypto.randomInt( 256 ),
						crypto.randomInt( 256 ),
						crypto.randomInt( 256 ),
					] ),
					name: 'mine.png',
					path: 'mine.png',
				},
				me
			);
			return answer.status;
		},

		async attachOthersMedia( role, me ) {
			const image = await adminImage();
			const answer = await postTo(
				await ownRun( role ),
				[
					item( nextSourceId(), {
						html: '<p><img src="img/a.png"></p>',
						images: [
							{ reference: 'img/a.png', attachmentId: image },
						],
					} ),
				],
				me
			);
			if ( answer.status !== 200 ) {
				return answer.status;
			}
			const result = answer.body.results[ 0 ];
			const parent = attachmentParent( image );
			if ( result.status === 'created' ) {
				if ( parent === result.postId ) {
					return 'attached';
				}
				return parent === 0 ? 'ignored' : `parent ${ parent }`;
			}
			return result.status === 'failed' && result.message && ! parent
				? 'refused'
				: JSON.stringify( result );
		},

		async finalizeOthers( role, me ) {
			const run = await adminRun();
			const answer = await requestAs(
				'POST',
				`${ API }/runs/${ run.id }/finalize`,
				{},
				me
			);
			return answer.status;
		},

		async undoOthers( role, me ) {
			const run = await adminRun();
			const sourceId = nextSourceId();
			const written = await postTo(
				run.id,
				[ item( sourceId ) ],
				'admin'
			);
			const postId = written.body.results[ 0 ].postId;
			const answer = await requestAs(
				'DELETE',
				`${ API }/runs/${ run.id }`,
				undefined,
				me
			);
			if ( answer.status !== 200 ) {
				// Refused: the administrator's post is still there.
				const left = sitePhpJson< string >(
					`echo "\\n" . wp_json_encode( get_post_status( ${ postId } ) );`
				);
				return left === 'publish'
					? answer.status
					: `${ answer.status }, yet the post is ${ left }`;
			}
			await untilDone(
				'DELETE',
				`${ API }/runs/${ run.id }`,
				'undo',
				me
			);
			return 200;
		},
	};

	const cells = ( Object.keys( MATRIX ) as Role[] ).flatMap( ( role ) =>
		Object.keys( MATRIX[ role ] ).map(
			( action ) => [ role, action, MATRIX[ role ][ action ] ] as const
		)
	);

	it.each( cells )( '%s: %s → %s', async ( role, action, expected ) => {
		const outcome = await ACTIONS[ action ]( role, accounts[ role ] );
		expect( outcome ).toBe( expected );
	} );
} );
