/**
 * The `inspect` command's arguments, apart from running it, so they can be
 * tested.
 */

export const INSPECT_USAGE = `Usage: spaces-importer inspect <path>... [--json]

  inspect   Reads a Windows Live Spaces archive and prints what it holds:
            posts, comments, images found and missing, dates, categories
            and warnings. <path> is the space.zip, a folder of saved pages,
            a saved page (.htm), a web archive (.mht) or a feed (.rss);
            several paths are read together as one archive, e.g.
            inspect page1.htm page2.htm saved.mht feed.rss
  --json    Prints the whole model (without file bytes) as JSON instead.

Exit codes: 0 read; 2 the input could not be read (one line says which file
and why) or the arguments were wrong.`;

export type InspectArgs =
	| { command: 'help' }
	| { command: 'inspect'; targets: string[]; json: boolean }
	| { command: 'usage-error' };

/**
 * Reads the arguments of `spaces-importer [inspect] …`.
 *
 * @param argv The arguments after the program's name.
 * @return What to do.
 */
export function parseInspectArgs( argv: string[] ): InspectArgs {
	const args = argv.filter( ( a ) => ! a.startsWith( '--' ) );
	const flags = new Set( argv.filter( ( a ) => a.startsWith( '--' ) ) );
	if ( flags.has( '--help' ) || args[ 0 ] === 'help' ) {
		return { command: 'help' };
	}
	const known = [ ...flags ].every( ( f ) => f === '--json' );
	if ( args[ 0 ] !== 'inspect' || args.length < 2 || ! known ) {
		return { command: 'usage-error' };
	}
	return {
		command: 'inspect',
		targets: args.slice( 1 ),
		json: flags.has( '--json' ),
	};
}
