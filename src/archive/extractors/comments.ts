/**
 * Comments in live-site pages. Spaces changed their markup three times;
 * each generation has its own reader here, and a generic one catches
 * comment-looking blocks none of them matched.
 */

/**
 * Internal dependencies
 */
import type { ArchiveComment } from '../model';
import { resolveCommentDate } from '../dates/comment-date';
import {
	contains,
	attr,
	findAll,
	findOne,
	hasClass,
	innerHtml,
	isElement,
	outerHtml,
	textOf,
	type HtmlElement,
	type HtmlNode,
} from '../dom';

export interface CommentContext {
	culture: string | null;
	postDate: string | null;
	reference: string | null;
}

export interface FoundComments {
	comments: ArchiveComment[];
	/** Which markup generation they were read from. */
	generation: '2007' | '2008' | '2010' | 'generic' | null;
	/** A count the comment markup itself states (`bv:commentcount`). */
	declared: number | null;
}

/**
 * An author's address: a web link, never an e-mail address (Spaces showed
 * those only to the owner) nor a script.
 *
 * @param el Where the link may be: the element or a link inside it.
 * @return The address, or null.
 */
function authorUrlOf( el: HtmlElement | null ): string | null {
	if ( ! el ) {
		return null;
	}
	const link = el.name === 'a' ? el : findOne( ( e ) => e.name === 'a', el );
	let href = link ? attr( link, 'href' ).trim() : '';
	if ( ! href ) {
		const text = textOf( el );
		href = /^(?:https?:\/\/|www\.)\S+$/i.test( text ) ? text : '';
	}
	if ( ! href || /^(?:mailto|javascript):/i.test( href ) ) {
		return null;
	}
	return href.startsWith( 'www.' ) ? `http://${ href }` : href;
}

function trimHtml( html: string ): string {
	return html
		.replace( /^(?:\s|&nbsp;|<br\s*\/?>)+/i, '' )
		.replace( /(?:\s|&nbsp;|<br\s*\/?>)+$/i, '' );
}

function byId( prefix: string ): ( el: HtmlElement ) => boolean {
	const lower = prefix.toLowerCase();
	return ( el ) => attr( el, 'id' ).toLowerCase().startsWith( lower );
}

function classIs( ...names: string[] ): ( el: HtmlElement ) => boolean {
	return ( el ) => names.some( ( name ) => hasClass( el, name ) );
}

function dateOf( text: string, ctx: CommentContext ): string | null {
	return resolveCommentDate( text, ctx.culture, ctx.postDate, ctx.reference );
}

/**
 * 2007: `div.bvCommentText`: author (or a `mailto:` link), text, date.
 *
 * @param candidates Elements that may be comment parts, in document order.
 * @param ctx        What relative dates are resolved against.
 * @return The comments.
 */
function read2007(
	candidates: HtmlElement[],
	ctx: CommentContext
): ArchiveComment[] {
	return candidates.filter( classIs( 'bvCommentText' ) ).map( ( box ) => {
		const parts = box.children.filter(
			( node ) => isElement( node ) || textOf( node ) !== ''
		);
		let author = '';
		let authorUrl: string | null = null;
		let published: string | null = null;
		let first = 0;
		let last = parts.length;
		if ( parts.length > 1 && isElement( parts[ 0 ] ) ) {
			author = textOf( parts[ 0 ] );
			authorUrl = authorUrlOf( parts[ 0 ] );
			first = 1;
		}
		if ( last - first > 1 ) {
			const date = dateOf( textOf( parts[ last - 1 ] ), ctx );
			if ( date ) {
				published = date;
				last--;
			}
		}
		const body = parts.slice( first, last );
		const html =
			body.length === 1 &&
			isElement( body[ 0 ] ) &&
			body[ 0 ].name === 'div'
				? innerHtml( body[ 0 ] )
				: outerHtml( body );
		return { author, authorUrl, published, html: trimHtml( html ) };
	} );
}

/**
 * 2008: `.ccCommentBox` with named parts.
 *
 * @param candidates Elements that may be comment parts, in document order.
 * @param ctx        What relative dates are resolved against.
 * @return The comments.
 */
function read2008(
	candidates: HtmlElement[],
	ctx: CommentContext
): ArchiveComment[] {
	return candidates.filter( classIs( 'ccCommentBox' ) ).map( ( box ) => {
		const nameEl = findOne(
			( el ) =>
				byId( 'ccNamecns' )( el ) ||
				classIs( 'cxp_ic_name', 'ccName' )( el ),
			box
		);
		const urlEl = findOne( classIs( 'ccViewAuthorUrl' ), box );
		const textEl = findOne( classIs( 'ccViewComment', 'Comment' ), box );
		const dateBox = findOne( classIs( 'ccDateBox' ), box );
		const dateEl =
			findOne( byId( 'ccDatecns' ), box ) ??
			( dateBox
				? ( findOne( ( el ) => el.name === 'span', dateBox ) ??
					dateBox )
				: null );
		return {
			author: nameEl ? textOf( nameEl ) : '',
			authorUrl: authorUrlOf( urlEl ) ?? authorUrlOf( nameEl ),
			published: dateEl ? dateOf( textOf( dateEl ), ctx ) : null,
			html: textEl ? trimHtml( innerHtml( textEl ) ) : '',
		};
	} );
}

/**
 * 2010: `.cc2_cmt` blocks, newest first; each one's time is in the
 * `.cc2_tsmain` that follows it.
 *
 * @param candidates Elements that may be comment parts, in document order.
 * @param ctx        What relative dates are resolved against.
 * @return The comments.
 */
function read2010(
	candidates: HtmlElement[],
	ctx: CommentContext
): ArchiveComment[] {
	const found: Array< { box: HtmlElement; time: HtmlElement | null } > = [];
	for ( const el of candidates.filter(
		classIs( 'cc2_cmt', 'cc2_tsmain' )
	) ) {
		if ( hasClass( el, 'cc2_cmt' ) ) {
			found.push( { box: el, time: null } );
		} else if ( found.length && ! found[ found.length - 1 ].time ) {
			found[ found.length - 1 ].time = el;
		}
	}
	return found
		.map( ( { box, time } ) => {
			const nameEl = findOne( classIs( 'cc2_dnmmain' ), box );
			const textEl = findOne( classIs( 'cc2_txt' ), box );
			return {
				author: nameEl ? textOf( nameEl ) : '',
				authorUrl: authorUrlOf( nameEl ),
				published: time ? dateOf( textOf( time ), ctx ) : null,
				html: textEl ? trimHtml( innerHtml( textEl ) ) : '',
			};
		} )
		.reverse();
}

const GENERIC_BOX = /(?:^|[-_])comment(?:s?box|item|entry|body)?$|^comment/i;

/**
 * Anything else that looks like a comment: a block whose class says
 * "comment", holding an author-like, a date-like and a text-like part.
 *
 * @param candidates Elements that may be comment parts, in document order.
 * @param ctx        What relative dates are resolved against.
 * @return The comments.
 */
function readGeneric(
	candidates: HtmlElement[],
	ctx: CommentContext
): ArchiveComment[] {
	const classMatches = ( el: HtmlElement, re: RegExp ) =>
		attr( el, 'class' )
			.split( /\s+/ )
			.some( ( c ) => re.test( c ) );
	const boxes = candidates.filter(
		( el ) =>
			classMatches( el, GENERIC_BOX ) &&
			! classMatches( el, /comments$|pane|count|link|add|post/i )
	);
	const comments: ArchiveComment[] = [];
	for ( const box of boxes ) {
		if (
			boxes.some( ( other ) => other !== box && contains( other, box ) )
		) {
			continue;
		}
		const authorEl = findOne(
			( el ) => classMatches( el, /author|name|user/i ),
			box
		);
		const dateEl = findOne(
			( el ) => classMatches( el, /date|time|stamp/i ),
			box
		);
		const textEl = findOne(
			( el ) => classMatches( el, /text|body|content|message|msg/i ),
			box
		);
		if ( ! textEl || ( ! authorEl && ! dateEl ) ) {
			continue;
		}
		comments.push( {
			author: authorEl ? textOf( authorEl ) : '',
			authorUrl: authorUrlOf( authorEl ),
			published: dateEl ? dateOf( textOf( dateEl ), ctx ) : null,
			html: trimHtml( innerHtml( textEl ) ),
		} );
	}
	return comments;
}

/**
 * Comments oldest first, when every one has a date; as they are otherwise.
 *
 * @param comments Comments in page order.
 * @return The comments in the order they were written.
 */
export function sortOldestFirst(
	comments: ArchiveComment[]
): ArchiveComment[] {
	if ( comments.some( ( c ) => c.published === null ) ) {
		return comments;
	}
	return comments
		.map( ( c, i ) => ( { c, i } ) )
		.sort(
			( a, b ) =>
				( a.c.published as string ).localeCompare(
					b.c.published as string
				) || a.i - b.i
		)
		.map( ( { c } ) => c );
}

/**
 * Reads the comments in some part of a page.
 *
 * @param scope The nodes holding one post's comments.
 * @param ctx   What relative dates are resolved against.
 * @return The comments, oldest first, and how they were found.
 */
export function extractComments(
	scope: HtmlNode[],
	ctx: CommentContext
): FoundComments {
	// One walk over the scope collects every element any reader looks at.
	const candidates = findAll(
		( e ) =>
			( e.attribs.class !== undefined &&
				/comment|cc2_/i.test( e.attribs.class ) ) ||
			e.attribs[ 'bv:commentcount' ] !== undefined,
		scope
	);
	let declared: number | null = null;
	for ( const el of candidates.filter(
		( e ) => attr( e, 'bv:commentcount' ) !== ''
	) ) {
		const n = parseInt( attr( el, 'bv:commentcount' ), 10 );
		if ( Number.isFinite( n ) ) {
			declared = Math.max( declared ?? 0, n );
		}
	}
	const readers: Array< [ FoundComments[ 'generation' ], typeof read2007 ] > =
		[
			[ '2010', read2010 ],
			[ '2008', read2008 ],
			[ '2007', read2007 ],
			[ 'generic', readGeneric ],
		];
	for ( const [ generation, read ] of readers ) {
		const comments = read( candidates, ctx ).filter(
			( c ) => c.html !== '' || c.author !== ''
		);
		if ( comments.length ) {
			return {
				comments: sortOldestFirst( comments ),
				generation,
				declared,
			};
		}
	}
	return { comments: [], generation: null, declared };
}

/**
 * Tells whether an element holds comments of a known generation (used to
 * keep comment blocks out of a post's body).
 *
 * @param el An element.
 * @return Whether it is a comment block.
 */
export function isCommentBlock( el: HtmlElement ): boolean {
	return classIs(
		'bvCommentText',
		'ccCommentBox',
		'cc2_cmt',
		'bvEntryComments',
		'bvCommentsPane'
	)( el );
}
