/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { ThunkArgs } from './actions';
import type { Author, Category } from './types';

/** Pages fetched at most: a hundred each, enough for any blog's site. */
const MAX_PAGES = 10;

/**
 * Every item of a core collection, page by page.
 *
 * @param path  The collection.
 * @param query Its query.
 * @return The items.
 */
async function fetchAll< T >(
	path: string,
	query: Record< string, string | number >
): Promise< T[] > {
	const items: T[] = [];
	for ( let page = 1; page <= MAX_PAGES; page++ ) {
		const batch = await apiFetch< T[] >( {
			path: addQueryArgs( path, { ...query, per_page: 100, page } ),
		} );
		items.push( ...batch );
		if ( batch.length < 100 ) {
			break;
		}
	}
	return items;
}

/**
 * Fetches the users who can write posts, the importing user among them.
 */
export const getAuthors =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		let authors: Author[] = [];
		try {
			authors = await fetchAll< Author >( '/wp/v2/users', {
				who: 'authors',
				orderby: 'name',
				_fields: 'id,name',
			} );
		} catch {
			// The posts are then the importing user's, the default anyway.
		}
		dispatch( { type: 'AUTHORS_RECEIVED', authors } );
	};

/**
 * Fetches the site's categories.
 */
export const getCategories =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		let categories: Category[] = [];
		try {
			categories = await fetchAll< Category >( '/wp/v2/categories', {
				orderby: 'name',
				hide_empty: 0,
				_fields: 'id,name,parent',
			} );
		} catch {
			// Without the list, “into one category” cannot be offered.
		}
		dispatch( { type: 'CATEGORIES_RECEIVED', categories } );
	};
