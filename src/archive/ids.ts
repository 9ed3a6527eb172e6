/**
 * Spaces item ids (`cns!<CID>!<N>`) and the addresses that carry them, and
 * the importer's own ids for posts that carry none (`local!<hex>`).
 */

/**
 * External dependencies
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A tolerant pattern for an item id; `!` is often written `%21`. */
export const CNS_PATTERN = /cns(?:!|%21)([0-9A-Za-z_-]+)(?:!|%21)(\d+)/i;

export interface SourceId {
	/** `cns!<CID>!<N>`, with `!` whatever the source wrote. */
	sourceId: string;
	cid: string;
	number: number;
}

/**
 * Finds an item id in some text (an attribute, a URL, a file name).
 *
 * @param text Where to look.
 * @return The id, or null when there is none.
 */
export function findSourceId( text: string ): SourceId | null {
	const match = CNS_PATTERN.exec( text );
	if ( ! match ) {
		return null;
	}
	const number = Number( match[ 2 ] );
	if ( ! Number.isSafeInteger( number ) ) {
		return null;
	}
	return makeSourceId( match[ 1 ], number );
}

/**
 * Builds an id from its parts, so every id in the model is spelled alike.
 *
 * @param cid    The space's id.
 * @param number The item's number.
 * @return The id.
 */
export function makeSourceId( cid: string, number: number ): SourceId {
	// New-style CIDs are hexadecimal and appear in both cases; the older
	// base64-like ids are case sensitive and are kept as written.
	const normalized = /^[0-9a-f]{15,16}$/i.test( cid )
		? cid.toUpperCase()
		: cid;
	return {
		sourceId: `cns!${ normalized }!${ number }`,
		cid: normalized,
		number,
	};
}

const SPACE_HOST = /^([a-z0-9][a-z0-9_-]*)\.spaces\.(?:live|msn)\.com$/i;

/**
 * The space's host named by a Spaces address, when it names one.
 *
 * @param url An absolute address.
 * @return `name.spaces.live.com` or similar, lower case, or null.
 */
export function spaceHostOf( url: string ): string | null {
	const match = /^(?:https?:)?\/\/([^/?#:]+)(?::\d+)?(\/[^?#]*)?/i.exec(
		url.trim()
	);
	if ( ! match ) {
		return null;
	}
	const host = match[ 1 ].toLowerCase();
	if ( SPACE_HOST.test( host ) && ! host.startsWith( 'www.' ) ) {
		return host;
	}
	if ( host === 'spaces.msn.com' || host === 'spaces.live.com' ) {
		const member = /^\/members\/([^/]+)/i.exec( match[ 2 ] ?? '' );
		return member ? `${ member[ 1 ].toLowerCase() }.spaces.msn.com` : null;
	}
	return null;
}

/**
 * Tells whether a URL is a blog entry permalink of any era, and of which
 * entry:
 * `spaces.msn.com/members/<name>/Blog/cns!…!N.entry`,
 * `<name>.spaces.msn.com/Blog/cns!…!N.entry`,
 * `<name>.spaces.live.com/blog/cns!…!N.entry`, relative `/blog/…` forms,
 * with suffixes such as `#post` or `?_c=BlogPart`.
 *
 * @param href The address as written.
 * @return The entry's id, or null when the address is not an entry's.
 */
export function permalinkTarget( href: string ): SourceId | null {
	const url = href.trim();
	if ( ! /\.entry\b|\/blog\/cns(?:!|%21)/i.test( url ) ) {
		return null;
	}
	const isAbsolute = /^(?:https?:)?\/\//i.test( url );
	if ( isAbsolute ) {
		const host = /^(?:https?:)?\/\/([^/?#:]+)/i.exec( url );
		if (
			! host ||
			! /(^|\.)spaces\.(?:live|msn)\.com$/i.test( host[ 1 ] )
		) {
			return null;
		}
	}
	return findSourceId( url );
}

/**
 * An identity for a post that carries no Spaces id (the migration download's
 * entry pages, MSN Spaces posts without ids, posts found by their shape):
 * the first 64 bits of the SHA-256 of its parts, so the same post read again
 * from the same files gets the same id, and importing twice adds nothing.
 *
 * @param parts What identifies the post (e.g. page path, date and title).
 * @return `local!<16 hex digits>`.
 */
export function makeLocalId( ...parts: string[] ): string {
	const text = JSON.stringify( parts.map( ( p ) => p.normalize( 'NFC' ) ) );
	return `local!${ bytesToHex(
		sha256( new TextEncoder().encode( text ) )
	).slice( 0, 16 ) }`;
}

/**
 * Tells whether an id is a Spaces item id (rather than one the importer made).
 *
 * @param sourceId A post's id.
 * @return Whether it is `cns!<CID>!<N>`.
 */
export function isSpacesId( sourceId: string ): boolean {
	return sourceId.startsWith( 'cns!' );
}
