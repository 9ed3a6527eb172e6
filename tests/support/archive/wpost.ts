/**
 * Windows Live Writer post files (`.wpost`) for tests: OLE compound files
 * laid out as Live Writer saved them, in either format version, with their
 * supporting files (images) in the `SupportingFiles` storage.
 */

/**
 * External dependencies
 */
import * as CFB from 'cfb';

/**
 * Internal dependencies
 */
import {
	LIVE_WRITER_CLSID,
	REFERENCE_PREFIX,
	guidBytesHex,
} from '../../../src/archive/live-writer';

/** Ticks of .NET's `DateTime` at 1970-01-01T00:00:00Z. */
const UNIX_EPOCH_TICKS = BigInt( '621355968000000000' );
const TICKS_PER_MS = BigInt( 10000 );

/**
 * The .NET tick count of a UTC time, as Live Writer stores dates.
 *
 * @param iso A UTC time.
 * @return The tick count.
 */
function isoToTicks( iso: string ): bigint {
	return BigInt( Date.parse( iso ) ) * TICKS_PER_MS + UNIX_EPOCH_TICKS;
}

/**
 * The storage name Live Writer gives a supporting file: each of the GUID's
 * 16 bytes (in Windows order) plus 0x5D, as one character.
 *
 * @param guid The GUID's text form.
 * @return The storage's name.
 */
function storageNameOfGuid( guid: string ): string {
	const hex = guidBytesHex( guid );
	let name = '';
	for ( let i = 0; i < 32; i += 2 ) {
		name += String.fromCharCode(
			parseInt( hex.slice( i, i + 2 ), 16 ) + 0x5d
		);
	}
	return name;
}

export interface WpostFile {
	/** The name Live Writer kept (`SupportingFileName`). */
	name: string;
	bytes: Uint8Array;
	/** Where it was uploaded when the post was published. */
	uploadUrl?: string;
}

export interface WpostOptions {
	/** The format version: its class id on the root storage. */
	version?: 1 | 2;
	/** A class id of another kind, for the unknown-version case. */
	clsid?: string;
	title: string;
	/**
	 * The body; `{{file:N}}` stands for the N-th file's
	 * `SupportingFileReference://<guid>`.
	 */
	html: string;
	files?: WpostFile[];
	categories?: string[];
	keywords?: string;
	excerpt?: string;
	/** The post's id on its blog; empty for a draft never published. */
	postId?: string;
	blogId?: string;
	permalink?: string;
	/** UTC, `YYYY-MM-DDTHH:mm:ssZ`. */
	datePublished?: string;
	datePublishedOverride?: string;
	/** Streams to leave out (e.g. `Contents`). */
	omit?: string[];
}

function utf16( text: string ): Uint8Array {
	const out = new Uint8Array( 2 + text.length * 2 );
	out[ 0 ] = 0xff;
	out[ 1 ] = 0xfe;
	for ( let i = 0; i < text.length; i++ ) {
		const code = text.charCodeAt( i );
		out[ 2 + i * 2 ] = code % 256;
		out[ 3 + i * 2 ] = Math.floor( code / 256 );
	}
	return out;
}

function utf8( text: string ): Uint8Array {
	const body = new TextEncoder().encode( text );
	const out = new Uint8Array( 3 + body.length );
	out.set( [ 0xef, 0xbb, 0xbf ] );
	out.set( body, 3 );
	return out;
}

function ticks( iso: string | undefined ): Uint8Array {
	const out = new Uint8Array( 8 );
	new DataView( out.buffer ).setBigUint64(
		0,
		iso ? isoToTicks( iso ) : BigInt( 0 ),
		true
	);
	return out;
}

function xmlEscape( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' );
}

/**
 * A GUID made from a number, so generated files are the same every time.
 *
 * @param seed Any number.
 * @return `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase.
 */
export function guidOf( seed: number ): string {
	const hex = ( seed * 2654435761 + 0x9e3779b9 )
		.toString( 16 )
		.padStart( 8, '0' )
		.slice( -8 );
	return `${ hex }-5362-4a7a-8221-${ hex.slice( 0, 4 ) }${ seed
		.toString( 16 )
		.padStart( 8, '0' )
		.slice( -8 ) }`;
}

/**
 * Makes a `.wpost` file.
 *
 * @param options What the post holds.
 * @return The compound file's bytes.
 */
export function makeWpost( options: WpostOptions ): Uint8Array {
	const version = options.version ?? 2;
	const container = CFB.utils.cfb_new( {
		CLSID: guidBytesHex( options.clsid ?? LIVE_WRITER_CLSID[ version ] ),
	} );
	const omit = new Set( options.omit ?? [] );
	const add = ( name: string, data: Uint8Array ) => {
		if ( ! omit.has( name ) ) {
			CFB.utils.cfb_add( container, `/${ name }`, data );
		}
	};
	const files = options.files ?? [];
	const guids = files.map( ( _, i ) => guidOf( i + 1 + version * 100 ) );
	const html = options.html.replace(
		/\{\{file:(\d+)\}\}/g,
		( _, n: string ) =>
			// Version 1 wrote references lowercased with a trailing slash.
			version === 1
				? `${ REFERENCE_PREFIX.toLowerCase() }${ guids[ Number( n ) ] }/`
				: `${ REFERENCE_PREFIX }${ guids[ Number( n ) ] }`
	);
	const categories = ( options.categories ?? [] )
		.map(
			( name, i ) =>
				`<Category Id="${ i + 1 }" Name="${ xmlEscape(
					name
				) }" Parent="" />`
		)
		.join( '' );
	add( 'DestinationBlogId', utf16( options.blogId ?? 'blog-1' ) );
	add( 'ServerSupportingFileDir', utf16( '' ) );
	add( 'Id', utf16( options.postId ?? '' ) );
	add( 'IsPage', utf16( '0' ) );
	add( 'Title', utf16( options.title ) );
	add(
		'Categories',
		utf8(
			`<?xml version="1.0" encoding="utf-8"?><Categories>${ categories }</Categories>`
		)
	);
	add(
		'NewCategories',
		utf8( '<?xml version="1.0" encoding="utf-8"?><Categories />' )
	);
	add( 'DatePublished', ticks( options.datePublished ) );
	add( 'DatePublishedOverride', ticks( options.datePublishedOverride ) );
	add( 'CommentPolicy', utf16( 'Unspecified' ) );
	add( 'TrackbackPolicy', utf16( 'Unspecified' ) );
	add( 'Keywords', utf16( options.keywords ?? '' ) );
	add( 'Exerpt', utf16( options.excerpt ?? '' ) );
	add( 'PermaLink', utf16( options.permalink ?? '' ) );
	add( 'Link', utf16( options.permalink ?? '' ) );
	add( 'Contents', utf8( html ) );
	if ( version === 2 ) {
		const attached = files
			.map(
				( file, i ) =>
					`<AttachedFile id="${ i }" FileName="${ xmlEscape(
						file.name
					) }" NextVersion="2"><AttachedFileVersion FileName="${ xmlEscape(
						file.name
					) }" FileNameUniqueToken="0" CurrentVersion="1" Embedded="True" FileUri="${ REFERENCE_PREFIX }${ guids[ i ] }" />${
						file.uploadUrl
							? `<UploadInfo ContextId="ctx" UploadUri="${ xmlEscape(
									file.uploadUrl
								) }" Version="1" />`
							: ''
					}</AttachedFile>`
			)
			.join( '' );
		add(
			'AttachedFiles',
			utf8(
				`<?xml version="1.0" encoding="utf-8"?><AttachedFiles>${ attached }</AttachedFiles>`
			)
		);
	}
	files.forEach( ( file, i ) => {
		const storage = `SupportingFiles/${ storageNameOfGuid( guids[ i ] ) }`;
		add( `${ storage }/SupportingFileName`, utf16( file.name ) );
		add( `${ storage }/SupportingFileContents`, file.bytes );
	} );
	const out = CFB.write( container, { type: 'array' } ) as
		number[] | Uint8Array;
	return out instanceof Uint8Array ? out : Uint8Array.from( out );
}
