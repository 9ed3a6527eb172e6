/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { STORE_NAME } from './constants';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

/**
 * The importer screen's store: the archive read, the owner's choices, the
 * import's progress and its report.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );

declare module '@wordpress/data' {
	interface StoreMap {
		[ STORE_NAME ]: typeof store;
	}
}

export { closeSession } from './session';
