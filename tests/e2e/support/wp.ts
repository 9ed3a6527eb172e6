/**
 * The site, as an owner and as the tests see it: logging in, opening the
 * importer, and reading what the site holds through the REST API.
 */

/**
 * External dependencies
 */
import { expect, type Page, type Route } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import nodePath from 'node:path';

/**
 * Internal dependencies
 */
import { e2eSite } from './fixtures';

/**
 * Logs in through wp-login.php, as an owner does.
 *
 * The login page focuses and selects the user name field 200 ms after it
 * loads; typing before that can land in the wrong field. So: wait for that
 * focus, check both fields hold what was typed, and submit.
 *
 * @param page The page.
 */
export async function logIn( page: Page ): Promise< void > {
	const site = e2eSite();
	await page.goto( `${ site.url }/wp-login.php` );
	const user = page.locator( '#user_login' );
	const password = page.locator( '#user_pass' );
	await expect( user ).toBeFocused();
	await user.fill( site.adminUser );
	await password.fill( site.adminPassword );
	await expect( user ).toHaveValue( site.adminUser );
	await expect( password ).toHaveValue( site.adminPassword );
	await page.click( '#wp-submit' );
	await expect( page ).toHaveURL( /wp-admin/ );
}

/**
 * Tools → Import → Windows Live Spaces, as an owner gets there.
 *
 * @param page The page.
 */
export async function openImporter( page: Page ): Promise< void > {
	await page.goto( `${ e2eSite().url }/wp-admin/import.php` );
	const row = page.locator( 'tr', { hasText: 'Windows Live Spaces' } );
	await expect( row ).toBeVisible();
	// Its accessible name; the link reads “Run Importer”.
	await row.getByRole( 'link', { name: 'Run Windows Live Spaces' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Import from Windows Live Spaces' } )
	).toBeVisible();
}

/**
 * Chooses files with the importer's file button, as the dialog would.
 *
 * @param page  The page.
 * @param files Paths of the files.
 */
export async function chooseFiles(
	page: Page,
	files: string | string[]
): Promise< void > {
	await page
		.locator( 'input[type="file"]:not([webkitdirectory])' )
		.setInputFiles( files );
}

/**
 * Chooses a folder with the importer's folder button, as the dialog would:
 * every file in it, with its path under the folder's name.
 *
 * @param page   The page.
 * @param folder Path of the folder.
 */
export async function chooseFolder(
	page: Page,
	folder: string
): Promise< void > {
	await page
		.locator( 'input[type="file"][webkitdirectory]' )
		.setInputFiles( folder );
}

/**
 * Drops a folder on the importer's drop zone as the browser hands one over:
 * one item whose entry (File and Directory Entries API) is the folder, its
 * subfolders walked through their readers. A page cannot make such a drop
 * itself, so the entries are built from the folder's files on disk and the
 * drag events dispatched with them.
 *
 * @param page   The page, with the importer open.
 * @param folder Path of the folder.
 */
export async function dropFolder(
	page: Page,
	folder: string
): Promise< void > {
	const root = nodePath.basename( folder );
	const files: Array< { path: string; base64: string; modified: number } > =
		[];
	const walk = ( dir: string, inner: string ) => {
		for ( const entry of readdirSync( dir, { withFileTypes: true } ) ) {
			const full = nodePath.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				walk( full, `${ inner }/${ entry.name }` );
			} else {
				files.push( {
					path: `${ inner }/${ entry.name }`,
					base64: readFileSync( full ).toString( 'base64' ),
					modified: statSync( full ).mtimeMs,
				} );
			}
		}
	};
	walk( folder, `/${ root }` );
	await page
		.locator( '.spaces-importer-chooser .components-drop-zone' )
		.evaluate(
			( zone, { rootPath, list } ) => {
				interface Folder {
					path: string;
					children: Map< string, Folder | File >;
				}
				const top: Folder = { path: rootPath, children: new Map() };
				for ( const { path: filePath, base64, modified } of list ) {
					const parts = filePath
						.slice( rootPath.length + 1 )
						.split( '/' );
					let at = top;
					for ( const part of parts.slice( 0, -1 ) ) {
						let next = at.children.get( part );
						if ( ! next || next instanceof File ) {
							next = {
								path: `${ at.path }/${ part }`,
								children: new Map(),
							};
							at.children.set( part, next );
						}
						at = next;
					}
					const bytes = Uint8Array.from( atob( base64 ), ( c ) =>
						c.charCodeAt( 0 )
					);
					const name = parts[ parts.length - 1 ];
					at.children.set(
						name,
						new File( [ bytes ], name, { lastModified: modified } )
					);
				}
				const entryOf = (
					node: Folder | File,
					fullPath: string
				): unknown =>
					node instanceof File
						? {
								isFile: true,
								isDirectory: false,
								name: node.name,
								fullPath,
								file: ( resolve: ( file: File ) => void ) =>
									setTimeout( () => resolve( node ), 0 ),
							}
						: {
								isFile: false,
								isDirectory: true,
								name: fullPath.split( '/' ).pop(),
								fullPath,
								createReader() {
									let given = false;
									return {
										readEntries(
											resolve: (
												entries: unknown[]
											) => void
										) {
											const batch = given
												? []
												: [ ...node.children ].map(
														( [ name, child ] ) =>
															entryOf(
																child,
																`${ fullPath }/${ name }`
															)
													);
											given = true;
											setTimeout(
												() => resolve( batch ),
												0
											);
										},
									};
								},
							};
				const dataTransfer = {
					types: [ 'Files' ],
					files: [],
					items: [
						{
							kind: 'file',
							type: '',
							getAsFile: () => null,
							webkitGetAsEntry: () => entryOf( top, rootPath ),
						},
					],
					getData: () => '',
					dropEffect: 'copy',
					effectAllowed: 'all',
				};
				for ( const type of [ 'dragenter', 'dragover', 'drop' ] ) {
					const event = new DragEvent( type, {
						bubbles: true,
						cancelable: true,
					} );
					Object.defineProperty( event, 'dataTransfer', {
						value: dataTransfer,
					} );
					zone.dispatchEvent( event );
				}
			},
			{ rootPath: `/${ root }`, list: files }
		);
}

function authorization(): string {
	const site = e2eSite();
	return (
		'Basic ' +
		Buffer.from( `${ site.adminUser }:${ site.appPassword }` ).toString(
			'base64'
		)
	);
}

/**
 * One REST request as the administrator.
 *
 * @param path   Below `/wp-json/`, with its query.
 * @param method HTTP method.
 * @return The status, the decoded body and the headers.
 */
export async function rest(
	path: string,
	method = 'GET'
): Promise< { status: number; body: any; headers: Headers } > {
	const response = await fetch( `${ e2eSite().url }/wp-json${ path }`, {
		method,
		headers: { Authorization: authorization() },
	} );
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse( text );
	} catch {
		// Not JSON: kept as text for the failure message.
	}
	return { status: response.status, body, headers: response.headers };
}

/**
 * Every item of a collection, page by page.
 *
 * @param path  The collection, e.g. `/wp/v2/posts`.
 * @param query More query arguments.
 * @return The items.
 */
export async function restAll( path: string, query = '' ): Promise< any[] > {
	const items: any[] = [];
	for ( let page = 1; page < 100; page++ ) {
		const { body } = await rest(
			`${ path }?per_page=100&page=${ page }${ query }`
		);
		if ( ! Array.isArray( body ) || ! body.length ) {
			break;
		}
		items.push( ...body );
		if ( body.length < 100 ) {
			break;
		}
	}
	return items;
}

/**
 * Every post on the site, with its terms.
 */
export function sitePosts(): Promise< any[] > {
	return restAll( '/wp/v2/posts', '&context=edit&status=any&_embed=wp:term' );
}

/**
 * How many items a collection holds, from its total header.
 *
 * @param path  The collection.
 * @param query More query arguments.
 * @return The count.
 */
export async function countOf( path: string, query = '' ): Promise< number > {
	const { headers, body } = await rest(
		`${ path }?per_page=1&context=edit${ query }`
	);
	const total = headers.get( 'x-wp-total' );
	if ( total === null ) {
		throw new Error(
			`No count for ${ path }: ${ JSON.stringify( body ) }`
		);
	}
	return Number( total );
}

/** The run's posts route, as the page requests it. */
export const POSTS_ROUTE = /\/spaces-importer\/v1\/runs\/\d+\/posts/;

/** A gate on the page's posts requests, which the test opens. */
export interface PostsGate {
	/** How many posts requests have reached the gate. */
	reached: () => number;
	/** Lets the held requests through, and every later one. */
	open: () => void;
}

/**
 * Holds the page's posts requests at a gate until the test opens it, so a
 * run is still sending posts while the test looks at it or acts on it.
 *
 * @param page The page.
 * @param pass How many requests go through before the gate holds the next.
 * @return The gate.
 */
export async function gatePosts( page: Page, pass = 0 ): Promise< PostsGate > {
	let reached = 0;
	let open = () => {};
	const opened = new Promise< void >( ( resolve ) => {
		open = resolve;
	} );
	await page.route(
		( url ) => POSTS_ROUTE.test( decodeURIComponent( url.href ) ),
		async ( route: Route ) => {
			reached++;
			if ( reached > pass ) {
				await opened;
			}
			await route.continue();
		}
	);
	return { reached: () => reached, open: () => open() };
}
