/**
 * Internal dependencies
 */
import { DEFAULT_OPTIONS, type ImportOptions } from '../../import/types';

export const STORE_NAME = 'spaces-importer';

/** Posts listed in the preview; the rest are counted. */
export const PREVIEW_POSTS = 10;

/**
 * The options an owner starts with. Comments arrive approved because they
 * were approved on Spaces; posts already here are left as they are.
 */
export const INITIAL_OPTIONS: ImportOptions = { ...DEFAULT_OPTIONS };
