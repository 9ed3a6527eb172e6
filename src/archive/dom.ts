/**
 * The few DOM operations the extractors need, over htmlparser2's tolerant
 * parser (it accepts the broken markup saved pages are full of, and runs in
 * a Worker and in Node alike).
 */

/**
 * External dependencies
 */
import { parseDocument } from 'htmlparser2';
import * as DomUtils from 'domutils';

/**
 * Internal dependencies
 */
import { MAX_MARKUP_DEPTH } from './limits';
import { capNesting } from './nesting';

export type HtmlDocument = ReturnType< typeof parseDocument >;
export type HtmlElement = Parameters< typeof DomUtils.getAttributeValue >[ 0 ];
export type HtmlNode = HtmlDocument[ 'children' ][ number ];

/**
 * Parses an HTML page; entities in text and attributes are decoded.
 *
 * @param text The page.
 * @return The document.
 */
export function parseHtml( text: string ): HtmlDocument {
	return limitDepth(
		parseDocument( capNesting( text, MAX_MARKUP_DEPTH * 2 ), {
			decodeEntities: true,
			lowerCaseTags: true,
			lowerCaseAttributeNames: true,
		} )
	);
}

/**
 * Parses an XML feed, keeping the case of names.
 *
 * @param text The feed.
 * @return The document.
 */
export function parseXml( text: string ): HtmlDocument {
	return limitDepth(
		parseDocument( capNesting( text, MAX_MARKUP_DEPTH * 2 ), {
			xmlMode: true,
			decodeEntities: true,
		} )
	);
}

/** Elements whose children were lifted into them by `limitDepth`. */
const flattened = new WeakSet< HtmlNode | HtmlDocument >();

/**
 * Tells whether an element may be dropped (its children kept) at a depth:
 * below half the limit only anonymous formatting goes (no id or class, not
 * a link), which keeps the entries and comments a hostile body may hold;
 * at the limit everything goes.
 *
 * @param node  A node.
 * @param depth Its depth.
 * @return Whether to drop its tag.
 */
function unwrappable( node: HtmlNode, depth: number ): boolean {
	if ( ! isElement( node ) || ! node.children.length ) {
		return false;
	}
	if ( depth >= MAX_MARKUP_DEPTH ) {
		return true;
	}
	return (
		node.name !== 'a' &&
		node.attribs.id === undefined &&
		node.attribs.class === undefined
	);
}

/**
 * Keeps a document shallow enough for the recursive serializer and queries
 * (a few thousand unclosed `<div>` or `<font>` tags overflow the stack, and
 * a browser Worker's stack is smaller than Node's): below half of
 * MAX_MARKUP_DEPTH, anonymous formatting tags are dropped and their content
 * lifted; at MAX_MARKUP_DEPTH every tag is. Text, images and links survive.
 * Iterative, so it copes with any depth.
 *
 * @param doc A parsed document.
 * @return The same document.
 */
function limitDepth( doc: HtmlDocument ): HtmlDocument {
	const soft = MAX_MARKUP_DEPTH / 2;
	// Two stacks rather than one of pairs: no allocation per node.
	const nodes: Array< HtmlNode | HtmlDocument > = [ doc ];
	const depths: number[] = [ 0 ];
	while ( nodes.length ) {
		const parent = nodes.pop() as HtmlElement | HtmlDocument;
		const childDepth = ( depths.pop() as number ) + 1;
		if (
			childDepth >= soft &&
			parent.children.some( ( c ) => unwrappable( c, childDepth ) )
		) {
			parent.children = lift( parent.children, childDepth );
			let prev: HtmlNode | null = null;
			for ( const child of parent.children ) {
				child.parent = parent;
				child.prev = prev;
				if ( prev ) {
					prev.next = child;
				}
				prev = child;
			}
			if ( prev ) {
				prev.next = null;
			}
			flattened.add( parent );
		}
		for ( const child of parent.children ) {
			if ( 'children' in child && child.children.length ) {
				nodes.push( child );
				depths.push( childDepth );
			}
		}
	}
	return doc;
}

/**
 * The nodes that take the place of some children once the tags that may
 * go at their depth are dropped, in document order.
 *
 * @param children The children.
 * @param depth    Their depth.
 * @return The new children.
 */
function lift( children: HtmlNode[], depth: number ): HtmlNode[] {
	const kept: HtmlNode[] = [];
	const pending: HtmlNode[] = [ ...children ].reverse();
	while ( pending.length ) {
		const node = pending.pop() as HtmlNode;
		if ( unwrappable( node, depth ) ) {
			const inner = ( node as HtmlElement ).children;
			for ( let i = inner.length - 1; i >= 0; i-- ) {
				pending.push( inner[ i ] );
			}
		} else {
			kept.push( node );
		}
	}
	return kept;
}

/**
 * Tells whether markup nested too deeply was flattened in or under some
 * nodes (see `limitDepth`), to tell the owner that formatting was lost.
 *
 * @param nodes The nodes.
 * @return Whether any was flattened.
 */
export function wasFlattened( nodes: HtmlNode | HtmlNode[] ): boolean {
	const list = Array.isArray( nodes ) ? nodes : [ nodes ];
	return (
		list.some( ( node ) => flattened.has( node ) ) ||
		DomUtils.existsOne( ( el ) => flattened.has( el ), list )
	);
}

/**
 * Tells whether a node is an element (not text, a comment or CDATA).
 *
 * @param node A node.
 * @return Whether it is an element.
 */
export function isElement( node: HtmlNode ): node is HtmlElement {
	return (
		node.type === 'tag' || node.type === 'script' || node.type === 'style'
	);
}

/**
 * An attribute's value (entities decoded), or ''.
 *
 * @param el   An element.
 * @param name The attribute's name, lower case.
 * @return Its value.
 */
export function attr( el: HtmlElement, name: string ): string {
	return el.attribs[ name ] ?? '';
}

/**
 * Tells whether an element has a class.
 *
 * @param el        An element.
 * @param className The class, matched case-insensitively (Spaces themes
 *                  changed the case of some).
 * @return Whether it has it.
 */
export function hasClass( el: HtmlElement, className: string ): boolean {
	const value = el.attribs.class;
	if ( ! value ) {
		return false;
	}
	const lower = value.toLowerCase();
	const wanted = className.toLowerCase();
	// Most elements fail this quick test; only matches are split.
	if ( ! lower.includes( wanted ) ) {
		return false;
	}
	return lower.split( /\s+/ ).includes( wanted );
}

/**
 * All elements under some nodes that satisfy a test, in document order.
 *
 * @param test  The test.
 * @param nodes Where to look.
 * @return The elements.
 */
export function findAll(
	test: ( el: HtmlElement ) => boolean,
	nodes: HtmlNode | HtmlNode[]
): HtmlElement[] {
	return DomUtils.findAll( test, Array.isArray( nodes ) ? nodes : [ nodes ] );
}

/**
 * The first element under some nodes that satisfies a test.
 *
 * @param test  The test.
 * @param nodes Where to look.
 * @return The element, or null.
 */
export function findOne(
	test: ( el: HtmlElement ) => boolean,
	nodes: HtmlNode | HtmlNode[]
): HtmlElement | null {
	return DomUtils.findOne(
		test,
		Array.isArray( nodes ) ? nodes : [ nodes ],
		true
	);
}

/**
 * Plain text of nodes, white space collapsed, trimmed.
 *
 * @param nodes The nodes.
 * @return Text.
 */
export function textOf( nodes: HtmlNode | HtmlNode[] ): string {
	return DomUtils.textContent( nodes )
		.replace( /[\s\u00a0]+/g, ' ' )
		.trim();
}

const SERIALIZE = { encodeEntities: 'utf8', decodeEntities: true } as const;

/**
 * The HTML inside an element, with characters kept as characters (only
 * `&`, `<`, `>` and quotes escaped), so Chinese text stays readable.
 *
 * @param el The element.
 * @return Its inner HTML.
 */
export function innerHtml( el: HtmlElement ): string {
	return DomUtils.getInnerHTML( el, SERIALIZE );
}

/**
 * The HTML of nodes including their own tags.
 *
 * @param nodes The nodes.
 * @return Their HTML.
 */
export function outerHtml( nodes: HtmlNode | HtmlNode[] ): string {
	return DomUtils.getOuterHTML( nodes, SERIALIZE );
}

/**
 * The next element sibling, skipping text.
 *
 * @param el An element.
 * @return The following element, or null.
 */
export function nextElement( el: HtmlElement ): HtmlElement | null {
	let node = el.next;
	while ( node ) {
		if ( isElement( node ) ) {
			return node;
		}
		node = node.next;
	}
	return null;
}

/**
 * Child elements, skipping text and comments.
 *
 * @param el An element.
 * @return Its element children.
 */
export function childElements( el: HtmlElement ): HtmlElement[] {
	return el.children.filter( isElement );
}

/**
 * Tells whether a node lies inside another (at any depth, not itself).
 *
 * @param container The outer node.
 * @param node      The node.
 * @return Whether `node` is a descendant of `container`.
 */
export function contains( container: HtmlNode, node: HtmlNode ): boolean {
	for ( let parent = node.parent; parent; parent = parent.parent ) {
		if ( parent === container ) {
			return true;
		}
	}
	return false;
}
