/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '..';
import { generateArchive } from '../../../tests/support/archive/generate';
import { printedPrecision } from '../../../tests/support/archive/markup';

describe( 'a generated archive of every era', () => {
	const generated = generateArchive( {
		posts: 60,
		comments: 300,
		images: 30,
		seed: 7,
		root: 'My Space/',
		monthPages: true,
		feed: true,
	} );
	const zip = zipSync( generated.files );

	it( 'reads every post, comment and image, once', async () => {
		const { model } = await readArchive( zip, 'space.zip' );
		expect( model.posts ).toHaveLength( 60 );
		expect( model.media ).toHaveLength( 30 );
		const comments = model.posts.reduce(
			( n, p ) => n + p.comments.length,
			0
		);
		expect( comments ).toBe( 300 );
		for ( const [ i, post ] of model.posts.entries() ) {
			const sample = generated.posts[ i ];
			expect( post.sourceId ).toBe(
				`cns!${ sample.cid }!${ sample.number }`
			);
			expect( post.title ).toBe( sample.title );
			expect( post.published ).toBe( sample.published );
			expect( post.dateSource ).toBe( 'footer' );
			expect( post.categories ).toEqual(
				sample.category ? [ sample.category ] : []
			);
			expect(
				post.comments.map( ( c ) => [ c.author, c.published ] )
			).toEqual(
				sample.comments.map( ( c ) => [
					c.author,
					printedPrecision( c.published, 'en-US' ),
				] )
			);
		}
		const images = model.posts.flatMap( ( p ) => p.images );
		expect( images ).toHaveLength( 30 );
		expect(
			images.every( ( i ) =>
				i.archivePath?.startsWith( 'My Space/img/' )
			)
		).toBe( true );
		expect(
			model.warnings.filter( ( w ) => w.code === 'image-missing' )
		).toEqual( [] );
		expect(
			model.warnings.filter( ( w ) => w.code === 'comments-missing' )
		).toEqual( [] );
	} );

	it( 'finds links between posts in every permalink era', async () => {
		const { model } = await readArchive( zip, 'space.zip' );
		const numbers = new Set( model.posts.map( ( p ) => p.sourceId ) );
		const links = model.posts.flatMap( ( p ) => p.links );
		expect( links.length ).toBeGreaterThan( 3 );
		for ( const link of links ) {
			expect( numbers.has( link.sourceId ) ).toBe( true );
		}
	} );

	it( 'reads media bytes lazily, from bytes and from a Blob', async () => {
		const fromBytes = await readArchive( zip, 'space.zip' );
		const fromBlob = await readArchive( new Blob( [ zip ] ), 'space.zip' );
		const path = generated.images[ 4 ]; // The second kind: PNG.
		expect( await fromBytes.readMedia( path ) ).toEqual(
			generated.files[ path ]
		);
		expect( await fromBlob.readMedia( path ) ).toEqual(
			generated.files[ path ]
		);
		expect(
			fromBlob.model.media.find( ( m ) => m.path === path )?.mimeType
		).toBe( 'image/png' );
	} );

	it( 'reports progress and stops when asked', async () => {
		const seen: number[] = [];
		await readArchive( zip, 'space.zip', {
			onProgress: ( p ) => seen.push( p.filesRead ),
		} );
		expect( seen[ seen.length - 1 ] ).toBe(
			Object.keys( generated.files ).length
		);
		const controller = new AbortController();
		controller.abort();
		await expect(
			readArchive( zip, 'space.zip', { signal: controller.signal } )
		).rejects.toMatchObject( { code: 'aborted' } );
	} );
} );
