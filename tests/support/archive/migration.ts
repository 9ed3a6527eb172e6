/**
 * A synthetic migration download (space.zip as Microsoft served it in
 * 2010–2011, spaces-archive.md section 1b): an index page, one entry page
 * per post in the download's own markup (ids and classes spelled in several
 * ways), comments headed `Author - date` in the owner's locale, real PNG
 * images in `img/`, links between entry pages, and an index that also
 * links an about page, another site and a stylesheet. Used by tests and by
 * the benchmark.
 */

/**
 * Internal dependencies
 */
import { encodeText } from './encode';
import { escapeHtml } from './markup';
import { pngBytes } from './png';
import { seededRandom, type Random } from './random';

/** The locales whose date styles the generator prints. */
export type MigrationLocale = 'zh-CN' | 'en-US' | 'de-DE';

export interface MigrationComment {
	author: string;
	authorUrl: string | null;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss`. */
	published: string;
	/** The date as the heading prints it. */
	dateText: string;
}

export interface MigrationPost {
	/** The entry page's archive path. */
	file: string;
	title: string;
	html: string;
	/** Wall-clock time `YYYY-MM-DDTHH:mm:ss`. */
	published: string;
	/** The date as the page prints it. */
	dateText: string;
	/** Oldest first. */
	comments: MigrationComment[];
	/** Archive paths of the images the body shows. */
	images: string[];
	/** Each link to another entry page: the href and the linked post's index. */
	links: Array< { href: string; target: number } >;
}

export interface MigrationOptions {
	posts: number;
	comments: number;
	images: number;
	seed?: number;
	/** How dates are printed; zh-CN by default. */
	locale?: MigrationLocale;
	/** A folder wrapping everything, e.g. `space/`; none by default. */
	root?: string;
	blogTitle?: string;
	/** The order comments are printed in; oldest first by default. */
	commentOrder?: 'oldest-first' | 'newest-first';
	/** Posts on each entry page (one by default). */
	postsPerPage?: number;
	/** Print `web:culture` on the pages (the download is not known to). */
	culture?: boolean;
}

export interface GeneratedMigration {
	/** Path → bytes, ready for fflate's `zipSync`. */
	files: Record< string, Uint8Array >;
	/** Oldest first. */
	posts: MigrationPost[];
	/** Archive path of each image file. */
	images: string[];
	/** The index page's archive path. */
	index: string;
	blogTitle: string;
	/** Pages the index links that hold no posts (the about page). */
	otherPages: string[];
}

const WORDS = [
	'Spaces',
	'blog',
	'weekend',
	'travel',
	'café',
	'上海',
	'春节',
	'照片',
	'Zürich',
	'“quoted”',
	'R&D',
	'<code>',
];

/** Names as commenters signed them: some hold ` - ` themselves. */
const AUTHORS = [
	'Anna - the Reader',
	'小明 - 上海',
	'Jean-Luc',
	'Ben & Jerry',
	'Old - Friend - 2',
	'José',
];

/** Ways the download's ids and classes may be spelled (only parts are known). */
const SPELLINGS = [
	{
		post: ( n: number ) => `<div id="bpEntry${ n }" class="entry">`,
		title: '<h2 id="entryTitle">',
		date: '<h5 id="publishDate">',
		body: '<div class="blogpost">',
		comments: '<div class="comments" id="comments">',
		comment: ( k: number ) => `<div id="comment${ k }">`,
		end: { h2: '</h2>', h5: '</h5>', div: '</div>' },
	},
	{
		post: ( n: number ) => `<DIV ID="BP_${ n }">`,
		title: '<H2 ID="TitleText">',
		date: '<H5 ID="PublishedTime">',
		body: '<DIV CLASS="BlogPost">',
		comments: '<DIV CLASS="Comments">',
		comment: ( k: number ) => `<DIV ID="Comment_${ k }">`,
		end: { h2: '</H2>', h5: '</H5>', div: '</DIV>' },
	},
	{
		post: () => `<div class="post" id='bp'>`,
		title: `<h2 class="t" id='bpTitle'>`,
		date: `<h5 id='bpPublished'>`,
		body: `<div class='post BLOGPOST'>`,
		comments: `<div class='comments'>`,
		// A comment's id holding `bp` as well.
		comment: ( k: number ) => `<div class="c" id='bpComment${ k }'>`,
		end: { h2: '</h2>', h5: '</h5>', div: '</div>' },
	},
	{
		post: ( n: number ) => `<div id=bp${ n }>`,
		title: '<h2 id=Title>',
		date: '<h5 id=publish>',
		body: '<div class=blogpost>',
		comments: '<div class=comments>',
		comment: ( k: number ) => `<div id=cmt_comment${ k }>`,
		end: { h2: '</h2>', h5: '</h5>', div: '</div>' },
	},
];

function sentence( random: Random, words: number ): string {
	const out: string[] = [];
	for ( let i = 0; i < words; i++ ) {
		out.push( random.pick( WORDS ) );
	}
	return out.join( ' ' );
}

function wallClock( ms: number ): string {
	return new Date( ms ).toISOString().slice( 0, 19 );
}

const two = ( n: number ) => String( n ).padStart( 2, '0' );

/**
 * Prints a wall-clock time as the download printed it for a locale:
 * `2009/2/14 10:05:00` (zh-CN), `2/14/2009 10:05:00 AM` (en-US),
 * `14.2.2009 10:05:00` (de-DE).
 *
 * @param wall   `YYYY-MM-DDTHH:mm:ss`.
 * @param locale The locale.
 * @return The printed date.
 */
export function formatMigrationDate(
	wall: string,
	locale: MigrationLocale
): string {
	const [ date, time ] = wall.split( 'T' );
	const [ y, m, d ] = date.split( '-' ).map( Number );
	const [ hh, mm, ss ] = time.split( ':' ).map( Number );
	switch ( locale ) {
		case 'en-US': {
			const h12 = hh % 12 === 0 ? 12 : hh % 12;
			return `${ m }/${ d }/${ y } ${ h12 }:${ two( mm ) }:${ two(
				ss
			) } ${ hh < 12 ? 'AM' : 'PM' }`;
		}
		case 'de-DE':
			return `${ d }.${ m }.${ y } ${ two( hh ) }:${ two( mm ) }:${ two(
				ss
			) }`;
		default:
			return `${ y }/${ m }/${ d } ${ hh }:${ two( mm ) }:${ two( ss ) }`;
	}
}

function commentHtml(
	comment: MigrationComment,
	k: number,
	spelling: ( typeof SPELLINGS )[ number ]
): string {
	const author = comment.authorUrl
		? `<a href="${ escapeHtml( comment.authorUrl ) }">${ escapeHtml(
				comment.author
			) }</a>`
		: escapeHtml( comment.author );
	return `${ spelling.comment( k ) }<h5>${ author } - ${ escapeHtml(
		comment.dateText
	) }</h5>${ comment.html }${ spelling.end.div }`;
}

function postHtml(
	post: MigrationPost,
	n: number,
	order: MigrationOptions[ 'commentOrder' ]
): string {
	const spelling = SPELLINGS[ n % SPELLINGS.length ];
	const comments =
		order === 'newest-first'
			? [ ...post.comments ].reverse()
			: post.comments;
	const commentBlock = comments.length
		? `${ spelling.comments }${ comments
				.map( ( c, k ) => commentHtml( c, k + 1, spelling ) )
				.join( '\n' ) }${ spelling.end.div }`
		: '';
	return `${ spelling.post( n ) }
${ spelling.title }${ escapeHtml( post.title ) }${ spelling.end.h2 }
${ spelling.date }${ escapeHtml( post.dateText ) }${ spelling.end.h5 }
${ spelling.body }${ post.html }${ spelling.end.div }
${ commentBlock }
${ spelling.end.div }`;
}

function pageHtml(
	title: string,
	body: string,
	locale: MigrationLocale,
	culture: boolean
): string {
	const html = culture ? `<html web:culture="${ locale }">` : '<html>';
	return `<!DOCTYPE html>
${ html }
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${ escapeHtml( title ) }</title>
<link rel="stylesheet" type="text/css" href="style.css" /></head>
<body>
<div id="header"><a href="index.html">Home</a></div>
${ body }
</body></html>`;
}

/**
 * Generates a migration download.
 *
 * @param options Sizes and shape.
 * @return The files and what they hold.
 */
export function generateMigrationArchive(
	options: MigrationOptions
): GeneratedMigration {
	const random = seededRandom( options.seed ?? 1 );
	const locale = options.locale ?? 'zh-CN';
	const root = options.root ?? '';
	const perPage = Math.max( 1, options.postsPerPage ?? 1 );
	const culture = options.culture ?? false;
	const blogTitle = options.blogTitle ?? 'Notes & Photos — 日记';
	const files: Record< string, Uint8Array > = {};
	const images: string[] = [];
	const posts: MigrationPost[] = [];

	const commentCounts = new Array( options.posts ).fill( 0 );
	for ( let i = 0; i < options.comments; i++ ) {
		commentCounts[ random.int( 0, options.posts - 1 ) ]++;
	}

	let time = Date.UTC( 2006, 0, 1, 9, 0, 0 );
	for ( let i = 0; i < options.posts; i++ ) {
		time += random.int( 3600, 86400 * 2 ) * 1000;
		const published = wallClock( time );
		const page = Math.floor( i / perPage ) + 1;
		const name = page % 2 ? `entry${ page }.html` : `Entry_${ page }.htm`;
		const comments: MigrationComment[] = [];
		let commentTime = time;
		for ( let c = 0; c < commentCounts[ i ]; c++ ) {
			commentTime += random.int( 60, 86400 ) * 1000;
			const at = wallClock( commentTime );
			comments.push( {
				author: random.pick( AUTHORS ),
				authorUrl: random.chance( 0.2 )
					? `http://friend${ c }.example.com/`
					: null,
				html: `<p>${ escapeHtml(
					sentence( random, random.int( 5, 30 ) )
				) }</p>`,
				published: at,
				dateText: formatMigrationDate( at, locale ),
			} );
		}
		const paragraphs: string[] = [];
		for ( let p = 0; p < random.int( 1, 4 ); p++ ) {
			paragraphs.push(
				`<p>${ escapeHtml(
					sentence( random, random.int( 10, 60 ) )
				) }</p>`
			);
		}
		const links: MigrationPost[ 'links' ] = [];
		// Links between pages of one post each: a page of several posts
		// does not say which of them a link means.
		if ( perPage === 1 && posts.length && random.chance( 0.2 ) ) {
			const target = random.int( 0, posts.length - 1 );
			const targetName = posts[ target ].file.slice( root.length );
			const href = random.pick( [
				targetName,
				`./${ targetName }`,
				`${ targetName }#comments`,
			] );
			links.push( { href, target } );
			paragraphs.push(
				`<p>See <a href="${ escapeHtml(
					href
				) }">an earlier post</a>.</p>`
			);
		}
		posts.push( {
			file: root + name,
			title: `${ i + 1 }. ${ sentence( random, random.int( 2, 6 ) ) }`,
			html: paragraphs.join( '' ),
			published,
			dateText: formatMigrationDate( published, locale ),
			comments,
			images: [],
			links,
		} );
	}

	for ( let i = 0; i < options.images; i++ ) {
		const width = 48 + ( i % 97 );
		const height = 32 + ( Math.floor( i / 97 ) % 89 );
		const name = `img/photo${ i }_${ random.int( 1000, 9999 ) }.png`;
		files[ root + name ] = pngBytes( width, height, [
			random.int( 0, 255 ),
			random.int( 0, 255 ),
			i % 256,
		] );
		images.push( root + name );
		const post = posts[ ( i * 7 ) % posts.length ];
		post.html += `<p><img src="${ name }" alt="Photo ${ i }" /></p>`;
		post.images.push( root + name );
	}

	const pages = new Map< string, MigrationPost[] >();
	for ( const post of posts ) {
		pages.set( post.file, [ ...( pages.get( post.file ) ?? [] ), post ] );
	}
	let n = 0;
	for ( const [ file, list ] of pages ) {
		const body = list
			.map( ( post ) =>
				postHtml( post, n++, options.commentOrder ?? 'oldest-first' )
			)
			.join( '\n' );
		files[ file ] = encodeText(
			pageHtml(
				list.length === 1 ? list[ 0 ].title : blogTitle,
				list.length === 1 ? body : `<div id="bpList">${ body }</div>`,
				locale,
				culture
			),
			'utf-8'
		);
	}

	const entryLinks = [ ...pages.keys() ]
		.map(
			( file, i ) =>
				`<li><a href="${ escapeHtml(
					file.slice( root.length )
				) }">${ escapeHtml(
					pages.get( file )?.[ 0 ].title ?? ''
				) }</a> ${ i + 1 }</li>`
		)
		.join( '\n' );
	const index = root + 'index.html';
	files[ index ] = encodeText(
		`<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>${ escapeHtml(
			blogTitle
		) }</title><link rel="stylesheet" href="style.css" /></head>
<body><h1>${ escapeHtml( blogTitle ) }</h1>
<p><a href="about.html">About me</a> | <a href="http://www.example.com/">My other site</a> | <a href="style.css">Style</a></p>
<ul>
${ entryLinks }
</ul></body></html>`,
		'utf-8'
	);
	const about = root + 'about.html';
	files[ about ] = encodeText(
		`<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>About me</title></head>
<body><h1>About me</h1><p>${ escapeHtml(
			sentence( random, 20 )
		) }</p><p><a href="index.html">Back to the blog</a></p></body></html>`,
		'utf-8'
	);
	files[ root + 'style.css' ] = encodeText(
		'body { font-family: sans-serif; }\nh2 { color: #336; }\n',
		'utf-8'
	);
	return { files, posts, images, index, blogTitle, otherPages: [ about ] };
}
