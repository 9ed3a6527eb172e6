/**
 * @jest-environment node
 */

/**
 * The command line's inputs: the arguments of `inspect`, and several files
 * and folders read from disk as one archive.
 */

/**
 * External dependencies
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

/**
 * Internal dependencies
 */
import { encodeText } from '../../../tests/support/archive/encode';
import { generateArchive } from '../../../tests/support/archive/generate';
import { pageHtml, rssXml } from '../../../tests/support/archive/markup';
import { generateWebArchive } from '../../../tests/support/archive/mht';
import { pngBytes } from '../../../tests/support/archive/png';
import { makeWpost } from '../../../tests/support/archive/wpost';
import { parseInspectArgs } from '../inspect-args';
import { summarize } from '../summary';
import { openArchive, targetsName } from '../open-archive';

describe( 'inspect’s arguments', () => {
	it( 'takes one or more paths', () => {
		expect(
			parseInspectArgs( [
				'inspect',
				'page1.htm',
				'page2.htm',
				'saved.mht',
				'feed.rss',
				'--json',
			] )
		).toEqual( {
			command: 'inspect',
			targets: [ 'page1.htm', 'page2.htm', 'saved.mht', 'feed.rss' ],
			json: true,
		} );
		expect( parseInspectArgs( [ 'inspect', 'folder/' ] ) ).toEqual( {
			command: 'inspect',
			targets: [ 'folder/' ],
			json: false,
		} );
	} );

	it( 'refuses no path, another command or an unknown option', () => {
		for ( const argv of [
			[ 'inspect' ],
			[ 'look', 'a.zip' ],
			[ 'inspect', 'a.zip', '--jsn' ],
		] ) {
			expect( parseInspectArgs( argv ) ).toEqual( {
				command: 'usage-error',
			} );
		}
		expect( parseInspectArgs( [ '--help' ] ) ).toEqual( {
			command: 'help',
		} );
	} );

	it( 'names several paths in messages', () => {
		expect( targetsName( [ 'a/page1.htm', 'saved.mht' ] ) ).toBe(
			'page1.htm and saved.mht'
		);
		expect( targetsName( [ 'x/site/', 'feed.rss', 'b.htm' ] ) ).toBe(
			'site, feed.rss and b.htm'
		);
		expect( targetsName( [ '1', '2', '3', '4', '5' ] ) ).toBe(
			'1, 2, 3 and 2 more'
		);
	} );
} );

describe( 'several files and folders from disk', () => {
	const generated = generateArchive( {
		posts: 4,
		comments: 6,
		images: 2,
		seed: 9,
		cid: '1111222233334444',
	} );
	let dir: string;

	beforeAll( () => {
		dir = mkdtempSync( path.join( os.tmpdir(), 'spaces-cli-' ) );
		const { posts, page } = generated;
		writeFileSync(
			path.join( dir, 'page1.htm' ),
			encodeText( pageHtml( [ posts[ 0 ] ], page ), 'utf-8' )
		);
		writeFileSync(
			path.join( dir, 'feed.rss' ),
			encodeText( rssXml( [ posts[ 1 ] ], page, '-0800' ), 'utf-8' )
		);
		writeFileSync(
			path.join( dir, 'saved.mht' ),
			generateWebArchive( {
				posts: 2,
				comments: 1,
				images: 3,
				charset: 'windows-1252',
				host: 'other.spaces.live.com',
			} ).bytes
		);
		// A folder of saved pages with their img/ folder.
		mkdirSync( path.join( dir, 'site', 'img' ), { recursive: true } );
		for ( const [ file, bytes ] of Object.entries( generated.files ) ) {
			if ( ! file.startsWith( '__MACOSX' ) ) {
				writeFileSync( path.join( dir, 'site', file ), bytes );
			}
		}
		writeFileSync( path.join( dir, 'report.pdf' ), '%PDF-1.4' );
		// Windows Live Writer's folder, as Documents holds it.
		const weblog = path.join( dir, 'My Weblog Posts' );
		mkdirSync( path.join( weblog, 'Drafts' ), { recursive: true } );
		mkdirSync( path.join( weblog, 'Recent Posts' ) );
		writeFileSync( path.join( weblog, 'cache.xml' ), '<cache />' );
		writeFileSync(
			path.join( weblog, 'Drafts', 'Idea.wpost' ),
			makeWpost( {
				title: 'An idea',
				html: '<p><img src="{{file:0}}"></p>',
				files: [
					{
						name: 'idea.png',
						bytes: pngBytes( 30, 20, [ 1, 2, 3 ] ),
					},
				],
			} )
		);
		writeFileSync(
			path.join( weblog, 'Recent Posts', 'Sent.wpost' ),
			makeWpost( {
				title: 'Sent',
				html: '<p>sent</p>',
				postId: `cns!${ generated.posts[ 0 ].cid }!${ generated.posts[ 0 ].number }`,
				datePublished: '2008-02-03T04:05:06Z',
			} )
		);
	} );

	afterAll( () => {
		rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'reads a saved page, a feed and a web archive as one archive', async () => {
		const { model } = await openArchive( [
			path.join( dir, 'page1.htm' ),
			path.join( dir, 'feed.rss' ),
			path.join( dir, 'saved.mht' ),
		] );
		expect( model.name ).toBe( 'page1.htm, feed.rss and saved.mht' );
		expect( model.posts ).toHaveLength( 4 );
		expect(
			model.posts
				.flatMap( ( p ) => p.images )
				.map( ( i ) => i.archivePath?.split( '/' )[ 0 ] )
		).toEqual( [ 'saved.mht', 'saved.mht', 'saved.mht' ] );
	} );

	it( 'reads a web archive alone', async () => {
		const { model } = await openArchive( path.join( dir, 'saved.mht' ) );
		expect( model.posts ).toHaveLength( 2 );
	} );

	it( 'puts a folder’s files under its own name when read with others', async () => {
		const reader = await openArchive( [
			path.join( dir, 'site' ),
			path.join( dir, 'saved.mht' ),
		] );
		expect( reader.model.posts ).toHaveLength( 6 );
		const images = reader.model.posts
			.flatMap( ( p ) => p.images )
			.map( ( i ) => i.archivePath );
		expect(
			images.filter( ( i ) => i?.startsWith( 'site/img/' ) )
		).toHaveLength( 2 );
		const bytes = await reader.readMedia(
			images.find( ( i ) => i?.startsWith( 'site/' ) ) as string
		);
		expect(
			generated.images.map( ( p ) => generated.files[ p ] )
		).toContainEqual( bytes );
	} );

	it( 'reads a Live Writer folder with the site’s folder, and inspect counts the drafts apart', async () => {
		const reader = await openArchive( [
			path.join( dir, 'site' ),
			path.join( dir, 'My Weblog Posts' ),
		] );
		// The published copy is the site's first post; the draft is new.
		expect( reader.model.posts ).toHaveLength( 5 );
		const summary = summarize( reader.model );
		expect( summary ).toMatch( /^Posts: 4,/m );
		expect( summary ).toContain(
			'Drafts from Windows Live Writer: 1 (imported as drafts)'
		);
		const draft = reader.model.posts.find(
			( p ) => p.liveWriter === 'draft'
		);
		expect( draft?.images[ 0 ].archivePath ).toBe(
			'My Weblog Posts/Drafts/Idea.wpost/idea.png'
		);
		expect(
			(
				await reader.readMedia(
					'My Weblog Posts/Drafts/Idea.wpost/idea.png'
				)
			).length
		).toBeGreaterThan( 0 );
	} );

	it( 'refuses a file of another kind alone, naming it', async () => {
		await expect(
			openArchive( [ path.join( dir, 'report.pdf' ) ] )
		).rejects.toThrow(
			'“report.pdf” is not a Windows Live Spaces archive, saved page, web archive, feed or Windows Live Writer post.'
		);
		await expect(
			openArchive( [ path.join( dir, 'missing.htm' ) ] )
		).rejects.toThrow( /missing\.htm” does not exist/ );
	} );
} );
