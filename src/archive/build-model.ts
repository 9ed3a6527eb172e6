/**
 * The last step: merged posts, media and warnings become the model, with
 * images matched to files, links between posts found, undated posts placed
 * by their number, and what is missing said plainly.
 */

/**
 * Internal dependencies
 */
import type {
	ArchiveBlog,
	ArchiveImage,
	ArchiveLink,
	ArchiveMedia,
	ArchiveModel,
	ArchivePost,
	ArchiveVideo,
	ArchiveWarning,
} from './model';
import { MediaIndex, isStorageUrl, referenceHost } from './images';
import { findPathLinks, findPostLinks, postsByPagePath } from './links';
import type { FoundPhoto } from './extractors/types';
import type { MergedPost } from './merge';
import { dirname } from './paths';
import { isSpacesId } from './ids';
import { PROVIDER_NAMES, convertVideos } from './videos';

function mostCommon(
	values: Array< string | null | undefined >
): string | null {
	const counts = new Map< string, number >();
	let best: string | null = null;
	let bestCount = 0;
	for ( const value of values ) {
		if ( ! value ) {
			continue;
		}
		const n = ( counts.get( value ) ?? 0 ) + 1;
		counts.set( value, n );
		if ( n > bestCount ) {
			best = value;
			bestCount = n;
		}
	}
	return best;
}

function label( post: { title: string; sourceId: string } ): string {
	return post.title ? `“${ post.title }”` : `the post ${ post.sourceId }`;
}

/**
 * What the owner should know of a post's videos: those that can no longer
 * play, and files browsers do not play.
 *
 * @param post   The post.
 * @param videos Its videos.
 * @return Warnings.
 */
function videoWarnings(
	post: MergedPost,
	videos: ArchiveVideo[]
): ArchiveWarning[] {
	const warnings: ArchiveWarning[] = [];
	const dead = videos.filter( ( video ) => video.kind === 'dead' );
	if ( dead.length ) {
		const names = [
			...new Set(
				dead.map( ( video ) =>
					video.provider === 'file'
						? 'a video file not in the archive'
						: ( PROVIDER_NAMES[ video.provider ] ?? video.provider )
				)
			),
		].join( ', ' );
		const linked = dead.find( ( video ) => video.link );
		warnings.push( {
			file: post.file,
			code: 'video-unplayable',
			message: `${ label( post ) } shows ${
				dead.length === 1 ? 'a video' : `${ dead.length } videos`
			} that can no longer play (${ names }); ${
				linked
					? `${
							dead.length === 1
								? 'it becomes a link'
								: 'they become links'
						} to the old address: ${ linked.link }`
					: 'the player names no address, so it was removed'
			}`,
		} );
	}
	const unplayable = videos.filter(
		( video ) => video.kind === 'file' && ! video.playable
	);
	if ( unplayable.length ) {
		warnings.push( {
			file: post.file,
			code: 'video-file-unplayable',
			message: `${ label( post ) } shows the video file${
				unplayable.length === 1 ? '' : 's'
			} ${ unplayable
				.map( ( video ) => video.archivePath )
				.join( ', ' ) }, which browsers do not play; ${
				unplayable.length === 1 ? 'it is' : 'they are'
			} imported and linked for download.`,
		} );
	}
	return warnings;
}

function resolveImages(
	post: MergedPost,
	media: MediaIndex
): { images: ArchiveImage[]; missing: string[] } {
	const images: ArchiveImage[] = [];
	const missing: string[] = [];
	const seen = new Set< string >();
	const pageDir = dirname( post.file );
	for ( const found of post.images ) {
		const own = media.resolve( found.reference, pageDir );
		const thumb = found.thumbnail
			? media.resolve( found.thumbnail, pageDir )
			: null;
		// A full-size photo and its thumbnail are one picture: either file
		// serves both references.
		const file = own ?? thumb;
		if ( ! seen.has( found.reference ) ) {
			seen.add( found.reference );
			images.push( {
				reference: found.reference,
				archivePath: file,
				alt: found.alt,
			} );
		}
		if ( found.thumbnail && ! seen.has( found.thumbnail ) ) {
			seen.add( found.thumbnail );
			images.push( {
				reference: found.thumbnail,
				archivePath: thumb ?? own,
				alt: found.alt,
			} );
		}
		if ( ! file ) {
			missing.push( found.reference );
		}
	}
	return { images, missing };
}

function missingImagesWarning(
	post: MergedPost,
	missing: string[]
): ArchiveWarning[] {
	const spaces = missing.filter(
		( ref ) => isStorageUrl( ref ) || referenceHost( ref ) === null
	);
	const elsewhere = missing.filter( ( ref ) => ! spaces.includes( ref ) );
	const warnings: ArchiveWarning[] = [];
	if ( spaces.length ) {
		warnings.push( {
			file: post.file,
			code: 'image-missing',
			message:
				spaces.length === 1
					? `${ label( post ) } shows an image that is not in the archive; it stays linked to its old address: ${ spaces[ 0 ] }`
					: `${ label( post ) } shows ${ spaces.length } images that are not in the archive; they stay linked to their old addresses, such as ${ spaces[ 0 ] }`,
		} );
	}
	if ( elsewhere.length ) {
		const hosts = [
			...new Set( elsewhere.map( ( ref ) => referenceHost( ref ) ) ),
		].join( ', ' );
		warnings.push( {
			file: post.file,
			code: 'image-external',
			message:
				elsewhere.length === 1
					? `${ label( post ) } shows an image kept on another site (${ hosts }); it stays linked there and is not imported.`
					: `${ label( post ) } shows ${ elsewhere.length } images kept on other sites (${ hosts }); they stay linked there and are not imported.`,
		} );
	}
	return warnings;
}

/**
 * Places posts without a date by their number: they get the date of the
 * nearest earlier post (or, failing that, the nearest later one).
 *
 * @param posts    Posts sorted by number.
 * @param warnings Where to report each one.
 */
function placeUndated( posts: ArchivePost[], warnings: ArchiveWarning[] ) {
	for ( let i = 0; i < posts.length; i++ ) {
		const post = posts[ i ];
		if ( post.published ) {
			continue;
		}
		let neighbour: ArchivePost | null = null;
		for ( let j = i - 1; j >= 0 && ! neighbour; j-- ) {
			if ( posts[ j ].published && posts[ j ].dateSource !== 'order' ) {
				neighbour = posts[ j ];
			}
		}
		for ( let j = i + 1; j < posts.length && ! neighbour; j++ ) {
			if ( posts[ j ].published && posts[ j ].dateSource !== 'order' ) {
				neighbour = posts[ j ];
			}
		}
		post.dateSource = 'order';
		post.published = neighbour?.published ?? null;
		warnings.push( {
			file: post.files[ 0 ] ?? null,
			code: 'date-missing',
			message: neighbour
				? `${ label( post ) } has no date the importer could read; it is placed by its number, next to ${ label(
						neighbour
					) } (${ neighbour.published }).`
				: `${ label( post ) } has no date the importer could read, and no other post has one either.`,
		} );
	}
}

/**
 * Oldest first. Two Spaces posts compare by their numbers, which rise over
 * time even when dates are missing; a post with an id of the importer's own
 * has no number, and is placed by its date.
 *
 * @param a A post.
 * @param b Another.
 * @return Negative when `a` is older.
 */
function compareAge( a: MergedPost, b: MergedPost ): number {
	if ( a.number > 0 && b.number > 0 ) {
		return a.number - b.number;
	}
	const da = a.published ?? '';
	const db = b.published ?? '';
	if ( da !== db ) {
		// Undated posts last: they are placed by their neighbours.
		if ( ! da || ! db ) {
			return da ? -1 : 1;
		}
		return da < db ? -1 : 1;
	}
	return a.number - b.number || ( a.sourceId < b.sourceId ? -1 : 1 );
}

/**
 * A body's links to other posts: by permalink, or by the relative path of
 * the other post's page.
 *
 * @param post     The post.
 * @param cid      The space's id, when known.
 * @param knownIds Ids of the posts in the archive.
 * @param byPath   Ids of the posts by the path of the page holding each.
 * @return The links.
 */
function postLinks(
	post: MergedPost,
	cid: string | null,
	knownIds: Set< string >,
	byPath: Map< string, string >
): ArchiveLink[] {
	const links = findPostLinks( post.hrefs, post.sourceId, cid, knownIds );
	const seen = new Set( links.map( ( l ) => l.href ) );
	for ( const link of findPathLinks(
		post.hrefs,
		post.file,
		post.sourceId,
		byPath
	) ) {
		if ( ! seen.has( link.href ) ) {
			links.push( link );
		}
	}
	return links;
}

export interface BuildInput {
	name: string;
	posts: MergedPost[];
	blogParts: Array< Partial< ArchiveBlog > >;
	media: ArchiveMedia[];
	photos: FoundPhoto[];
	warnings: ArchiveWarning[];
}

/**
 * Builds the model.
 *
 * @param input What the files gave.
 * @return The model.
 */
export function buildModel( input: BuildInput ): ArchiveModel {
	const { posts: merged, blogParts } = input;
	const warnings = [ ...input.warnings ];
	const cid = mostCommon(
		merged
			.filter( ( p ) => isSpacesId( p.sourceId ) )
			.map( ( p ) => p.sourceId.split( '!' )[ 1 ] )
	);
	const blog: ArchiveBlog = {
		title: mostCommon( blogParts.map( ( b ) => b.title ) ) ?? '',
		host: mostCommon( blogParts.map( ( b ) => b.host ) ),
		cid: cid ?? mostCommon( blogParts.map( ( b ) => b.cid ) ),
		culture: mostCommon( blogParts.map( ( b ) => b.culture ) ),
	};
	const index = new MediaIndex( input.media.map( ( m ) => m.path ) );
	const mediaTypes = new Map(
		input.media.map( ( m ) => [ m.path, m.mimeType ] )
	);
	const knownIds = new Set( merged.map( ( p ) => p.sourceId ) );
	const byPath = postsByPagePath( merged );
	const posts: ArchivePost[] = [];
	for ( const post of [ ...merged ].sort( compareAge ) ) {
		const pageDir = dirname( post.file );
		const converted = convertVideos( post.html, ( reference ) => {
			const path = index.resolve( reference, pageDir );
			const type = path ? ( mediaTypes.get( path ) ?? null ) : null;
			return path && ( ! type || type.startsWith( 'video/' ) )
				? { path, mimeType: type }
				: null;
		} );
		if ( converted.droppedImages.length ) {
			// Thumbnails that stood inside players left the body with them.
			post.images = post.images.filter(
				( image ) =>
					! converted.droppedImages.includes( image.reference )
			);
		}
		warnings.push( ...videoWarnings( post, converted.videos ) );
		const { images, missing } = resolveImages( post, index );
		warnings.push( ...missingImagesWarning( post, missing ) );
		const declared = post.declaredCommentCount;
		if ( declared !== null && post.comments.length < declared ) {
			warnings.push( {
				file: post.file,
				code: 'comments-missing',
				message:
					post.comments.length === 0
						? `${ label( post ) } had ${ declared } comment${
								declared === 1 ? '' : 's'
							} on Spaces, but the archive holds none of them.`
						: `${ label( post ) } had ${ declared } comments on Spaces, but the archive holds only ${ post.comments.length } of them.`,
			} );
		}
		posts.push( {
			sourceId: post.sourceId,
			number: post.number,
			title: post.title,
			html: converted.html,
			published: post.published,
			dateSource: post.published ? post.dateSource : 'none',
			categories: post.categories,
			originalUrl: post.originalUrl,
			comments: post.comments,
			declaredCommentCount: declared,
			images,
			links: postLinks( post, blog.cid, knownIds, byPath ),
			files: post.files,
			videos: converted.videos,
		} );
	}
	placeUndated( posts, warnings );
	const photos = input.photos.map( ( photo ) => ( {
		album: photo.album,
		title: photo.title,
		url: photo.url,
		archivePath: index.resolve( photo.url, dirname( photo.file ) ),
		published: photo.published,
	} ) );
	return {
		name: input.name,
		blog,
		posts,
		media: input.media,
		photos,
		warnings,
	};
}
