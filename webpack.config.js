/**
 * The build: @wordpress/scripts defaults, with the plugin's own entry points.
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

// The chunk that holds WordPress's list component (`@wordpress/dataviews`
// built for plugins, with its own copy of the components it needs): loaded
// only once a list of posts shows, and kept in one file.
const LIST_CHUNK = 'post-list';

module.exports = {
	...defaultConfig,
	entry: {
		admin: './src/admin/index.tsx',
		block: './src/block/index.tsx',
	},
	optimization: {
		...defaultConfig.optimization,
		splitChunks: {
			...defaultConfig.optimization.splitChunks,
			cacheGroups: {
				...defaultConfig.optimization.splitChunks.cacheGroups,
				// Webpack's own default, except for the list's chunk.
				defaultVendors: {
					idHint: 'vendors',
					test: /[\\/]node_modules[\\/]/i,
					priority: -10,
					reuseExistingChunk: true,
					chunks: ( chunk ) =>
						! chunk.canBeInitial() && chunk.name !== LIST_CHUNK,
				},
			},
		},
	},
	plugins: [
		...defaultConfig.plugins,
		// The list's chunk is one module of 2 MB: without a hint, V8 compiles
		// it on the page's thread when it first runs. This comment (V8's
		// explicit compile hints) has it compiled as the file streams in, off
		// the page's thread, so that running it blocks the page less long.
		{
			apply: ( compiler ) =>
				new compiler.webpack.BannerPlugin( {
					banner: '//# allFunctionsCalledOnLoad',
					raw: true,
					// The chunk's file name carries its version as a query.
					test: new RegExp( `^${ LIST_CHUNK }\\.js(\\?|$)` ),
					// After minifying, which would drop the comment.
					stage: compiler.webpack.Compilation
						.PROCESS_ASSETS_STAGE_REPORT,
				} ).apply( compiler ),
		},
	],
	performance: {
		...defaultConfig.performance,
		// The size limits hold for what every visit loads; not for the list's
		// chunk, and not for the right-to-left stylesheet, which replaces the
		// other rather than adding to it.
		assetFilter: ( name ) =>
			! name.startsWith( `${ LIST_CHUNK }.js` ) &&
			! /-rtl\.css$/.test( name ) &&
			! /\.map$/.test( name ),
	},
};
