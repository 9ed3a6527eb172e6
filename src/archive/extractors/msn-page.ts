/**
 * Pages of MSN Spaces, the oldest era (late 2004 to 2005,
 * `spaces.msn.com/members/<name>/`): posts are `fixedTable blogpost` tables,
 * a yearless day header stands above the first post of each day, the time
 * sits in the post's footer, and comments follow in `commententry` rows,
 * newest first. The year is worked out from the page's archive links.
 */

/**
 * Internal dependencies
 */
import type { ArchiveBlog, ArchiveComment, ArchiveWarning } from '../model';
import { parseDateParts, type ParsedDate } from '../dates/local-date';
import { formatWallClock } from '../dates/wall-clock';
import {
	contains,
	attr,
	findAll,
	findOne,
	hasClass,
	innerHtml,
	isElement,
	parseHtml,
	textOf,
	type HtmlDocument,
	type HtmlElement,
	type HtmlNode,
} from '../dom';
import {
	findSourceId,
	makeLocalId,
	makeSourceId,
	permalinkTarget,
	spaceHostOf,
	type SourceId,
} from '../ids';
import { findHrefs, findImages } from './images-in-html';
import type { Extraction, Extractor, FoundPost, PageInput } from './types';

/** A post table: `<table class="… blogpost …">`, any case, any order. */
const POST_TABLE_MARKER =
	/<table\b[^>]*?\bclass\s*=\s*["']?[^"'>]*?\bblogpost\b/i;
/** The live site's entries, which `live-page` reads. */
const LIVE_ENTRY_MARKER = /\bclass\s*=\s*["']?[^"'>]*?\bbvEntry\b/i;

/** The newest day a page can show: its newest archive month, or a time. */
interface Ceiling {
	year: number;
	month: number;
	day: number;
	/** Where it came from, for the warning when it is only a file's time. */
	from: 'archive' | 'time';
}

/** A day as a header (or a comment) prints it; the year is often absent. */
type Day = ParsedDate;

interface PostBlock {
	table: HtmlElement;
	/** The day header above it, parsed; null when unreadable or absent. */
	day: Day | null;
	/** The header's text, for the warning when it cannot be read. */
	dayText: string;
	comments: HtmlElement[];
}

function isPostTable( el: HtmlElement ): boolean {
	return el.name === 'table' && hasClass( el, 'blogpost' );
}

function isDayHeader( el: HtmlElement ): boolean {
	return /^lastmdate/i.test( attr( el, 'id' ) );
}

function isCommentRow( el: HtmlElement ): boolean {
	return hasClass( el, 'commententry' );
}

function previousElement( el: HtmlElement ): HtmlElement | null {
	for ( let node = el.prev; node; node = node.prev ) {
		if ( isElement( node ) ) {
			return node;
		}
	}
	return null;
}

function closest(
	el: HtmlElement,
	test: ( e: HtmlElement ) => boolean
): HtmlElement | null {
	for ( let node = el.parent; node; node = node.parent ) {
		if ( isElement( node ) && test( node ) ) {
			return node;
		}
	}
	return null;
}

/**
 * The newest month the archive module lists (`ayear=2005&amonth=1`, or its
 * text "January 2005").
 *
 * @param doc The page.
 * @return The end of that month, or null when the page lists none.
 */
function archiveCeiling( doc: HtmlDocument ): Ceiling | null {
	let best: number | null = null;
	for ( const link of findAll( ( el ) => el.name === 'a', doc ) ) {
		const href = attr( link, 'href' );
		if ( ! /BlogByArch|ayear/i.test( href ) ) {
			continue;
		}
		const year = /ayear(?:=|%3d)(\d{4})/i.exec( href );
		const month = /amonth(?:=|%3d)(\d{1,2})/i.exec( href );
		let value: number | null = null;
		if ( year && month ) {
			value = Number( year[ 1 ] ) * 12 + Number( month[ 1 ] ) - 1;
		} else {
			// The link text: "January 2005", "2005年1月".
			const text = textOf( link );
			const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec( text );
			const parts = cjk ? null : parseDateParts( `1 ${ text }`, null );
			if ( cjk ) {
				value = Number( cjk[ 1 ] ) * 12 + Number( cjk[ 2 ] ) - 1;
			} else if ( parts?.year ) {
				value = parts.year * 12 + parts.month - 1;
			}
		}
		if ( value !== null && ( best === null || value > best ) ) {
			best = value;
		}
	}
	if ( best === null ) {
		return null;
	}
	const year = Math.floor( best / 12 );
	const month = ( best % 12 ) + 1;
	return { year, month, day: 31, from: 'archive' };
}

function timeCeiling( page: PageInput ): Ceiling | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(
		page.modified ?? page.reference ?? ''
	);
	if ( ! match ) {
		return null;
	}
	return {
		year: Number( match[ 1 ] ),
		month: Number( match[ 2 ] ),
		day: Number( match[ 3 ] ),
		from: 'time',
	};
}

/**
 * The year of a yearless day: the ceiling's year, or the year before when
 * the day falls after the ceiling in the year.
 *
 * @param day     The day.
 * @param ceiling The newest day the page can show.
 * @return The year, or null when neither is known.
 */
function yearOf( day: Day, ceiling: Ceiling | null ): number | null {
	if ( day.year !== null ) {
		return day.year;
	}
	if ( ! ceiling ) {
		return null;
	}
	const later =
		day.month > ceiling.month ||
		( day.month === ceiling.month && day.day > ceiling.day );
	return later ? ceiling.year - 1 : ceiling.year;
}

function wallClock( day: Day, year: number ): string {
	return formatWallClock( { ...day, year } );
}

/**
 * A comment's date: the same yearless rule, but a comment is never older
 * than its post, so a day before the post's day is in the following year.
 *
 * @param text     The date text (`January 27 2:02 PM`).
 * @param culture  The page's culture.
 * @param ceiling  The newest day the page can show.
 * @param postDate The post's date, when known.
 * @return The wall-clock time, or null.
 */
function commentDate(
	text: string,
	culture: string | null,
	ceiling: Ceiling | null,
	postDate: string | null
): string | null {
	const parts = parseDateParts( text, culture );
	if ( ! parts ) {
		return null;
	}
	if ( parts.year !== null ) {
		return wallClock( parts, parts.year );
	}
	let year =
		yearOf( parts, ceiling ) ??
		( postDate ? Number( postDate.slice( 0, 4 ) ) : null );
	if ( year === null ) {
		return null;
	}
	if (
		postDate &&
		wallClock( parts, year ).slice( 0, 10 ) < postDate.slice( 0, 10 )
	) {
		year++;
	}
	return wallClock( parts, year );
}

function readBlog( doc: HtmlDocument ): Partial< ArchiveBlog > {
	const blog: Partial< ArchiveBlog > = {};
	const cultured = findOne( ( el ) => attr( el, 'web:culture' ) !== '', doc );
	if ( cultured ) {
		blog.culture = attr( cultured, 'web:culture' );
	}
	const spaceTitle = findOne(
		( el ) =>
			attr( el, 'id' ).toLowerCase() === 'spacetitle' ||
			hasClass( el, 'spaceTitle' ),
		doc
	);
	const titleTag = findOne( ( el ) => el.name === 'title', doc );
	const title = textOf( spaceTitle ?? titleTag ?? [] );
	if ( title ) {
		blog.title = title;
	}
	// The owner's space is the one most links point at; commenters' spaces
	// appear only in comment rows, which are left out.
	const counts = new Map< string, number >();
	for ( const link of findAll(
		( el ) =>
			( el.name === 'a' || el.name === 'base' ) &&
			! closest( el, isCommentRow ),
		doc
	) ) {
		const host = spaceHostOf( attr( link, 'href' ) );
		if ( host ) {
			counts.set( host, ( counts.get( host ) ?? 0 ) + 1 );
		}
	}
	const host = [ ...counts ].sort( ( a, b ) => b[ 1 ] - a[ 1 ] )[ 0 ];
	if ( host ) {
		blog.host = host[ 0 ];
	}
	return blog;
}

/**
 * Walks the page in order: each day header dates the posts below it until
 * the next one; each comment row belongs to the post table it sits in, or
 * else to the last post above it.
 *
 * @param doc     The page.
 * @param culture The page's culture, to read the headers.
 * @return The posts' blocks, in page order.
 */
function postBlocks( doc: HtmlDocument, culture: string | null ): PostBlock[] {
	const blocks: PostBlock[] = [];
	let day: Day | null = null;
	let dayText = '';
	let current: PostBlock | null = null;
	for ( const el of findAll(
		( e ) => isPostTable( e ) || isDayHeader( e ) || isCommentRow( e ),
		doc
	) ) {
		if ( isPostTable( el ) ) {
			if ( current && contains( current.table, el ) ) {
				continue;
			}
			current = { table: el, day, dayText, comments: [] };
			blocks.push( current );
		} else if ( isDayHeader( el ) ) {
			dayText = textOf( el );
			day = parseDateParts( dayText, culture );
			// A header inside a post's table dates that post too.
			if ( current && contains( current.table, el ) ) {
				current.day = day;
				current.dayText = dayText;
			}
		} else if ( current ) {
			current.comments.push( el );
		}
	}
	return blocks;
}

/**
 * The cell holding a post's text: the `msg` id, else its class, else the
 * row after the title.
 *
 * @param table The post's table.
 * @param title The title element, if any.
 * @param id    The post's id, if any.
 * @return The cell, or null.
 */
function bodyCell(
	table: HtmlElement,
	title: HtmlElement | null,
	id: SourceId | null
): HtmlElement | null {
	const byId = findOne(
		( el ) => ( id ? /^msgcns/i : /^msg/i ).test( attr( el, 'id' ) ),
		table
	);
	if ( byId ) {
		return byId;
	}
	const cells = findAll(
		( el ) => el.name === 'td' && ! isCommentText( el ),
		table
	);
	const own = ( el: HtmlElement ) =>
		! ( title && ( el === title || contains( el, title ) ) );
	const byClass = cells.find(
		( el ) =>
			own( el ) &&
			( hasClass( el, 'bvMsg' ) || hasClass( el, 'bvwordwrap' ) )
	);
	if ( byClass ) {
		return byClass;
	}
	// By position: the row after the title's.
	const titleRow = title
		? closest( title, ( el ) => el.name === 'tr' )
		: null;
	let row = titleRow?.next ?? null;
	while ( row && ! isElement( row ) ) {
		row = row.next;
	}
	return row && isElement( row )
		? findOne( ( el ) => el.name === 'td', row )
		: null;
}

/**
 * Tells whether an element is (in) a comment's text row: the row just above
 * a `commententry` row.
 *
 * @param el An element.
 * @return Whether it is.
 */
function isCommentText( el: HtmlElement ): boolean {
	const row = el.name === 'tr' ? el : closest( el, ( e ) => e.name === 'tr' );
	if ( ! row ) {
		return false;
	}
	let next = row.next;
	while ( next && ! isElement( next ) ) {
		next = next.next;
	}
	return !! next && isElement( next ) && isCommentRow( next );
}

function categoryOf( link: HtmlElement ): string | null {
	const text = textOf( link );
	if ( text ) {
		return text;
	}
	const match = /[?&_]cat=([^&#]+)/i.exec( attr( link, 'href' ) );
	if ( ! match ) {
		return null;
	}
	try {
		return decodeURIComponent( match[ 1 ].replace( /\+/g, ' ' ) ).trim();
	} catch {
		return match[ 1 ].replace( /\+/g, ' ' ).trim();
	}
}

/**
 * The entry's address without the fragment or query, made absolute.
 *
 * @param href A link to the entry.
 * @param home The space's address, for relative links.
 * @return The address.
 */
function canonicalPermalink( href: string, home: string ): string {
	const url = href
		.trim()
		.replace( /[?#].*$/, '' )
		.replace( /%21/gi, '!' );
	try {
		return new URL( url, home ).href.replace( /%21/gi, '!' );
	} catch {
		return url;
	}
}

/**
 * The footer's time: its first `<td valign="top" nowrap>`, or failing
 * that any short cell holding a time.
 *
 * @param cells The footer's cells.
 * @return The text, or ''.
 */
function footerTime( cells: HtmlElement[] ): string {
	const hasTime = ( el: HtmlElement ) =>
		/\d{1,2}\s*[:.]\s*\d{2}/.test( textOf( el ) );
	const nowrap = cells.find(
		( el ) => el.attribs.nowrap !== undefined && hasTime( el )
	);
	if ( nowrap ) {
		return textOf( nowrap );
	}
	const short = cells.find(
		( el ) =>
			! findOne( ( e ) => e.name === 'td', el ) &&
			textOf( el ).length < 40 &&
			hasTime( el )
	);
	return short ? textOf( short ) : '';
}

interface CommentContext {
	culture: string | null;
	ceiling: Ceiling | null;
	postDate: string | null;
}

/**
 * Reads one comment: its `commententry` row and the text row above it.
 *
 * @param row     The `commententry` row.
 * @param context Dates.
 * @return The comment.
 */
function readComment(
	row: HtmlElement,
	context: CommentContext
): ArchiveComment {
	const links = findAll( ( el ) => el.name === 'a', row );
	const nameEl =
		findOne( ( el ) => el.name === 'b' || el.name === 'strong', row ) ??
		links.find( ( a ) => /^mailto:/i.test( attr( a, 'href' ) ) ) ??
		null;
	const text = textOf( row );
	// The date follows the last " - " that is followed by a date; names
	// may hold " - " themselves.
	let dateText = '';
	for (
		let at = text.lastIndexOf( ' - ' );
		at >= 0;
		at = at > 0 ? text.lastIndexOf( ' - ', at - 1 ) : -1
	) {
		if ( parseDateParts( text.slice( at + 3 ), context.culture ) ) {
			dateText = text.slice( at + 3 );
			break;
		}
	}
	let author = nameEl ? textOf( nameEl ) : '';
	if ( ! author ) {
		const before = dateText
			? text.slice( 0, text.length - dateText.length - 3 )
			: text;
		author = before
			.replace( /\([^)]*\)\s*$/, '' )
			.replace( /^\s*(?:published|posted)\s+by\s+/i, '' )
			.trim();
	}
	// The site is a web link beside the name, or the name itself when it
	// links to one; an e-mail address is never shown.
	const isWeb = ( a: HtmlElement ) =>
		/^(?:https?:)?\/\//i.test( attr( a, 'href' ).trim() );
	const site =
		links.find(
			( a ) =>
				isWeb( a ) &&
				! (
					nameEl &&
					( a === nameEl ||
						contains( nameEl, a ) ||
						contains( a, nameEl ) )
				)
		) ??
		links.find( ( a ) => isWeb( a ) ) ??
		null;

	let html = '';
	const above = previousElement( row );
	if ( above && ! isCommentRow( above ) && ! isPostTable( above ) ) {
		const cell =
			( hasClass( above, 'bvwordwrap' )
				? above
				: findOne( ( el ) => hasClass( el, 'bvwordwrap' ), above ) ) ??
			findOne( ( el ) => el.name === 'td', above ) ??
			above;
		html = innerHtml( cell ).trim();
	}
	return {
		author,
		authorUrl: site ? attr( site, 'href' ).trim() : null,
		published: dateText
			? commentDate(
					dateText,
					context.culture,
					context.ceiling,
					context.postDate
				)
			: null,
		html,
	};
}

/**
 * The post's id: its `entrycns` wrapper, the `subj`/`msg` ids inside it, or
 * its permalink; null for a post printed without any.
 *
 * @param table The post's table.
 * @param links The footer's links.
 * @return The id, or null.
 */
function postId( table: HtmlElement, links: HtmlElement[] ): SourceId | null {
	const wrapper =
		( /cns/i.test( attr( table, 'id' ) ) ? table : null ) ??
		closest( table, ( el ) => /^entrycns/i.test( attr( el, 'id' ) ) );
	if ( wrapper ) {
		const id = findSourceId( attr( wrapper, 'id' ) );
		if ( id ) {
			return id;
		}
	}
	const marked = findOne(
		( el ) => /^(?:subj|msg)cns/i.test( attr( el, 'id' ) ),
		table
	);
	if ( marked ) {
		const id = findSourceId( attr( marked, 'id' ) );
		if ( id ) {
			return id;
		}
	}
	for ( const link of links ) {
		const id = permalinkTarget( attr( link, 'href' ) );
		if ( id ) {
			return id;
		}
	}
	return null;
}

function readPost(
	block: PostBlock,
	page: PageInput,
	blog: Partial< ArchiveBlog >,
	ceiling: Ceiling | null,
	warnings: ArchiveWarning[]
): FoundPost {
	const { table } = block;
	const culture = blog.culture ?? null;
	const title =
		findOne(
			( el ) =>
				hasClass( el, 'bvTitle' ) || /^subj/i.test( attr( el, 'id' ) ),
			table
		) ?? null;
	const inComment = ( el: HtmlElement ) =>
		block.comments.some( ( row ) => el === row || contains( row, el ) ) ||
		isCommentText( el );
	const allLinks = findAll(
		( el ) => el.name === 'a' && ! inComment( el ),
		table
	);
	const id = postId(
		table,
		allLinks.filter( ( a ) => ! ( title && contains( title, a ) ) )
	);
	const body = bodyCell( table, title, id );
	const outside = ( el: HtmlElement ) =>
		! ( body && ( el === body || contains( body, el ) ) ) &&
		! ( title && ( el === title || contains( title, el ) ) ) &&
		! inComment( el );
	const footerLinks = allLinks.filter( outside );
	const footerCells = findAll(
		( el ) =>
			el.name === 'td' &&
			outside( el ) &&
			! ( body && contains( el, body ) ) &&
			! ( title && contains( el, title ) ),
		table
	);
	const titleText = title ? textOf( title ) : '';
	const bodyNodes: HtmlNode[] = body ? [ ...body.children ] : [];
	const html = body ? innerHtml( body ).trim() : '';

	const timeText = footerTime( footerCells );
	let published: string | null = null;
	let dayKey = `${ block.dayText } ${ timeText }`.trim();
	if ( block.day ) {
		const parts = timeText
			? ( parseDateParts( `${ block.dayText } ${ timeText }`, culture ) ??
				block.day )
			: block.day;
		dayKey = wallClock( parts, 2000 ).slice( 5, 16 );
		const year = yearOf( parts, ceiling );
		published = year === null ? null : wallClock( parts, year );
	} else {
		// No header above: a footer that prints the whole date.
		const parts = timeText ? parseDateParts( timeText, culture ) : null;
		if ( parts?.year ) {
			published = wallClock( parts, parts.year );
		}
	}
	if ( ! published && block.dayText && ! block.day ) {
		warnings.push( {
			file: page.path,
			code: 'date-unreadable',
			message: `The date of “${
				titleText || 'a post'
			}” in “${ page.path }” could not be read (“${ block.dayText }”).`,
		} );
	}

	// Relative links on the page are relative to the space's address.
	const home = blog.host
		? `http://spaces.msn.com/members/${ blog.host.split( '.' )[ 0 ] }/`
		: 'http://spaces.msn.com/';
	const categories: string[] = [];
	let declared: number | null = null;
	let originalUrl: string | null = null;
	for ( const link of footerLinks ) {
		const href = attr( link, 'href' );
		const text = textOf( link );
		if ( /BlogByCat|[?&_]cat=/i.test( href ) ) {
			const name = categoryOf( link );
			if ( name && ! categories.includes( name ) ) {
				categories.push( name );
			}
			continue;
		}
		const target = permalinkTarget( href );
		if (
			id &&
			! originalUrl &&
			target?.sourceId === id.sourceId &&
			! /#(?:comment|trackback)/i.test( href )
		) {
			originalUrl = canonicalPermalink( href, home );
		}
		const count = /\((\d+)\)\s*$/.exec( text );
		if (
			declared === null &&
			count &&
			! /trackback/i.test( href + ' ' + text )
		) {
			declared = Number( count[ 1 ] );
		}
	}

	const comments = block.comments
		.map( ( row ) =>
			readComment( row, { culture, ceiling, postDate: published } )
		)
		// Printed newest first; the model keeps them oldest first.
		.reverse();
	if ( comments.every( ( c ) => c.published ) ) {
		comments.sort( ( a, b ) => {
			const x = a.published ?? '';
			const y = b.published ?? '';
			if ( x === y ) {
				return 0;
			}
			return x < y ? -1 : 1;
		} );
	}

	let sourceId: string;
	let number = 0;
	if ( id ) {
		sourceId = id.sourceId;
		number = id.number;
	} else {
		// What identifies the post on any page that shows it: its day and
		// time without the year (which a page may not be able to tell),
		// its title and the start of its text.
		sourceId = makeLocalId(
			'msn',
			dayKey,
			titleText,
			textOf( bodyNodes ).slice( 0, 200 )
		);
	}
	return {
		sourceId,
		number,
		title: titleText,
		html,
		published,
		dateSource: published ? 'heading' : 'none',
		categories,
		originalUrl,
		comments,
		declaredCommentCount: declared,
		file: page.path,
		baseUrl: originalUrl ?? ( blog.host ? home : null ),
		images: findImages( bodyNodes ),
		hrefs: findHrefs( bodyNodes ),
	};
}

export const msnPage: Extractor = {
	name: 'msn-page',

	detect( text ) {
		return (
			POST_TABLE_MARKER.test( text ) && ! LIVE_ENTRY_MARKER.test( text )
		);
	},

	extract( page ): Extraction {
		const doc = parseHtml( page.text );
		const blog = readBlog( doc );
		const warnings: ArchiveWarning[] = [];
		const fromArchive = archiveCeiling( doc );
		const ceiling = fromArchive ?? timeCeiling( page );
		const blocks = postBlocks( doc, blog.culture ?? null );
		const posts = blocks.map( ( block ) =>
			readPost( block, page, blog, ceiling, warnings )
		);
		if (
			ceiling?.from === 'time' &&
			blocks.some( ( b ) => b.day && b.day.year === null )
		) {
			warnings.push( {
				file: page.path,
				code: 'date-year-guessed',
				message: `The posts in “${ page.path }” show their days without a year, and the page lists no archive months; the year was taken from the file’s date (${ ceiling.year }-${ String(
					ceiling.month
				).padStart( 2, '0' ) }-${ String( ceiling.day ).padStart(
					2,
					'0'
				) }). Check their dates after the import.`,
			} );
		}
		const first = posts.find( ( p ) => p.sourceId.startsWith( 'cns!' ) );
		if ( first ) {
			blog.cid = makeSourceId( first.sourceId.split( '!' )[ 1 ], 0 ).cid;
		}
		return { posts, blog, warnings };
	},
};
