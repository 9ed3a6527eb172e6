/**
 * Blog pages in layouts no Spaces extractor knows (a Word "save as web page"
 * export, a Blogger-like page saved by a browser, a minimal hand-written
 * page, a Chinese blog host's page), and pages that are not blogs at all
 * (a links index, a gadget page, an about page, a profile with sections, a
 * photo album, a guestbook, an article): the cases the shape reader must find, and must leave alone.
 */

/**
 * Internal dependencies
 */
import { escapeHtml } from './markup';
import { ENGLISH_MONTHS, GERMAN_MONTHS } from './months';
import { seededRandom, type Random } from './random';

export interface ShapeComment {
	author: string;
	authorUrl?: string | null;
	/** Plain text. */
	text: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss` (minutes). */
	published: string;
}

export interface ShapePost {
	title: string;
	/** Plain-text paragraphs of the body. */
	paragraphs: string[];
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss` (minutes). */
	published: string;
	comments: ShapeComment[];
	/** Images of the body, `src` as written. */
	images?: string[];
}

export type BlogShape = 'word' | 'blogger' | 'minimal' | 'chinese';

const WORDS = [
	'we',
	'walked',
	'along',
	'the',
	'river',
	'after',
	'lunch',
	'and',
	'talked',
	'about',
	'music',
	'café',
	'Zürich',
	'friends',
	'weather',
	'R&D',
	'“quoted”',
	'photos',
];
const HANZI = [
	'今天',
	'我们',
	'去了',
	'公园',
	'天气',
	'很好',
	'照片',
	'朋友',
];

function words( random: Random, n: number, chinese: boolean ): string {
	const out: string[] = [];
	for ( let i = 0; i < n; i++ ) {
		out.push( random.pick( chinese ? HANZI : WORDS ) );
	}
	return chinese ? out.join( '' ) + '。' : out.join( ' ' ) + '.';
}

function wall( ms: number ): string {
	return new Date( ms ).toISOString().slice( 0, 19 );
}

/**
 * Posts for a shape page, newest first as blog pages list them.
 *
 * @param options          What to make.
 * @param options.count    How many posts.
 * @param options.seed     The seed.
 * @param options.comments Comments per post (cycled).
 * @param options.chinese  Chinese text.
 * @param options.sameDay  Put the first two posts on one day.
 * @return The posts.
 */
export function shapePosts( options: {
	count: number;
	seed?: number;
	comments?: number[];
	chinese?: boolean;
	sameDay?: boolean;
} ): ShapePost[] {
	const random = seededRandom( options.seed ?? 1 );
	const chinese = options.chinese ?? false;
	const posts: ShapePost[] = [];
	let time = Date.UTC( 2006, 2, 3, 9, 15 );
	for ( let i = 0; i < options.count; i++ ) {
		time +=
			options.sameDay && i === 1
				? 3 * 3600000
				: random.int( 1, 6 ) * 86400000 + random.int( 0, 600 ) * 60000;
		const published = wall( time );
		const counts = options.comments ?? [ 0 ];
		const comments: ShapeComment[] = [];
		let commentTime = time;
		for ( let c = 0; c < counts[ i % counts.length ]; c++ ) {
			commentTime += random.int( 10, 3000 ) * 60000;
			comments.push( {
				author: chinese
					? random.pick( [ '小明', '阿花' ] )
					: random.pick( [ 'Ben', 'Anna Maria', 'José' ] ),
				authorUrl: c % 2 ? `http://friend${ c }.example.com/` : null,
				text: words( random, random.int( 4, 12 ), chinese ),
				published: wall( commentTime ),
			} );
		}
		const paragraphs: string[] = [];
		for ( let p = 0; p < random.int( 2, 3 ); p++ ) {
			paragraphs.push( words( random, random.int( 20, 40 ), chinese ) );
		}
		posts.push( {
			title: chinese
				? `${ random.pick( HANZI ) }${ random.pick( HANZI ) } ${ i + 1 }`
				: `Day ${ i + 1 }: ${ words( random, 3, false ).slice( 0, -1 ) }`,
			paragraphs,
			published,
			comments,
		} );
	}
	return posts.reverse();
}

interface Parts {
	y: number;
	m: number;
	d: number;
	hh: number;
	mm: number;
}

function parts( published: string ): Parts {
	const [ date, time ] = published.split( 'T' );
	const [ y, m, d ] = date.split( '-' ).map( Number );
	const [ hh, mm ] = time.split( ':' ).map( Number );
	return { y, m, d, hh, mm };
}

const two = ( n: number ) => String( n ).padStart( 2, '0' );

const FR_MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre',
];
const EN_DAYS = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
];

function twelve( hh: number, mm: number ): string {
	return `${ hh % 12 || 12 }:${ two( mm ) } ${ hh < 12 ? 'AM' : 'PM' }`;
}

function paragraphsHtml( post: ShapePost, open: string ): string {
	const paragraphs = post.paragraphs.map(
		( p ) => `${ open }${ escapeHtml( p ) }</p>`
	);
	const images = ( post.images ?? [] ).map(
		( src ) => `${ open }<img src="${ escapeHtml( src ) }" alt=""></p>`
	);
	return [ ...paragraphs, ...images ].join( '\n' );
}

/**
 * A blog exported by Word ("save as web page"): `MsoTitle` titles, a date
 * paragraph in French (`27 janvier 2005, 14:05`), `MsoNormal` paragraphs,
 * and comments after a "Commentaires" heading as "Name – date" lines.
 *
 * @param posts The posts.
 * @return HTML.
 */
export function wordBlogHtml( posts: ShapePost[] ): string {
	const normal = '<p class=MsoNormal>';
	const body = posts
		.map( ( post ) => {
			const { y, m, d, hh, mm } = parts( post.published );
			const comments = post.comments.length
				? `<p class=MsoHeading2>Commentaires (${ post.comments.length })</p>\n` +
					post.comments
						.map( ( c ) => {
							const t = parts( c.published );
							return `<p class=MsoNormal><b>${ escapeHtml(
								c.author
							) }</b> – ${ t.d } ${ FR_MONTHS[ t.m - 1 ] } ${
								t.y
							} ${ t.hh }:${ two( t.mm ) }</p>\n<p class=MsoNormal style='margin-left:18pt'>${ escapeHtml(
								c.text
							) }</p>`;
						} )
						.join( '\n' )
				: '';
			return `<p class=MsoTitle><span lang=FR>${ escapeHtml(
				post.title
			) }<o:p></o:p></span></p>
<p class=MsoNormal><i><span lang=FR style='color:gray'>${ d } ${
				FR_MONTHS[ m - 1 ]
			} ${ y }, ${ two( hh ) }:${ two( mm ) }</span></i></p>
${ paragraphsHtml( post, normal ) }
${ comments }
<p class=MsoNormal><o:p>&nbsp;</o:p></p>`;
		} )
		.join( '\n' );
	return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 11">
<title>Mon journal</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Anne</o:Author><o:Created>2006-04-01T10:00:00Z</o:Created></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoTitle {font-size:16pt} --></style>
</head>
<body lang=FR style='tab-interval:35.4pt'>
<div class=Section1>
${ body }
</div>
</body>
</html>`;
}

/**
 * A Blogger-like page saved by Firefox: a date header above the posts of
 * each day, `div.post` with `h3.post-title`, a footer with the time, and
 * comments as a `<dl>` (author, text, date) after the post.
 *
 * @param posts The posts.
 * @return HTML.
 */
export function bloggerHtml( posts: ShapePost[] ): string {
	let lastDay = '';
	const body = posts
		.map( ( post ) => {
			const { y, m, d, hh, mm } = parts( post.published );
			const day = post.published.slice( 0, 10 );
			const weekday =
				EN_DAYS[ new Date( Date.UTC( y, m - 1, d ) ).getUTCDay() ];
			const header =
				day === lastDay
					? ''
					: `<h2 class="date-header">${ weekday }, ${
							ENGLISH_MONTHS[ m - 1 ]
						} ${ d }, ${ y }</h2>\n`;
			lastDay = day;
			const comments = post.comments.length
				? `<div id="comments"><h4>${ post.comments.length } Comments:</h4>
<dl id="comments-block">
${ post.comments
	.map( ( c ) => {
		const t = parts( c.published );
		const name = c.authorUrl
			? `<a href="${ escapeHtml( c.authorUrl ) }" rel="nofollow">${ escapeHtml(
					c.author
				) }</a>`
			: escapeHtml( c.author );
		return `<dt class="comment-author">${ name } said...</dt>
<dd class="comment-body"><p>${ escapeHtml( c.text ) }</p></dd>
<dd class="comment-footer"><span class="comment-timestamp"><a href="#c${ t.d }${ t.mm }">${
			t.m
		}/${ t.d }/${ t.y } ${ twelve( t.hh, t.mm ) }</a></span></dd>`;
	} )
	.join( '\n' ) }
</dl></div>`
				: '';
			return `${ header }<div class="post">
<a name="p${ d }${ mm }"></a>
<h3 class="post-title"><a href="http://anna.example.com/${ y }/${ two(
				m
			) }/post-${ d }.html">${ escapeHtml( post.title ) }</a></h3>
<div class="post-body">
${ paragraphsHtml( post, '<p>' ) }
<div style="clear:both;"></div>
</div>
<p class="post-footer"><em>posted by Anna at <a href="#p${ d }" class="post-timestamp">${ twelve(
				hh,
				mm
			) }</a></em> | <a class="comment-link" href="#comments">${
				post.comments.length
			} comments</a></p>
</div>
${ comments }`;
		} )
		.join( '\n' );
	return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<!-- saved from url=(0031)http://anna.example.com/ -->
<head><title>Anna's notes</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<script type="text/javascript">var x = "<h3 class='post-title'>2006</h3>";</script>
</head>
<body>
<div id="header"><h1 id="blog-title"><a href="http://anna.example.com/">Anna's notes</a></h1>
<p id="description">Walks, music and friends.</p></div>
<div id="content"><div id="main">
${ body }
</div>
<div id="sidebar">
<h2 class="sidebar-title">Previous Posts</h2>
<ul id="recently">${ posts
		.map( ( p ) => `<li><a href="#">${ escapeHtml( p.title ) }</a></li>` )
		.join( '' ) }</ul>
<h2 class="sidebar-title">Archives</h2>
<ul class="archive-list"><li><a href="#">March 2006</a></li><li><a href="#">April 2006</a></li></ul>
</div></div>
</body></html>`;
}

/**
 * A minimal hand-written page: `<h2>` titles, the date in italics under
 * each (`3. März 2006 21:15`, German), paragraphs; or, with `dateFirst`,
 * the date above the title.
 *
 * @param posts     The posts.
 * @param dateFirst Print each date before its title.
 * @return HTML.
 */
export function minimalBlogHtml(
	posts: ShapePost[],
	dateFirst = false
): string {
	const body = posts
		.map( ( post ) => {
			const { y, m, d, hh, mm } = parts( post.published );
			const date = `<p><i>${ d }. ${ GERMAN_MONTHS[ m - 1 ] } ${ y } ${ hh }:${ two(
				mm
			) }</i></p>`;
			const title = `<h2>${ escapeHtml( post.title ) }</h2>`;
			return `${ dateFirst ? date + '\n' + title : title + '\n' + date }
${ paragraphsHtml( post, '<p>' ) }`;
		} )
		.join( '\n<br>\n' );
	return `<html lang="de"><head><title>Tagebuch</title></head>
<body>
${ body }
<hr><p><small>Letzte Änderung: 1. April 2006</small></p>
</body></html>`;
}

/**
 * A page of a Chinese blog host, saved by Internet Explorer: `entry` boxes
 * with `entry-title`, a date `2006年3月7日 星期二 21:15`, and comments in
 * boxes `小明 - 2006-3-8 10:00` followed by the text.
 *
 * @param posts The posts.
 * @return HTML.
 */
export function chineseBlogHtml( posts: ShapePost[] ): string {
	const weekdays = '日一二三四五六';
	const body = posts
		.map( ( post ) => {
			const { y, m, d, hh, mm } = parts( post.published );
			const weekday =
				weekdays[ new Date( Date.UTC( y, m - 1, d ) ).getUTCDay() ];
			const comments = post.comments.length
				? `<div class="cmtlist">${ post.comments
						.map( ( c ) => {
							const t = parts( c.published );
							return `<div class="item"><div class="meta">${ escapeHtml(
								c.author
							) } - ${ t.y }-${ t.m }-${ t.d } ${ t.hh }:${ two(
								t.mm
							) }</div><div class="txt">${ escapeHtml(
								c.text
							) }</div></div>`;
						} )
						.join( '' ) }</div>`
				: '';
			return `<div class="entry">
<div class="entry-title">${ escapeHtml( post.title ) }</div>
<div class="entry-date">${ y }年${ m }月${ d }日 星期${ weekday } ${ hh }:${ two(
				mm
			) }</div>
<div class="entry-body">${ paragraphsHtml( post, '<p>' ) }</div>
${ comments }
</div>`;
		} )
		.join( '\n' );
	return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>我的日记 - 博客</title></head>
<body><div id="wrap">${ body }</div></body></html>`;
}

/**
 * A blog page in one of the shapes.
 *
 * @param shape The shape.
 * @param posts The posts, newest first.
 * @return HTML.
 */
export function blogShapeHtml( shape: BlogShape, posts: ShapePost[] ): string {
	switch ( shape ) {
		case 'word':
			return wordBlogHtml( posts );
		case 'blogger':
			return bloggerHtml( posts );
		case 'minimal':
			return minimalBlogHtml( posts );
		default:
			return chineseBlogHtml( posts );
	}
}

const LONG =
	'I grew up by the sea and moved to the city to study music. These pages hold my photos, the books I read and notes about the places we travel to with friends; write to me if you find something you like.';

/** Pages that are not blogs, by what they are. */
export const NOT_BLOG_PAGES: Record< string, string > = {
	'links.htm': `<html><head><title>Links</title></head><body>
<h1>My links</h1><p>Updated March 3, 2006</p>
<h2>Friends</h2><ul><li><a href="http://a.example.com/">Anna's space, with photos of the trip and her music</a></li><li><a href="http://b.example.com/">Ben's blog about cycling and mountains</a></li></ul>
<h2>News</h2><ul><li><a href="http://news.example.com/">The daily news from the city and the world</a></li><li><a href="http://weather.example.com/">Weather in Zürich and around the lake</a></li></ul>
</body></html>`,
	'gadgets.htm': `<html><head><title>Sidebar</title></head><body>
<div class="module"><h3>Recent updates</h3><ul><li><a href="#">Photos: Beach</a> 3/3/2006</li><li><a href="#">Blog: Day 4</a> 3/1/2006</li></ul></div>
<div class="module"><h3>Music</h3><p>Updated 3/1/2006</p><ul><li><a href="#">Radiohead – OK Computer, the whole album again this week</a></li><li><a href="#">Björk – Homogenic, for the long train rides</a></li></ul></div>
<div class="module"><h3>Books</h3><p>Updated 2/27/2006</p><ul><li><a href="#">The Name of the Rose, second reading, slowly this time</a></li><li><a href="#">Le Petit Prince, in French, for practice</a></li></ul></div>
</body></html>`,
	'about.htm': `<html><head><title>About me</title></head><body>
<h1>About me</h1><p>Member since January 27, 2005</p><p>${ LONG }</p><p>${ LONG }</p>
</body></html>`,
	'profile.htm': `<html><head><title>Profile</title></head><body>
<p class="updated">Last updated: March 3, 2006</p>
<div class="section"><h2>Me</h2><p>${ LONG }</p></div>
<div class="section"><h2>My family</h2><p>${ LONG }</p></div>
<div class="section"><h2>Interests</h2><p>${ LONG }</p></div>
</body></html>`,
	'album.htm': `<html><head><title>Photos: Summer 2006</title></head><body><h1>Summer 2006</h1>
${ [ 'Beach', 'Sunset', 'Harbour', 'Market', 'Old town', 'Boat' ]
	.map(
		( name, i ) =>
			`<div class="photo"><h4 class="photo-title">${ name }</h4><span class="date">7/${
				i + 4
			}/2006</span><a href="photos/p${ i }.jpg"><img src="photos/t${ i }.jpg" alt="${ name }"></a><p>${ name } at noon</p></div>`
	)
	.join( '\n' ) }
</body></html>`,
	'guestbook.htm': `<html><head><title>Guestbook</title></head><body><h1>Guestbook</h1>
${ [ 'Anna', 'Ben', 'Carla', 'Dieter' ]
	.map(
		( name, i ) =>
			`<div class="entry"><h4>${ name }</h4><p>3/${
				i + 3
			}/2006 9:15 PM</p><p>Nice space! Come and visit mine.</p></div>`
	)
	.join( '\n' ) }
</body></html>`,
	'article.htm': `<html><head><title>On trains</title></head><body>
<h1>On trains</h1><p><i>April 20, 2007</i></p><p>${ LONG }</p><p>${ LONG }</p><p>${ LONG }</p>
</body></html>`,
};
