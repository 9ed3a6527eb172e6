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
	return parseDocument( text, {
		decodeEntities: true,
		lowerCaseTags: true,
		lowerCaseAttributeNames: true,
	} );
}

/**
 * Parses an XML feed, keeping the case of names.
 *
 * @param text The feed.
 * @return The document.
 */
export function parseXml( text: string ): HtmlDocument {
	return parseDocument( text, { xmlMode: true, decodeEntities: true } );
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
 * Removes a node from its tree.
 *
 * @param node The node.
 */
export function removeNode( node: HtmlNode ): void {
	DomUtils.removeElement( node );
}
