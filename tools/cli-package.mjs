/**
 * `npm run pack:cli`: the command line as an npm package of its own, for
 * hosts who install it without a clone of this repository:
 *
 *     npm install -g ./spaces-importer-<version>.tgz
 *
 * The command line and the libraries it uses (the archive reader, the
 * import runner, htmlparser2, fflate, …) are bundled by esbuild into one
 * file, so the package declares no dependency: it installs offline, with no
 * build tools, in a second. The package is put together in `dist-cli/`
 * (the plugin's own `files` in package.json stay the plugin zip's) and
 * packed into the project's folder.
 *
 * `--no-pack` only bundles (for tests that run the bundled command line);
 * `--out=<folder>` packs into another folder.
 */
import { execFileSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const stage = path.join( root, 'dist-cli', 'package' );
const project = JSON.parse(
	readFileSync( path.join( root, 'package.json' ), 'utf8' )
);

rmSync( stage, { recursive: true, force: true } );
mkdirSync( stage, { recursive: true } );

const { metafile } = await build( {
	entryPoints: [ path.join( root, 'src/cli/index.ts' ) ],
	outfile: path.join( stage, 'spaces-importer.js' ),
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	minify: true,
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
	// A native module: installed beside the command line where a prebuilt
	// one exists (an optional dependency), loaded only when present.
	external: [ 'sharp' ],
} );

// The bundled libraries' licences travel with them.
const packages = new Map();
for ( const input of Object.keys( metafile.inputs ) ) {
	const match = input.match( /node_modules\/((?:@[^/]+\/)?[^/]+)\// );
	if ( match ) {
		packages.set(
			match[ 1 ],
			input.slice( 0, match.index + match[ 0 ].length )
		);
	}
}
const notices = [ ...packages ]
	.sort( ( [ a ], [ b ] ) => a.localeCompare( b ) )
	.map( ( [ name, folder ] ) => {
		const dir = path.join( root, folder );
		const meta = JSON.parse(
			readFileSync( path.join( dir, 'package.json' ), 'utf8' )
		);
		const file = readdirSync( dir ).find( ( entry ) =>
			/^(licen[cs]e|copying)(\.|$)/i.test( entry )
		);
		const text = file
			? readFileSync( path.join( dir, file ), 'utf8' ).trim()
			: `Licensed under ${ meta.license }.`;
		return `${ name } ${ meta.version } (${ meta.license })\n\n${ text }\n`;
	} );
writeFileSync(
	path.join( stage, 'THIRD-PARTY-NOTICES.txt' ),
	`The command line bundles these libraries:\n\n${ notices.join(
		'\n---\n\n'
	) }`
);

writeFileSync(
	path.join( stage, 'package.json' ),
	JSON.stringify(
		{
			name: project.name,
			version: project.version,
			description:
				'Reads a Windows Live Spaces archive and imports it into a WordPress site with the Spaces Importer plugin.',
			license: project.license,
			author: project.author,
			keywords: project.keywords,
			engines: project.engines,
			bin: { 'spaces-importer': 'spaces-importer.js' },
			files: [ 'spaces-importer.js', 'THIRD-PARTY-NOTICES.txt' ],
			// Makes the images' smaller sizes on this machine; without it
			// (`--omit=optional`) the site makes them.
			optionalDependencies: {
				sharp: project.optionalDependencies.sharp,
			},
		},
		null,
		'\t'
	) + '\n'
);
copyFileSync(
	path.join( root, 'tools/cli-package/README.md' ),
	path.join( stage, 'README.md' )
);

const out = process.argv
	.find( ( arg ) => arg.startsWith( '--out=' ) )
	?.slice( '--out='.length );

if ( ! process.argv.includes( '--no-pack' ) ) {
	const [ packed ] = JSON.parse(
		execFileSync(
			'npm',
			[ 'pack', '--json', '--pack-destination', out ?? root ],
			{ cwd: stage, encoding: 'utf8' }
		)
	);
	const tarball = path.join( out ?? root, packed.filename );
	if ( ! existsSync( tarball ) ) {
		throw new Error( `npm pack did not write ${ packed.filename }` );
	}
	process.stdout.write(
		`${ packed.filename }: ${ ( packed.size / 1024 ).toFixed(
			0
		) } KiB packed, ${ ( packed.unpackedSize / 1024 ).toFixed(
			0
		) } KiB installed, no dependencies but the optional sharp.\n`
	);
}
