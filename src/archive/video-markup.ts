/**
 * The block markup a video of a post becomes, and what names a video file:
 * the parts the import needs without the reader's HTML parser.
 */

/**
 * Internal dependencies
 */
import type { ArchiveVideo } from './model';

/** A video file's name: `.wmv`, `.avi`, `.mp4`, `.flv` and the others. */
export const VIDEO_FILE = /\.(?:wmv|avi|mp4|m4v|flv|mov|webm|ogv|asf|mpe?g)$/i;

/**
 * Tells whether a file's name is a video's (`.wmv`, `.avi`, `.mp4`, `.flv`…).
 *
 * @param path A path or address.
 * @return Whether it names a video file.
 */
export function isVideoFileName( path: string ): boolean {
	return VIDEO_FILE.test( path.replace( /[?#].*$/, '' ) );
}

/**
 * Escapes text for HTML.
 *
 * @param text Text.
 * @return The text, escaped.
 */
export function escapeHtml( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' );
}

/**
 * Block attributes as the block serializer writes them: JSON with the
 * characters that could end a comment or be read as markup escaped.
 *
 * @param attributes The attributes.
 * @return The comment's JSON.
 */
function blockAttributes( attributes: Record< string, unknown > ): string {
	return JSON.stringify( attributes )
		.replace( /--/g, '\\u002d\\u002d' )
		.replace( /</g, '\\u003c' )
		.replace( />/g, '\\u003e' )
		.replace( /&/g, '\\u0026' )
		.replace( /\\"/g, '\\u0022' );
}

/**
 * The block markup a video becomes.
 *
 * @param video      The video.
 * @param delimiters Whether to write block comments (not inside a table,
 *                   where the body keeps its HTML).
 * @return Markup.
 */
export function videoMarkup( video: ArchiveVideo, delimiters = true ): string {
	const block = ( name: string, html: string, attrs?: object ) =>
		delimiters
			? `<!-- wp:${ name }${
					attrs
						? ' ' +
							blockAttributes(
								attrs as Record< string, unknown >
							)
						: ''
				} -->\n${ html }\n<!-- /wp:${ name } -->`
			: html;
	if ( video.kind === 'embed' ) {
		const slug = video.provider;
		return block(
			'embed',
			`<figure class="wp-block-embed is-type-video is-provider-${ slug } wp-block-embed-${ slug }"><div class="wp-block-embed__wrapper">\n${ escapeHtml(
				video.link
			) }\n</div></figure>`,
			{ url: video.link, type: 'video', providerNameSlug: slug }
		);
	}
	if ( video.kind === 'file' && video.archivePath && video.playable ) {
		return block(
			'video',
			`<figure class="wp-block-video"><video controls src="${ escapeHtml(
				video.url
			) }"></video></figure>`
		);
	}
	if ( ! video.link ) {
		return video.title
			? block( 'paragraph', `<p>${ escapeHtml( video.title ) }</p>` )
			: '';
	}
	const text =
		video.title ||
		( video.kind === 'file'
			? decodeURIComponentSafe(
					video.url
						.replace( /[?#].*$/, '' )
						.split( '/' )
						.pop() ?? ''
				)
			: '' ) ||
		video.link;
	return block(
		'paragraph',
		`<p><a href="${ escapeHtml( video.link ) }">${ escapeHtml( text ) }</a></p>`
	);
}

export function decodeURIComponentSafe( text: string ): string {
	try {
		return decodeURIComponent( text );
	} catch {
		return text;
	}
}
