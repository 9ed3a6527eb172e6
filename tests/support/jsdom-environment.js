/**
 * The component tests' browser: Jest's jsdom, except that it keeps quiet
 * about style sheets its CSS parser cannot read. WordPress's list component
 * adds modern CSS (cascade layers, nesting) that browsers read and jsdom
 * reports as errors; every other jsdom error still reaches the console,
 * where the tests fail on it.
 */

/**
 * External dependencies
 */
const { TestEnvironment } = require( 'jest-environment-jsdom' );

class ComponentTestEnvironment extends TestEnvironment {
	constructor( config, context ) {
		super( config, context );
		const virtualConsole = this.dom.virtualConsole;
		virtualConsole.removeAllListeners( 'jsdomError' );
		virtualConsole.on( 'jsdomError', ( error ) => {
			if ( error.type !== 'css parsing' ) {
				context.console.error( error );
			}
		} );
	}
}

module.exports = ComponentTestEnvironment;
