/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { decodeText, utf8Damage } from '../charset';
import { encodeText } from '../../../tests/support/archive/encode';

const CHINESE = '江山易得，知己难求 — 今天去整了一个主板';
const WESTERN = 'Café naïve “quoted” — Zürich €5';

function page( charsetMeta: string, body: string ): string {
	return `<html><head>${ charsetMeta }<title>t</title></head><body>${ body }</body></html>`;
}

describe( 'page encodings', () => {
	it( 'honours a UTF-8 byte order mark', () => {
		const decoded = decodeText(
			encodeText( page( '', CHINESE ), 'utf-8-bom' )
		);
		expect( decoded.charset ).toBe( 'utf-8' );
		expect( decoded.text ).toContain( CHINESE );
		expect( decoded.text.startsWith( '<html>' ) ).toBe( true );
	} );

	it( 'honours a UTF-16 byte order mark', () => {
		const decoded = decodeText(
			encodeText( page( '', CHINESE ), 'utf-16le' )
		);
		expect( decoded.charset ).toBe( 'utf-16le' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'reads <meta charset>', () => {
		const decoded = decodeText(
			encodeText(
				page( '<meta charset="windows-1252">', WESTERN ),
				'windows-1252'
			)
		);
		expect( decoded.charset ).toBe( 'windows-1252' );
		expect( decoded.text ).toContain( WESTERN );
		expect( decoded.problem ).toBeNull();
	} );

	it( 'reads http-equiv Content-Type (gb2312)', () => {
		const decoded = decodeText(
			encodeText(
				page(
					'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
					CHINESE
				),
				'gbk'
			)
		);
		expect( decoded.charset ).toBe( 'gbk' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'reads an XML declaration', () => {
		const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café</title></channel></rss>`;
		const decoded = decodeText( encodeText( xml, 'windows-1252' ) );
		expect( decoded.text ).toContain( '<title>Café</title>' );
	} );

	it( 'uses UTF-8 when nothing is declared and the bytes are UTF-8', () => {
		const decoded = decodeText(
			encodeText( page( '', CHINESE ), 'utf-8' )
		);
		expect( decoded.charset ).toBe( 'utf-8' );
		expect( decoded.problem ).toBeNull();
	} );

	it( 'guesses GB18030 for undeclared Chinese bytes', () => {
		const decoded = decodeText( encodeText( page( '', CHINESE ), 'gbk' ) );
		expect( decoded.charset ).toBe( 'gb18030' );
		expect( decoded.problem ).toBe( 'charset-guessed' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'guesses windows-1252 for undeclared Western bytes', () => {
		const decoded = decodeText(
			encodeText( page( '', WESTERN ), 'windows-1252' )
		);
		expect( decoded.charset ).toBe( 'windows-1252' );
		expect( decoded.problem ).toBe( 'charset-guessed' );
		expect( decoded.text ).toContain( WESTERN );
	} );

	it( 'falls back when a page declares UTF-8 but is not', () => {
		const decoded = decodeText(
			encodeText(
				page( '<meta charset="utf-8">', WESTERN ),
				'windows-1252'
			)
		);
		expect( decoded.charset ).toBe( 'windows-1252' );
		expect( decoded.problem ).toBe( 'charset-guessed' );
		expect( decoded.text ).toContain( WESTERN );
	} );

	it( 'reports an unknown declared encoding and still reads the page', () => {
		const decoded = decodeText(
			encodeText( page( '<meta charset="x-klingon">', CHINESE ), 'utf-8' )
		);
		expect( decoded.problem ).toBe( 'unknown-charset' );
		expect( decoded.declared ).toBe( 'x-klingon' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'keeps a page declared UTF-8 with a few bad bytes as UTF-8', () => {
		const good = encodeText(
			page( '<meta charset="utf-8">', CHINESE + ' ' + WESTERN ),
			'utf-8'
		);
		const at = good.indexOf( 0x20, good.indexOf( 0xe2 ) + 3 );
		const bytes = new Uint8Array( [
			...good.subarray( 0, at ),
			0x80,
			0xfe,
			0xe4,
			...good.subarray( at ),
		] );
		const decoded = decodeText( bytes );
		expect( decoded.charset ).toBe( 'utf-8' );
		expect( decoded.problem ).toBe( 'bad-bytes' );
		expect( decoded.badBytes ).toBe( 3 );
		expect( decoded.text ).toContain( CHINESE.slice( 0, 9 ) );
		expect( decoded.text ).toContain( WESTERN );
		expect( decoded.text ).toContain( '\ufffd' );
	} );

	it( 'keeps a page with a UTF-8 byte order mark and bad bytes as UTF-8', () => {
		const decoded = decodeText(
			new Uint8Array( [
				0xef,
				0xbb,
				0xbf,
				...encodeText( page( '', CHINESE ), 'utf-8' ),
				0xff,
			] )
		);
		expect( decoded.charset ).toBe( 'utf-8' );
		expect( decoded.problem ).toBe( 'bad-bytes' );
		expect( decoded.badBytes ).toBe( 1 );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'keeps an undeclared page that is overwhelmingly UTF-8 as UTF-8', () => {
		const decoded = decodeText(
			new Uint8Array( [
				...encodeText( page( '', CHINESE.repeat( 3 ) ), 'utf-8' ),
				0xc0,
			] )
		);
		expect( decoded.charset ).toBe( 'utf-8' );
		expect( decoded.problem ).toBe( 'bad-bytes' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'still guesses for undeclared legacy bytes with a few UTF-8-like pairs', () => {
		// GBK text forms a valid UTF-8 pair now and then.
		const decoded = decodeText(
			encodeText( page( '', CHINESE.repeat( 20 ) ), 'gbk' )
		);
		expect( decoded.charset ).toBe( 'gb18030' );
		expect( decoded.text ).toContain( CHINESE );
	} );

	it( 'counts valid UTF-8 sequences and bad bytes', () => {
		expect(
			utf8Damage(
				new Uint8Array( [ 0x41, 0xc3, 0xa9, 0xff, 0xe4, 0xb8 ] )
			)
		).toEqual( { valid: 1, bad: 3 } );
		expect(
			utf8Damage(
				new Uint8Array( [ 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80 ] )
			)
		).toEqual( { valid: 1, bad: 3 } );
	} );
} );
