/**
 * Finding the images of a post body: `<img>` sources, and the full-size
 * photos that Spaces and Live Writer linked around thumbnails.
 */

/**
 * Internal dependencies
 */
import { attr, findAll, findOne, type HtmlNode } from '../dom';
import { isStorageUrl } from '../images';
import type { FoundImage } from './types';

/**
 * Lists the images in some body nodes.
 *
 * @param nodes The body.
 * @return The images, in order, each reference once.
 */
export function findImages( nodes: HtmlNode[] ): FoundImage[] {
	const images: FoundImage[] = [];
	const seen = new Set< string >();
	const wrapped = new Set< unknown >();
	const add = ( image: FoundImage ) => {
		if ( ! image.reference || seen.has( image.reference ) ) {
			return;
		}
		seen.add( image.reference );
		images.push( image );
	};
	for ( const el of findAll(
		( e ) => e.name === 'a' || e.name === 'img',
		nodes
	) ) {
		if ( el.name === 'a' ) {
			const href = attr( el, 'href' ).trim();
			const img = findOne( ( e ) => e.name === 'img', el );
			const isAlbumPhoto = /^\s*WLPP\b/i.test( attr( el, 'rel' ) );
			if ( img && href && ( isAlbumPhoto || isStorageUrl( href ) ) ) {
				wrapped.add( img );
				const src = attr( img, 'src' ).trim();
				add( {
					reference: href,
					alt: attr( img, 'alt' ),
					thumbnail: src && src !== href ? src : null,
				} );
			}
			continue;
		}
		if ( wrapped.has( el ) ) {
			continue;
		}
		const src = attr( el, 'src' ).trim();
		if ( ! src || /^data:/i.test( src ) ) {
			continue;
		}
		add( { reference: src, alt: attr( el, 'alt' ), thumbnail: null } );
	}
	return images;
}

/**
 * Lists the link targets in some body nodes.
 *
 * @param nodes The body.
 * @return Each `href` once.
 */
export function findHrefs( nodes: HtmlNode[] ): string[] {
	const hrefs = new Set< string >();
	for ( const el of findAll( ( e ) => e.name === 'a', nodes ) ) {
		const href = attr( el, 'href' ).trim();
		if ( href ) {
			hrefs.add( href );
		}
	}
	return [ ...hrefs ];
}
