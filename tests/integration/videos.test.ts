/**
 * Videos in posts, imported into a real WordPress: a YouTube `<object>`
 * becomes an embed block of the watch page, a Soapbox player a paragraph
 * linking its old page, an MP4 file of the archive an attachment shown in a
 * video block, and the front end shows the embed block's figure.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { runImport } from '../../src/import/runner';
import { sitePhpJson, testSite, transportAs } from './support/site';

const ID = 'dQw4w9WgXcQ';
const GUID = '6f9ee93f-ab6e-481e-99dd-9652a4671804';
const SOURCE = 'cns!7E57C0DE7E57C0DE!41';

const page = `<html web:culture="en-US"><body>
<div id="entry${ SOURCE }" class="bvEntry" bv:cns="${ SOURCE }">
<h4 id="subj${ SOURCE }">Three videos</h4>
<div id="msg${ SOURCE }" class="bvMsg"><div>Our trip to the sea.</div>
<object width="425" height="355"><param name="movie" value="http://www.youtube.com/v/${ ID }&amp;hl=en"></param><param name="wmode" value="transparent"></param><embed src="http://www.youtube.com/v/${ ID }&amp;hl=en" type="application/x-shockwave-flash" wmode="transparent" width="425" height="355"></embed></object>
<embed src="http://images.soapbox.msn.com/flash/soapbox1_1.swf" quality="high" width="432" height="364" type="application/x-shockwave-flash" flashvars="c=v&amp;v=${ GUID }&amp;ifs=true&amp;fr=shareembed"></embed><br /><a href="http://soapbox.msn.com/video.aspx?vid=${ GUID }" title="The Fish Diet">Video: The Fish Diet</a>
<div>And the beach:</div><embed src="video/beach.mp4" width="320" height="240"></div>
<div class="footerLinks">4/20/2007 1:29 PM</div>
</div></body></html>`;

/**
 * An MP4 file as far as its header goes (an `ftyp` box), with bytes after
 * it, so PHP's file type check knows it for a video.
 *
 * @return The bytes.
 */
function mp4(): Uint8Array {
	const bytes = new Uint8Array( 4096 );
	bytes.set( [
		0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2,
		0, 0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32,
	] );
	// Contents of this run's own: a file another test uploaded to the same
	// site would be found in the library instead of uploaded.
	bytes.set( crypto.randomBytes( 16 ), bytes.length - 16 );
	return bytes;
}

const zip = zipSync( {
	'space/blog.html': strToU8( page ),
	'space/video/beach.mp4': mp4(),
} );

describe( 'videos in posts', () => {
	let stored: {
		content: string;
		link: string;
		blocks: Array< {
			name: string | null;
			attrs: Record< string, unknown >;
		} >;
		video: {
			mime: string;
			parent: number;
			url: string;
			meta: { filesize?: number } | false;
		} | null;
		postId: number;
		thumbnail: number;
	};

	let media: Array< { path: string; status: string } > = [];
	let state = '';

	beforeAll( async () => {
		const reader = await readArchive( zip, 'space.zip' );
		const report = await runImport( {
			model: reader.model,
			media: { read: ( path ) => reader.readMedia( path ) },
			transport: transportAs( 'admin' ),
			options: { status: 'publish', featuredImage: true },
		} );
		media = report.media;
		state = report.run.state;
		stored = sitePhpJson( `
global $wpdb;
$id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value = %s", '${ SOURCE }' ) );
$post = get_post( $id );
$blocks = array();
foreach ( parse_blocks( $post->post_content ) as $block ) {
	if ( $block['blockName'] || trim( $block['innerHTML'] ) ) {
		$blocks[] = array( 'name' => $block['blockName'], 'attrs' => (object) $block['attrs'] );
	}
}
$videos = get_attached_media( 'video', $id );
$video = $videos ? reset( $videos ) : null;
echo "\\n" . wp_json_encode( array(
	'postId' => $id,
	'content' => $post->post_content,
	'link' => get_permalink( $id ),
	'blocks' => $blocks,
	'video' => $video ? array( 'mime' => $video->post_mime_type, 'parent' => (int) $video->post_parent, 'url' => wp_get_attachment_url( $video->ID ), 'meta' => wp_get_attachment_metadata( $video->ID ) ) : null,
	'thumbnail' => (int) get_post_thumbnail_id( $id ),
) );
` );
	} );

	it( 'stores an embed block of the YouTube watch page where the object stood', () => {
		expect( stored.blocks.map( ( block ) => block.name ) ).toEqual( [
			null,
			'core/embed',
			'core/paragraph',
			null,
			'core/video',
		] );
		expect( stored.blocks[ 1 ].attrs ).toEqual( {
			url: `https://www.youtube.com/watch?v=${ ID }`,
			type: 'video',
			providerNameSlug: 'youtube',
		} );
		expect( stored.content ).toContain(
			`<div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=${ ID }\n</div>`
		);
		expect( stored.content ).not.toMatch(
			/<object|<embed|<param|<script/i
		);
	} );

	it( 'stores the Soapbox player as a paragraph linking its old page, with its title', () => {
		expect( stored.content ).toContain(
			`<p><a href="http://soapbox.msn.com/video.aspx?vid=${ GUID }">The Fish Diet</a></p>`
		);
	} );

	it( 'uploads the MP4 file and shows it in a video block, not as the featured image', () => {
		expect( media ).toEqual( [
			expect.objectContaining( {
				path: 'space/video/beach.mp4',
				status: 'created',
			} ),
		] );
		expect( stored.video ).toMatchObject( {
			mime: 'video/mp4',
			parent: stored.postId,
		} );
		const url = stored.video?.url;
		expect( stored.content ).toContain(
			`<figure class="wp-block-video"><video controls src="${ url }"></video></figure>`
		);
		expect( stored.thumbnail ).toBe( 0 );
	} );

	it( 'finishes the run: finalize reads the video file’s metadata like an image’s', () => {
		expect( state ).toBe( 'complete' );
		expect( stored.video?.meta ).toMatchObject( { filesize: 4096 } );
	} );

	it( 'renders the embed block’s figure on the front end', async () => {
		// This test site is offline: WordPress's oEmbed fetch of YouTube
		// fails, and WordPress then shows the block's address as a link
		// inside the block's figure. On a site online, the same figure holds
		// YouTube's player.
		const response = await fetch( stored.link );
		expect( response.status ).toBe( 200 );
		const html = await response.text();
		const figure =
			/<figure class="wp-block-embed[^"]*is-provider-youtube[^"]*"><div class="wp-block-embed__wrapper">([\s\S]*?)<\/div><\/figure>/.exec(
				html
			);
		expect( figure ).not.toBeNull();
		expect( figure?.[ 1 ] ).toContain(
			`https://www.youtube.com/watch?v=${ ID }`
		);
		expect( html ).toContain(
			`href="http://soapbox.msn.com/video.aspx?vid=${ GUID }"`
		);
		expect( html ).toMatch( /<video controls src="[^"]+\.mp4"/ );
		expect( testSite().url ).toBeTruthy();
	} );
} );
