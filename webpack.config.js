/**
 * The build: @wordpress/scripts defaults, with the plugin's own entry points.
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		admin: './src/admin/index.tsx',
		block: './src/block/index.tsx',
	},
};
