/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';
import domReady from '@wordpress/dom-ready';

/**
 * Internal dependencies
 */
import ImporterApp from './components/importer-app';
import { preloadList } from './components/post-list';
import { prepareNumberFormat } from './format';
import './admin.scss';

domReady( () => {
	const root = document.getElementById( 'spaces-importer-root' );
	if ( root ) {
		createRoot( root ).render( <ImporterApp /> );
		// The list's code and the number format, while the page is idle:
		// not later, while an archive is read.
		const preload = () => {
			prepareNumberFormat();
			preloadList().catch( () => undefined );
		};
		if ( 'requestIdleCallback' in window ) {
			window.requestIdleCallback( preload, { timeout: 5000 } );
		} else {
			setTimeout( preload, 1000 );
		}
	}
} );
