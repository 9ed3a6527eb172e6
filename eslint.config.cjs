/**
 * ESLint: the WordPress defaults from @wordpress/scripts, plus test globals.
 */
const defaults = require( '@wordpress/scripts/config/eslint.config.cjs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	...defaults,
	{
		ignores: [ 'dist/**', 'artifacts/**', 'test-results/**' ],
	},
	{
		rules: {
			// Jest reads its per-file environment from this docblock tag.
			'jsdoc/check-tag-names': [
				'error',
				{ definedTags: [ 'jest-environment' ] },
			],
		},
	},
	...wpPlugin.configs[ 'test-unit' ].map( ( c ) => ( {
		...c,
		files: [ '**/test/**/*.{ts,tsx}', 'tests/integration/**/*.{js,ts}' ],
	} ) ),
];
