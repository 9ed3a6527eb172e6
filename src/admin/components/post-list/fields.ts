/**
 * Columns both lists of posts show alike.
 */

/**
 * WordPress dependencies
 */
import type { Field } from '@wordpress/dataviews/wp';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDate } from '../../format';

/**
 * The post's date, as the archive wrote it: sorted by its text (the model's
 * dates sort as they read), shown in the site's words.
 *
 * @return The field, with the id `published`.
 */
export function dateField<
	Item extends { published: string | null },
>(): Field< Item > {
	return {
		id: 'published',
		type: 'text',
		label: __( 'Date', 'spaces-importer' ),
		getValue: ( { item } ) => item.published ?? '',
		filterBy: false,
		// Archive dates are the blog's wall clock, never shifted.
		render: ( { item } ) => formatDate( item.published, 'datetime' ) || '—',
	};
}
