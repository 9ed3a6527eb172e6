/**
 * A synthetic Spaces archive generator: realistic markup of every era, with
 * comments, images in `img/`, links between posts, list pages repeating
 * posts, a feed, and system litter. Used by tests and by the benchmark.
 */

/**
 * Internal dependencies
 */
import { encodeText } from './encode';
import { pngBytes } from './png';
import {
	pageHtml,
	rssXml,
	type CommentEra,
	type SampleComment,
	type SamplePage,
	type SamplePost,
} from './markup';
import { seededRandom, type Random } from './random';

export interface GenerateOptions {
	posts: number;
	comments: number;
	images: number;
	seed?: number;
	culture?: string;
	cid?: string;
	host?: string;
	/** A folder wrapping everything, e.g. `space/`; none by default. */
	root?: string;
	/** Also write month list pages repeating the posts (without comments). */
	monthPages?: boolean;
	/** Also write `feed.rss` with the latest posts. */
	feed?: boolean;
	/**
	 * The bytes of image `index` instead of a tiny PNG (photos for the
	 * benchmark); the rest of the archive stays the same.
	 */
	image?: ( index: number ) => { bytes: Uint8Array; ext: string };
}

export interface GeneratedArchive {
	/** Path → bytes, ready for fflate's `zipSync`. */
	files: Record< string, Uint8Array >;
	posts: SamplePost[];
	/** Archive path of each image file. */
	images: string[];
	page: SamplePage;
}

const WORDS = [
	'Spaces',
	'blog',
	'photo',
	'weekend',
	'travel',
	'music',
	'friends',
	'café',
	'naïve',
	'上海',
	'春节',
	'照片',
	'音乐',
	'Zürich',
	'“quoted”',
	'R&D',
	'<code>',
];

const CATEGORIES = [
	'Computers and Internet',
	'计算机与 Internet',
	'Music',
	'Travel & Places',
	'Fotos',
	null,
];

function sentence( random: Random, words: number ): string {
	const out: string[] = [];
	for ( let i = 0; i < words; i++ ) {
		out.push( random.pick( WORDS ) );
	}
	return out.join( ' ' );
}

function escapeText( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' );
}

function wallClock( ms: number ): string {
	return new Date( ms ).toISOString().slice( 0, 19 );
}

function imageBytes(
	random: Random,
	index: number
): { bytes: Uint8Array; ext: string } {
	// Real PNGs, each different, so that a site accepts them as images and
	// no two are deduplicated as the same file.
	const width = 48 + ( index % 97 );
	const height = 32 + ( Math.floor( index / 97 ) % 89 );
	const rgb: [ number, number, number ] = [
		random.int( 0, 255 ),
		random.int( 0, 255 ),
		index % 256,
	];
	return { bytes: pngBytes( width, height, rgb ), ext: 'png' };
}

function eraOf( index: number, total: number ): CommentEra {
	const third = index / Math.max( 1, total );
	if ( third < 0.34 ) {
		return '2007';
	}
	return third < 0.67 ? '2008' : '2010';
}

/**
 * Generates an archive.
 *
 * @param options Sizes and shape.
 * @return The files and what they hold.
 */
export function generateArchive( options: GenerateOptions ): GeneratedArchive {
	const random = seededRandom( options.seed ?? 1 );
	const cid = options.cid ?? '2B070A76FD6627CE';
	const host = options.host ?? 'example.spaces.live.com';
	const culture = options.culture ?? 'en-US';
	const root = options.root ?? '';
	const page: SamplePage = {
		culture,
		host,
		blogTitle: 'Notes & Photos — 日记',
		charset: 'utf-8',
	};
	const files: Record< string, Uint8Array > = {};
	const images: string[] = [];
	const posts: SamplePost[] = [];

	// Comments spread over the posts, the exact total requested.
	const commentCounts = new Array( options.posts ).fill( 0 );
	for ( let i = 0; i < options.comments; i++ ) {
		commentCounts[ random.int( 0, options.posts - 1 ) ]++;
	}

	let time = Date.UTC( 2005, 0, 1, 9, 0, 0 );
	let number = 100;
	for ( let i = 0; i < options.posts; i++ ) {
		time += random.int( 3600, 86400 * 2 ) * 1000;
		number += random.int( 1, 5 );
		const published = wallClock( time - ( time % 60000 ) );
		const comments: SampleComment[] = [];
		let commentTime = time;
		for ( let c = 0; c < commentCounts[ i ]; c++ ) {
			commentTime += random.int( 60, 86400 ) * 1000;
			comments.push( {
				author:
					random.pick( [ 'Anna', '小明', 'José', 'Ben & Jerry' ] ) +
					` ${ c }`,
				authorUrl: random.chance( 0.3 )
					? `http://friend${ c }.spaces.live.com/`
					: null,
				email: random.chance( 0.3 ) ? `friend${ c }@example.com` : null,
				html: escapeText( sentence( random, random.int( 5, 30 ) ) ),
				published: wallClock( commentTime - ( commentTime % 60000 ) ),
			} );
		}
		const paragraphs: string[] = [];
		for ( let p = 0; p < random.int( 1, 4 ); p++ ) {
			paragraphs.push(
				`<p>${ escapeText( sentence( random, random.int( 10, 60 ) ) ) }</p>`
			);
		}
		if ( posts.length && random.chance( 0.2 ) ) {
			const target = random.pick( posts );
			const href = random.pick( [
				`http://${ host }/blog/cns!${ cid }!${ target.number }.entry`,
				`http://${ host.replace( '.live.', '.msn.' ) }/Blog/cns!${ cid }!${ target.number }.entry#post`,
				`http://spaces.msn.com/members/${ host.split( '.' )[ 0 ] }/Blog/cns%21${ cid }%21${ target.number }.entry`,
			] );
			paragraphs.push(
				`<p>See <a href="${ escapeText( href ) }">an earlier post</a>.</p>`
			);
		}
		posts.push( {
			cid,
			number,
			title: `${ i + 1 }. ${ sentence( random, random.int( 2, 6 ) ) }`,
			html: paragraphs.join( '' ),
			published,
			category: random.pick( CATEGORIES ),
			comments,
			era: eraOf( i, options.posts ),
		} );
	}

	for ( let i = 0; i < options.images; i++ ) {
		const png = imageBytes( random, i );
		const { bytes, ext } = options.image ? options.image( i ) : png;
		const name = `img/photo${ i }_${ random.int( 1000, 9999 ) }.${ ext }`;
		files[ root + name ] = bytes;
		images.push( root + name );
		const post = posts[ ( i * 7 ) % posts.length ];
		post.html += `<p><img src="${ name }" alt="Photo ${ i }" /></p>`;
	}

	posts.forEach( ( post, i ) => {
		const text = pageHtml( [ post ], page );
		// Saved pages come with and without extensions, `!` or `%21`.
		const name =
			i % 3 === 0
				? `cns!${ cid }!${ post.number }.entry`
				: `cns%21${ cid }%21${ post.number }.html`;
		files[ root + name ] = encodeText( text, 'utf-8' );
	} );

	if ( options.monthPages ) {
		const months = new Map< string, SamplePost[] >();
		for ( const post of posts ) {
			const key = post.published.slice( 0, 7 );
			months.set( key, [ ...( months.get( key ) ?? [] ), post ] );
		}
		for ( const [ month, list ] of months ) {
			const withoutComments = list.map( ( p ) => ( {
				...p,
				comments: [],
				declared: p.comments.length,
			} ) );
			files[ `${ root }archive/${ month }.htm` ] = encodeText(
				pageHtml( withoutComments.reverse(), page ),
				'utf-8'
			);
		}
	}
	if ( options.feed ) {
		files[ root + 'feed.rss' ] = encodeText(
			rssXml( posts.slice( -20 ), page, '-0800' ),
			'utf-8'
		);
	}
	files[ root + 'img/Thumbs.db' ] = new Uint8Array( [
		0xd0, 0xcf, 0x11, 0xe0,
	] );
	files[ root + 'desktop.ini' ] = encodeText(
		'[.ShellClassInfo]\r\n',
		'utf-8'
	);
	files[ '__MACOSX/' + root + '._feed.rss' ] = new Uint8Array( [
		0, 5, 22, 7,
	] );
	return { files, posts, images, page };
}
