/**
 * Encoding text into the legacy charsets old pages used, for fixtures:
 * TextEncoder only writes UTF-8.
 */

let gbTable: Map< string, number[] > | null = null;

function gbEncoderTable(): Map< string, number[] > {
	if ( gbTable ) {
		return gbTable;
	}
	gbTable = new Map();
	const decoder = new TextDecoder( 'gbk' );
	for ( let lead = 0x81; lead <= 0xfe; lead++ ) {
		for ( let trail = 0x40; trail <= 0xfe; trail++ ) {
			if ( trail === 0x7f ) {
				continue;
			}
			const char = decoder.decode( new Uint8Array( [ lead, trail ] ) );
			if (
				char.length === 1 &&
				char !== '\ufffd' &&
				! gbTable.has( char )
			) {
				gbTable.set( char, [ lead, trail ] );
			}
		}
	}
	return gbTable;
}

// Written out rather than taken from TextDecoder, whose windows-1252 is
// ISO-8859-1 in Node 20.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_EXTRA: Record< string, number > = Object.fromEntries(
	[ ...CP1252_HIGH ].map( ( char, i ) => [ char, 0x80 + i ] )
);

/**
 * Encodes text in a charset.
 *
 * @param text    The text.
 * @param charset `utf-8`, `utf-8-bom`, `utf-16le`, `windows-1252` or `gbk`
 *                (also for `gb2312`/`gb18030` pages of common characters).
 * @return The bytes; characters the charset lacks become `?`.
 */
export function encodeText( text: string, charset: string ): Uint8Array {
	switch ( charset.toLowerCase() ) {
		case 'utf-8':
			return new TextEncoder().encode( text );
		case 'utf-8-bom': {
			const body = new TextEncoder().encode( text );
			const out = new Uint8Array( body.length + 3 );
			out.set( [ 0xef, 0xbb, 0xbf ] );
			out.set( body, 3 );
			return out;
		}
		case 'utf-16le': {
			const out = new Uint8Array( 2 + text.length * 2 );
			out[ 0 ] = 0xff;
			out[ 1 ] = 0xfe;
			for ( let i = 0; i < text.length; i++ ) {
				const c = text.charCodeAt( i );
				out[ 2 + i * 2 ] = c % 256;
				out[ 3 + i * 2 ] = Math.floor( c / 256 );
			}
			return out;
		}
		case 'windows-1252': {
			const out: number[] = [];
			for ( const char of text ) {
				const c = char.codePointAt( 0 ) as number;
				if ( c < 0x80 || ( c >= 0xa0 && c <= 0xff ) ) {
					out.push( c );
				} else {
					out.push( CP1252_EXTRA[ char ] ?? 0x3f );
				}
			}
			return new Uint8Array( out );
		}
		case 'gbk':
		case 'gb2312':
		case 'gb18030': {
			const table = gbEncoderTable();
			const out: number[] = [];
			for ( const char of text ) {
				const c = char.codePointAt( 0 ) as number;
				if ( c < 0x80 ) {
					out.push( c );
				} else {
					out.push( ...( table.get( char ) ?? [ 0x3f ] ) );
				}
			}
			return new Uint8Array( out );
		}
		default:
			throw new Error( `No encoder for ${ charset }` );
	}
}
