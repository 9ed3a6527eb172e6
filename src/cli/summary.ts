/**
 * The readable summary `inspect` prints: what the archive holds and what
 * the importer could not read.
 */

/**
 * Internal dependencies
 */
import {
	archiveStats,
	hasUnplayableVideos,
	postOverview,
	type ArchiveModel,
} from '../archive';

function plural( n: number, one: string, many = one + 's' ): string {
	return `${ n } ${ n === 1 ? one : many }`;
}

/**
 * Formats a model for a terminal.
 *
 * @param model The model.
 * @return Lines of text.
 */
export function summarize( model: ArchiveModel ): string {
	const lines: string[] = [];
	const { blog } = model;
	const about = [ blog.host, blog.culture, blog.cid && `CID ${ blog.cid }` ]
		.filter( Boolean )
		.join( ', ' );
	lines.push(
		`${ model.name }: ${ blog.title ? `“${ blog.title }”` : 'untitled blog' }${
			about ? ` (${ about })` : ''
		}`
	);
	const stats = archiveStats( model );
	const range = stats.dateRange;
	lines.push(
		`Posts: ${ stats.posts - stats.drafts }${
			range
				? `, from ${ range.first.slice( 0, 10 ) } to ${ range.last.slice(
						0,
						10
					) }`
				: ''
		}`
	);
	if ( stats.drafts ) {
		lines.push(
			`Drafts from Windows Live Writer: ${ stats.drafts } (imported as drafts)`
		);
	}
	lines.push(
		`Comments: ${ stats.comments } read${
			stats.declaredComments > stats.comments
				? ` (the pages declared ${ stats.declaredComments })`
				: ''
		}`
	);
	lines.push(
		`Images: ${ stats.imageReferences } referenced, ${ plural(
			stats.imagesFound,
			'file'
		) } found in the archive, ${ stats.imagesMissing } missing; ${ plural(
			model.media.length,
			'media file'
		) } in the archive`
	);
	const { videos } = stats;
	if ( videos.found ) {
		lines.push(
			`Videos: ${ videos.found } found, ${
				videos.embeddable
			} embeddable, ${ videos.dead } dead (become links), ${ plural(
				videos.files,
				'file'
			) } in the archive`
		);
		const unplayable = model.posts
			.map( postOverview )
			.filter( hasUnplayableVideos );
		if ( unplayable.length ) {
			lines.push(
				`  Posts with videos that cannot play: ${ unplayable
					.slice( 0, 10 )
					.map( ( p ) => ( p.title ? `“${ p.title }”` : p.sourceId ) )
					.join( ', ' ) }${ unplayable.length > 10 ? ', …' : '' }`
			);
		}
	}
	if ( model.photos?.length ) {
		lines.push( `Album photos listed by feeds: ${ model.photos.length }` );
	}
	lines.push( `Links between posts: ${ stats.links }` );
	lines.push(
		`Categories: ${
			stats.categories.length
				? stats.categories
						.map( ( { name, posts } ) => `${ name } (${ posts })` )
						.join( ', ' )
				: 'none'
		}`
	);
	if ( model.warnings.length ) {
		lines.push( `Warnings: ${ model.warnings.length }` );
		const byCode = new Map< string, string[] >();
		for ( const w of model.warnings ) {
			byCode.set( w.code, [
				...( byCode.get( w.code ) ?? [] ),
				w.message,
			] );
		}
		for ( const [ code, messages ] of byCode ) {
			lines.push( `  ${ code } (${ messages.length })` );
			for ( const message of messages.slice( 0, 5 ) ) {
				lines.push( `    - ${ message }` );
			}
			if ( messages.length > 5 ) {
				lines.push( `    … and ${ messages.length - 5 } more` );
			}
		}
	} else {
		lines.push( 'Warnings: none' );
	}
	return lines.join( '\n' );
}
