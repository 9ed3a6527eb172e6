/**
 * Video files of an archive, imported into a real WordPress that does not
 * accept every video type (as a host, a plugin or a network's upload file
 * types may have it): the MP4 is uploaded and shown in a video block, the
 * AVI is uploaded and linked for download, and the WMV and FLV the site
 * refuses are named with the reason in the run's report, by the report's
 * figures and by the command line's summary, while their post keeps a link
 * named after each file. Nothing of them is dropped in silence.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { strToU8, zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '../../src/archive';
import { archiveStats } from '../../src/archive/stats';
import { importCommand } from '../../src/cli/import-command';
import { PASSWORD_VARIABLE } from '../../src/cli/password';
import { runImport } from '../../src/import/runner';
import { reportSummary } from '../../src/import/summary';
import type { RunReport } from '../../src/import/types';
import { sitePhpJson, testSite, transportAs } from './support/site';

const CID = crypto.randomBytes( 8 ).toString( 'hex' ).toUpperCase();
const SOURCE = `cns!${ CID }!7`;
const MARK = CID.toLowerCase();

const muPlugin = () =>
	nodePath.join(
		testSite().dir,
		'wp-content',
		'mu-plugins',
		`videos-${ MARK }.php`
	);

const page = `<html web:culture="en-US"><body>
<div id="entry${ SOURCE }" class="bvEntry" bv:cns="${ SOURCE }">
<h4 id="subj${ SOURCE }">Four films</h4>
<div id="msg${ SOURCE }" class="bvMsg"><div>The beach:</div>
<embed src="video/beach.mp4" width="320" height="240">
<div>The party, filmed on the phone:</div>
<object classid="CLSID:6BF52A52-394A-11D3-B153-00C04F79FAA6" width="320" height="285"><param name="URL" value="video/party.wmv"><param name="autoStart" value="false"><embed type="application/x-mplayer2" src="video/party.wmv"></embed></object>
<div>Grandma’s camera:</div><embed type="video/avi" src="video/grandma.avi">
<div>The cat:</div><embed src="video/cat.flv">
</div>
<div class="footerLinks">6/2/2008 8:15 PM</div>
</div></body></html>`;

/**
 * A file's first bytes, padded: enough for the importer's and PHP's checks
 * to know its type, and ending in bytes of its own.
 *
 * @param head The signature.
 * @return The bytes.
 */
function file( head: number[] ): Uint8Array {
	const bytes = new Uint8Array( 4096 );
	bytes.set( head );
	// Contents of this run's own: a file another test uploaded to the same
	// site would be found in the library instead of uploaded.
	bytes.set( crypto.randomBytes( 16 ), bytes.length - 16 );
	return bytes;
}

const ascii = ( text: string ) => [ ...text ].map( ( c ) => c.charCodeAt( 0 ) );

const zip = zipSync( {
	'space/blog.html': strToU8( page ),
	'space/video/beach.mp4': file( [
		0,
		0,
		0,
		0x18,
		...ascii( 'ftypisom' ),
		0,
		0,
		2,
		0,
		...ascii( 'isomiso2' ),
	] ),
	'space/video/party.wmv': file( [
		0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa,
		0x00, 0x62, 0xce, 0x6c,
	] ),
	'space/video/grandma.avi': file( [
		...ascii( 'RIFF' ),
		0xf8,
		0x0f,
		0,
		0,
		...ascii( 'AVI LIST' ),
	] ),
	'space/video/cat.flv': file( [ ...ascii( 'FLV' ), 1, 5, 0, 0, 0, 9 ] ),
} );

const REFUSED_WMV = 'This site does not accept video/x-ms-wmv files.';
const REFUSED_FLV = 'This site does not accept video/x-flv files.';

interface Stored {
	content: string;
	attachments: Array< { file: string; mime: string; url: string } >;
}

/**
 * The imported post's content and the video files attached to it.
 *
 * @return What the site holds.
 */
function stored(): Stored {
	return sitePhpJson( `
global $wpdb;
$id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT post_id FROM {$wpdb->postmeta} WHERE meta_key = '_spaces_importer_source_id' AND meta_value = %s", '${ SOURCE }' ) );
$attachments = array();
foreach ( get_attached_media( 'video', $id ) as $attachment ) {
	$attachments[] = array( 'file' => wp_basename( get_attached_file( $attachment->ID ) ), 'mime' => $attachment->post_mime_type, 'url' => wp_get_attachment_url( $attachment->ID ) );
}
usort( $attachments, function ( $a, $b ) { return strcmp( $a['file'], $b['file'] ); } );
echo "\\n" . wp_json_encode( array( 'content' => get_post( $id )->post_content, 'attachments' => $attachments ) );
` );
}

it( 'WordPress itself accepts .wmv, .avi and .flv files by default', () => {
	expect(
		sitePhpJson( `
echo "\\n" . wp_json_encode( \\SpacesImporter\\Media_Type_Check::allowed_types() );
` )
	).toEqual(
		expect.arrayContaining( [
			'video/mp4',
			'video/x-ms-wmv',
			'video/avi',
			'video/x-flv',
		] )
	);
} );

describe( 'on a site that does not accept .wmv and .flv files', () => {
	let report: RunReport;
	let post: Stored;

	beforeAll( async () => {
		fs.writeFileSync(
			muPlugin(),
			`<?php
add_filter( 'upload_mimes', function ( $types ) {
	unset( $types['wmv'], $types['flv'] );
	return $types;
} );
`
		);
		const reader = await readArchive( zip, 'space.zip' );
		report = await runImport( {
			model: reader.model,
			media: { read: ( path ) => reader.readMedia( path ) },
			transport: transportAs( 'admin' ),
			options: { status: 'publish' },
		} );
		post = stored();
	} );

	afterAll( () => {
		fs.rmSync( muPlugin(), { force: true } );
	} );

	it( 'the preview’s figures count the four video files, by name and type', async () => {
		const { model } = await readArchive( zip, 'space.zip' );
		expect( archiveStats( model ).videoFiles ).toEqual( [
			{
				path: 'space/video/beach.mp4',
				mimeType: 'video/mp4',
				playable: true,
			},
			{
				path: 'space/video/cat.flv',
				mimeType: 'video/x-flv',
				playable: false,
			},
			{
				path: 'space/video/grandma.avi',
				mimeType: 'video/avi',
				playable: false,
			},
			{
				path: 'space/video/party.wmv',
				mimeType: 'video/x-ms-wmv',
				playable: false,
			},
		] );
	} );

	it( 'uploads the MP4 and the AVI, and names the refused WMV and FLV with the reason in the run’s report', () => {
		expect( report.run.state ).toBe( 'complete' );
		const byPath = Object.fromEntries(
			report.media.map( ( result ) => [
				result.path,
				[ result.status, result.message ?? '' ],
			] )
		);
		expect( byPath ).toEqual( {
			'space/video/beach.mp4': [ 'created', '' ],
			'space/video/grandma.avi': [ 'created', '' ],
			'space/video/party.wmv': [ 'failed', REFUSED_WMV ],
			'space/video/cat.flv': [ 'failed', REFUSED_FLV ],
		} );
		const summary = reportSummary( report );
		expect( summary ).toMatchObject( {
			imagesCreated: 0,
			imagesFailed: [],
			videosCreated: 2,
		} );
		expect(
			summary.videosFailed
				.map( ( result ) => `${ result.path }: ${ result.message }` )
				.sort()
		).toEqual( [
			`space/video/cat.flv: ${ REFUSED_FLV }`,
			`space/video/party.wmv: ${ REFUSED_WMV }`,
		] );
	} );

	it( 'stores a video block of the uploaded MP4 and a download link of the uploaded AVI', () => {
		expect( post.attachments.map( ( a ) => [ a.file, a.mime ] ) ).toEqual( [
			[ 'beach.mp4', 'video/mp4' ],
			[ 'grandma.avi', 'video/avi' ],
		] );
		const [ mp4, avi ] = post.attachments;
		expect( post.content ).toContain(
			`<!-- wp:video -->\n<figure class="wp-block-video"><video controls src="${ mp4.url }"></video></figure>\n<!-- /wp:video -->`
		);
		expect( post.content ).toContain(
			`<p><a href="${ avi.url }">grandma.avi</a></p>`
		);
	} );

	it( 'keeps a link named after each refused file where its player stood, and no player', () => {
		const paragraphs = [ ...post.content.matchAll( /<p>(.*?)<\/p>/g ) ].map(
			( match ) => match[ 1 ]
		);
		expect( paragraphs ).toEqual(
			expect.arrayContaining( [
				'<a href="video/party.wmv">party.wmv</a>',
				'<a href="video/cat.flv">cat.flv</a>',
			] )
		);
		// In the order of the body: the party's link after its caption.
		expect( post.content.indexOf( 'party.wmv</a>' ) ).toBeGreaterThan(
			post.content.indexOf( 'The party, filmed on the phone:' )
		);
		expect( post.content.indexOf( 'cat.flv</a>' ) ).toBeGreaterThan(
			post.content.indexOf( 'The cat:' )
		);
		expect( post.content ).not.toMatch( /<object|<embed|<param/i );
	} );

	it( 'the command line’s summary names the refused files with the reason, and exits 1', async () => {
		const dir = fs.mkdtempSync(
			nodePath.join( os.tmpdir(), 'spaces-video-files-' )
		);
		const path = nodePath.join( dir, 'space.zip' );
		fs.writeFileSync( path, zip );
		const printed: string[] = [];
		const stdout = jest
			.spyOn( process.stdout, 'write' )
			.mockImplementation( ( chunk ) => {
				printed.push( String( chunk ) );
				return true;
			} );
		const stderr = jest
			.spyOn( process.stderr, 'write' )
			.mockImplementation( () => true );
		const site = testSite();
		process.env[ PASSWORD_VARIABLE ] = site.admin.appPassword;
		let code: number;
		try {
			code = await importCommand( [
				path,
				'--url',
				site.url,
				'--user',
				site.admin.login,
				'--server-image-sizes',
			] );
		} finally {
			delete process.env[ PASSWORD_VARIABLE ];
			stdout.mockRestore();
			stderr.mockRestore();
			fs.rmSync( dir, { recursive: true, force: true } );
		}
		const lines = printed.join( '' ).split( '\n' );
		expect( code ).toBe( 1 );
		// Run again: the uploaded files are found, the refused refused again.
		expect( lines ).toEqual(
			expect.arrayContaining( [
				'Images: {}',
				'Video files: {"existing":2,"failed":2}',
				`Failed: space/video/party.wmv: ${ REFUSED_WMV }`,
				`Failed: space/video/cat.flv: ${ REFUSED_FLV }`,
			] )
		);
	} );
} );
