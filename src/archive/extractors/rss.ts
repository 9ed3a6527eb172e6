/**
 * The blog's RSS 2.0 feed (`feed.rss`): each item is a post, its
 * `description` the HTML body, its `pubDate` a time with a zone.
 */

/**
 * External dependencies
 */
import { decodeHTML } from 'entities';

/**
 * Internal dependencies
 */
import type { ArchiveBlog } from '../model';
import { parseZonedDate } from '../dates/zoned-date';
import {
	findAll,
	findOne,
	parseHtml,
	parseXml,
	textOf,
	type HtmlElement,
} from '../dom';
import { findSourceId, spaceHostOf } from '../ids';
import { findHrefs, findImages } from './images-in-html';
import type { Extraction, Extractor, FoundPost } from './types';

/**
 * The text of a feed element's first child of some name (CDATA included).
 *
 * @param el   The parent.
 * @param name The child's tag name, case-insensitive.
 * @return Its text, untrimmed for HTML content, or null when absent.
 */
export function childText( el: HtmlElement, name: string ): string | null {
	const lower = name.toLowerCase();
	const child = el.children.find(
		( node ): node is HtmlElement =>
			'name' in node &&
			( node as HtmlElement ).name.toLowerCase() === lower
	);
	if ( ! child ) {
		return null;
	}
	return child.children
		.map( ( node ) =>
			'data' in node
				? String( ( node as { data: string } ).data )
				: textOf( node )
		)
		.join( '' );
}

/**
 * Tells whether a text is an RSS 2.0 feed.
 *
 * @param text The decoded file.
 * @return Whether it is.
 */
export function isRss( text: string ): boolean {
	const head = text.slice( 0, 2048 );
	return (
		/<rss\b/i.test( head ) && /<channel\b/i.test( text.slice( 0, 65536 ) )
	);
}

export const rssFeed: Extractor = {
	name: 'rss',

	detect( text ) {
		return isRss( text );
	},

	extract( page ): Extraction {
		const doc = parseXml( page.text );
		const channel = findOne(
			( el ) => el.name.toLowerCase() === 'channel',
			doc
		);
		const blog: Partial< ArchiveBlog > = {};
		const warnings: Extraction[ 'warnings' ] = [];
		const posts: FoundPost[] = [];
		if ( ! channel ) {
			return { posts, blog, warnings };
		}
		const title = decodeHTML( childText( channel, 'title' ) ?? '' ).trim();
		if ( title ) {
			blog.title = title;
		}
		const link = childText( channel, 'link' )?.trim() ?? '';
		const host = spaceHostOf( link );
		if ( host ) {
			blog.host = host;
		}
		const language = childText( channel, 'language' )?.trim();
		if ( language ) {
			blog.culture = language;
		}
		let skipped = 0;
		for ( const item of findAll(
			( el ) => el.name.toLowerCase() === 'item',
			channel
		) ) {
			const itemLink = childText( item, 'link' )?.trim() ?? '';
			const guid = childText( item, 'guid' )?.trim() ?? '';
			const id = findSourceId( itemLink ) ?? findSourceId( guid );
			if ( ! id ) {
				skipped++;
				continue;
			}
			const html = ( childText( item, 'description' ) ?? '' ).trim();
			const body = parseHtml( html );
			const pubDate = childText( item, 'pubDate' );
			const published = pubDate ? parseZonedDate( pubDate ) : null;
			const categories = [
				...new Set(
					findAll(
						( el ) => el.name.toLowerCase() === 'category',
						item
					)
						.map( ( el ) => textOf( el ) )
						.filter( Boolean )
				),
			];
			const count = childText( item, 'slash:comments' );
			const permalink =
				( itemLink && findSourceId( itemLink )
					? itemLink
					: guid
				).replace( /[?#].*$/, '' ) || null;
			posts.push( {
				sourceId: id.sourceId,
				number: id.number,
				// Spaces feeds sometimes encoded titles twice.
				title: decodeHTML( childText( item, 'title' ) ?? '' )
					.replace( /\s+/g, ' ' )
					.trim(),
				html,
				published,
				dateSource: published ? 'rss' : 'none',
				categories,
				originalUrl: permalink,
				comments: [],
				declaredCommentCount:
					count !== null && /^\s*\d+\s*$/.test( count )
						? Number( count )
						: null,
				file: page.path,
				baseUrl: permalink,
				images: findImages( body.children ),
				hrefs: findHrefs( body.children ),
			} );
		}
		if ( skipped ) {
			warnings.push( {
				file: page.path,
				code: 'feed-items-skipped',
				message: `${ skipped } item${
					skipped === 1 ? '' : 's'
				} of the feed “${ page.path }” link to no Spaces blog entry and ${
					skipped === 1 ? 'was' : 'were'
				} skipped.`,
			} );
		}
		return { posts, blog, warnings };
	},
};
