/**
 * Comments of posts found by their shape: small repeated blocks after a
 * post's body, each holding an author, a date and some text, in whatever
 * markup the page's tool wrote (`<dl>` with `<dt>`/`<dd>`, one box per
 * comment, or flat paragraphs headed by "Name - date").
 */

/**
 * Internal dependencies
 */
import type { ArchiveComment } from '../model';
import { resolveCommentDate } from '../dates/comment-date';
import { parseLocalDate } from '../dates/local-date';
import {
	attr,
	childElements,
	findOne,
	innerHtml,
	isElement,
	outerHtml,
	textOf,
	type HtmlElement,
	type HtmlNode,
} from '../dom';
import {
	extractComments,
	sortOldestFirst,
	type CommentContext,
} from './comments';

/** Longest text a comment's header (author and date) is read from. */
const MAX_HEADER = 120;
/** Longest text an author's name alone is read from. */
const MAX_AUTHOR = 60;

const COMMENTS_HEADING =
	/^[\s(\d)]*(?:comments?|commentaires?|kommentare?|comentarios?|commenti|reacties|kommentarer|评论|評論|留言|回复|回應|コメント)(?![a-z])[\s(\d):.]*$/i;

/**
 * Tells whether an element is a heading announcing the comments
 * ("3 Comments:", "Commentaires (2)", "评论").
 *
 * @param el An element.
 * @return Whether it is.
 */
export function isCommentsHeading( el: HtmlElement ): boolean {
	const text = textOf( el );
	return (
		text.length > 0 && text.length <= 40 && COMMENTS_HEADING.test( text )
	);
}

/**
 * Tells whether an element is a region of comments by its class or id
 * (not a link to them, a count or a form to add one).
 *
 * @param el An element.
 * @return Whether it is.
 */
export function isCommentRegion( el: HtmlElement ): boolean {
	const marks = `${ attr( el, 'class' ) } ${ attr( el, 'id' ) }`;
	return (
		/comment/i.test( marks ) &&
		! /comment[-_]?(?:link|count|form|add|feed|rss)|(?:add|post|leave|new)[-_]?comment/i.test(
			marks
		) &&
		el.name !== 'a'
	);
}

function isBlank( node: HtmlNode ): boolean {
	if ( ! isElement( node ) ) {
		return textOf( node ) === '';
	}
	return (
		textOf( node ) === '' && ! findOne( ( e ) => e.name === 'img', node )
	);
}

function trimHtml( html: string ): string {
	return html
		.replace( /^(?:\s|&nbsp;|\u00a0|<br\s*\/?>)+/i, '' )
		.replace( /(?:\s|&nbsp;|\u00a0|<br\s*\/?>)+$/i, '' );
}

/**
 * The author written before a date in a header ("Anna - 3/8/2006 10:00 PM",
 * "Posted by Anna on March 8, 2006", "Anna said... 8 mars 2006").
 *
 * @param text    The header's text.
 * @param culture The page's culture.
 * @return The name, or '' when the header holds none.
 */
export function authorBeforeDate(
	text: string,
	culture: string | null
): string {
	const full = parseLocalDate( text, culture );
	const tokens = text.split( ' ' );
	let cut = 0;
	// The shortest tail that still reads as the same date is the date; what
	// comes before it is the author.
	for ( let k = 1; k < tokens.length; k++ ) {
		if (
			parseLocalDate( tokens.slice( k ).join( ' ' ), culture ) !== full
		) {
			break;
		}
		cut = k;
	}
	let author = tokens.slice( 0, cut ).join( ' ' );
	if ( ! author ) {
		const after = /\b(?:by|von|par|por|da|door)\s+(.+)$/i.exec( text );
		author = after ? after[ 1 ] : '';
	}
	return cleanAuthor( author );
}

/**
 * An author's name without the words around it.
 *
 * @param text The text.
 * @return The name.
 */
function cleanAuthor( text: string ): string {
	let name = text
		.replace(
			/^(?:posted|written|comment(?:ed)?|publié|publicado|geschrieben|scritto)?\s*(?:by|von|par|por|da|door)\s+/i,
			''
		)
		.replace(
			/\s*(?:said|says|wrote|writes|a dit|a écrit|schrieb|sagte|escribió|dijo|ha scritto|disse)\b.*$/i,
			''
		);
	for ( let i = 0; i < 3; i++ ) {
		name = name
			.replace( /[\s\-–—|,:;@]+$/, '' )
			.replace(
				/\s+(?:on|at|le|am|um|el|il|den|op|the|,)$|^(?:on|at)$/i,
				''
			);
	}
	return name.trim();
}

function authorUrl( el: HtmlElement | null ): string | null {
	if ( ! el ) {
		return null;
	}
	const link = el.name === 'a' ? el : findOne( ( e ) => e.name === 'a', el );
	const href = link ? attr( link, 'href' ).trim() : '';
	return href && /^(?:https?:)?\/\//i.test( href ) ? href : null;
}

/**
 * One comment from its parts (elements and text in order), or null when
 * they do not hold a date and a text.
 *
 * @param parts The comment's nodes.
 * @param ctx   What dates are read against.
 * @return The comment.
 */
function commentFrom(
	parts: HtmlNode[],
	ctx: CommentContext
): ArchiveComment | null {
	const filled = parts.filter( ( p ) => ! isBlank( p ) );
	const dateAt = filled.findIndex( ( p ) => {
		const text = textOf( p );
		return (
			text.length <= MAX_HEADER &&
			parseLocalDate( text, ctx.culture ) !== null
		);
	} );
	if ( dateAt < 0 ) {
		return null;
	}
	const datePart = filled[ dateAt ];
	const dateText = textOf( datePart );
	let author = authorBeforeDate( dateText, ctx.culture );
	let authorEl: HtmlElement | null =
		author && isElement( datePart ) ? datePart : null;
	const rest = filled.filter( ( _, i ) => i !== dateAt );
	if ( ! author && rest.length > 1 ) {
		const first = rest[ 0 ];
		const name = textOf( first );
		if ( isElement( first ) && name.length <= MAX_AUTHOR ) {
			author = cleanAuthor( name );
			authorEl = first;
			rest.shift();
		}
	}
	if ( ! rest.length ) {
		return null;
	}
	const only = rest.length === 1 ? rest[ 0 ] : null;
	const html = trimHtml(
		only &&
			isElement( only ) &&
			/^(?:p|div|dd|li|td|blockquote)$/.test( only.name )
			? innerHtml( only )
			: outerHtml( rest )
	);
	if ( ! html ) {
		return null;
	}
	return {
		author,
		authorUrl: authorUrl( authorEl ),
		published: resolveCommentDate(
			dateText,
			ctx.culture,
			ctx.postDate,
			ctx.reference
		),
		html,
	};
}

function holdsDate( el: HtmlNode, culture: string | null ): boolean {
	const text = textOf( el );
	if ( text.length <= MAX_HEADER ) {
		return parseLocalDate( text, culture ) !== null;
	}
	return isElement( el )
		? childElements( el ).some( ( c ) => holdsDate( c, culture ) )
		: false;
}

/**
 * Tells whether an element, found after a post's body and marked by nothing,
 * is a list of comments: each of its items a small box holding a dated
 * header and a text.
 *
 * @param el      The element.
 * @param culture The page's culture.
 * @return Whether it is.
 */
export function looksLikeCommentList(
	el: HtmlElement,
	culture: string | null
): boolean {
	const isBox = ( item: HtmlElement ) =>
		textOf( item ).length <= 2000 &&
		boxPartsOf( item ).length > 1 &&
		boxPartsOf( item ).some(
			( part ) =>
				textOf( part ).length <= MAX_HEADER &&
				parseLocalDate( textOf( part ), culture ) !== null
		);
	let items = el.children.filter( ( n ) => ! isBlank( n ) );
	// Through a wrapper (a list inside a box), but not into one comment.
	while (
		items.length === 1 &&
		isElement( items[ 0 ] ) &&
		! isBox( items[ 0 ] ) &&
		childElements( items[ 0 ] ).length
	) {
		items = items[ 0 ].children.filter( ( n ) => ! isBlank( n ) );
	}
	return (
		items.length > 0 &&
		items.every( ( item ) => isElement( item ) && isBox( item ) )
	);
}

/**
 * The list of items a region holds: through wrappers and past its heading.
 *
 * @param region The region's nodes.
 * @return The items.
 */
function itemsOf( region: HtmlNode[] ): HtmlNode[] {
	let items = region.filter(
		( n ) =>
			! isBlank( n ) && ! ( isElement( n ) && isCommentsHeading( n ) )
	);
	for ( let depth = 0; depth < 4; depth++ ) {
		const only = items.length === 1 ? items[ 0 ] : null;
		if ( ! only || ! isElement( only ) || ! childElements( only ).length ) {
			break;
		}
		items = only.children.filter(
			( n ) =>
				! isBlank( n ) && ! ( isElement( n ) && isCommentsHeading( n ) )
		);
	}
	return items;
}

/**
 * Cuts a flat list of nodes into comments at their headers (the parts that
 * hold a date), whether each comment starts or ends with its header.
 *
 * @param items   The nodes.
 * @param culture The page's culture.
 * @return The parts of each comment.
 */
function segments( items: HtmlNode[], culture: string | null ): HtmlNode[][] {
	const isHeader = items.map(
		( n ) =>
			isElement( n ) &&
			( n.name === 'dt' ||
				( textOf( n ).length <= MAX_HEADER &&
					holdsDate( n, culture ) ) )
	);
	const hasDt = items.some( ( n ) => isElement( n ) && n.name === 'dt' );
	const out: HtmlNode[][] = [];
	if ( hasDt || isHeader[ 0 ] ) {
		items.forEach( ( node, i ) => {
			const starts = hasDt
				? isElement( node ) && node.name === 'dt'
				: isHeader[ i ];
			if ( starts || ! out.length ) {
				out.push( [] );
			}
			out[ out.length - 1 ].push( node );
		} );
		return out;
	}
	let current: HtmlNode[] = [];
	items.forEach( ( node, i ) => {
		current.push( node );
		if ( isHeader[ i ] ) {
			out.push( current );
			current = [];
		}
	} );
	return out;
}

/**
 * Reads the comments of some regions after a post.
 *
 * @param regions Each region's nodes.
 * @param ctx     What dates are read against.
 * @return The comments, oldest first when all are dated.
 */
export function readShapeComments(
	regions: HtmlNode[][],
	ctx: CommentContext
): ArchiveComment[] {
	const comments: ArchiveComment[] = [];
	for ( const region of regions ) {
		const items = itemsOf( region );
		const boxes = items.filter( isElement );
		let found: ArchiveComment[] = [];
		// One box per comment: each item holds a date and more than one part.
		if (
			boxes.length === items.length &&
			boxes.length > 0 &&
			boxes.every(
				( box ) =>
					box.name !== 'dt' &&
					box.name !== 'dd' &&
					box.children.filter( ( n ) => ! isBlank( n ) ).length > 1 &&
					holdsDate( box, ctx.culture )
			)
		) {
			found = boxes
				.map( ( box ) => commentFrom( boxPartsOf( box ), ctx ) )
				.filter( ( c ): c is ArchiveComment => c !== null );
		}
		if ( ! found.length ) {
			found = segments( items, ctx.culture )
				.map( ( parts ) =>
					commentFrom(
						parts.length === 1 && isElement( parts[ 0 ] )
							? boxPartsOf( parts[ 0 ] )
							: parts,
						ctx
					)
				)
				.filter( ( c ): c is ArchiveComment => c !== null );
		}
		if ( ! found.length ) {
			found = extractComments( region, ctx ).comments;
		}
		comments.push( ...found );
	}
	return sortOldestFirst( comments );
}

/**
 * A box's parts: its children, through a single wrapper.
 *
 * @param box The box.
 * @return The parts.
 */
function boxPartsOf( box: HtmlElement ): HtmlNode[] {
	let parts = box.children.filter( ( n ) => ! isBlank( n ) );
	while (
		parts.length === 1 &&
		isElement( parts[ 0 ] ) &&
		childElements( parts[ 0 ] ).length
	) {
		parts = parts[ 0 ].children.filter( ( n ) => ! isBlank( n ) );
	}
	return parts;
}
