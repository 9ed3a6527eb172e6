/**
 * Live Writer's posts among the archive's: a local copy of a published post
 * that the archive holds too (same post id, same address, or failing those
 * the same title on the same day) is one post with it, keeping the
 * archive's comments and the richer body, and the local copy's full-size
 * images where the archive has none or smaller ones. Other published copies
 * and the drafts are posts of their own; drafts are marked so.
 */

/**
 * Internal dependencies
 */
import type { FoundImage } from './extractors/types';
import { findSourceId, makeLocalId } from './ids';
import type { LiveWriterPost } from './live-writer';
import type { MergedPost } from './merge';
import type { ArchiveModel, ArchivePost } from './model';
import { basename } from './paths';

/** What `finishLiveWriter` needs to know of the merge. */
export interface LiveWriterMerge {
	/** The archive's posts, completed, with Live Writer's own after them. */
	posts: MergedPost[];
	/**
	 * Applies what is known after images are matched to files.
	 *
	 * @param model The model built from `posts`; changed in place.
	 */
	finish: ( model: ArchiveModel ) => void;
}

function plainText( html: string ): string {
	return html
		.replace( /<[^>]*>/g, ' ' )
		.replace( /&[#\w]+;/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim();
}

function normalizeUrl( url: string ): string {
	return url
		.trim()
		.replace( /^https?:\/\//i, '' )
		.replace( /[?#].*$/, '' )
		.replace( /\/+$/, '' )
		.toLowerCase();
}

function titleKey( title: string ): string {
	return title.replace( /\s+/g, ' ' ).trim().toLowerCase();
}

function dayOf( iso: string, shift: number ): string {
	const date = new Date( `${ iso.slice( 0, 10 ) }T12:00:00Z` );
	date.setUTCDate( date.getUTCDate() + shift );
	return date.toISOString().slice( 0, 10 );
}

function fileNameOf( url: string ): string {
	const path = url.replace( /[?#].*$/, '' );
	try {
		return decodeURIComponent( basename( path ) ).toLowerCase();
	} catch {
		return basename( path ).toLowerCase();
	}
}

/**
 * The images a Live Writer body shows: every reference to a file it holds,
 * in order (a linked full-size picture before its thumbnail).
 *
 * @param post The Live Writer post.
 * @return The images, and the file each reference stands for.
 */
function localImages( post: LiveWriterPost ): {
	images: FoundImage[];
	paths: string[];
} {
	const byReference = new Map< string, string >();
	const prefix = `${ encodeURIComponent( basename( post.file ) ) }/`;
	for ( const file of post.files ) {
		byReference.set( prefix + encodeURIComponent( file.name ), file.path );
	}
	const images: FoundImage[] = [];
	const paths: string[] = [];
	const pattern = /\b(?:src|href)\s*=\s*(["'])(.*?)\1/gi;
	let match;
	while ( ( match = pattern.exec( post.html ) ) ) {
		const reference = match[ 2 ];
		const path = byReference.get( reference );
		if ( path && ! images.some( ( i ) => i.reference === reference ) ) {
			images.push( { reference, alt: '', thumbnail: null } );
			paths.push( path );
		}
	}
	return { images, paths };
}

function hrefsOf( html: string ): string[] {
	const hrefs = new Set< string >();
	const pattern = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1/gi;
	let match;
	while ( ( match = pattern.exec( html ) ) ) {
		hrefs.add( match[ 2 ] );
	}
	return [ ...hrefs ];
}

/**
 * A Live Writer post as a post of its own.
 *
 * @param post The Live Writer post.
 * @return The post as the model builder takes it.
 */
function ownPost( post: LiveWriterPost ): MergedPost {
	const spacesId = post.draft
		? null
		: ( findSourceId( post.postId ) ?? findSourceId( post.permalink ) );
	const sourceId =
		spacesId?.sourceId ??
		( post.draft
			? makeLocalId(
					'live-writer-draft',
					post.blogId,
					basename( post.file ).toLowerCase()
				)
			: makeLocalId(
					'live-writer',
					post.blogId,
					post.postId || basename( post.file ).toLowerCase()
				) );
	const published = post.published ?? ( post.draft ? post.modified : null );
	return {
		sourceId,
		number: spacesId?.number ?? 0,
		title: post.title,
		html: post.html,
		published,
		dateSource: published ? 'live-writer' : 'none',
		categories: [ ...post.categories ],
		originalUrl: post.draft ? null : post.permalink || null,
		comments: [],
		declaredCommentCount: null,
		file: post.file,
		baseUrl: null,
		images: localImages( post ).images,
		hrefs: hrefsOf( post.html ),
		files: [ post.file ],
	};
}

/**
 * Merges Live Writer's posts into the archive's.
 *
 * @param archive The archive's posts, merged.
 * @param local   The posts of the `.wpost` files.
 * @return The posts, and the step to run on the built model.
 */
export function mergeLiveWriter(
	archive: MergedPost[],
	local: LiveWriterPost[]
): LiveWriterMerge {
	if ( ! local.length ) {
		return { posts: archive, finish: () => {} };
	}
	const byId = new Map< string, MergedPost >();
	const byUrl = new Map< string, MergedPost >();
	const byTitleDay = new Map< string, MergedPost >();
	for ( const post of archive ) {
		byId.set( post.sourceId.toLowerCase(), post );
		if ( post.originalUrl ) {
			byUrl.set( normalizeUrl( post.originalUrl ), post );
		}
		if ( post.title && post.published ) {
			byTitleDay.set(
				`${ titleKey( post.title ) }|${ post.published.slice( 0, 10 ) }`,
				post
			);
		}
	}
	const taken = new Set< MergedPost >();
	const find = ( post: LiveWriterPost ): MergedPost | null => {
		const candidates: Array< MergedPost | undefined > = [];
		const id =
			findSourceId( post.postId ) ?? findSourceId( post.permalink );
		if ( id ) {
			candidates.push( byId.get( id.sourceId.toLowerCase() ) );
		}
		if ( post.permalink ) {
			candidates.push( byUrl.get( normalizeUrl( post.permalink ) ) );
		}
		if ( post.title && post.published ) {
			// Live Writer keeps UTC; the archive the blog's wall clock.
			for ( const shift of [ 0, -1, 1 ] ) {
				candidates.push(
					byTitleDay.get(
						`${ titleKey( post.title ) }|${ dayOf(
							post.published,
							shift
						) }`
					)
				);
			}
		}
		return candidates.find( ( c ) => c && ! taken.has( c ) ) ?? null;
	};

	const copies = new Map< string, LiveWriterPost >();
	const own = new Map< string, { post: MergedPost; from: LiveWriterPost } >();
	const posts: MergedPost[] = [];
	const merged = new Map< MergedPost, MergedPost >();
	// Published copies first, so a draft never takes a published post's place.
	const ordered = [
		...local.filter( ( p ) => ! p.draft ),
		...local.filter( ( p ) => p.draft ),
	];
	for ( const post of ordered ) {
		const match = post.draft ? null : find( post );
		if ( ! match ) {
			const mine = ownPost( post );
			const before = own.get( mine.sourceId );
			// The same post kept twice: the longer copy wins.
			if ( ! before || mine.html.length > before.post.html.length ) {
				own.set( mine.sourceId, { post: mine, from: post } );
			}
			continue;
		}
		taken.add( match );
		const theirs = ownPost( post );
		const localRicher =
			plainText( post.html ).length > plainText( match.html ).length;
		const categories = [ ...match.categories ];
		for ( const category of post.categories ) {
			if ( ! categories.includes( category ) ) {
				categories.push( category );
			}
		}
		const result: MergedPost = {
			...match,
			title: match.title || post.title,
			published: match.published ?? theirs.published,
			dateSource: match.published ? match.dateSource : theirs.dateSource,
			categories,
			originalUrl: match.originalUrl ?? theirs.originalUrl,
			files: [ ...match.files, post.file ],
			...( localRicher
				? {
						html: theirs.html,
						images: theirs.images,
						hrefs: theirs.hrefs,
						file: post.file,
						baseUrl: null,
					}
				: {} ),
		};
		merged.set( match, result );
		copies.set( result.sourceId, post );
	}
	for ( const post of archive ) {
		posts.push( merged.get( post ) ?? post );
	}
	const drafts = new Set< string >();
	for ( const [ sourceId, { post, from } ] of own ) {
		// A published post the archive lacks keeps its Spaces id, unless the
		// archive has that id for another post.
		if ( byId.has( sourceId.toLowerCase() ) ) {
			continue;
		}
		posts.push( post );
		copies.set( sourceId, from );
		if ( from.draft ) {
			drafts.add( sourceId );
		}
	}

	return {
		posts,
		finish( model ) {
			const sizes = new Map(
				model.media.map( ( m ) => [ m.path, m.size ] )
			);
			for ( const post of model.posts ) {
				const from = copies.get( post.sourceId );
				if ( ! from ) {
					continue;
				}
				const extra: Partial< ArchivePost > = {
					liveWriter: drafts.has( post.sourceId ) ? 'draft' : 'copy',
				};
				if ( from.keywords.length ) {
					extra.tags = [ ...from.keywords ];
				}
				if ( from.excerpt ) {
					extra.excerpt = from.excerpt;
				}
				Object.assign( post, extra );
				if (
					drafts.has( post.sourceId ) &&
					! from.published &&
					! from.modified
				) {
					// A draft without a date is left for the owner to date.
					post.published = null;
					post.dateSource = 'none';
					model.warnings = model.warnings.filter(
						( w ) =>
							! (
								w.code === 'date-missing' &&
								w.file === from.file
							)
					);
				}
				if ( post.files[ 0 ] !== from.file ) {
					preferLocalImages( post, from, sizes, model );
				}
			}
		},
	};
}

/**
 * Points an archive post's images at the local copy's files where the
 * archive has none, or a smaller one.
 *
 * @param post  The post, with the archive's body.
 * @param from  The local copy.
 * @param sizes Sizes of the media files by path.
 * @param model The model, whose warnings are corrected.
 */
function preferLocalImages(
	post: ArchivePost,
	from: LiveWriterPost,
	sizes: Map< string, number >,
	model: ArchiveModel
): void {
	const files = new Map( from.files.map( ( f ) => [ f.path, f ] ) );
	const order = localImages( from ).paths;
	const byUpload = new Map(
		from.files
			.filter( ( f ) => f.uploadUrl )
			.map( ( f ) => [ normalizeUrl( f.uploadUrl ?? '' ), f.path ] )
	);
	const byName = new Map(
		from.files.map( ( f ) => [ f.name.toLowerCase(), f.path ] )
	);
	const sameCount = order.length === post.images.length;
	let filled = false;
	post.images.forEach( ( image, i ) => {
		const path =
			byUpload.get( normalizeUrl( image.reference ) ) ??
			byName.get( fileNameOf( image.reference ) ) ??
			( sameCount ? order[ i ] : undefined );
		const local = path ? files.get( path ) : undefined;
		if ( ! local ) {
			return;
		}
		const archiveSize = image.archivePath
			? ( sizes.get( image.archivePath ) ?? 0 )
			: -1;
		if ( archiveSize < local.size ) {
			filled = filled || ! image.archivePath;
			image.archivePath = local.path;
		}
	} );
	if ( filled ) {
		const stillMissing = post.images.filter( ( i ) => ! i.archivePath );
		if ( ! stillMissing.length ) {
			model.warnings = model.warnings.filter(
				( w ) =>
					! (
						w.code === 'image-missing' &&
						w.file !== null &&
						post.files.includes( w.file ) &&
						w.message.includes( post.title || post.sourceId )
					)
			);
		}
	}
}
