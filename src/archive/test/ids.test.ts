/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { findSourceId, permalinkTarget, spaceHostOf } from '../ids';
import { MediaIndex } from '../images';

describe( 'item ids and permalinks', () => {
	it.each( [
		[ 'cns!2B070A76FD6627CE!975', 'cns!2B070A76FD6627CE!975' ],
		[ 'cns%212b070a76fd6627ce%21975.entry', 'cns!2B070A76FD6627CE!975' ],
		[ 'entrycns!1pAbC-dE_f!12', 'cns!1pAbC-dE_f!12' ],
	] )( 'reads %s', ( text, id ) => {
		expect( findSourceId( text )?.sourceId ).toBe( id );
	} );

	it.each( [
		'http://spaces.msn.com/members/anna/Blog/cns!1!5.entry',
		'http://anna.spaces.msn.com/Blog/cns!1!5.entry#trackback',
		'http://anna.spaces.live.com/blog/cns!1!5.entry?wa=wsignin1.0',
		'HTTP://ANNA.SPACES.LIVE.COM/BLOG/CNS%211%215.ENTRY',
		'/blog/cns!1!5.entry',
		'cns!1!5.entry',
	] )( 'follows the permalink %s', ( href ) => {
		expect( permalinkTarget( href )?.sourceId ).toBe( 'cns!1!5' );
	} );

	it.each( [
		'http://example.com/blog/cns!1!5.entry',
		'http://anna.spaces.live.com/photos/cns!1!5/',
		'http://anna.spaces.live.com/Lists/cns!1!5',
	] )( 'ignores %s', ( href ) => {
		expect( permalinkTarget( href ) ).toBeNull();
	} );

	it( 'names the space of an address', () => {
		expect( spaceHostOf( 'http://Anna.Spaces.Live.com/blog/' ) ).toBe(
			'anna.spaces.live.com'
		);
		expect(
			spaceHostOf( 'http://spaces.msn.com/members/anna/Blog/' )
		).toBe( 'anna.spaces.msn.com' );
		expect( spaceHostOf( 'http://example.com/' ) ).toBeNull();
	} );
} );

describe( 'matching images to files', () => {
	const index = new MediaIndex( [
		'space/img/a.jpg',
		'other/img/a.jpg',
		'tkfiles.storage.msn.com/x1pLongOpaqueId123/pic.jpg',
		'mirror/blufiles.storage.live.com/y1pAnotherOpaqueId456@PARTNER=WRITER',
	] );

	it( 'resolves relative references from the page, nearest first', () => {
		expect( index.resolve( 'img/a.jpg', 'space' ) ).toBe(
			'space/img/a.jpg'
		);
		expect( index.resolve( '../img/a.jpg', 'other/pages' ) ).toBe(
			'other/img/a.jpg'
		);
		expect( index.resolve( 'img/A.JPG', 'other' ) ).toBe(
			'other/img/a.jpg'
		);
	} );

	it( 'resolves storage URLs through host-named folders', () => {
		expect(
			index.resolve(
				'http://tkfiles.storage.msn.com/x1pLongOpaqueId123/pic.jpg',
				''
			)
		).toBe( 'tkfiles.storage.msn.com/x1pLongOpaqueId123/pic.jpg' );
		expect(
			index.resolve(
				'http://blufiles.storage.live.com/y1pAnotherOpaqueId456?PARTNER=WRITER',
				''
			)
		).toBe(
			'mirror/blufiles.storage.live.com/y1pAnotherOpaqueId456@PARTNER=WRITER'
		);
	} );

	it( 'leaves unknown images unresolved', () => {
		expect(
			index.resolve( 'http://docs.google.com/File?id=dhx3', '' )
		).toBeNull();
		expect( index.resolve( 'data:image/png;base64,AAAA', '' ) ).toBeNull();
	} );
} );
