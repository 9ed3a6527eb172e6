/**
 * Warnings about a post's markup that the extractors share.
 */

/**
 * Internal dependencies
 */
import { MAX_MARKUP_DEPTH } from '../limits';
import type { ArchiveWarning } from '../model';

/**
 * A post whose body nested tags too deeply (see `limitDepth` in `dom.ts`):
 * its text was kept, some of its formatting was not.
 *
 * @param file The file the post was read from.
 * @param post The post's title, or its id when it has none.
 * @return The warning.
 */
export function markupFlattened( file: string, post: string ): ArchiveWarning {
	return {
		file,
		code: 'markup-flattened',
		message: `The body of “${ post }” in “${ file }” nests its tags more than ${ MAX_MARKUP_DEPTH / 2 } levels deep; its text was kept, but formatting nested deeper than that was dropped.`,
	};
}
