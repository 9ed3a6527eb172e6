/**
 * A guard run on a page's text before it is parsed: htmlparser2 keeps its
 * open elements in an array it shifts at the front, so every tag costs as
 * much as the nesting around it, and 100,000 unclosed tags take seconds to
 * parse (a million, hours). This pass follows the nesting roughly, in one
 * pass, and leaves out opening tags nested beyond a depth no real page
 * reaches; `limitDepth` in `dom.ts` then flattens what remains exactly.
 */

/** Elements that never hold others. */
const VOID = new Set( [
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr',
] );

/** Elements whose content is text up to their own closing tag. */
const RAW_TEXT = new Set( [
	'script',
	'style',
	'textarea',
	'title',
	'xmp',
	'iframe',
	'noembed',
	'noframes',
] );

/** Elements an opening tag of the same name closes (`<p>a<p>b`). */
const SELF_CLOSING = new Set( [
	'p',
	'li',
	'option',
	'td',
	'th',
	'tr',
	'dt',
	'dd',
] );

/** Finds each raw-text element's closing tag, whatever its case. */
const RAW_TEXT_END = new Map(
	[ ...RAW_TEXT ].map( ( name ) => [
		name,
		new RegExp( `</${ name }`, 'gi' ),
	] )
);

/**
 * Tells whether a character code may continue a tag name.
 *
 * @param code A character code.
 * @return Whether it is not white space, `/` or `>`.
 */
function isNameCode( code: number ): boolean {
	return code > 32 && code !== 47 && code !== 62;
}

/**
 * The end of a tag starting at `from` (just after its name): the index of
 * its `>`, skipping quoted attribute values, or -1.
 *
 * @param text The page.
 * @param from Where to start.
 * @return The index of `>`, or -1.
 */
function tagEnd( text: string, from: number ): number {
	for ( let i = from; i < text.length; i++ ) {
		const c = text[ i ];
		if ( c === '>' ) {
			return i;
		}
		if ( ( c === '"' || c === "'" ) && text[ i - 1 ] === '=' ) {
			const close = text.indexOf( c, i + 1 );
			if ( close < 0 ) {
				return -1;
			}
			i = close;
		}
	}
	return -1;
}

/**
 * Leaves out the opening tags of a page nested deeper than a limit (their
 * content stays). Pages that stay within it are returned as they are.
 *
 * @param text  The page.
 * @param limit The deepest nesting kept.
 * @return The page, or a copy without the tags nested too deeply.
 */
export function capNesting( text: string, limit: number ): string {
	const open: string[] = [];
	const counts = new Map< string, number >();
	const kept: string[] = [];
	let copied = 0;
	let at = text.indexOf( '<' );
	while ( at >= 0 && at < text.length - 1 ) {
		const next = text[ at + 1 ];
		if ( text.startsWith( '<!--', at ) ) {
			const end = text.indexOf( '-->', at + 4 );
			at = end < 0 ? -1 : text.indexOf( '<', end + 3 );
			continue;
		}
		const closing = next === '/';
		const nameStart = closing ? at + 2 : at + 1;
		let nameEnd = nameStart;
		while (
			nameEnd < text.length &&
			isNameCode( text.charCodeAt( nameEnd ) )
		) {
			nameEnd++;
		}
		if ( nameEnd === nameStart || ! /[a-z]/i.test( text[ nameStart ] ) ) {
			at = text.indexOf( '<', at + 1 );
			continue;
		}
		const name = text.slice( nameStart, nameEnd ).toLowerCase();
		const end = tagEnd( text, nameEnd );
		if ( end < 0 ) {
			break;
		}
		if ( closing ) {
			if ( counts.get( name ) ) {
				let top = open.pop() as string;
				counts.set( top, ( counts.get( top ) as number ) - 1 );
				while ( top !== name ) {
					top = open.pop() as string;
					counts.set( top, ( counts.get( top ) as number ) - 1 );
				}
			}
		} else if ( RAW_TEXT.has( name ) ) {
			const closeTag = RAW_TEXT_END.get( name ) as RegExp;
			closeTag.lastIndex = end;
			at = closeTag.exec( text )?.index ?? -1;
			continue;
		} else if ( ! VOID.has( name ) ) {
			if (
				SELF_CLOSING.has( name ) &&
				open[ open.length - 1 ] === name
			) {
				open.pop();
				counts.set( name, ( counts.get( name ) as number ) - 1 );
			}
			if ( open.length >= limit ) {
				// Too deep: leave the tag out, keep what follows.
				kept.push( text.slice( copied, at ) );
				copied = end + 1;
			} else {
				open.push( name );
				counts.set( name, ( counts.get( name ) ?? 0 ) + 1 );
			}
		}
		at = text.indexOf( '<', end + 1 );
	}
	if ( ! kept.length ) {
		return text;
	}
	kept.push( text.slice( copied ) );
	return kept.join( '' );
}
