/**
 * The migration download (space.zip as Microsoft served it in 2010–2011):
 * an index page linking one entry page per post, in markup of its own, not
 * the live site's. An entry page holds its post in a `<div>` whose id holds
 * `bp`: a title `<h2>` (id holding `title`), a date `<h5>` (id holding
 * `publish`), the body in `div.blogpost`, and `div.comments` with one
 * `<div>` per comment, each headed `Author - date`. Only those fragments are
 * known, so ids and classes are matched by what they contain, in any case.
 */

/**
 * Internal dependencies
 */
import type { ArchiveComment, ArchiveWarning } from '../model';
import { resolveCommentDate } from '../dates/comment-date';
import { parseLocalDate } from '../dates/local-date';
import { wallClockMs } from '../dates/wall-clock';
import {
	contains,
	attr,
	findAll,
	findOne,
	hasClass,
	innerHtml,
	isElement,
	outerHtml,
	parseHtml,
	textOf,
	type HtmlDocument,
	type HtmlElement,
	type HtmlNode,
} from '../dom';
import { makeLocalId } from '../ids';
import { archivePathOf, basename } from '../paths';
import { findHrefs, findImages } from './images-in-html';
import type { Extraction, Extractor, FoundPost, PageInput } from './types';

/** The live site's entries: those pages belong to the live-page extractor. */
const LIVE_MARKER = /\bbvEntry\b|\bid\s*=\s*["']?entrycns(?:!|%21)/i;
const BP_DIV = /<div\b[^>]*?[\s"']id\s*=\s*["']?[^"'\s>]*bp/i;
const POST_PART =
	/<h2\b[^>]*?[\s"']id\s*=\s*["']?[^"'\s>]*title|<h5\b[^>]*?[\s"']id\s*=\s*["']?[^"'\s>]*publish|<div\b[^>]*?\sclass\s*=\s*["']?(?:[^"'>]*\s)?blogpost(?=["'\s>])/i;

/** The code of the archive-wide warning that no categories exist. */
export const CATEGORIES_ABSENT = 'categories-absent';

function idHas( el: HtmlElement, part: string ): boolean {
	return attr( el, 'id' ).toLowerCase().includes( part );
}

const isBpDiv = ( el: HtmlElement ) => el.name === 'div' && idHas( el, 'bp' );
const isTitle = ( el: HtmlElement ) => el.name === 'h2' && idHas( el, 'title' );
const isPublish = ( el: HtmlElement ) =>
	el.name === 'h5' && idHas( el, 'publish' );
const isBody = ( el: HtmlElement ) =>
	el.name === 'div' && hasClass( el, 'blogpost' );
const isComments = ( el: HtmlElement ) =>
	el.name === 'div' && hasClass( el, 'comments' );

/**
 * Of some elements, those that hold none of the others.
 *
 * @param elements Elements.
 * @return The innermost ones, in document order.
 */
function innermost( elements: HtmlElement[] ): HtmlElement[] {
	return elements.filter(
		( el ) => ! elements.some( ( other ) => contains( el, other ) )
	);
}

/**
 * Of some elements, those inside none of the others.
 *
 * @param elements Elements.
 * @return The outermost ones, in document order.
 */
function outermost( elements: HtmlElement[] ): HtmlElement[] {
	return elements.filter(
		( el ) => ! elements.some( ( other ) => contains( other, el ) )
	);
}

/**
 * The `bp` divs that each hold one post: those with a title or a date
 * heading (or, failing any, a body), not the ones wrapping several posts
 * nor the parts inside a post whose ids happen to hold `bp` too.
 *
 * @param doc The page.
 * @return The posts' divs.
 */
function postDivs( doc: HtmlDocument ): HtmlElement[] {
	const bps = findAll( isBpDiv, doc );
	const headed = bps.filter( ( bp ) =>
		findOne( ( el ) => isTitle( el ) || isPublish( el ), bp.children )
	);
	if ( headed.length ) {
		return innermost( headed );
	}
	return innermost( bps.filter( ( bp ) => findOne( isBody, bp.children ) ) );
}

const NUMERIC_DATE =
	/(?<![\d\/.\-])(\d{1,2})\s*([\/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d:])/;
const YEAR_FIRST = /(?<!\d)\d{4}\s*[\/.\-年]/;
const AM_PM = /(?:^|[^a-z])[ap]\.?\s?m\.?(?![a-z])|上午|下午/i;

/**
 * The page may not say its culture: tells the order of day and month from
 * its dates' own text. A number above 12 decides; otherwise the style does
 * (`d.M.yyyy` is day first, `M/d/yyyy h:mm AM` month first, a slashed date
 * with a 24-hour time day first).
 *
 * @param texts The page's date texts.
 * @return A culture of that order (`en-US` or `en-GB`), or null when the
 *         dates are all year first or none is numeric.
 */
export function guessDateCulture( texts: string[] ): string | null {
	let style: string | null = null;
	for ( const text of texts ) {
		if ( YEAR_FIRST.test( text ) ) {
			continue;
		}
		const match = NUMERIC_DATE.exec( text );
		if ( ! match ) {
			continue;
		}
		const a = Number( match[ 1 ] );
		const b = Number( match[ 3 ] );
		if ( a > 12 && b <= 12 ) {
			return 'en-GB';
		}
		if ( b > 12 && a <= 12 ) {
			return 'en-US';
		}
		if ( ! style ) {
			if ( match[ 2 ] === '.' ) {
				style = 'en-GB';
			} else if ( AM_PM.test( text ) ) {
				style = 'en-US';
			} else {
				style = 'en-GB';
			}
		}
	}
	return style;
}

/**
 * Splits a comment's heading, `Author - date`, at the last ` - ` followed by
 * a date: author names may hold ` - ` themselves.
 *
 * @param text    The heading's text.
 * @param culture The page's culture.
 * @return The author and the date text ('' when none).
 */
export function splitCommentHeading(
	text: string,
	culture: string | null
): { author: string; dateText: string } {
	const separators = [ ...text.matchAll( /\s+[-–—]\s*/g ) ];
	for ( let i = separators.length - 1; i >= 0; i-- ) {
		const at = separators[ i ].index ?? 0;
		const rest = text.slice( at + separators[ i ][ 0 ].length ).trim();
		if ( parseLocalDate( rest, culture ) ) {
			return { author: text.slice( 0, at ).trim(), dateText: rest };
		}
	}
	const last = separators[ separators.length - 1 ];
	if ( last && last.index !== undefined ) {
		return {
			author: text.slice( 0, last.index ).trim(),
			dateText: text.slice( last.index + last[ 0 ].length ).trim(),
		};
	}
	return { author: text.trim(), dateText: '' };
}

interface CommentParts {
	author: string;
	authorUrl: string | null;
	dateText: string;
	html: string;
}

function commentParts(
	div: HtmlElement,
	culture: string | null
): CommentParts {
	const head = findOne( ( el ) => el.name === 'h5', div.children );
	const { author, dateText } = splitCommentHeading(
		head ? textOf( head ) : '',
		culture
	);
	const link = head
		? findOne(
				( el ) =>
					el.name === 'a' &&
					/^https?:\/\//i.test( attr( el, 'href' ) ),
				head
			)
		: null;
	const rest = div.children.filter(
		( node ) =>
			node !== head &&
			! ( head && isElement( node ) && contains( node, head ) )
	);
	return {
		author,
		authorUrl: link ? attr( link, 'href' ).trim() : null,
		dateText,
		html: outerHtml( rest ).trim(),
	};
}

/**
 * The comment blocks of a comments container: divs whose id holds
 * `comment`, or, when none has such an id, its child divs with a heading.
 *
 * @param container The `div.comments`.
 * @return One element per comment, in page order.
 */
function commentDivs( container: HtmlElement ): HtmlElement[] {
	const marked = outermost(
		findAll(
			( el ) => el.name === 'div' && idHas( el, 'comment' ),
			container.children
		)
	);
	if ( marked.length ) {
		return marked;
	}
	return container.children.filter(
		( node ): node is HtmlElement =>
			isElement( node ) &&
			node.name === 'div' &&
			findOne( ( el ) => el.name === 'h5', node.children ) !== null
	);
}

/**
 * Oldest first: by date when every comment has one; otherwise the page's
 * order, reversed when the dates it has run newest first.
 *
 * @param comments The comments in page order.
 * @return The comments, oldest first.
 */
function oldestFirst( comments: ArchiveComment[] ): ArchiveComment[] {
	const times = comments.map( ( c ) =>
		c.published ? wallClockMs( c.published ) : NaN
	);
	if ( times.every( ( t ) => ! Number.isNaN( t ) ) ) {
		return comments
			.map( ( comment, i ) => ( { comment, t: times[ i ], i } ) )
			.sort( ( x, y ) => x.t - y.t || x.i - y.i )
			.map( ( x ) => x.comment );
	}
	const dated = times.filter( ( t ) => ! Number.isNaN( t ) );
	const falling = dated.some( ( t, i ) => i > 0 && t < dated[ i - 1 ] );
	const rising = dated.some( ( t, i ) => i > 0 && t > dated[ i - 1 ] );
	return falling && ! rising ? [ ...comments ].reverse() : comments;
}

function headingDate( bp: HtmlElement, culture: string | null ) {
	const publish = findOne( isPublish, bp.children );
	if ( publish ) {
		return publish;
	}
	// No id: the first date-like heading outside the comments.
	const comments = findAll( isComments, bp.children );
	return findOne(
		( el ) =>
			el.name === 'h5' &&
			! comments.some( ( c ) => contains( c, el ) ) &&
			parseLocalDate( textOf( el ), culture ) !== null,
		bp.children
	);
}

/**
 * The file name that identifies a post, with its date and title (there is
 * no Spaces id): its entry page's name, not its folder, so the same
 * download zipped again inside another folder gives the same ids. A title
 * linking a page of the archive names the post's own page, so a copy of
 * the post on a page listing several is the same post.
 *
 * @param titleEl  The post's title, if any.
 * @param pagePath The page the post was read from.
 * @return A file name, lower case.
 */
function identityName( titleEl: HtmlElement | null, pagePath: string ) {
	const link = titleEl
		? findOne( ( el ) => el.name === 'a', titleEl.children )
		: null;
	const target = link
		? archivePathOf( attr( link, 'href' ), pagePath )
		: null;
	return basename( target ?? pagePath.toLowerCase() );
}

function readPost(
	bp: HtmlElement,
	page: PageInput,
	scope: { doc: HtmlDocument; only: boolean; culture: string | null },
	warnings: ArchiveWarning[]
): FoundPost {
	const { culture } = scope;
	const titleEl =
		findOne( isTitle, bp.children ) ??
		findOne( ( el ) => el.name === 'h2', bp.children );
	const title = titleEl ? textOf( titleEl ) : '';
	const dateEl = headingDate( bp, culture );
	const dateText = dateEl ? textOf( dateEl ) : '';
	const published = dateText ? parseLocalDate( dateText, culture ) : null;
	if ( dateText && ! published ) {
		warnings.push( {
			file: page.path,
			code: 'date-unreadable',
			message: `The date of “${ title || basename( page.path ) }” in “${
				page.path
			}” could not be read (“${ dateText }”).`,
		} );
	}

	// Comments sit in the post; on a page of one post, perhaps beside it.
	const container =
		findOne( isComments, bp.children ) ??
		( scope.only ? findOne( isComments, scope.doc.children ) : null );

	const bodyEl = findOne(
		( el ) => isBody( el ) && ! ( container && contains( container, el ) ),
		bp.children
	);
	const bodyNodes: HtmlNode[] = bodyEl
		? bodyEl.children
		: bp.children.filter(
				( node ) =>
					! (
						isElement( node ) &&
						( node === titleEl ||
							node === dateEl ||
							node === container ||
							( container && contains( node, container ) ) )
					)
			);
	const html = (
		bodyEl ? innerHtml( bodyEl ) : outerHtml( bodyNodes )
	).trim();

	const comments = container
		? oldestFirst(
				commentDivs( container ).map( ( div ) => {
					const parts = commentParts( div, culture );
					return {
						author: parts.author,
						authorUrl: parts.authorUrl,
						published: parts.dateText
							? ( parseLocalDate( parts.dateText, culture ) ??
								resolveCommentDate(
									parts.dateText,
									culture,
									published,
									page.modified ?? page.reference
								) )
							: null,
						html: parts.html,
					};
				} )
			)
		: [];

	return {
		sourceId: makeLocalId(
			identityName( titleEl, page.path ),
			published ?? dateText,
			title
		),
		number: 0,
		title,
		html,
		published,
		dateSource: published ? 'footer' : 'none',
		categories: [],
		originalUrl: null,
		comments,
		declaredCommentCount: null,
		file: page.path,
		baseUrl: null,
		images: findImages( bodyNodes ),
		hrefs: findHrefs( bodyNodes ),
	};
}

/**
 * The culture that decides how the page's dates read: its `web:culture`
 * when it has one, otherwise guessed from the dates' text.
 *
 * @param doc   The page.
 * @param posts The posts' divs.
 * @return A culture, or null.
 */
function pageCulture(
	doc: HtmlDocument,
	posts: HtmlElement[]
): { culture: string | null; declared: boolean } {
	const cultured = findOne( ( el ) => attr( el, 'web:culture' ) !== '', doc );
	if ( cultured ) {
		return { culture: attr( cultured, 'web:culture' ), declared: true };
	}
	const texts = findAll( ( el ) => el.name === 'h5', posts ).map( ( el ) =>
		textOf( el )
	);
	return { culture: guessDateCulture( texts ), declared: false };
}

export const migrationPage: Extractor = {
	name: 'migration-page',

	detect( text ) {
		return (
			BP_DIV.test( text ) &&
			POST_PART.test( text ) &&
			! LIVE_MARKER.test( text )
		);
	},

	extract( page ): Extraction {
		const doc = parseHtml( page.text );
		const warnings: ArchiveWarning[] = [];
		const divs = postDivs( doc );
		const { culture, declared } = pageCulture( doc, divs );
		const scope = { doc, only: divs.length === 1, culture };
		const posts = divs.map( ( bp ) =>
			readPost( bp, page, scope, warnings )
		);
		if ( posts.length ) {
			// Said once for the archive: the reader merges repeats.
			warnings.push( {
				file: null,
				code: CATEGORIES_ABSENT,
				message:
					'The migration download (space.zip) holds no categories, so its posts are imported without them.',
			} );
		}
		return {
			posts,
			blog: declared && culture ? { culture } : {},
			warnings,
		};
	},
};

export interface MigrationIndex {
	/** The index page's path. */
	path: string;
	/** The blog's title: the text of the page's first `<h1>`. */
	title: string;
	/** The archive paths its links lead to, lower case. */
	targets: string[];
}

/**
 * Reads a page that may be the migration download's index: a first `<h1>`
 * (the blog's title) and relative links (`<a href>`) to the entry pages.
 * Whether it is the index is known only once the entry pages are read.
 *
 * @param text The page.
 * @param path Its archive path.
 * @return The index, or null when the page has no heading or no links.
 */
export function readMigrationIndex(
	text: string,
	path: string
): MigrationIndex | null {
	if ( ! /<h1\b/i.test( text ) || ! /<a\b[^>]*\shref/i.test( text ) ) {
		return null;
	}
	const doc = parseHtml( text );
	const heading = findOne( ( el ) => el.name === 'h1', doc );
	if ( ! heading ) {
		return null;
	}
	const targets = new Set< string >();
	for ( const href of findHrefs( doc.children ) ) {
		const target = archivePathOf( href, path );
		if ( target ) {
			targets.add( target );
		}
	}
	if ( ! targets.size ) {
		return null;
	}
	return { path, title: textOf( heading ), targets: [ ...targets ] };
}
