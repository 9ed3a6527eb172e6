/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';
import domReady from '@wordpress/dom-ready';

/**
 * Internal dependencies
 */
import ImporterApp from './components/importer-app';
import './admin.scss';

domReady( () => {
	const root = document.getElementById( 'spaces-importer-root' );
	if ( root ) {
		createRoot( root ).render( <ImporterApp /> );
	}
} );
