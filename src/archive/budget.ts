/**
 * What the reader keeps of each page once it is read, and the error when an
 * archive would make it keep or parse more than its budget (see `limits.ts`).
 */

/**
 * Internal dependencies
 */
import { ArchiveError } from './errors';
import { MAX_KEPT_TEXT_CHARS, MAX_TOTAL_PAGE_BYTES } from './limits';

/**
 * A copy of a string that shares no memory with the text it was cut from.
 * Parsers hand out slices that keep their whole page alive (V8 keeps a
 * substring as a view of its parent), so a title of ten characters could
 * hold a megabyte page in memory until the import ends. Joining to another
 * string then cutting it makes the engine write a flat copy.
 *
 * @param text A string.
 * @return An equal string of its own.
 */
export function ownString( text: string ): string {
	return text.length < 13 ? text : ( ' ' + text ).slice( 1 );
}

/**
 * Replaces, in place, every string inside plain objects and arrays by a
 * copy of its own (see `ownString`), so that what an extractor returns no
 * longer holds its page's text.
 *
 * @param value An extraction, or any part of one.
 * @return The same value.
 */
export function detach< T >( value: T ): T {
	const pending: unknown[] = [ value ];
	while ( pending.length ) {
		const item = pending.pop();
		if ( Array.isArray( item ) ) {
			for ( let i = 0; i < item.length; i++ ) {
				if ( typeof item[ i ] === 'string' ) {
					item[ i ] = ownString( item[ i ] );
				} else if ( item[ i ] && typeof item[ i ] === 'object' ) {
					pending.push( item[ i ] );
				}
			}
		} else if ( item && typeof item === 'object' ) {
			const record = item as Record< string, unknown >;
			for ( const key of Object.keys( record ) ) {
				const field = record[ key ];
				if ( typeof field === 'string' ) {
					record[ key ] = ownString( field );
				} else if ( field && typeof field === 'object' ) {
					pending.push( field );
				}
			}
		}
	}
	return value;
}

/**
 * The error for an archive that holds more text than the reader's budget.
 *
 * @param name The archive's name.
 * @param what Which budget: the pages parsed, or the posts kept.
 * @return The error.
 */
export function tooMuchText(
	name: string,
	what: 'pages' | 'posts'
): ArchiveError {
	return new ArchiveError(
		'too-much-text',
		name,
		what === 'pages'
			? `“${ name }” holds more than ${ Math.round(
					MAX_TOTAL_PAGE_BYTES / 1024 / 1024
				) } MB of web pages, more than the importer reads from one archive; it was not read.`
			: `“${ name }” holds more than ${ Math.round(
					MAX_KEPT_TEXT_CHARS / 1024 / 1024
				) } million characters of posts and comments, more than the importer keeps in memory at once; it was not read.`
	);
}
