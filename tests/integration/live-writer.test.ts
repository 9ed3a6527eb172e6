/**
 * Windows Live Writer's folder imported into a real WordPress with a
 * space.zip, as the screen and the command line do: the draft is a draft
 * (whatever status the owner chose for the posts) with its image in the
 * media library and its keywords as tags; the published copy merged with
 * the archive's post keeps the archive's comments and brings its full-size
 * image; a post only in Live Writer is published; a draft with no date
 * stays undated, as WordPress keeps drafts; skipping drafts leaves them all
 * out.
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readInputs, type InputFile } from '../../src/archive';
import { runImport } from '../../src/import/runner';
import type { ImportOptions } from '../../src/import/types';
import { generateArchive } from '../support/archive/generate';
import { pngBytes } from '../support/archive/png';
import { makeWpost } from '../support/archive/wpost';
import { sitePhpJson, testSite, transportAs } from './support/site';

const archive = generateArchive( {
	posts: 3,
	comments: 6,
	images: 1,
	seed: 4242,
	cid: 'A1B2C3D4E5F60718',
} );
const withImage = archive.posts.find( ( p ) =>
	p.html.includes( 'img/photo0_' )
);
const imageName = archive.images[ 0 ].split( '/' ).pop() ?? '';
const FULL = pngBytes( 300, 200, [ 30, 120, 60 ] );
const DRAFT_IMAGE = pngBytes( 120, 90, [ 240, 200, 10 ] );

function inputs( prefix: string ): InputFile[] {
	const files: Record< string, Uint8Array > = {
		'My Weblog Posts/cache.xml': new TextEncoder().encode(
			'<?xml version="1.0"?><PostEditorFileLookupCache />'
		),
		'My Weblog Posts/Drafts/春天的草稿.wpost': makeWpost( {
			title: `${ prefix } 春天的草稿`,
			html: '<p>Not finished.</p><p><img src="{{file:0}}" alt="garden"></p>',
			files: [ { name: 'garden.png', bytes: DRAFT_IMAGE } ],
			keywords: `${ prefix }-spring, ${ prefix }-garden`,
			categories: [ 'Drafts and notes' ],
			blogId: prefix,
		} ),
		'My Weblog Posts/Recent Posts/With photo.wpost': makeWpost( {
			version: 1,
			title: withImage?.title ?? '',
			html: '<p>short</p><p><img src="{{file:0}}"></p>',
			files: [ { name: imageName, bytes: FULL } ],
			postId: `cns!${ withImage?.cid }!${ withImage?.number }`,
			datePublished: '2008-01-01T00:00:00Z',
		} ),
		'My Weblog Posts/Recent Posts/Only here.wpost': makeWpost( {
			title: `${ prefix } only in Live Writer`,
			html: '<p>Lost on Spaces, kept on my PC.</p>',
			postId: `${ prefix }-77`,
			blogId: prefix,
			datePublished: '2010-06-01T12:00:00Z',
		} ),
	};
	return [
		{ path: 'space.zip', data: zipSync( archive.files ) },
		...Object.entries( files ).map( ( [ path, data ] ) => ( {
			path,
			data,
			modified: '2010-04-01T10:00:00',
		} ) ),
		// A draft Live Writer never dated, of a file without a date either.
		{
			path: 'My Weblog Posts/Drafts/Someday.wpost',
			data: makeWpost( {
				title: `${ prefix } someday`,
				html: '<p>An idea for later.</p>',
				blogId: prefix,
			} ),
			modified: null,
		},
	];
}

interface OnSite {
	posts: Array< {
		title: string;
		status: string;
		dateGmt: string;
		tags: string[];
		comments: number;
		images: Array< { width: number; file: string } >;
		content: string;
	} >;
}

function onSite( sources: string[] ) {
	return sitePhpJson< OnSite >( `
global $wpdb;
$out = array();
foreach ( ${ JSON.stringify( sources ) } as $source ) {
	$id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value = %s", $source ) );
	if ( ! $id ) {
		$out[] = null;
		continue;
	}
	$post = get_post( $id );
	$images = array();
	foreach ( get_attached_media( 'image', $id ) as $attachment ) {
		$meta = wp_get_attachment_metadata( $attachment->ID );
		$images[] = array( 'width' => (int) ( $meta['width'] ?? 0 ), 'file' => basename( get_attached_file( $attachment->ID ) ) );
	}
	$out[] = array(
		'title' => $post->post_title,
		'status' => $post->post_status,
		'dateGmt' => $post->post_date_gmt,
		'tags' => wp_get_post_tags( $id, array( 'fields' => 'names' ) ),
		'comments' => (int) get_comments( array( 'post_id' => $id, 'count' => true ) ),
		'images' => $images,
		'content' => $post->post_content,
	);
}
echo "\\n" . wp_json_encode( array( 'posts' => $out ) );
` );
}

async function importFolder(
	prefix: string,
	options: Partial< ImportOptions >
) {
	const reader = await readInputs( inputs( prefix ), 'chosen' );
	const report = await runImport( {
		model: reader.model,
		media: { read: ( path ) => reader.readMedia( path ) },
		transport: transportAs( 'admin' ),
		options,
	} );
	return { model: reader.model, report };
}

describe( 'a My Weblog Posts folder with the space.zip', () => {
	beforeAll( () => {
		testSite();
	} );

	it( 'imports the draft as a draft with its image and tags, and merges the published copy', async () => {
		const { model, report } = await importFolder( 'first', {
			status: 'publish',
		} );
		expect(
			report.results.filter( ( r ) => r.status === 'failed' )
		).toEqual( [] );
		const draft = model.posts.find(
			( p ) => p.title === 'first 春天的草稿'
		);
		const undated = model.posts.find(
			( p ) => p.title === 'first someday'
		);
		const merged = model.posts.find(
			( p ) =>
				p.sourceId === `cns!${ withImage?.cid }!${ withImage?.number }`
		);
		const only = model.posts.find(
			( p ) => p.title === 'first only in Live Writer'
		);
		const [ onDraft, onMerged, onOnly, onUndated ] = (
			await onSite( [
				draft?.sourceId ?? '',
				merged?.sourceId ?? '',
				only?.sourceId ?? '',
				undated?.sourceId ?? '',
			] )
		).posts;

		expect( onDraft.status ).toBe( 'draft' );
		expect( onDraft.title ).toBe( 'first 春天的草稿' );
		expect( onDraft.tags.sort() ).toEqual( [
			'first-garden',
			'first-spring',
		] );
		expect( onDraft.images ).toEqual( [
			expect.objectContaining( { width: 120 } ),
		] );
		expect( onDraft.content ).toContain( '/wp-content/uploads/' );
		expect( onDraft.content ).not.toContain( '.wpost' );

		expect( onMerged.status ).toBe( 'publish' );
		expect( onMerged.comments ).toBe( withImage?.comments.length );
		// The local full-size copy, not the archive's smaller image.
		expect( onMerged.images ).toEqual( [
			expect.objectContaining( { width: 300 } ),
		] );

		expect( onOnly.status ).toBe( 'publish' );

		// Undated, as WordPress keeps a draft never dated: it is dated when
		// it is published.
		expect( onUndated.status ).toBe( 'draft' );
		expect( onUndated.title ).toBe( 'first someday' );
		expect( onUndated.dateGmt ).toBe( '0000-00-00 00:00:00' );
	} );

	it( 'leaves the drafts out when the owner skips them', async () => {
		const { model, report } = await importFolder( 'second', {
			status: 'publish',
			liveWriterDrafts: 'skip',
		} );
		const drafts = model.posts
			.filter( ( p ) => p.liveWriter === 'draft' )
			.map( ( p ) => p.sourceId );
		expect( drafts ).toHaveLength( 2 );
		const imported = report.results.map( ( r ) => r.sourceId );
		expect( imported.filter( ( id ) => drafts.includes( id ) ) ).toEqual(
			[]
		);
		// The other posts are all there.
		expect( imported.sort() ).toEqual(
			model.posts
				.filter( ( p ) => p.liveWriter !== 'draft' )
				.map( ( p ) => p.sourceId )
				.sort()
		);
		expect( ( await onSite( drafts ) ).posts ).toEqual( [ null, null ] );
	} );
} );
