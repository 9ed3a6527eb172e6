/**
 * The readable summary `inspect` prints: what the archive holds and what
 * the importer could not read.
 */

/**
 * Internal dependencies
 */
import type { ArchiveModel } from '../archive';

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
	const { blog, posts } = model;
	const about = [ blog.host, blog.culture, blog.cid && `CID ${ blog.cid }` ]
		.filter( Boolean )
		.join( ', ' );
	lines.push(
		`${ model.name }: ${ blog.title ? `“${ blog.title }”` : 'untitled blog' }${
			about ? ` (${ about })` : ''
		}`
	);
	const dates = posts
		.map( ( p ) => p.published )
		.filter( ( d ): d is string => d !== null )
		.sort();
	const drafts = posts.filter( ( p ) => p.liveWriter === 'draft' ).length;
	lines.push(
		`Posts: ${ posts.length - drafts }${
			dates.length
				? `, from ${ dates[ 0 ].slice( 0, 10 ) } to ${ dates[
						dates.length - 1
					].slice( 0, 10 ) }`
				: ''
		}`
	);
	if ( drafts ) {
		lines.push(
			`Drafts from Windows Live Writer: ${ drafts } (imported as drafts)`
		);
	}
	const comments = posts.reduce( ( n, p ) => n + p.comments.length, 0 );
	const declared = posts.reduce(
		( n, p ) =>
			n + Math.max( p.declaredCommentCount ?? 0, p.comments.length ),
		0
	);
	lines.push(
		`Comments: ${ comments } read${
			declared > comments ? ` (the pages declared ${ declared })` : ''
		}`
	);
	const images = posts.flatMap( ( p ) => p.images );
	const found = images.filter( ( i ) => i.archivePath !== null ).length;
	lines.push(
		`Images: ${ images.length } referenced, ${ found } found in the archive, ${
			images.length - found
		} missing; ${ plural( model.media.length, 'media file' ) } in the archive`
	);
	const videos = posts.flatMap( ( p ) => p.videos ?? [] );
	if ( videos.length ) {
		const count = ( kind: string ) =>
			videos.filter( ( v ) => v.kind === kind ).length;
		lines.push(
			`Videos: ${ videos.length } found, ${ count(
				'embed'
			) } embeddable, ${ count( 'dead' ) } dead (become links), ${ count(
				'file'
			) } ${ count( 'file' ) === 1 ? 'file' : 'files' } in the archive`
		);
		const unplayable = posts.filter( ( p ) =>
			( p.videos ?? [] ).some(
				( v ) =>
					v.kind === 'dead' || ( v.kind === 'file' && ! v.playable )
			)
		);
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
	const links = posts.reduce( ( n, p ) => n + p.links.length, 0 );
	lines.push( `Links between posts: ${ links }` );
	const categories = new Map< string, number >();
	for ( const post of posts ) {
		for ( const c of post.categories ) {
			categories.set( c, ( categories.get( c ) ?? 0 ) + 1 );
		}
	}
	lines.push(
		`Categories: ${
			categories.size
				? [ ...categories ]
						.sort( ( a, b ) => b[ 1 ] - a[ 1 ] )
						.map( ( [ name, n ] ) => `${ name } (${ n })` )
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
