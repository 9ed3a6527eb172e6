/**
 * A blog imported from two archives (say, space.zip and pages saved later):
 * links from the first run's posts to posts that only the second run brings
 * point at their new homes once the second run finishes.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	allPosts,
	createAccount,
	requestAs,
	sitePhpJson,
	untilDone,
	type TestAccount,
} from './support/site';

const API = '/spaces-importer/v1';
const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const sourceId = ( n: number ) => `cns!${ CID }!${ n }`;
const entryUrl = ( n: number ) =>
	`http://twoparts.spaces.live.com/blog/cns!${ CID }!${ n }.entry`;

async function importRun(
	n: number,
	html: string,
	links: unknown[],
	who: 'admin' | TestAccount = 'admin'
) {
	const run = await requestAs(
		'POST',
		`${ API }/runs`,
		{
			fingerprint: crypto.randomBytes( 32 ).toString( 'hex' ),
			name: `part-${ n }.zip`,
			options:
				who === 'admin'
					? {}
					: { status: 'draft', comments: 'pending', images: false },
		},
		who
	);
	expect( run.status ).toBe( 201 );
	const posts = await requestAs(
		'POST',
		`${ API }/runs/${ run.body.id }/posts`,
		{
			posts: [
				{
					sourceId: sourceId( n ),
					title: `Part ${ n }`,
					html,
					published: '2008-01-01T10:00:00',
					links,
				},
			],
		},
		who
	);
	expect( posts.body.results[ 0 ].status ).toBe( 'created' );
	await untilDone(
		'POST',
		`${ API }/runs/${ run.body.id }/finalize`,
		'finalize',
		who
	);
	return posts.body.results[ 0 ];
}

it( 'rewrites a link whose target arrives in a later run', async () => {
	const first = await importRun(
		1,
		`<p>See <a href="${ entryUrl( 2 ) }">part two</a>.</p>`,
		[ { href: entryUrl( 2 ), sourceId: sourceId( 2 ) } ]
	);
	const [ before ] = await allPosts( `&include=${ first.postId }` );
	expect( before.content.raw ).toContain( entryUrl( 2 ) );

	const second = await importRun( 2, '<p>The second part.</p>', [] );

	const [ after ] = await allPosts( `&include=${ first.postId }` );
	expect( after.content.raw ).not.toContain( entryUrl( 2 ) );
	expect( after.content.raw ).toContain( `href="${ second.link }"` );
} );

it( 'leaves the posts of another user’s import as they are', async () => {
	const someone = createAccount( 'author', [ 'import' ] );
	const theirs = await importRun(
		3,
		`<p>See <a href="${ entryUrl( 4 ) }">part four</a>.</p>`,
		[ { href: entryUrl( 4 ), sourceId: sourceId( 4 ) } ],
		someone
	);
	const content = () =>
		sitePhpJson(
			`echo "\\n" . wp_json_encode( get_post( ${ theirs.postId } )->post_content );`
		);
	const before = content();
	expect( before ).toContain( entryUrl( 4 ) );

	// An administrator imports another archive holding the post it names.
	await importRun( 4, '<p>The fourth part.</p>', [] );

	expect( content() ).toBe( before );
} );
