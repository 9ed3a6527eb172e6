/**
 * Internal dependencies
 */
import { DEFAULT_OPTIONS, type ImportOptions } from '../../import/types';

export const STORE_NAME = 'spaces-importer';

/**
 * The options an owner starts with. Comments arrive approved because they
 * were approved on Spaces; posts already here are left as they are.
 */
export const INITIAL_OPTIONS: ImportOptions = { ...DEFAULT_OPTIONS };
