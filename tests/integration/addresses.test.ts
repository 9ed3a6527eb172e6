/**
 * Imported posts get their addresses as WordPress gives them: a trashed
 * post holding the address gives it up, posts with the same title take the
 * next ones in the archive's order, and the guid is the post's address.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import { requestAs, sitePhpJson, startFreshRun } from './support/site';

const API = '/spaces-importer/v1';

it( 'gives new posts the addresses WordPress would, trashed posts giving theirs up', async () => {
	const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
	const title = `Address ${ CID }`;
	const slug = title.toLowerCase().replace( ' ', '-' );
	// A post trashed while it kept its address, as WordPress before 5.4
	// trashed them (it now renames a post when it trashes it).
	const trashed = sitePhpJson< number >( `
global $wpdb;
$id = wp_insert_post( array( 'post_title' => ${ JSON.stringify(
		title
	) }, 'post_status' => 'publish' ) );
$wpdb->update( $wpdb->posts, array( 'post_status' => 'trash' ), array( 'ID' => $id ) );
clean_post_cache( $id );
echo "\\n" . wp_json_encode( $id );
` );

	const run = await startFreshRun( 'addresses.zip', { status: 'publish' } );
	const answer = await requestAs(
		'POST',
		`${ API }/runs/${ run.id }/posts`,
		{
			posts: [ 1, 2, 3 ].map( ( n ) => ( {
				sourceId: `cns!${ CID }!${ n }`,
				title,
				html: `<p>Number ${ n }</p>`,
				published: `2008-06-0${ n }T10:00:00`,
			} ) ),
		},
		'admin'
	);
	expect( answer.status ).toBe( 200 );
	const ids = answer.body.results.map( ( r: any ) => r.postId );

	const stored = sitePhpJson<
		Array< { name: string; guid: string; link: string } >
	>( `
$rows = array();
foreach ( array( ${ [ trashed, ...ids ].join( ', ' ) } ) as $id ) {
	clean_post_cache( $id );
	$post   = get_post( $id );
	$rows[] = array( 'name' => $post->post_name, 'guid' => $post->guid, 'link' => get_permalink( $post ) );
}
echo "\\n" . wp_json_encode( $rows );
` );
	const [ old, ...imported ] = stored;
	expect( old.name ).toBe( `${ slug }__trashed` );
	expect( imported.map( ( post ) => post.name ) ).toEqual( [
		slug,
		`${ slug }-2`,
		`${ slug }-3`,
	] );
	for ( const post of imported ) {
		expect( post.guid ).toBe( post.link );
	}
	expect( answer.body.results.map( ( r: any ) => r.link ) ).toEqual(
		imported.map( ( post ) => post.link )
	);
} );
