/**
 * Web archives (`.mht`) as Internet Explorer saved live-site pages: a MIME
 * `multipart/related` message, the page quoted-printable, each image a
 * base64 part at its original address. Images are referenced the ways IE
 * kept them: by their absolute storage address, by a name relative to the
 * page, and (as other tools wrote) by `cid:`.
 */

/**
 * Internal dependencies
 */
import { encodeText } from './encode';
import { generateArchive } from './generate';
import { pageHtml, type SamplePage, type SamplePost } from './markup';
import { pngBytes } from './png';

/** How a post's image is referenced and stored. */
export type ImageReference = 'storage' | 'relative' | 'cid';

export interface WebArchiveImage {
	/** The `src` written in the page. */
	reference: string;
	/** The part's `Content-Location`, or null for a `cid:` part. */
	location: string | null;
	bytes: Uint8Array;
	kind: ImageReference;
}

export interface WebArchiveOptions {
	/** The page's (and the HTML part's) encoding. */
	charset: 'utf-8' | 'windows-1252';
	/** Line breaks of the message; IE wrote CRLF. */
	newline?: '\r\n' | '\n';
	/** Write `boundary=` without quotes. */
	unquotedBoundary?: boolean;
	/** Leave the closing boundary out (a save cut off). */
	unterminated?: boolean;
}

export interface GeneratedWebArchive {
	bytes: Uint8Array;
	posts: SamplePost[];
	images: WebArchiveImage[];
	/** The page's address (its Content-Location). */
	location: string;
}

const BOUNDARY = '----=_NextPart_000_0000_01CB0A1B.5F3E2A70';

/**
 * Encodes bytes as quoted-printable with lines of at most 76 characters,
 * keeping the text's own line breaks as hard ones.
 *
 * @param bytes   The text's bytes.
 * @param newline The message's line break.
 * @return The encoded text.
 */
export function quotedPrintable( bytes: Uint8Array, newline: string ): string {
	const lines: string[] = [];
	let line = '';
	const push = ( token: string ) => {
		if ( line.length + token.length > 75 ) {
			lines.push( line + '=' );
			line = '';
		}
		line += token;
	};
	for ( let i = 0; i < bytes.length; i++ ) {
		const byte = bytes[ i ];
		if ( byte === 0x0a ) {
			// Trailing white space would be lost in transport: escape it.
			line = line.replace(
				/[ \t]$/,
				( c ) =>
					'=' +
					c
						.charCodeAt( 0 )
						.toString( 16 )
						.toUpperCase()
						.padStart( 2, '0' )
			);
			lines.push( line );
			line = '';
			continue;
		}
		if ( byte === 0x0d ) {
			continue;
		}
		push(
			byte === 0x3d || byte > 0x7e || ( byte < 0x20 && byte !== 0x09 )
				? '=' + byte.toString( 16 ).toUpperCase().padStart( 2, '0' )
				: String.fromCharCode( byte )
		);
	}
	lines.push( line );
	return lines.join( newline );
}

/**
 * Encodes bytes as base64 in lines of 76 characters.
 *
 * @param bytes   The bytes.
 * @param newline The message's line break.
 * @return The encoded text.
 */
export function base64Lines( bytes: Uint8Array, newline: string ): string {
	let binary = '';
	for ( let i = 0; i < bytes.length; i += 8192 ) {
		binary += String.fromCharCode( ...bytes.subarray( i, i + 8192 ) );
	}
	const text = btoa( binary );
	const lines: string[] = [];
	for ( let i = 0; i < text.length; i += 76 ) {
		lines.push( text.slice( i, i + 76 ) );
	}
	return lines.join( newline );
}

/**
 * Renders a page and its images as Internet Explorer saved them.
 *
 * @param html     The page.
 * @param location The page's address.
 * @param images   Its images.
 * @param options  Encoding and shape.
 * @return The `.mht` file's bytes.
 */
export function renderWebArchive(
	html: string,
	location: string,
	images: WebArchiveImage[],
	options: WebArchiveOptions
): Uint8Array {
	const nl = options.newline ?? '\r\n';
	const boundary = options.unquotedBoundary
		? BOUNDARY.replace( /^-+=/, 'NextPart' )
		: BOUNDARY;
	const quoted = options.unquotedBoundary ? boundary : `"${ boundary }"`;
	const head = [
		'From: <Saved by Windows Internet Explorer 8>',
		'Subject: Notes',
		'Date: Sat, 12 Jun 2010 10:00:00 +0200',
		'MIME-Version: 1.0',
		'Content-Type: multipart/related;',
		'\ttype="text/html";',
		`\tboundary=${ quoted }`,
		'X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5931',
		'',
		'This is a multi-part message in MIME format.',
		'',
	];
	const parts = [
		[
			`--${ boundary }`,
			'Content-Type: text/html;',
			`\tcharset="${ options.charset }"`,
			'Content-Transfer-Encoding: quoted-printable',
			`Content-Location: ${ location }`,
			'',
			quotedPrintable( encodeText( html, options.charset ), nl ),
		].join( nl ),
		...images.map( ( image ) =>
			[
				`--${ boundary }`,
				'Content-Type: image/png',
				'Content-Transfer-Encoding: base64',
				image.location
					? `Content-Location: ${ image.location }`
					: `Content-ID: <${ image.reference.slice( 4 ) }>`,
				'',
				base64Lines( image.bytes, nl ),
			].join( nl )
		),
	];
	const tail = options.unterminated ? '' : `${ nl }--${ boundary }--${ nl }`;
	return new TextEncoder().encode(
		head.join( nl ) + nl + parts.join( nl + nl ) + tail
	);
}

// What windows-1252 cannot hold, replaced so a Western page stays readable.
function western( text: string ): string {
	return [ ...text ]
		.map( ( c ) =>
			c === '?' || encodeText( c, 'windows-1252' )[ 0 ] !== 0x3f ? c : 'é'
		)
		.join( '' );
}

function westernPost( post: SamplePost ): SamplePost {
	return {
		...post,
		title: western( post.title ),
		html: western( post.html ),
		category: post.category ? western( post.category ) : post.category,
		comments: post.comments.map( ( c ) => ( {
			...c,
			author: western( c.author ),
			html: western( c.html ),
		} ) ),
	};
}

export interface GenerateWebArchiveOptions extends WebArchiveOptions {
	posts: number;
	comments: number;
	images: number;
	seed?: number;
	host?: string;
}

/**
 * Generates an IE save of a live-site page: one post (a permalink page)
 * or several (a list page), with comments and images.
 *
 * @param options Sizes, encoding and shape.
 * @return The file and what it holds.
 */
export function generateWebArchive(
	options: GenerateWebArchiveOptions
): GeneratedWebArchive {
	const host = options.host ?? 'example.spaces.live.com';
	const generated = generateArchive( {
		posts: options.posts,
		comments: options.comments,
		images: 0,
		seed: options.seed ?? 5,
		host,
	} );
	const posts =
		options.charset === 'windows-1252'
			? generated.posts.map( westernPost )
			: generated.posts;
	const page: SamplePage = {
		...generated.page,
		blogTitle:
			options.charset === 'windows-1252'
				? 'Notes & Photos — café'
				: generated.page.blogTitle,
		charset: options.charset,
	};
	const base = `http://${ host }/`;
	const images: WebArchiveImage[] = [];
	for ( let i = 0; i < options.images; i++ ) {
		const kind = ( [ 'storage', 'relative', 'cid' ] as const )[ i % 3 ];
		let reference: string;
		let location: string | null;
		if ( kind === 'storage' ) {
			reference = `http://blufiles.storage.msn.com/y1pQx${ i }Tz-ab_Kd${
				1000 + i
			}/photo%20${ i }.png?PARTNER=WRITER`;
			location = reference;
		} else if ( kind === 'relative' ) {
			reference = `photos/holiday_${ i }.png`;
			// IE wrote the address the browser resolved (against <base>).
			location = new URL( reference, base ).href;
		} else {
			// Long ids as mail programs wrote them, and short ones.
			reference =
				i % 2 ? `cid:image${ i }@01CB0A1B.5F3E2A70` : `cid:photo${ i }`;
			location = null;
		}
		images.push( {
			reference,
			location,
			bytes: pngBytes( 40 + ( i % 60 ), 30 + ( i % 50 ), [
				( 20 * i ) % 256,
				Math.floor( i / 13 ) % 256,
				200,
			] ),
			kind,
		} );
		const post = posts[ i % posts.length ];
		post.html += `<p><img src="${ reference.replace(
			/&/g,
			'&amp;'
		) }" alt="Photo ${ i }" /></p>`;
	}
	const location =
		posts.length === 1
			? `http://${ host }/blog/cns!${ posts[ 0 ].cid }!${ posts[ 0 ].number }.entry`
			: `http://${ host }/blog/`;
	return {
		bytes: renderWebArchive(
			pageHtml( posts, page ),
			location,
			images,
			options
		),
		posts,
		images,
		location,
	};
}
