/**
 * The benchmark's content as a WordPress eXtended RSS file, for the
 * WordPress Importer: the same posts, categories, comments and images as
 * the archive, the images named by the address a local server gives them.
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../src/archive';

/**
 * Text as character data; `]]>` cannot stand in a CDATA section.
 *
 * @param text Any text.
 * @return CDATA.
 */
function cdata( text: string ): string {
	return `<![CDATA[${ text.split( ']]>' ).join( ']]]]><![CDATA[>' ) }]]>`;
}

function escape( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' );
}

/**
 * Local and UTC `Y-m-d H:i:s` of a model date: a date without offset is the
 * site's wall time, and the benchmark's sites run on UTC.
 *
 * @param value A model date.
 * @return Local and GMT.
 */
export function wxrDates( value: string | null ): [ string, string ] {
	if ( ! value ) {
		return [ '0000-00-00 00:00:00', '0000-00-00 00:00:00' ];
	}
	const local = value.slice( 0, 19 ).replace( 'T', ' ' );
	const gmt =
		value.length > 19
			? new Date( value ).toISOString().slice( 0, 19 ).replace( 'T', ' ' )
			: local;
	return [ local, gmt ];
}

function slug( name: string, index: number ): string {
	const ascii = name
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /^-|-$/g, '' );
	return ascii || `category-${ index }`;
}

/**
 * Writes the WXR.
 *
 * @param model     The archive.
 * @param imageBase Address the images are served under, without a trailing slash.
 * @return The WXR text.
 */
export function writeWxr( model: ArchiveModel, imageBase: string ): string {
	const site = 'http://old.example.test';
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8" ?>',
		'<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
		'<channel>',
		`<title>${ escape( model.name ) }</title>`,
		`<link>${ site }</link>`,
		'<wp:wxr_version>1.2</wp:wxr_version>',
		`<wp:base_site_url>${ site }</wp:base_site_url>`,
		`<wp:base_blog_url>${ site }</wp:base_blog_url>`,
		`<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${ cdata( 'owner' ) }</wp:author_login><wp:author_email>${ cdata( 'owner@example.test' ) }</wp:author_email><wp:author_display_name>${ cdata( 'Owner' ) }</wp:author_display_name></wp:author>`,
	];
	const slugs = new Map< string, string >();
	for ( const name of new Set(
		model.posts.flatMap( ( post ) => post.categories )
	) ) {
		const nicename = slug( name, slugs.size );
		slugs.set( name, nicename );
		out.push(
			`<wp:category><wp:term_id>${ slugs.size }</wp:term_id><wp:category_nicename>${ cdata( nicename ) }</wp:category_nicename><wp:category_parent>${ cdata( '' ) }</wp:category_parent><wp:cat_name>${ cdata( name ) }</wp:cat_name></wp:category>`
		);
	}

	// Post ids of the old site: posts 1…n, then the images.
	const postIds = new Map< string, number >();
	model.posts.forEach( ( post, index ) =>
		postIds.set( post.sourceId, index + 1 )
	);
	const images = new Map< string, { id: number; parent: number } >();
	for ( const post of model.posts ) {
		for ( const image of post.images ) {
			if ( image.archivePath && ! images.has( image.archivePath ) ) {
				images.set( image.archivePath, {
					id: model.posts.length + images.size + 1,
					parent: postIds.get( post.sourceId ) ?? 0,
				} );
			}
		}
	}
	const item = ( fields: string[] ) =>
		out.push( '<item>', ...fields, '</item>' );
	const common = ( id: number, dates: [ string, string ], name: string ) => [
		`<wp:post_id>${ id }</wp:post_id>`,
		`<wp:post_date>${ cdata( dates[ 0 ] ) }</wp:post_date>`,
		`<wp:post_date_gmt>${ cdata( dates[ 1 ] ) }</wp:post_date_gmt>`,
		`<wp:post_name>${ cdata( name ) }</wp:post_name>`,
		'<wp:menu_order>0</wp:menu_order>',
		`<wp:post_password>${ cdata( '' ) }</wp:post_password>`,
		'<wp:is_sticky>0</wp:is_sticky>',
		`<dc:creator>${ cdata( 'owner' ) }</dc:creator>`,
		`<excerpt:encoded>${ cdata( '' ) }</excerpt:encoded>`,
	];

	for ( const [ file, { id, parent } ] of images ) {
		const url = `${ imageBase }/${ file.split( '/' ).map( encodeURIComponent ).join( '/' ) }`;
		const name = file.replace( /^.*\//, '' ).replace( /\.[^.]*$/, '' );
		item( [
			`<title>${ escape( name ) }</title>`,
			`<guid isPermaLink="false">${ escape( url ) }</guid>`,
			`<content:encoded>${ cdata( '' ) }</content:encoded>`,
			...common( id, wxrDates( null ), name ),
			'<wp:comment_status>closed</wp:comment_status>',
			'<wp:ping_status>closed</wp:ping_status>',
			'<wp:status>inherit</wp:status>',
			`<wp:post_parent>${ parent }</wp:post_parent>`,
			'<wp:post_type>attachment</wp:post_type>',
			`<wp:attachment_url>${ cdata( url ) }</wp:attachment_url>`,
		] );
	}

	let commentId = 0;
	model.posts.forEach( ( post, index ) => {
		let content = post.html;
		for ( const image of post.images ) {
			if ( image.archivePath ) {
				content = content
					.split( image.reference )
					.join(
						`${ imageBase }/${ image.archivePath
							.split( '/' )
							.map( encodeURIComponent )
							.join( '/' ) }`
					);
			}
		}
		const comments = post.comments.map( ( comment ) => {
			const [ local, gmt ] = wxrDates(
				comment.published ?? post.published
			);
			commentId++;
			return [
				'<wp:comment>',
				`<wp:comment_id>${ commentId }</wp:comment_id>`,
				`<wp:comment_author>${ cdata( comment.author || 'Anonymous' ) }</wp:comment_author>`,
				`<wp:comment_author_email>${ cdata( '' ) }</wp:comment_author_email>`,
				`<wp:comment_author_url>${ cdata( comment.authorUrl ?? '' ) }</wp:comment_author_url>`,
				`<wp:comment_author_IP>${ cdata( '' ) }</wp:comment_author_IP>`,
				`<wp:comment_date>${ cdata( local ) }</wp:comment_date>`,
				`<wp:comment_date_gmt>${ cdata( gmt ) }</wp:comment_date_gmt>`,
				`<wp:comment_content>${ cdata( comment.html ) }</wp:comment_content>`,
				`<wp:comment_approved>${ cdata( '1' ) }</wp:comment_approved>`,
				`<wp:comment_type>${ cdata( 'comment' ) }</wp:comment_type>`,
				'<wp:comment_parent>0</wp:comment_parent>',
				'<wp:comment_user_id>0</wp:comment_user_id>',
				'</wp:comment>',
			].join( '' );
		} );
		item( [
			`<title>${ escape( post.title ) }</title>`,
			`<guid isPermaLink="false">${ site }/?p=${ index + 1 }</guid>`,
			`<content:encoded>${ cdata( content ) }</content:encoded>`,
			...common( index + 1, wxrDates( post.published ), '' ),
			'<wp:comment_status>open</wp:comment_status>',
			'<wp:ping_status>open</wp:ping_status>',
			'<wp:status>publish</wp:status>',
			'<wp:post_parent>0</wp:post_parent>',
			'<wp:post_type>post</wp:post_type>',
			...post.categories.map(
				( name ) =>
					`<category domain="category" nicename="${ escape( slugs.get( name ) ?? '' ) }">${ cdata( name ) }</category>`
			),
			...comments,
		] );
	} );
	out.push( '</channel>', '</rss>', '' );
	return out.join( '\n' );
}
