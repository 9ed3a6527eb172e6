/**
 * Pages of the live Spaces site (2006–2010), as saved by a browser or a
 * mirroring tool, and very likely the pages inside space.zip: one page may
 * hold one entry (a permalink page) or many (home, list and month pages).
 */

/**
 * Internal dependencies
 */
import type { ArchiveBlog, ArchiveWarning } from '../model';
import { parseLocalDate } from '../dates/local-date';
import {
	contains,
	attr,
	findAll,
	findOne,
	hasClass,
	innerHtml,
	isElement,
	nextElement,
	outerHtml,
	parseHtml,
	textOf,
	type HtmlDocument,
	type HtmlElement,
	type HtmlNode,
	wasFlattened,
} from '../dom';
import {
	findSourceId,
	makeSourceId,
	permalinkTarget,
	spaceHostOf,
} from '../ids';
import { extractComments, isCommentBlock } from './comments';
import { findHrefs, findImages } from './images-in-html';
import { markupFlattened } from './markup-warnings';
import type { Extraction, Extractor, FoundPost, PageInput } from './types';

const ENTRY_MARKER = /\bbvEntry\b|\bid\s*=\s*["']?entrycns(?:!|%21)/i;

function isEntry( el: HtmlElement ): boolean {
	return (
		hasClass( el, 'bvEntry' ) ||
		/^entrycns(?:!|%21)/i.test( attr( el, 'id' ) )
	);
}

function idEquals( prefix: string, sourceId: string ) {
	const wanted = ( prefix + sourceId ).toLowerCase().replace( /%21/g, '!' );
	return ( el: HtmlElement ) =>
		attr( el, 'id' ).toLowerCase().replace( /%21/g, '!' ) === wanted;
}

/**
 * The entry's address without the fragment or query Spaces appended.
 *
 * @param href A link to the entry.
 * @param host The space's host, for relative links.
 * @return The address.
 */
function canonicalPermalink( href: string, host: string | null ): string {
	let url = href
		.trim()
		.replace( /[?#].*$/, '' )
		.replace( /%21/gi, '!' );
	if ( url.startsWith( '//' ) ) {
		url = 'http:' + url;
	} else if ( url.startsWith( '/' ) && host ) {
		url = `http://${ host }${ url }`;
	}
	return url;
}

function categoryFromQuery( href: string ): string | null {
	const match = /partqs=cat(?:%3d|=)([^&#]+)/i.exec( href );
	if ( ! match ) {
		return null;
	}
	let value = match[ 1 ];
	// The name is URL-encoded twice ("%25e8…" then "%e8…").
	for ( let i = 0; i < 3 && /%[0-9a-f]{2}/i.test( value ); i++ ) {
		try {
			value = decodeURIComponent( value.replace( /\+/g, ' ' ) );
		} catch {
			break;
		}
	}
	return value.replace( /\+/g, ' ' ).trim() || null;
}

function lastNumber( text: string ): number | null {
	const match = /(\d+)\D*$/.exec( text );
	return match ? Number( match[ 1 ] ) : null;
}

/**
 * Reads the blog's own details from a page.
 *
 * @param doc The page.
 * @return What the page says.
 */
function readBlog( doc: HtmlDocument ): Partial< ArchiveBlog > {
	const blog: Partial< ArchiveBlog > = {};
	const cultured = findOne( ( el ) => attr( el, 'web:culture' ) !== '', doc );
	if ( cultured ) {
		blog.culture = attr( cultured, 'web:culture' );
	}
	const spaceTitle = findOne(
		( el ) => attr( el, 'id' ).toLowerCase() === 'spacetitle',
		doc
	);
	const titleTag = findOne( ( el ) => el.name === 'title', doc );
	const title = textOf( spaceTitle ?? titleTag ?? [] );
	if ( title ) {
		blog.title = title;
	}
	const base = findOne( ( el ) => el.name === 'base', doc );
	const host = base ? spaceHostOf( attr( base, 'href' ) ) : null;
	if ( host ) {
		blog.host = host;
	}
	return blog;
}

function footerDate(
	footer: HtmlElement | null,
	culture: string | null
): { date: string | null; text: string } {
	if ( ! footer ) {
		return { date: null, text: '' };
	}
	const segments = textOf( footer ).split( '|' );
	for ( const segment of segments ) {
		const date = parseLocalDate( segment, culture );
		if ( date ) {
			return { date, text: segment.trim() };
		}
	}
	return { date: null, text: segments[ 0 ].trim() };
}

/**
 * A date heading above the entry, as list and month pages print them.
 *
 * @param entry   The entry.
 * @param culture The page's culture.
 * @return The date, or null.
 */
function headingDate(
	entry: HtmlElement,
	culture: string | null
): string | null {
	let node: HtmlNode | null = entry.prev;
	for ( let steps = 0; node && steps < 6; steps++, node = node.prev ) {
		if ( ! isElement( node ) ) {
			continue;
		}
		if ( isEntry( node ) ) {
			return null;
		}
		const text = textOf( node );
		if ( text.length < 60 ) {
			const date = parseLocalDate( text, culture );
			if ( date ) {
				return date;
			}
		}
	}
	return null;
}

function bodyNodes( entry: HtmlElement, msg: HtmlElement | null ): HtmlNode[] {
	if ( ! msg ) {
		// No body marker: everything but the title and the footer.
		return entry.children.filter(
			( node ) =>
				! (
					isElement( node ) &&
					( /^h[1-6]$/.test( node.name ) ||
						hasClass( node, 'footerLinks' ) ||
						hasClass( node, 'footer' ) ||
						isCommentBlock( node ) )
				)
		);
	}
	const nodes: HtmlNode[] = [ ...msg.children ];
	// Photos added to the entry sit in a table right after the body.
	for (
		let el = nextElement( msg );
		el && ! hasClass( el, 'footerLinks' );
		el = nextElement( el )
	) {
		if ( el.name === 'table' && findOne( ( e ) => e.name === 'img', el ) ) {
			nodes.push( el );
		}
	}
	return nodes;
}

/**
 * Comment panes outside the entries (`bv:cns` naming the entry), by number.
 *
 * @param doc The page.
 * @return The panes of each entry number.
 */
function commentPanes( doc: HtmlDocument ): Map< number, HtmlElement[] > {
	const panes = new Map< number, HtmlElement[] >();
	for ( const el of findAll(
		( e ) => e.attribs[ 'bv:cns' ] !== undefined && ! isEntry( e ),
		doc
	) ) {
		const id = findSourceId( attr( el, 'bv:cns' ) );
		if ( id ) {
			panes.set( id.number, [ ...( panes.get( id.number ) ?? [] ), el ] );
		}
	}
	return panes;
}

function commentScope(
	entry: HtmlElement,
	number: number,
	doc: HtmlDocument,
	panes: Map< number, HtmlElement[] > | null
): HtmlNode[] {
	if ( ! panes ) {
		return [ doc ];
	}
	const scope: HtmlNode[] = [ entry, ...( panes.get( number ) ?? [] ) ];
	// Comments printed inline after the entry, up to the next one.
	for (
		let el = nextElement( entry );
		el && ! isEntry( el ) && ! findOne( isEntry, el );
		el = nextElement( el )
	) {
		scope.push( el );
	}
	return scope;
}

function readEntry(
	entry: HtmlElement,
	page: PageInput,
	doc: HtmlDocument,
	blog: Partial< ArchiveBlog >,
	panes: Map< number, HtmlElement[] > | null,
	warnings: ArchiveWarning[]
): FoundPost | null {
	const id = findSourceId( attr( entry, 'bv:cns' ) || attr( entry, 'id' ) );
	if ( ! id ) {
		return null;
	}
	const culture = blog.culture ?? null;
	const { sourceId } = id;
	const titleEl =
		findOne( idEquals( 'subj', sourceId ), entry ) ??
		findOne( ( el ) => /^h[1-6]$/.test( el.name ), entry );
	const title = titleEl ? textOf( titleEl ) : '';
	const msg =
		findOne( idEquals( 'msg', sourceId ), entry ) ??
		findOne( ( el ) => hasClass( el, 'bvMsg' ), entry );
	const body = bodyNodes( entry, msg );
	const html = (
		msg
			? innerHtml( msg ) + outerHtml( body.slice( msg.children.length ) )
			: outerHtml( body )
	).trim();
	if ( wasFlattened( msg ? [ msg, ...body ] : body ) ) {
		warnings.push( markupFlattened( page.path, title || sourceId ) );
	}
	const footer = findOne( ( el ) => hasClass( el, 'footerLinks' ), entry );
	const footerLinks = footer
		? findAll( ( el ) => el.name === 'a', footer )
		: [];

	let published: string | null = null;
	let dateSource: FoundPost[ 'dateSource' ] = 'none';
	const fromFooter = footerDate( footer, culture );
	if ( fromFooter.date ) {
		published = fromFooter.date;
		dateSource = 'footer';
	} else {
		published = headingDate( entry, culture );
		dateSource = published ? 'heading' : 'none';
		if ( ! published && fromFooter.text ) {
			warnings.push( {
				file: page.path,
				code: 'date-unreadable',
				message: `The date of “${ title || sourceId }” in “${ page.path }” could not be read (“${ fromFooter.text }”).`,
			} );
		}
	}

	const categories: string[] = [];
	const addCategory = ( name: string | null ) => {
		const clean = name?.replace( /\s+/g, ' ' ).trim();
		if ( clean && ! categories.includes( clean ) ) {
			categories.push( clean );
		}
	};
	addCategory( attr( entry, 'bv:cat' ) );
	for ( const link of footerLinks ) {
		if ( /^blogCategory/i.test( attr( link, 'id' ) ) ) {
			addCategory(
				textOf( link ) || categoryFromQuery( attr( link, 'href' ) )
			);
		}
	}

	const permalinkLink =
		footerLinks.find( ( a ) =>
			/^blogPermalink/i.test( attr( a, 'id' ) )
		) ??
		( titleEl ? findOne( ( el ) => el.name === 'a', titleEl ) : null ) ??
		footerLinks.find(
			( a ) => permalinkTarget( attr( a, 'href' ) )?.sourceId === sourceId
		);
	const host =
		blog.host ??
		( permalinkLink ? spaceHostOf( attr( permalinkLink, 'href' ) ) : null );
	if ( host && ! blog.host ) {
		blog.host = host;
	}
	let originalUrl: string | null = null;
	if (
		permalinkLink &&
		permalinkTarget( attr( permalinkLink, 'href' ) )?.sourceId === sourceId
	) {
		originalUrl = canonicalPermalink( attr( permalinkLink, 'href' ), host );
	} else if ( host ) {
		originalUrl = `http://${ host }/blog/${ sourceId }.entry`;
	}

	let declared: number | null = null;
	for ( const link of footerLinks ) {
		if ( /^blogComments/i.test( attr( link, 'id' ) ) ) {
			declared = lastNumber( textOf( link ) );
		}
	}

	const found = extractComments(
		commentScope( entry, id.number, doc, panes ),
		{
			culture,
			postDate: published,
			reference: page.modified ?? page.reference,
		}
	);
	if ( found.declared !== null ) {
		declared = Math.max( declared ?? 0, found.declared );
	}

	return {
		sourceId,
		number: id.number,
		title,
		html,
		published,
		dateSource,
		categories,
		originalUrl,
		comments: found.comments,
		declaredCommentCount: declared,
		file: page.path,
		baseUrl: originalUrl,
		images: findImages( body ),
		hrefs: findHrefs( body ),
	};
}

export const livePage: Extractor = {
	name: 'live-page',

	detect( text ) {
		return ENTRY_MARKER.test( text );
	},

	extract( page ): Extraction {
		const doc = parseHtml( page.text );
		const blog = readBlog( doc );
		const warnings: ArchiveWarning[] = [];
		const entries = findAll( isEntry, doc ).filter(
			( el, index, all ) =>
				! all.some(
					( other, j ) => j !== index && contains( other, el )
				)
		);
		const posts: FoundPost[] = [];
		// A page with one entry is its permalink page: its comments may sit
		// anywhere on it.
		const panes = entries.length === 1 ? null : commentPanes( doc );
		for ( const entry of entries ) {
			const post = readEntry( entry, page, doc, blog, panes, warnings );
			if ( post ) {
				posts.push( post );
			}
		}
		if ( posts.length ) {
			blog.cid = makeSourceId(
				posts[ 0 ].sourceId.split( '!' )[ 1 ],
				0
			).cid;
		}
		return { posts, blog, warnings };
	},
};
