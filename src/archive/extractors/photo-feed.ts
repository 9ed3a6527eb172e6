/**
 * Photo album feeds (`/photos/feed.rss`, `/photos/cns!…/feed.rss`): RSS
 * items whose `enclosure url` is the photo. They hold photos, not posts.
 */

/**
 * Internal dependencies
 */
import { parseZonedDate } from '../dates/zoned-date';
import { attr, findAll, findOne, parseXml } from '../dom';
import { childText, isRss } from './rss';
import type { Extraction, Extractor, FoundPhoto } from './types';

export const photoFeed: Extractor = {
	name: 'photo-feed',

	detect( text ) {
		if ( ! isRss( text ) || ! /<enclosure\b/i.test( text ) ) {
			return false;
		}
		// A blog feed links its items to `.entry` permalinks; an album
		// feed links them to photos.
		return ! /<link>[^<]*\.entry\b/i.test( text );
	},

	extract( page ): Extraction {
		const doc = parseXml( page.text );
		const channel = findOne(
			( el ) => el.name.toLowerCase() === 'channel',
			doc
		);
		const photos: FoundPhoto[] = [];
		if ( channel ) {
			const album = ( childText( channel, 'title' ) ?? '' ).trim();
			for ( const item of findAll(
				( el ) => el.name.toLowerCase() === 'item',
				channel
			) ) {
				const enclosure = findOne(
					( el ) => el.name.toLowerCase() === 'enclosure',
					item
				);
				const url = enclosure ? attr( enclosure, 'url' ).trim() : '';
				if ( ! url ) {
					continue;
				}
				const pubDate = childText( item, 'pubDate' );
				photos.push( {
					album,
					title: ( childText( item, 'title' ) ?? '' ).trim(),
					url,
					published: pubDate ? parseZonedDate( pubDate ) : null,
					file: page.path,
				} );
			}
		}
		return { posts: [], blog: {}, warnings: [], photos };
	},
};
