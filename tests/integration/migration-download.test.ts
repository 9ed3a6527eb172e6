/**
 * The migration download (posts without Spaces ids) imported into a real
 * WordPress by the reader and the runner, as the screen and the command line
 * do: every post, comment and image arrives once, links between entry pages
 * point at the new posts, importing the same download again adds nothing,
 * and no old Spaces address is claimed for such a post.
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { generateMigrationArchive } from '../support/archive/migration';
import { runImport } from '../../src/import/runner';
import { sitePhpJson, testSite, transportAs } from './support/site';

const generated = generateMigrationArchive( {
	posts: 16,
	comments: 20,
	images: 3,
	seed: 808,
	locale: 'en-US',
	blogTitle: 'Migration download',
} );
const zip = zipSync( generated.files );

function onSite( ids: string[] ) {
	return sitePhpJson< {
		posts: Array< {
			source: string;
			title: string;
			date: string;
			content: string;
			link: string;
			comments: number;
		} >;
		attachments: number;
	} >( `
global $wpdb;
$ids = ${ JSON.stringify( ids ) };
$out = array();
$parents = array();
foreach ( $ids as $source ) {
	$found = $wpdb->get_col( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value = %s", $source ) );
	foreach ( $found as $id ) {
		$post = get_post( $id );
		$parents[] = (int) $id;
		$out[] = array(
			'source' => $source,
			'title' => $post->post_title,
			'date' => $post->post_date,
			'content' => $post->post_content,
			'link' => get_permalink( $post ),
			'comments' => (int) get_comments( array( 'post_id' => $post->ID, 'count' => true ) ),
		);
	}
}
$list = $parents ? implode( ',', $parents ) : '0';
echo "\\n" . wp_json_encode( array(
	'posts' => $out,
	'attachments' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'attachment' AND post_parent IN ( $list )" ),
) );
` );
}

async function importOnce() {
	const reader = await readArchive( zip, 'space.zip' );
	const report = await runImport( {
		model: reader.model,
		media: { read: ( path ) => reader.readMedia( path ) },
		transport: transportAs( 'admin' ),
		options: { status: 'publish', comments: 'approved' },
	} );
	return { model: reader.model, report };
}

it( 'imports a migration download once, however often it is imported', async () => {
	const first = await importOnce();
	const { model } = first;
	const ids = model.posts.map( ( post ) => post.sourceId );
	expect( ids ).toHaveLength( generated.posts.length );
	for ( const id of ids ) {
		expect( id ).toMatch( /^local![0-9a-f]{16}$/ );
	}
	expect(
		first.report.results.filter( ( r ) => r.status === 'created' )
	).toHaveLength( generated.posts.length );

	const site = onSite( ids );
	expect( site.posts ).toHaveLength( generated.posts.length );
	const bySource = new Map( site.posts.map( ( p ) => [ p.source, p ] ) );
	// Both oldest first: the generated post and the one read from its page.
	generated.posts.forEach( ( post, i ) => {
		const imported = bySource.get( ids[ i ] );
		expect( imported?.date ).toBe( post.published.replace( 'T', ' ' ) );
		expect( imported?.comments ).toBe( post.comments.length );
	} );
	const imagesUsed = new Set( generated.posts.flatMap( ( p ) => p.images ) );
	expect( imagesUsed.size ).toBeGreaterThan( 0 );
	expect( site.attachments ).toBe( imagesUsed.size );

	// Links from one entry page to another now lead to the new post.
	let links = 0;
	generated.posts.forEach( ( post, i ) => {
		const imported = bySource.get( ids[ i ] );
		for ( const link of post.links ) {
			const target = bySource.get( ids[ link.target ] );
			expect( imported?.content ).toContain( `href="${ target?.link }"` );
			expect( imported?.content ).not.toContain(
				`href="${ link.href }"`
			);
			links++;
		}
	} );
	expect( links ).toBeGreaterThan( 0 );

	// The same download again: nothing new.
	const again = await importOnce();
	expect( again.model.posts.map( ( p ) => p.sourceId ) ).toEqual( ids );
	expect(
		again.report.results.filter( ( r ) => r.status === 'created' )
	).toHaveLength( 0 );
	const after = onSite( ids );
	expect( after.posts ).toHaveLength( generated.posts.length );
	expect( after.posts.map( ( p ) => p.comments ) ).toEqual(
		site.posts.map( ( p ) => p.comments )
	);
	expect( after.attachments ).toBe( site.attachments );
} );

it( 'claims no old Spaces address for a post the download gave no id', async () => {
	const { url } = testSite();
	const response = await fetch( `${ url }/blog/local!0123456789abcdef`, {
		redirect: 'manual',
	} );
	expect( response.status ).not.toBe( 301 );
} );
