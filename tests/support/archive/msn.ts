/**
 * MSN Spaces pages as the site wrote them in 2004–2005, for tests: posts in
 * `fixedTable blogpost` tables, one yearless day header above the first post
 * of each day, the time in the footer, comments newest first in
 * `commententry` rows, and the chrome around them (navigation, the archive
 * and category modules, the "Blog" header) that detection must see past.
 */

/**
 * Internal dependencies
 */
import { escapeHtml } from './markup';
import { ENGLISH_MONTHS, GERMAN_MONTHS } from './months';

export interface MsnComment {
	author: string;
	/** Written as a `mailto:` link around the name; never shown. */
	email?: string | null;
	/** Written as `(<a href="…">…</a>)` after the name. */
	authorUrl?: string | null;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss`. */
	published: string;
}

export interface MsnPost {
	/**
	 * The item id (`cns!<CID>!<N>`), or null for a post printed without any
	 * id: no `entrycns` div, no `subj`/`msg`/`LastMDate` ids, no permalink.
	 */
	sourceId: string | null;
	title: string;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:00` (the footer shows no seconds). */
	published: string;
	category?: string | null;
	/** Any order; printed newest first. */
	comments: MsnComment[];
	/** Print the comment rows inside the post's table rather than after it. */
	commentsInside?: boolean;
}

export type MsnCulture = 'en-US' | 'de-DE' | 'zh-CN';

export interface MsnPage {
	/** The member name: `spaces.msn.com/members/<member>/`. */
	member: string;
	blogTitle: string;
	culture?: MsnCulture;
	/** Months listed by the archive module, `[ year, month ]`; none: no module. */
	archiveMonths: Array< [ number, number ] >;
}

const MONTHS: Record< MsnCulture, string[] > = {
	'en-US': ENGLISH_MONTHS,
	'de-DE': GERMAN_MONTHS,
	'zh-CN': [],
};

const PUBLISHED_BY: Record< MsnCulture, string > = {
	'en-US': 'Published By',
	'de-DE': 'Veröffentlicht von',
	'zh-CN': '发表者',
};

function parts( wall: string ) {
	const [ date, time ] = wall.split( 'T' );
	const [ y, m, d ] = date.split( '-' ).map( Number );
	const [ hh, mm ] = time.split( ':' ).map( Number );
	return { y, m, d, hh, mm };
}

const two = ( n: number ) => String( n ).padStart( 2, '0' );

/**
 * The day as a day header prints it: no year.
 *
 * @param wall    `YYYY-MM-DDTHH:mm:ss`.
 * @param culture The page's language.
 * @return e.g. `January 27`, `27. Januar`, `1月27日`.
 */
export function msnDay( wall: string, culture: MsnCulture = 'en-US' ): string {
	const { m, d } = parts( wall );
	switch ( culture ) {
		case 'de-DE':
			return `${ d }. ${ MONTHS[ culture ][ m - 1 ] }`;
		case 'zh-CN':
			return `${ m }月${ d }日`;
		default:
			return `${ MONTHS[ culture ][ m - 1 ] } ${ d }`;
	}
}

/**
 * The time as the footer prints it.
 *
 * @param wall    `YYYY-MM-DDTHH:mm:ss`.
 * @param culture The page's language.
 * @return e.g. `1:38 PM` or `13:38`.
 */
export function msnTime( wall: string, culture: MsnCulture = 'en-US' ): string {
	const { hh, mm } = parts( wall );
	if ( culture !== 'en-US' ) {
		return `${ two( hh ) }:${ two( mm ) }`;
	}
	const h12 = hh % 12 === 0 ? 12 : hh % 12;
	return `${ h12 }:${ two( mm ) } ${ hh < 12 ? 'AM' : 'PM' }`;
}

function spaceUrl( page: MsnPage ): string {
	return `http://spaces.msn.com/members/${ page.member }/`;
}

function partUrl( page: MsnPage, query: string ): string {
	return escapeHtml(
		`${ spaceUrl(
			page
		) }PersonalSpace.aspx?_c11_BlogPart_BlogPart=${ query }&_c=BlogPart`
	);
}

function categoryUrl( page: MsnPage, category: string ): string {
	return partUrl(
		page,
		`BlogByCat&_c11_BlogPart_cat=${ encodeURIComponent( category ).replace(
			/%20/g,
			'+'
		) }`
	);
}

function commentRows(
	post: MsnPost,
	page: MsnPage,
	culture: MsnCulture
): string {
	return [ ...post.comments ]
		.sort( ( a, b ) => ( a.published < b.published ? 1 : -1 ) )
		.map( ( c ) => {
			const name = c.email
				? `<a href="mailto:${ escapeHtml( c.email ) }">${ escapeHtml(
						c.author
					) }</a>`
				: escapeHtml( c.author );
			const site = c.authorUrl
				? ` (<a href="${ escapeHtml(
						c.authorUrl
					) }" target="_blank">their site</a>)`
				: '';
			return `<tr><td class="bvwordwrap" style="padding-top:6px">${
				c.html
			}</td></tr>
<tr class="commententry"><td class="commentfooter">${
				PUBLISHED_BY[ culture ]
			} <b>${ name }</b>${ site } - ${ msnDay(
				c.published,
				culture
			) } ${ msnTime( c.published, culture ) }</td></tr>`;
		} )
		.join( '\n' );
}

function footer( post: MsnPost, page: MsnPage, culture: MsnCulture ): string {
	const links: string[] = [];
	if ( post.category ) {
		links.push(
			`<a href="${ categoryUrl( page, post.category ) }">${ escapeHtml(
				post.category
			) }</a>`
		);
	}
	if ( post.sourceId ) {
		const entry = `${ spaceUrl( page ) }Blog/${ post.sourceId }.entry`;
		links.push(
			`<a href="${ escapeHtml( entry ) }#comment">Comments (${
				post.comments.length
			})</a>`,
			`<a href="${ escapeHtml( entry ) }">Permalink</a>`,
			`<a href="${ escapeHtml( entry ) }#trackback">Trackbacks (0)</a>`
		);
	} else {
		links.push(
			`<a href="javascript:void(0)">Comments (${ post.comments.length })</a>`
		);
	}
	return `<tr><td class="footer"><table cellspacing="0" cellpadding="0" border="0"><tr>
<td valign="top" nowrap>${ msnTime( post.published, culture ) }</td>
<td valign="top" nowrap>&nbsp;|&nbsp;${ links.join( '&nbsp;|&nbsp;' ) }</td>
</tr></table></td></tr>`;
}

function postHtml(
	post: MsnPost,
	page: MsnPage,
	culture: MsnCulture,
	header: boolean
): string {
	const id = post.sourceId;
	const day = header
		? `<div class="dateheader"><span class="bold" id="LastMDate${
				id ?? ''
			}">${ msnDay( post.published, culture ) }</span></div>\n`
		: '';
	const comments = post.comments.length
		? commentRows( post, page, culture )
		: '';
	const table = `<table class="fixedTable blogpost" cellspacing="0" cellpadding="0" width="100%">
<tr><td class="ellipse"><span class="bvTitle"${
		id ? ` id="subj${ id }"` : ''
	}>${ escapeHtml( post.title ) }</span></td></tr>
<tr><td class="bvwordwrap"${ id ? ` id="msg${ id }"` : '' }>${
		post.html
	}</td></tr>
${ footer( post, page, culture ) }${
		post.commentsInside && comments ? `\n${ comments }` : ''
	}
</table>`;
	const after =
		comments && ! post.commentsInside
			? `\n<table class="fixedTable" cellspacing="0" cellpadding="0" width="100%" style="margin-left:20px">\n${ comments }\n</table>`
			: '';
	const inner = `${ table }${ after }`;
	return id
		? `${ day }<div id="entry${ id }">\n${ inner }\n</div>`
		: `${ day }<div>\n${ inner }\n</div>`;
}

function archiveModule( page: MsnPage, culture: MsnCulture ): string {
	if ( ! page.archiveMonths.length ) {
		return '';
	}
	const items = [ ...page.archiveMonths ]
		.sort( ( a, b ) => b[ 0 ] - a[ 0 ] || b[ 1 ] - a[ 1 ] )
		.map( ( [ y, m ] ) => {
			const label =
				culture === 'zh-CN'
					? `${ y }年${ m }月`
					: `${ MONTHS[ culture ][ m - 1 ] } ${ y }`;
			return `<tr><td><a href="${ partUrl(
				page,
				`BlogByArch&_c11_BlogPart_ayear=${ y }&_c11_BlogPart_amonth=${ m }`
			) }">${ label }</a></td></tr>`;
		} )
		.join( '\n' );
	return `<table class="module" cellspacing="0" cellpadding="0"><tr><td class="moduleTitle"><span class="bold">Archives</span></td></tr>
${ items }
</table>`;
}

function categoryModule( posts: MsnPost[], page: MsnPage ): string {
	const names = [
		...new Set( posts.map( ( p ) => p.category ).filter( Boolean ) ),
	] as string[];
	return `<table class="module" cellspacing="0" cellpadding="0"><tr><td class="moduleTitle"><span class="bold">Categories</span></td></tr>
${ [ ...names, 'Music', 'Books' ]
	.map(
		( name ) =>
			`<tr><td><a href="${ categoryUrl( page, name ) }">${ escapeHtml(
				name
			) }</a></td></tr>`
	)
	.join( '\n' ) }
</table>`;
}

/**
 * A blog page of an MSN Space: the posts newest first, a day header above
 * the first post of each day, comments (newest first) after each post.
 *
 * @param posts The posts, any order.
 * @param page  The page's settings.
 * @return HTML.
 */
export function msnPageHtml( posts: MsnPost[], page: MsnPage ): string {
	const culture = page.culture ?? 'en-US';
	const sorted = [ ...posts ].sort( ( a, b ) =>
		a.published < b.published ? 1 : -1
	);
	let lastDay = '';
	const body = sorted
		.map( ( post ) => {
			const day = post.published.slice( 0, 10 );
			const header = day !== lastDay;
			lastDay = day;
			return postHtml( post, page, culture, header );
		} )
		.join( '\n' );
	const home = spaceUrl( page );
	const nav = [ 'Home', 'Blog', 'Photos', 'Lists', 'Profile' ]
		.map(
			( name ) =>
				`<td nowrap><a href="${ escapeHtml(
					`${ home }PersonalSpace.aspx?_c=${ name }`
				) }">${ name }</a></td>`
		)
		.join( '' );
	const lang = culture === 'en-US' ? '' : ` web:culture="${ culture }"`;
	return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html xmlns:Web${ lang }>
<head><title>${ escapeHtml( page.blogTitle ) }</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<link rel="alternate" type="application/rss+xml" title="RSS" href="${ home }feed.rss">
<script type="text/javascript">var spaceRoot = "${ home }"; function bvOpen(u) { window.open(u); }</script></head>
<body class="spacesBody">
<table class="navTable" cellspacing="0" cellpadding="0" width="100%"><tr>${ nav }<td width="100%"></td><td nowrap><a href="http://spaces.msn.com/">MSN Spaces</a></td></tr></table>
<table class="fixedTable" cellspacing="0" cellpadding="0" width="100%"><tr><td class="spaceTitle"><a href="${ home }">${ escapeHtml(
		page.blogTitle
	) }</a></td></tr></table>
<table class="layoutTable" cellspacing="0" cellpadding="0" width="100%"><tr>
<td class="leftColumn" valign="top" width="200">
<table class="module" cellspacing="0" cellpadding="0"><tr><td class="moduleTitle"><span class="bold">About me</span></td></tr><tr><td><a href="mailto:${
		page.member
	}@hotmail.com">E-mail me</a></td></tr></table>
${ archiveModule( page, culture ) }
${ categoryModule( posts, page ) }
</td>
<td class="mainColumn" valign="top">
<table class="fixedTable" cellspacing="0" cellpadding="0" width="100%"><tr><td class="bvHeader"><span class="bold">Blog</span></td><td align="right"><a href="${ home }feed.rss">RSS 2.0</a></td></tr></table>
${ body }
</td></tr></table>
<div class="footerNav">© 2005 Microsoft Corporation. All rights reserved. <a href="http://spaces.msn.com/">MSN Spaces</a></div>
</body></html>`;
}

/** The space id of the sample blog: the older base64-like form. */
export const SAMPLE_MSN_CID = '1pEhZlwRTtlEl-_MhVw9_uXA';

/**
 * A small MSN blog across a year boundary, newest month January 2005: five
 * posts with ids and two without (one of them the first of its day), several
 * posts per day, comments with `mailto:` names and site links, one comment
 * made after the newest archive month, one post with its comments inside
 * its table.
 *
 * @return The posts, oldest first.
 */
export function sampleMsnPosts(): MsnPost[] {
	const id = ( n: number ) => `cns!${ SAMPLE_MSN_CID }!${ n }`;
	return [
		{
			sourceId: id( 133 ),
			title: 'Christmas Eve',
			html: '<div>Carols &amp; candles at home.</div>',
			published: '2004-12-24T18:00:00',
			category: 'Family',
			comments: [
				{
					author: 'Hal',
					html: 'Merry Christmas!',
					published: '2004-12-26T12:00:00',
				},
			],
		},
		{
			sourceId: null,
			title: 'Winter walk',
			html: '<div>Frost on the <b>river</b> this morning.</div>',
			published: '2004-12-30T08:15:00',
			category: 'Outdoors',
			comments: [
				{
					author: 'Gus',
					email: 'gus@example.com',
					authorUrl: 'http://spaces.msn.com/members/gus/',
					html: 'Lovely photos.',
					published: '2004-12-30T09:00:00',
				},
			],
		},
		{
			sourceId: id( 135 ),
			title: 'Christmas leftovers',
			html: '<div>Turkey soup, again.</div>',
			published: '2004-12-30T19:45:00',
			category: 'Food and drink',
			commentsInside: true,
			comments: [
				{
					author: 'Eve',
					html: 'Send some over!',
					published: '2004-12-31T10:00:00',
				},
				{
					author: 'Finn',
					email: 'finn@example.com',
					html: 'Happy new year, <i>Anna</i>.',
					published: '2005-01-01T00:30:00',
				},
			],
		},
		{
			sourceId: id( 137 ),
			title: 'Resolutions',
			html: '<div>Cook something new every week.</div>',
			published: '2005-01-02T10:00:00',
			category: null,
			comments: [],
		},
		{
			sourceId: null,
			title: 'Late night thoughts',
			html: '<div>Could not sleep.</div>',
			published: '2005-01-02T22:10:00',
			category: null,
			comments: [],
		},
		{
			sourceId: id( 139 ),
			title: 'Snow day',
			html: '<div>The office is closed.</div>',
			published: '2005-01-27T09:05:00',
			category: null,
			comments: [],
		},
		{
			sourceId: id( 140 ),
			title: 'Lunch at Luigi’s',
			html: '<div>Best <a href="http://example.com/luigi">risotto</a> in town.</div>',
			published: '2005-01-27T13:38:00',
			category: 'Food and drink',
			comments: [
				{
					author: 'Ben',
					email: 'ben@example.com',
					html: 'Take me next time.',
					published: '2005-01-27T14:02:00',
				},
				{
					author: 'Cleo',
					authorUrl: 'http://spaces.msn.com/members/cleo/',
					html: 'Their tiramisu is better.',
					published: '2005-01-28T09:15:00',
				},
				{
					author: 'Dan - the baker',
					email: 'dan@example.com',
					authorUrl: 'http://dan.example.net/',
					html: 'Went there today: closed!',
					published: '2005-02-03T20:00:00',
				},
			],
		},
	];
}
