/**
 * Spaces markup written the way the live site wrote it, for the project's
 * own fixtures and the synthetic archives: every comment generation, several
 * cultures, entity-encoded attributes.
 */

/**
 * Internal dependencies
 */
import { ENGLISH_MONTHS } from './months';

export type CommentEra = '2007' | '2008' | '2010' | 'generic' | 'none';

export interface SampleComment {
	author: string;
	/** The author's web address, if any. */
	authorUrl?: string | null;
	/** An e-mail address (2007 markup linked it with `mailto:`). */
	email?: string | null;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss`. */
	published: string;
	/** The date as printed, when not the culture's usual form. */
	dateText?: string;
}

export interface SamplePost {
	cid: string;
	number: number;
	title: string;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss`. */
	published: string;
	category?: string | null;
	comments: SampleComment[];
	era: CommentEra;
	/** The count the footer declares; defaults to the comments' number. */
	declared?: number | null;
}

export interface SamplePage {
	culture: string;
	host: string;
	blogTitle: string;
	/** The charset declared in a meta tag; none when null. */
	charset?: string | null;
	/** Print dates with month names (`April 20, 2007 1:29 PM`). */
	longDates?: boolean;
	/** Encode link attributes as numeric entities, as Spaces did. */
	entityAttributes?: boolean;
}

/**
 * Escapes text for HTML.
 *
 * @param text Text.
 * @return HTML.
 */
export function escapeHtml( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' );
}

/**
 * Writes every punctuation character as a numeric entity, as Spaces wrote
 * attribute values (`http&#58;&#47;&#47;…`).
 *
 * @param text An attribute value.
 * @return The encoded value.
 */
export function entityEncode( text: string ): string {
	return text.replace(
		/[^A-Za-z0-9 .\-_]/g,
		( c ) => `&#${ c.codePointAt( 0 ) };`
	);
}

function parts( wall: string ) {
	const [ date, time ] = wall.split( 'T' );
	const [ y, m, d ] = date.split( '-' ).map( Number );
	const [ hh, mm, ss ] = time.split( ':' ).map( Number );
	return { y, m, d, hh, mm, ss };
}

const two = ( n: number ) => String( n ).padStart( 2, '0' );

/**
 * Prints a wall-clock time the way Spaces printed it in a culture.
 *
 * @param wall    `YYYY-MM-DDTHH:mm:ss`.
 * @param culture e.g. `zh-CN`, `en-US`, `de-DE`, `en-GB`, `fr-FR`.
 * @param long    Month names instead of numbers (English only).
 * @return The printed date. Only zh-CN and ja-JP print seconds.
 */
export function formatSpacesDate(
	wall: string,
	culture: string,
	long = false
): string {
	const { y, m, d, hh, mm, ss } = parts( wall );
	const h12 = hh % 12 === 0 ? 12 : hh % 12;
	const ampm = hh < 12 ? 'AM' : 'PM';
	if ( long ) {
		return `${ ENGLISH_MONTHS[ m - 1 ] } ${ d }, ${ y } ${ h12 }:${ two( mm ) } ${ ampm }`;
	}
	switch ( culture ) {
		case 'zh-CN':
		case 'zh-TW':
			return `${ y }/${ m }/${ d } ${ hh }:${ two( mm ) }:${ two( ss ) }`;
		case 'ja-JP':
			return `${ y }/${ two( m ) }/${ two( d ) } ${ hh }:${ two( mm ) }:${ two( ss ) }`;
		case 'de-DE':
			return `${ two( d ) }.${ two( m ) }.${ y } ${ two( hh ) }:${ two( mm ) }`;
		case 'en-GB':
		case 'fr-FR':
		case 'es-ES':
		case 'it-IT':
			return `${ two( d ) }/${ two( m ) }/${ y } ${ two( hh ) }:${ two( mm ) }`;
		default:
			return `${ m }/${ d }/${ y } ${ h12 }:${ two( mm ) } ${ ampm }`;
	}
}

/**
 * The wall-clock time a culture's printed date keeps (no seconds in most).
 *
 * @param wall    `YYYY-MM-DDTHH:mm:ss`.
 * @param culture The culture.
 * @return The time as read back.
 */
export function printedPrecision( wall: string, culture: string ): string {
	return [ 'zh-CN', 'zh-TW', 'ja-JP' ].includes( culture )
		? wall
		: wall.slice( 0, 16 ) + ':00';
}

function permalink( page: SamplePage, post: SamplePost ): string {
	return `http://${ page.host }/blog/cns!${ post.cid }!${ post.number }.entry`;
}

function attrValue( page: SamplePage, value: string ): string {
	return page.entityAttributes === false
		? escapeHtml( value )
		: entityEncode( value );
}

function comment2007( c: SampleComment, page: SamplePage ): string {
	let author = `<span>${ escapeHtml( c.author ) }</span>`;
	if ( c.authorUrl ) {
		author = `<a href="${ attrValue( page, c.authorUrl ) }">${ escapeHtml(
			c.author
		) }</a>`;
	} else if ( c.email ) {
		author = `<a href="mailto:${ c.email }">${ escapeHtml( c.author ) }</a>`;
	}
	const date = c.dateText ?? formatSpacesDate( c.published, page.culture );
	return `<div class="bvCommentText">${ author }<div>${ c.html }</div><span class="bvCommentDate"> - ${ escapeHtml(
		date
	) }</span></div>`;
}

function comment2008(
	c: SampleComment,
	page: SamplePage,
	i: number,
	post: SamplePost
): string {
	const id = `cns!${ post.cid }!${ post.number * 1000 + i }`;
	const date = c.dateText ?? formatSpacesDate( c.published, page.culture );
	const url = c.authorUrl
		? `<div class="ccViewAuthorUrl"><a href="${ attrValue(
				page,
				c.authorUrl
			) }">${ escapeHtml( c.authorUrl ) }</a></div>`
		: '';
	return `<div class="ccCommentBox"><div class="ccName"><span id="ccName${ id }" class="cxp_ic_name">${ escapeHtml(
		c.author
	) }</span></div>${ url }<div class="ccViewComment">${ c.html }</div><div class="ccDateBox"><span id="ccDate${ id }">${ escapeHtml(
		date
	) }</span></div></div>`;
}

function comment2010( c: SampleComment, page: SamplePage ): string {
	const date = c.dateText ?? formatSpacesDate( c.published, page.culture );
	const author = c.authorUrl
		? `<a href="${ attrValue( page, c.authorUrl ) }">${ escapeHtml(
				c.author
			) }</a>`
		: escapeHtml( c.author );
	return `<div class="cc2_cmt"><div class="cc2_dnm"><span class="cc2_dnmmain">${ author }</span></div><div class="cc2_txt">${ c.html }</div></div><div class="cc2_ts"><span class="cc2_tsmain"> - ${ escapeHtml(
		date
	) }</span></div>`;
}

function commentGeneric( c: SampleComment, page: SamplePage ): string {
	const date = c.dateText ?? formatSpacesDate( c.published, page.culture );
	return `<div class="comment"><div class="commentAuthor">${ escapeHtml(
		c.author
	) }</div><div class="commentText">${ c.html }</div><div class="commentDate">${ escapeHtml(
		date
	) }</div></div>`;
}

/**
 * The comments block of a post, in its era's markup.
 *
 * @param post The post.
 * @param page The page's settings.
 * @return HTML (empty when the post has no comments or era `none`).
 */
export function commentsHtml( post: SamplePost, page: SamplePage ): string {
	if ( ! post.comments.length || post.era === 'none' ) {
		return '';
	}
	const cns = `cns!${ post.cid }!${ post.number }`;
	switch ( post.era ) {
		case '2007':
			return `<div class="bvSection bvEntryComments bvCommentsPane" bv:cns="${ cns }" bv:commentcount="${
				post.comments.length
			}"><div class="Content">${ post.comments
				.map( ( c ) => comment2007( c, page ) )
				.join( '\n' ) }</div></div>`;
		case '2008':
			return `<div class="bvSection bvEntryComments" bv:cns="${ cns }"><div id="ccList" class="ccList">${ post.comments
				.map( ( c, i ) => comment2008( c, page, i, post ) )
				.join( '\n' ) }</div></div>`;
		case '2010':
			// Listed newest first.
			return `<div class="cc2" bv:cns="${ cns }"><div class="cc2_list">${ [
				...post.comments,
			]
				.reverse()
				.map( ( c ) => comment2010( c, page ) )
				.join( '\n' ) }</div></div>`;
		default:
			return `<div class="comments" bv:cns="${ cns }">${ post.comments
				.map( ( c ) => commentGeneric( c, page ) )
				.join( '\n' ) }</div>`;
	}
}

/**
 * One entry in the live site's markup.
 *
 * @param post  The post.
 * @param page  The page's settings.
 * @param index The entry's position on the page (Spaces numbered link ids).
 * @return HTML.
 */
export function entryHtml(
	post: SamplePost,
	page: SamplePage,
	index = 0
): string {
	const cns = `cns!${ post.cid }!${ post.number }`;
	const url = permalink( page, post );
	const declared =
		post.declared === undefined ? post.comments.length : post.declared;
	const category = post.category ?? '';
	const categoryQuery = encodeURIComponent( encodeURIComponent( category ) );
	const footer = [
		`<nobr>${ escapeHtml( formatSpacesDate( post.published, page.culture, page.longDates ) ) }</nobr>`,
		`<nobr><a bvItemType="post" href="${ attrValue( page, url + '#post' ) }" id="blogAddComment${ index }">Add a comment</a></nobr>`,
		declared === null
			? ''
			: `<nobr><a bvItemType="comment" href="${ attrValue( page, url + '#comment' ) }" id="blogComments${ index }">Comments (${ declared })</a></nobr>`,
		`<nobr><a href="${ attrValue( page, url ) }" id="blogPermalink${ index }">Permalink</a></nobr>`,
		`<nobr><a bvItemType="trackback" href="${ attrValue( page, url + '#trackback' ) }" id="blogTrackbacks${ index }">Trackbacks (0)</a></nobr>`,
		category
			? `<nobr><a href="${ attrValue(
					page,
					`http://${ page.host }/?_c11_BlogPart_BlogPart=blogview&_c=BlogPart&partqs=cat%3d${ categoryQuery }`
				) }" id="blogCategory${ index }">${ escapeHtml( category ) }</a></nobr>`
			: '',
	]
		.filter( Boolean )
		.join( '&nbsp;| ' );
	return `<div id="entry${ cns }" class="fixedTable bvEntry" bv:cns="${ cns }" bv:ca="true" bv:cat="${ escapeHtml(
		category
	) }"><h4 style="margin-bottom:0px" class="TextColor1" id="subj${ cns }"><a href="${ attrValue(
		page,
		url
	) }">${ escapeHtml( post.title ) }</a></h4><div id="msg${ cns }" class="bvMsg">${
		post.html
	}</div><table cellspacing="0" border="0"></table><div class="footerLinks">${ footer }</div><div class="footer"></div></div>`;
}

/**
 * A whole page holding some entries (one: a permalink page; more: a list
 * or month page), each followed by its comments.
 *
 * @param posts The posts.
 * @param page  The page's settings.
 * @return HTML.
 */
export function pageHtml( posts: SamplePost[], page: SamplePage ): string {
	const meta = page.charset
		? `<meta http-equiv="Content-Type" content="text/html; charset=${ page.charset }" />`
		: '';
	const title =
		posts.length === 1
			? `${ escapeHtml( page.blogTitle ) }: ${ escapeHtml( posts[ 0 ].title ) }`
			: escapeHtml( page.blogTitle );
	const body = posts
		.map(
			( post, i ) =>
				`<span id="lblEntry">${ entryHtml( post, page, i ) }</span>\n${ commentsHtml(
					post,
					page
				) }`
		)
		.join( '\n' );
	return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">
<html xmlns:spaces xmlns:Web class="ClientFramework" web:culture="${ page.culture }">
<head><title>${ title }</title>${ meta }<base href="http://${ page.host }/" />
<script type="text/javascript">var C_WEB_HOSTNAME = "{0}.spaces.live.com"; var x = "<div class='bvEntry'>";</script></head>
<body><div id="TitleTaglinePart"><span id="spacetitle" class="tnt_wordwrap">${ escapeHtml(
		page.blogTitle
	) }</span></div>
<div class="ContainerPadding">
${ body }
</div>
<div class="Widget"><h5>Recent comments</h5><ul class="recentComments"><li class="comment-link">Someone on a post</li></ul></div>
</body></html>`;
}

/**
 * The blog's RSS 2.0 feed.
 *
 * @param posts The posts.
 * @param page  The page's settings.
 * @param zone  The zone of the `pubDate`s, e.g. `+0800` or `GMT`.
 * @return XML.
 */
export function rssXml(
	posts: SamplePost[],
	page: SamplePage,
	zone = 'GMT'
): string {
	const days = [ 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat' ];
	const items = posts
		.map( ( post ) => {
			const { y, m, d, hh, mm, ss } = parts( post.published );
			const weekday =
				days[ new Date( Date.UTC( y, m - 1, d ) ).getUTCDay() ];
			const date = `${ weekday }, ${ two( d ) } ${ ENGLISH_MONTHS[
				m - 1
			].slice(
				0,
				3
			) } ${ y } ${ two( hh ) }:${ two( mm ) }:${ two( ss ) } ${ zone }`;
			return `<item><title>${ escapeHtml( post.title ) }</title><link>${ permalink(
				page,
				post
			) }</link><guid isPermaLink="true">${ permalink( page, post ) }</guid><pubDate>${ date }</pubDate>${
				post.category
					? `<category>${ escapeHtml( post.category ) }</category>`
					: ''
			}<description>${ escapeHtml( post.html ) }</description><slash:comments>${
				post.comments.length
			}</slash:comments></item>`;
		} )
		.join( '\n' );
	return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>${ escapeHtml(
		page.blogTitle
	) }</title><link>http://${ page.host }/</link><language>${ page.culture }</language>
${ items }
</channel></rss>`;
}

export interface SamplePhoto {
	title: string;
	url: string;
	published: string;
}

/**
 * A photo album's feed.
 *
 * @param album  The album's title.
 * @param photos The photos.
 * @return XML.
 */
export function photoFeedXml( album: string, photos: SamplePhoto[] ): string {
	const items = photos
		.map(
			( p ) =>
				`<item><title>${ escapeHtml( p.title ) }</title><link>${ escapeHtml(
					p.url
				) }:thumbnail</link><pubDate>${ p.published }</pubDate><enclosure url="${ escapeHtml(
					p.url
				) }" length="1234" type="image/jpeg" /></item>`
		)
		.join( '\n' );
	return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${ escapeHtml( album ) }</title><link>http://example.spaces.live.com/photos/</link>
${ items }
</channel></rss>`;
}
