/**
 * Pages no other extractor claims, read by their shape. Owners' files went
 * through editors (Word's "save as web page"), other blog tools and browsers'
 * "save as": no Spaces markup is left, but a post still shows as a title, a
 * date and a body of text, repeated down the page.
 *
 * The rule is conservative, since a wrong claim imports an about page or a
 * photo album as posts:
 * - a block is a title (a heading, or an element whose class or id says
 *   title or subject), a date (a short text that reads as a full date, under
 *   the title, in a footer after the body, or in a date heading above) and a
 *   body that is not empty;
 * - a page is a blog page when at least two blocks share one structural
 *   signature (the tags and classes of the title, the date and their
 *   parent) and most of them have a substantial body of text, not of links;
 * - a page with a single block is a blog page only when that block is
 *   followed by comments (a permalink page): one heading, a date and a text
 *   alone are an article or an about page, not a post.
 */

/**
 * Internal dependencies
 */
import type { ArchiveBlog, ArchiveComment } from '../model';
import { parseLocalDate } from '../dates/local-date';
import {
	attr,
	findAll,
	findOne,
	innerHtml,
	isElement,
	outerHtml,
	parseHtml,
	textOf,
	type HtmlDocument,
	type HtmlElement,
	type HtmlNode,
} from '../dom';
import { findSourceId, makeLocalId, permalinkTarget } from '../ids';
import { findHrefs, findImages } from './images-in-html';
import {
	isCommentRegion,
	isCommentsHeading,
	looksLikeCommentList,
	readShapeComments,
} from './shape-comments';
import type { Extraction, Extractor, FoundPost, PageInput } from './types';

/** Longest text a title is read from. */
const MAX_TITLE = 200;
/** Longest text that is a date by itself ("Tuesday, March 7, 2006 9:15 PM"). */
const MAX_DATE = 60;
/** Longest footer line a date is read from ("posted by … at … | 2 comments"). */
const MAX_FOOTER = 160;
/** A substantial body: this many characters (CJK characters count three). */
const SUBSTANTIAL = 60;
/** How many characters of the body's text go into a post's identity. */
const ID_TEXT = 64;

/** Where a block's date was found. */
type DatePlace = 'under' | 'footer' | 'before' | 'above';

interface Block {
	title: HtmlElement;
	titleText: string;
	date: string;
	place: DatePlace;
	dateEl: HtmlElement;
	body: HtmlNode[];
	commentRegions: HtmlNode[][];
	signature: string;
	substantial: boolean;
}

interface Analysis {
	/** The blocks that are posts. */
	blocks: Block[];
	page: Page;
	doc: HtmlDocument;
}

const FOOTER_CLASS = /footer|byline|post-?meta|postinfo|post-info|entry-?meta/i;
const FOOTER_TEXT =
	/^(?:permalink|trackbacks?|\d+\s+comments?|comments?\s*\(\d+\)|no comments|posted by\b)/i;
const TIME =
	/(?<![\d.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)\s*([ap])?\.?\s?m?\b/i;

/**
 * The page's culture: `web:culture`, then a `lang` with a region; else the
 * page's own numeric dates decide whether the day or the month comes first.
 *
 * @param doc  The page.
 * @param text Its text.
 * @return A culture such as `fr-FR`, or null for the reader's default.
 */
function cultureOf( doc: HtmlDocument, text: string ): string | null {
	const cultured = findOne( ( el ) => attr( el, 'web:culture' ) !== '', doc );
	if ( cultured ) {
		return attr( cultured, 'web:culture' );
	}
	const tagged = findOne(
		( el ) =>
			( el.name === 'html' || el.name === 'body' ) &&
			( attr( el, 'lang' ) || attr( el, 'xml:lang' ) ) !== '',
		doc
	);
	const lang = tagged
		? ( attr( tagged, 'lang' ) || attr( tagged, 'xml:lang' ) ).trim()
		: '';
	if ( lang.includes( '-' ) ) {
		return lang;
	}
	const numeric = /(?<!\d)(\d{1,2})[\/.\-](\d{1,2})[\/.\-](?:\d{4})(?!\d)/g;
	let dayFirst = 0;
	let monthFirst = 0;
	for ( const match of text.matchAll( numeric ) ) {
		if ( Number( match[ 1 ] ) > 12 ) {
			dayFirst++;
		} else if ( Number( match[ 2 ] ) > 12 ) {
			monthFirst++;
		}
	}
	if ( dayFirst > monthFirst ) {
		return 'en-GB';
	}
	if ( monthFirst > 0 || ! lang || lang.toLowerCase() === 'en' ) {
		return null;
	}
	// A language without a region: only en-US-like cultures put the month
	// first, which a bare `fr` or `de` does not.
	return lang;
}

function weight( text: string ): number {
	let n = 0;
	for ( const char of text ) {
		n += /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test( char ) ? 3 : 1;
	}
	return n;
}

/** Tags whose text is never the page's content. */
const HIDDEN = new Set( [ 'script', 'style', 'noscript', 'head', 'title' ] );

/**
 * The page analysed once: texts of small elements, the title and date
 * elements, cached by element.
 */
class Page {
	readonly culture: string | null;
	private readonly texts = new Map< HtmlElement, string >();
	private readonly sizes = new Map< HtmlElement, number >();
	/** Digits under each element: a full date has at least four. */
	private readonly digits = new Map< HtmlElement, number >();
	readonly titles = new Set< HtmlElement >();
	readonly dates = new Map< HtmlElement, string >();
	/** Every ancestor of a title, to skip other posts when looking above. */
	readonly holdsTitle = new Set< HtmlElement >();
	/** How many titles each element holds. */
	readonly titleCount = new Map< HtmlElement, number >();

	constructor(
		readonly root: HtmlNode[],
		culture: string | null
	) {
		this.culture = culture;
		for ( const node of root ) {
			this.measure( node );
		}
		const candidates = findAll(
			( el ) => ! HIDDEN.has( el.name ) && this.size( el ) <= MAX_TITLE,
			root
		);
		for ( const el of candidates ) {
			if ( this.isTitle( el ) ) {
				this.titles.add( up( el ) );
			}
		}
		for ( const el of candidates ) {
			const outer = up( el );
			if (
				this.size( el ) > MAX_DATE ||
				( this.digits.get( el ) ?? 0 ) < 4 ||
				this.titles.has( outer ) ||
				this.dates.has( outer )
			) {
				continue;
			}
			const date = this.dateOf( el );
			if ( date && ! findOne( ( e ) => this.titles.has( e ), el ) ) {
				this.dates.set( outer, date );
			}
		}
		for ( const title of this.titles ) {
			for ( let p = title.parent; p && isElement( p ); p = p.parent ) {
				this.holdsTitle.add( p );
				this.titleCount.set( p, ( this.titleCount.get( p ) ?? 0 ) + 1 );
			}
		}
	}

	/**
	 * Counts the characters that are not white space, bottom up, so that
	 * only small elements have their text built.
	 *
	 * @param node A node.
	 * @return Its count.
	 */
	private measure( node: HtmlNode ): [ number, number ] {
		if ( ! isElement( node ) ) {
			if ( node.type !== 'text' ) {
				return [ 0, 0 ];
			}
			const data = ( node as { data: string } ).data;
			return [
				data.replace( /\s+/g, '' ).length,
				data.replace( /\D+/g, '' ).length,
			];
		}
		let n = 0;
		let digits = 0;
		if ( ! HIDDEN.has( node.name ) ) {
			for ( const child of node.children ) {
				const [ a, b ] = this.measure( child );
				n += a;
				digits += b;
			}
		}
		this.sizes.set( node, n );
		this.digits.set( node, digits );
		return [ n, digits ];
	}

	size( el: HtmlElement ): number {
		return this.sizes.get( el ) ?? 0;
	}

	text( el: HtmlElement ): string {
		let text = this.texts.get( el );
		if ( text === undefined ) {
			text = textOf( el );
			this.texts.set( el, text );
		}
		return text;
	}

	private dateOf( el: HtmlElement ): string | null {
		const text = this.text( el );
		return text.length <= MAX_DATE && /\d/.test( text )
			? parseLocalDate( text, this.culture )
			: null;
	}

	private isTitle( el: HtmlElement ): boolean {
		const marks = `${ attr( el, 'class' ) } ${ attr( el, 'id' ) }`;
		if (
			! /^h[1-6]$/.test( el.name ) &&
			! /title|subject/i.test( marks )
		) {
			return false;
		}
		const text = this.text( el );
		if (
			text === '' ||
			text.length > MAX_TITLE ||
			isCommentsHeading( el ) ||
			/date/i.test( marks )
		) {
			return false;
		}
		// A heading that is a date ("Tuesday, March 7, 2006") heads the
		// posts of a day; one with words of its own ("Christmas 25.12.2006")
		// is a post's title.
		return (
			this.dateOf( el ) === null || wordsBesideDate( text, this.culture )
		);
	}

	/**
	 * The date a footer line holds, when it is short enough to be one.
	 *
	 * @param el An element.
	 * @return The date, or null.
	 */
	footerDate( el: HtmlElement ): string | null {
		if ( this.size( el ) > MAX_FOOTER ) {
			return null;
		}
		const text = this.text( el );
		return text.length <= MAX_FOOTER && /\d/.test( text )
			? parseLocalDate( text, this.culture )
			: null;
	}
}

/**
 * The outermost element that holds nothing but this one: `<p><i>date</i></p>`
 * is the paragraph, `<h3><a>title</a></h3>` the heading.
 *
 * @param el An element.
 * @return That element.
 */
function up( el: HtmlElement ): HtmlElement {
	let current = el;
	for ( let steps = 0; steps < 6; steps++ ) {
		const parent = current.parent;
		if (
			! parent ||
			! isElement( parent ) ||
			parent.name === 'body' ||
			parent.name === 'html' ||
			parent.children.some( ( n ) => n !== current && ! isBlankNode( n ) )
		) {
			break;
		}
		current = parent;
	}
	return current;
}

function isBlankNode( node: HtmlNode ): boolean {
	// Elements count, even empty ones: a `<br>` beside a date is a layout.
	return (
		! isElement( node ) && ( node.type !== 'text' || textOf( node ) === '' )
	);
}

/** Day names, which a date heading may hold beside its date. */
const WEEKDAYS =
	/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda|terça|quarta|quinta|sexta|feira|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|星期.|周.|週.|.曜日|le|den|der|am|on|at|um|posted|de|del|di|el|the)$/i;

/**
 * Tells whether a text that holds a date also holds words of its own: the
 * words that can be left out without changing the date read, other than day
 * names.
 *
 * @param text    The text.
 * @param culture The page's culture.
 * @return Whether it does.
 */
function wordsBesideDate( text: string, culture: string | null ): boolean {
	const full = parseLocalDate( text, culture );
	const tokens = text.split( ' ' );
	let letters = 0;
	tokens.forEach( ( token, i ) => {
		const word = token.replace( /[^\p{L}]/gu, '' );
		if ( word.length < 2 || WEEKDAYS.test( word ) ) {
			return;
		}
		const without = tokens.filter( ( _, j ) => j !== i ).join( ' ' );
		if ( parseLocalDate( without, culture ) === full ) {
			letters += word.length;
		}
	} );
	return letters >= 3;
}

function isEmpty( page: Page, node: HtmlNode ): boolean {
	if ( ! isElement( node ) ) {
		return node.type !== 'text' || textOf( node ) === '';
	}
	if ( node.name === 'img' || node.name === 'iframe' ) {
		return false;
	}
	return (
		page.size( node ) === 0 &&
		! findOne( ( e ) => e.name === 'img' || e.name === 'iframe', node )
	);
}

function signatureOf( el: HtmlElement ): string {
	const classes = attr( el, 'class' )
		.toLowerCase()
		.split( /\s+/ )
		.filter( Boolean )
		.map( ( c ) => c.replace( /\d+/g, '' ) )
		.sort();
	return [ el.name, ...classes ].join( '.' );
}

function pathOf( el: HtmlElement ): string {
	const parts: string[] = [];
	let node: HtmlElement | null = el;
	for ( let i = 0; i < 3 && node; i++ ) {
		parts.push( signatureOf( node ) );
		node = node.parent && isElement( node.parent ) ? node.parent : null;
	}
	return parts.join( '<' );
}

/**
 * A date heading above a post's container: the posts of one day sit below
 * it, so other posts between are passed over.
 *
 * @param page  The page.
 * @param title The post's title.
 * @return The date element, or null.
 */
function dateAbove( page: Page, title: HtmlElement ): HtmlElement | null {
	let level: HtmlElement | null =
		title.parent && isElement( title.parent ) ? title.parent : null;
	for ( let depth = 0; level && depth < 3; depth++ ) {
		let sibling = level.prev;
		for ( let steps = 0; sibling && steps < 40; steps++ ) {
			if ( isElement( sibling ) && ! isEmpty( page, sibling ) ) {
				if ( page.dates.has( sibling ) ) {
					return sibling;
				}
				if (
					! page.holdsTitle.has( sibling ) &&
					! page.titles.has( sibling ) &&
					page.size( sibling ) > 300
				) {
					return null;
				}
			}
			sibling = sibling.prev;
		}
		level = level.parent && isElement( level.parent ) ? level.parent : null;
		if ( level && ( level.name === 'body' || level.name === 'html' ) ) {
			break;
		}
	}
	return null;
}

/**
 * Adds the time a footer line gives to a date that has none.
 *
 * @param date  `YYYY-MM-DDT00:00:00`.
 * @param lines The post's short lines.
 * @param page  The page.
 * @return The date with its time when one was found.
 */
function withTime( date: string, lines: HtmlNode[], page: Page ): string {
	if ( ! date.endsWith( 'T00:00:00' ) ) {
		return date;
	}
	for ( const line of lines ) {
		if ( ! isElement( line ) || page.size( line ) > MAX_FOOTER ) {
			continue;
		}
		const match = TIME.exec( page.text( line ) );
		if ( ! match ) {
			continue;
		}
		let hour = Number( match[ 1 ] );
		const half = match[ 4 ]?.toLowerCase();
		if ( half === 'p' && hour < 12 ) {
			hour += 12;
		} else if ( half === 'a' && hour === 12 ) {
			hour = 0;
		}
		const minute = Number( match[ 2 ] );
		const second = Number( match[ 3 ] ?? 0 );
		if ( hour > 23 || minute > 59 || second > 59 ) {
			continue;
		}
		const pad = ( n: number ) => String( n ).padStart( 2, '0' );
		return `${ date.slice( 0, 11 ) }${ pad( hour ) }:${ pad(
			minute
		) }:${ pad( second ) }`;
	}
	return date;
}

function isFooterLine( page: Page, el: HtmlElement ): boolean {
	return (
		page.size( el ) <= MAX_FOOTER &&
		( FOOTER_CLASS.test(
			`${ attr( el, 'class' ) } ${ attr( el, 'id' ) }`
		) ||
			FOOTER_TEXT.test( page.text( el ) ) )
	);
}

/**
 * The comment regions following a post's container, when the container
 * holds this post only (a permalink page's comments sit after the post).
 *
 * @param page  The page.
 * @param title The post's title.
 * @return The regions.
 */
function regionsAfter( page: Page, title: HtmlElement ): HtmlNode[][] {
	const regions: HtmlNode[][] = [];
	let level: HtmlElement | null =
		title.parent && isElement( title.parent ) ? title.parent : null;
	for ( let depth = 0; level && depth < 2; depth++ ) {
		if ( level.name === 'body' || level.name === 'html' ) {
			break;
		}
		if ( ( page.titleCount.get( level ) ?? 0 ) > 1 ) {
			break;
		}
		const tail: HtmlNode[] = [];
		for ( let node = level.next; node; node = node.next ) {
			if (
				isElement( node ) &&
				( page.holdsTitle.has( node ) || page.titles.has( node ) )
			) {
				break;
			}
			tail.push( node );
		}
		regions.push( ...commentRegions( page, tail ).regions );
		if ( regions.length ) {
			break;
		}
		level = level.parent && isElement( level.parent ) ? level.parent : null;
	}
	return regions;
}

/**
 * The comment regions among some sibling nodes: elements marked as comments,
 * or everything after a "Comments" heading.
 *
 * @param page  The page.
 * @param nodes The nodes.
 * @return The regions and the nodes they took.
 */
function commentRegions(
	page: Page,
	nodes: HtmlNode[]
): {
	regions: HtmlNode[][];
	taken: Set< HtmlNode >;
} {
	const regions: HtmlNode[][] = [];
	const taken = new Set< HtmlNode >();
	for ( let i = 0; i < nodes.length; i++ ) {
		const node = nodes[ i ];
		if ( ! isElement( node ) ) {
			continue;
		}
		if ( page.size( node ) <= 40 && isCommentsHeading( node ) ) {
			const rest = nodes.slice( i );
			rest.forEach( ( n ) => taken.add( n ) );
			regions.push( rest );
			break;
		}
		if ( isCommentRegion( node ) ) {
			taken.add( node );
			regions.push( [ node ] );
		}
	}
	return { regions, taken };
}

/**
 * Finds the blocks of one parent's children.
 *
 * @param page   The page.
 * @param parent The parent.
 * @return The blocks, in order.
 */
function blocksIn( page: Page, parent: HtmlElement ): Block[] {
	const children = parent.children;
	const titles = children.filter(
		( n ): n is HtmlElement => isElement( n ) && page.titles.has( n )
	);
	const previousDate = ( title: HtmlElement ): HtmlElement | null => {
		for ( let n = title.prev; n; n = n.prev ) {
			if ( isElement( n ) && ! isEmpty( page, n ) ) {
				return page.dates.has( n ) ? n : null;
			}
		}
		return null;
	};
	const leadDate = ( title: HtmlElement ): HtmlElement | null => {
		let seen = 0;
		for ( let n = title.next; n && seen < 2; n = n.next ) {
			if ( isEmpty( page, n ) ) {
				continue;
			}
			if ( isElement( n ) && page.titles.has( n ) ) {
				return null;
			}
			if ( isElement( n ) && page.dates.has( n ) ) {
				return n;
			}
			// A date under the title comes before the body: after a long
			// element it is a footer.
			if ( ! isElement( n ) || page.size( n ) > MAX_FOOTER ) {
				return null;
			}
			seen++;
		}
		return null;
	};
	// Posts start at titles of one kind: those with a date under them, or
	// above them; a body's own subheadings are of another kind.
	const dated = titles.filter( ( t ) => leadDate( t ) || previousDate( t ) );
	const kind = signatureOf( dated[ 0 ] ?? titles[ 0 ] );
	const starts = titles.filter( ( t ) => signatureOf( t ) === kind );
	const beforeMode =
		starts.length > 0 &&
		! leadDate( starts[ 0 ] ) &&
		previousDate( starts[ 0 ] ) !== null;

	const blocks: Block[] = [];
	starts.forEach( ( title, index ) => {
		const next = starts[ index + 1 ] ?? null;
		const segment: HtmlNode[] = [];
		for ( let n = title.next; n && n !== next; n = n.next ) {
			segment.push( n );
		}
		// In a page whose dates stand before their titles, the next post's
		// date ends this one.
		const nextDate = next && beforeMode ? previousDate( next ) : null;
		if ( nextDate ) {
			segment.splice( segment.indexOf( nextDate ) );
		}
		// The last post of a page runs to its end: a page footer after a
		// rule is not part of it.
		let rule = segment.length - 1;
		const isRule = ( n: HtmlNode ) => isElement( n ) && n.name === 'hr';
		while ( rule >= 0 && ! isRule( segment[ rule ] ) ) {
			rule--;
		}
		if (
			! next &&
			rule >= 0 &&
			weight( textOf( segment.slice( rule ) ) ) < SUBSTANTIAL &&
			! findOne( ( e ) => e.name === 'img', segment.slice( rule ) )
		) {
			segment.splice( rule );
		}
		const { regions, taken } = commentRegions( page, segment );
		// Unmarked comments: boxes of a dated header and a text, after the body.
		const filled = segment.filter(
			( n ): n is HtmlElement =>
				isElement( n ) && ! taken.has( n ) && ! isEmpty( page, n )
		);
		for ( let i = filled.length - 1; i > 0; i-- ) {
			if ( ! looksLikeCommentList( filled[ i ], page.culture ) ) {
				break;
			}
			taken.add( filled[ i ] );
			regions.unshift( [ filled[ i ] ] );
		}
		const content = segment.filter( ( n ) => ! taken.has( n ) );
		let place: DatePlace | null = null;
		let dateEl: HtmlElement | null = leadDate( title );
		if ( dateEl && ! beforeMode ) {
			place = 'under';
		} else {
			dateEl = null;
		}
		if ( ! dateEl && beforeMode ) {
			dateEl = previousDate( title );
			place = dateEl ? 'before' : null;
		}
		let footer: HtmlElement | null = null;
		if ( ! dateEl ) {
			const tail = content
				.filter( ( n ): n is HtmlElement => isElement( n ) )
				.filter( ( n ) => ! isEmpty( page, n ) )
				.slice( -2 )
				.reverse();
			footer =
				tail.find( ( n ) => page.footerDate( n ) !== null ) ?? null;
			if ( footer ) {
				dateEl = footer;
				place = 'footer';
			}
		}
		if ( ! dateEl ) {
			dateEl = dateAbove( page, title );
			place = dateEl ? 'above' : null;
		}
		if ( ! dateEl || ! place ) {
			return;
		}
		const date =
			place === 'footer'
				? ( page.footerDate( dateEl ) as string )
				: ( page.dates.get( dateEl ) as string );
		// What remains is the body, less its date and footer lines.
		const bodyNodes = content.filter(
			( n ) =>
				n !== dateEl &&
				! ( isElement( n ) && isFooterLine( page, n ) ) &&
				! ( place === 'footer' && n === footer )
		);
		while ( bodyNodes.length && isEmpty( page, bodyNodes[ 0 ] ) ) {
			bodyNodes.shift();
		}
		while (
			bodyNodes.length &&
			isEmpty( page, bodyNodes[ bodyNodes.length - 1 ] )
		) {
			bodyNodes.pop();
		}
		if ( ! bodyNodes.length ) {
			return;
		}
		const footerLines = content.filter(
			( n ) => ! bodyNodes.includes( n )
		);
		const bodyText = textOf( bodyNodes );
		const linkText = textOf(
			findAll( ( e ) => e.name === 'a', bodyNodes )
		);
		blocks.push( {
			title,
			titleText: page.text( title ),
			date: withTime( date, footerLines, page ),
			place,
			dateEl,
			body: bodyNodes,
			commentRegions:
				regions.length || titles.length > 1
					? regions
					: regionsAfter( page, title ),
			// A date of the post's own (under the title or in its footer) is
			// one kind, whichever: a short post's footer follows its title.
			signature: `${ pathOf( parent ) }>${ signatureOf( title ) }@${
				place === 'under' || place === 'footer' ? 'own' : place
			}:${ signatureOf( dateEl ) }`,
			substantial:
				weight( bodyText ) >= SUBSTANTIAL &&
				linkText.length * 2 < bodyText.length,
		} );
	} );
	return blocks;
}

/**
 * The blocks that make the page a blog page, by the rule at the top.
 *
 * @param blocks Every block found.
 * @param page   The page.
 * @return The posts' blocks.
 */
function acceptedBlocks( blocks: Block[], page: Page ): Block[] {
	const groups = new Map< string, Block[] >();
	for ( const block of blocks ) {
		const group = groups.get( block.signature );
		if ( group ) {
			group.push( block );
		} else {
			groups.set( block.signature, [ block ] );
		}
	}
	const accepted = new Set< Block >();
	for ( const group of groups.values() ) {
		const substantial = group.filter( ( b ) => b.substantial ).length;
		// One date above several sections is the page's date ("updated
		// on …"), not their own: posts under date headings span more days.
		const oneDateAbove =
			group[ 0 ].place !== 'under' &&
			group[ 0 ].place !== 'footer' &&
			group.every( ( b ) => b.dateEl === group[ 0 ].dateEl );
		if (
			group.length >= 2 &&
			substantial * 2 >= group.length &&
			! oneDateAbove
		) {
			group.forEach( ( b ) => accepted.add( b ) );
		}
	}
	if ( accepted.size ) {
		return blocks.filter( ( b ) => accepted.has( b ) );
	}
	// A permalink page: one substantial post, followed by its comments.
	const substantial = blocks.filter( ( b ) => b.substantial );
	if (
		substantial.length === 1 &&
		commentsOf( substantial[ 0 ], page, null ).length
	) {
		return substantial;
	}
	return [];
}

function commentsOf(
	block: Block,
	page: Page,
	reference: string | null
): ArchiveComment[] {
	return readShapeComments( block.commentRegions, {
		culture: page.culture,
		postDate: block.date,
		reference,
	} );
}

function blogTitle(
	doc: HtmlDocument,
	posts: FoundPost[]
): string | undefined {
	const tag = findOne( ( el ) => el.name === 'title', doc );
	let title = tag ? textOf( tag ) : '';
	for ( const post of posts ) {
		if ( post.title && title.includes( post.title ) ) {
			title = title.replace( post.title, '' );
		}
	}
	title = title.replace( /^[\s:|\-–—»]+|[\s:|\-–—«]+$/g, '' );
	return title && title.length <= 120 ? title : undefined;
}

/**
 * The Spaces id a block carries, in its title's or footer's links and ids
 * (never in its body, whose links point at other posts).
 *
 * @param block The block.
 * @return The id and the permalink it was read from.
 */
function spacesIdOf(
	block: Block
): { sourceId: string; number: number; url: string | null } | null {
	const places = [ block.title, block.dateEl ];
	for ( const place of places ) {
		for ( const el of [
			place,
			...findAll( () => true, place.children ),
		] ) {
			const href = attr( el, 'href' );
			const target = href ? permalinkTarget( href ) : null;
			if ( target ) {
				return {
					sourceId: target.sourceId,
					number: target.number,
					url: /^https?:\/\//i.test( href ) ? href.trim() : null,
				};
			}
			const id = findSourceId( attr( el, 'id' ) );
			if ( id ) {
				return { ...id, url: null };
			}
		}
	}
	return null;
}

function toPost( block: Block, comments: ArchiveComment[], path: string ) {
	const bodyText = textOf( block.body );
	const spaces = spacesIdOf( block );
	const only = block.body.length === 1 ? block.body[ 0 ] : null;
	const html = (
		only && isElement( only ) && /^(?:div|td|blockquote)$/.test( only.name )
			? innerHtml( only )
			: outerHtml( block.body )
	).trim();
	const post: FoundPost = {
		// The same post on a list page and on its own page gets one id: the
		// day (not the time, which list pages may not print), the title and
		// the start of the text, never the file.
		sourceId:
			spaces?.sourceId ??
			makeLocalId(
				block.date.slice( 0, 10 ),
				block.titleText,
				bodyText.slice( 0, ID_TEXT )
			),
		number: spaces?.number ?? 0,
		title: block.titleText,
		html,
		published: block.date,
		dateSource:
			block.place === 'under' || block.place === 'footer'
				? 'footer'
				: 'heading',
		categories: [],
		originalUrl: spaces?.url?.replace( /[?#].*$/, '' ) ?? null,
		comments,
		declaredCommentCount: null,
		file: path,
		baseUrl: null,
		images: findImages( block.body ),
		hrefs: findHrefs( block.body ),
	};
	return post;
}

/**
 * Finds the posts' blocks of a page, without reading them yet.
 *
 * @param text The page.
 * @return The blocks, the page and its document.
 */
function findBlocks( text: string ): Analysis {
	const doc = parseHtml( text );
	const body = findOne( ( el ) => el.name === 'body', doc );
	const root: HtmlNode[] = body ? [ body ] : doc.children;
	const page = new Page( root, cultureOf( doc, text ) );
	if ( ! page.titles.size || ! page.dates.size ) {
		return { blocks: [], page, doc };
	}
	const parents = new Set< HtmlElement >();
	for ( const title of page.titles ) {
		if ( title.parent && isElement( title.parent ) ) {
			parents.add( title.parent );
		}
	}
	const blocks = [ ...parents ].flatMap( ( parent ) =>
		blocksIn( page, parent )
	);
	return { blocks: acceptedBlocks( blocks, page ), page, doc };
}

/**
 * Reads the posts of the blocks found.
 *
 * @param analysis  What `findBlocks` found.
 * @param path      The page's path.
 * @param reference The time relative comment dates are resolved against.
 * @return The posts and what the page says about the blog.
 */
function readBlocks(
	analysis: Analysis,
	path: string,
	reference: string | null
): { posts: FoundPost[]; blog: Partial< ArchiveBlog > } {
	const { blocks, page, doc } = analysis;
	const posts = blocks.map( ( block ) =>
		toPost( block, commentsOf( block, page, reference ), path )
	);
	const blog: Partial< ArchiveBlog > = {};
	const title = posts.length ? blogTitle( doc, posts ) : undefined;
	if ( title ) {
		blog.title = title;
	}
	return { posts, blog };
}

/** A quick look before parsing: some heading or title mark, and a year. */
const MAY_HOLD_POSTS =
	/<h[1-6][\s>]|\b(?:class|id)\s*=\s*["']?[^"'>]*(?:title|subject)/i;
const YEAR = /(?:19|20)\d\d/;

/** The last page detected, kept for `extract`, which the reader calls next. */
let last: { text: string; analysis: Analysis } | null = null;

function analysisOf( text: string ): Analysis | null {
	if ( last && last.text === text ) {
		return last.analysis;
	}
	let analysis: Analysis | null;
	try {
		analysis = findBlocks( text );
	} catch {
		analysis = null;
	}
	// Only a page that holds posts is kept: its parsed tree is not held
	// beyond the next page otherwise.
	last = analysis?.blocks.length ? { text, analysis } : null;
	return analysis;
}

export const shapePage: Extractor = {
	name: 'shape-page',

	detect( text ) {
		if ( ! MAY_HOLD_POSTS.test( text ) || ! YEAR.test( text ) ) {
			return false;
		}
		return ( analysisOf( text )?.blocks.length ?? 0 ) > 0;
	},

	extract( page: PageInput ): Extraction {
		const analysis = analysisOf( page.text );
		last = null;
		let read: ReturnType< typeof readBlocks > = { posts: [], blog: {} };
		try {
			if ( analysis ) {
				read = readBlocks(
					analysis,
					page.path,
					page.modified ?? page.reference
				);
			}
		} catch {
			// A page this reader cannot finish is a page without posts.
		}
		const { posts, blog } = read;
		return {
			posts,
			blog,
			warnings: posts.length
				? [
						{
							file: page.path,
							code: 'posts-found-by-shape',
							message: `“${ page.path }” is not in a layout of Windows Live Spaces; ${
								posts.length === 1
									? '1 post was'
									: `${ posts.length } posts were`
							} recognized in it by ${
								posts.length === 1 ? 'its' : 'their'
							} shape (a title, a date and a text). Check ${
								posts.length === 1 ? 'it' : 'them'
							} in the preview.`,
						},
					]
				: [],
		};
	},
};
