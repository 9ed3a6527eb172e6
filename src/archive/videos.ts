/**
 * Videos in post bodies: the players owners embedded between 2005 and 2010
 * (YouTube, Vimeo and Dailymotion `<object>`/`<embed>` codes, Google Video,
 * MSN Video / Soapbox, later `<iframe>` players, Live Writer's video plugin,
 * Windows Media players of the archive's own files) are recognised and put
 * back as block markup WordPress keeps: a `core/embed` block with the
 * video's modern address for the services WordPress still embeds, a
 * `core/video` block for a file of the archive browsers play, and a
 * paragraph linking the old address for everything else. No `<object>`,
 * `<embed>`, `<iframe>` or script is left in the body.
 */

/**
 * External dependencies
 */
import { decodeHTMLAttribute } from 'entities';

/**
 * Internal dependencies
 */
import {
	attr,
	findAll,
	findOne,
	isElement,
	outerHtml,
	parseHtml,
	textOf,
	type HtmlElement,
	type HtmlNode,
} from './dom';
import type { ArchiveVideo, VideoKind } from './model';
import {
	VIDEO_FILE,
	decodeURIComponentSafe,
	videoMarkup,
} from './video-markup';

export { isVideoFileName, videoMarkup } from './video-markup';

/** A file of the archive a player or link points at. */
export interface VideoFile {
	path: string;
	/** Sniffed from the bytes; null when unknown. */
	mimeType: string | null;
}

/** What a post body becomes. */
export interface ConvertedBody {
	html: string;
	videos: ArchiveVideo[];
	/**
	 * Image references that stood inside the players (Live Writer's
	 * thumbnails): they are gone from the body, so nothing uploads them.
	 */
	droppedImages: string[];
}

/** Cheap test before parsing: a body that may hold a player or a video file. */
const HINT =
	/<(?:object|embed|iframe)\b|scid:5737277B-5D6D-4f48-ABFC-DD9C333F4C5D|\.(?:wmv|avi|mp4|m4v|flv|mov|webm|ogv|asf|mpe?g)\b/i;

/** Live Writer's "Insert Video" smart content. */
const LIVE_WRITER_VIDEO = /^scid:5737277B-5D6D-4f48-ABFC-DD9C333F4C5D/i;

/** Types browsers play in a `<video>` element. */
const PLAYABLE = new Set( [ 'video/mp4', 'video/webm', 'video/ogg' ] );

/** Windows Media Player's ActiveX class ids. */
const WINDOWS_MEDIA_CLASSID =
	/6BF52A52-394A-11D3-B153-00C04F79FAA6|22D6F312-B0F6-11D0-94AB-0080C74C7E95/i;

/** Where the body must keep its structure: block markup is not split out. */
const TABLE_PARTS = new Set( [
	'table',
	'thead',
	'tbody',
	'tfoot',
	'tr',
	'td',
	'th',
	'caption',
	'ul',
	'ol',
	'li',
	'dl',
	'dd',
	'dt',
] );

/** The names owners know the services by, for messages. */
export const PROVIDER_NAMES: Record< string, string > = {
	youtube: 'YouTube',
	vimeo: 'Vimeo',
	dailymotion: 'Dailymotion',
	flickr: 'Flickr',
	ted: 'TED',
	soapbox: 'MSN Soapbox',
	'msn-video': 'MSN Video',
	msnbc: 'msnbc.com',
	'google-video': 'Google Video',
	youku: 'Youku',
	tudou: 'Tudou',
	'windows-media': 'Windows Media Player',
	flash: 'a Flash player',
	file: 'a video file not in the archive',
	unknown: 'a player without an address',
};

/**
 * Tells whether a body may hold a video, before it is parsed.
 *
 * @param html A post body.
 * @return Whether `convertVideos` may find one.
 */
export function mayHoldVideos( html: string ): boolean {
	return HINT.test( html );
}

/**
 * Decodes entities an attribute kept after the parser's own decoding (a
 * player's code pasted already escaped: `&amp;amp;`, `&#38;`).
 *
 * @param value An attribute's value.
 * @return The value with `&amp;` and numeric references decoded.
 */
function decodeLeftovers( value: string ): string {
	let out = value.trim();
	for (
		let i = 0;
		i < 3 && /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test( out );
		i++
	) {
		const decoded = decodeHTMLAttribute( out );
		if ( decoded === out ) {
			break;
		}
		out = decoded;
	}
	return out;
}

/** A player's parts, read from its markup. */
interface PlayerParts {
	/** Addresses: `movie`, `src`, `data`, `url`, `filename`, in that order. */
	urls: string[];
	flashvars: string;
	/** `type` or `classid`: tells a Windows Media player. */
	kinds: string[];
	title: string;
	width: number | null;
	height: number | null;
}

function size( el: HtmlElement, name: 'width' | 'height' ): number | null {
	const direct = /^\s*(\d{1,5})\s*(?:px)?\s*$/i.exec( attr( el, name ) );
	if ( direct ) {
		return Number( direct[ 1 ] );
	}
	const styled = new RegExp(
		`(?:^|;)\\s*${ name }\\s*:\\s*(\\d{1,5})px`,
		'i'
	).exec( attr( el, 'style' ) );
	return styled ? Number( styled[ 1 ] ) : null;
}

/**
 * Reads an `<object>`, `<embed>` or `<iframe>` (with what it holds).
 *
 * @param el The player's element.
 * @return Its parts.
 */
function readPlayer( el: HtmlElement ): PlayerParts {
	const parts: PlayerParts = {
		urls: [],
		flashvars: '',
		kinds: [],
		title: attr( el, 'title' ).trim(),
		width: null,
		height: null,
	};
	const add = ( value: string ) => {
		const url = decodeLeftovers( value );
		// Web addresses and relative paths only: never `javascript:` or `data:`.
		if ( ! url || ! /^(?:https?:|\/\/|[^:]*(?:[/?#]|$))/i.test( url ) ) {
			return;
		}
		if ( ! parts.urls.includes( url ) ) {
			parts.urls.push( url );
		}
	};
	const elements = [
		el,
		...findAll(
			( e ) => [ 'param', 'embed', 'object' ].includes( e.name ),
			el
		),
	];
	const params = new Map< string, string >();
	for ( const e of elements ) {
		if ( e.name === 'param' ) {
			const name = attr( e, 'name' ).trim().toLowerCase();
			if ( name && ! params.has( name ) ) {
				params.set( name, attr( e, 'value' ) );
			}
		}
	}
	for ( const name of [ 'movie', 'src', 'url', 'filename', 'fileName' ] ) {
		const value = params.get( name.toLowerCase() );
		if ( value ) {
			add( value );
		}
	}
	for ( const e of elements ) {
		if ( e.name === 'param' ) {
			continue;
		}
		add( attr( e, 'src' ) );
		add( attr( e, 'data' ) );
		parts.kinds.push( attr( e, 'type' ), attr( e, 'classid' ) );
		if ( ! parts.flashvars ) {
			parts.flashvars = decodeLeftovers( attr( e, 'flashvars' ) );
		}
		parts.width ??= size( e, 'width' );
		parts.height ??= size( e, 'height' );
		if ( ! parts.title ) {
			parts.title = attr( e, 'title' ).trim();
		}
	}
	if ( ! parts.flashvars ) {
		parts.flashvars = decodeLeftovers( params.get( 'flashvars' ) ?? '' );
	}
	if ( ! parts.title ) {
		parts.title = ( params.get( 'title' ) ?? '' ).trim();
	}
	return parts;
}

function queryValue( text: string, name: string ): string | null {
	const match = new RegExp( `(?:^|[?&;])${ name }=([^&;#]+)`, 'i' ).exec(
		text
	);
	return match ? match[ 1 ] : null;
}

function hostOf( url: string ): string {
	const match = /^(?:https?:)?\/\/([^/?#:]+)/i.exec( url );
	return match ? match[ 1 ].toLowerCase() : '';
}

/** What a player plays, before files are looked up. */
interface Identified {
	provider: string;
	kind: VideoKind;
	/** The address the markup gave. */
	url: string;
	/** The modern page (embeds) or the old page (links). */
	link: string;
	/**
	 * What a link to the video's page holds, when the link does not say it
	 * the way `titleNextTo` looks for (`vid=`, `/video/ID`).
	 */
	key?: string;
}

/** YouTube's hosts, players and pages alike. */
const YOUTUBE =
	/^(?:https?:)?\/\/(?:[a-z0-9-]+\.)?youtube(?:-nocookie)?\.com(\/[^#]*)?/i;

/**
 * A YouTube playlist's id as today's pages take it: the Flash era's sixteen
 * hexadecimal digits get the `PL` prefix YouTube has put before them since.
 *
 * @param id The id the player named.
 * @return The id, or null when it is not one.
 */
function playlistId( id: string | null ): string | null {
	if ( ! id || ! /^[A-Za-z0-9_-]{12,64}$/.test( id ) ) {
		return null;
	}
	return /^[0-9A-F]{16}$/i.test( id ) ? `PL${ id }` : id;
}

/**
 * The page of a YouTube player's video or playlist.
 *
 * @param url A player's address.
 * @return `https://www.youtube.com/watch?v=ID` for a video,
 *         `https://www.youtube.com/playlist?list=ID` for a playlist, or null.
 */
function youtubeLink( url: string ): string | null {
	const short =
		/^(?:https?:)?\/\/youtu\.be\/([A-Za-z0-9_-]{11})(?![\w-])/i.exec( url );
	if ( short ) {
		return `https://www.youtube.com/watch?v=${ short[ 1 ] }`;
	}
	const path = YOUTUBE.exec( url )?.[ 1 ];
	if ( ! path ) {
		return null;
	}
	// Playlist players: `/p/ID` and `/view_play_list?p=ID` (2007–2010),
	// `/v/videoseries?list=ID` and `/embed/videoseries?list=ID` (from 2010),
	// `/embed?listType=playlist&list=ID`.
	const list = playlistId(
		/^\/p\/([\w-]+)/i.exec( path )?.[ 1 ] ??
			( /^\/view_play_list\b/i.test( path )
				? queryValue( path, 'p' )
				: null ) ??
			( /^\/(?:(?:v|e|embed)\/videoseries|embed\/?(?=[?&]|$)|playlist\b)/i.test(
				path
			)
				? queryValue( path, 'list' )
				: null )
	);
	if ( list ) {
		return `https://www.youtube.com/playlist?list=${ list }`;
	}
	const video =
		/^\/(?:v|e|embed)\/([A-Za-z0-9_-]{11})(?![\w-])/i.exec( path ) ??
		/^\/watch\?(?:.*&)?v=([A-Za-z0-9_-]{11})(?![\w-])/i.exec( path );
	if ( video ) {
		return `https://www.youtube.com/watch?v=${ video[ 1 ] }`;
	}
	// A playlist's id where a video's stands (`/v/PL…`, `/embed/PL…`).
	const longId = playlistId(
		/^\/(?:v|e|embed)\/((?:PL|SP|EC|UU|FL|OLAK5uy_)?[\w-]+)/.exec(
			path
		)?.[ 1 ] ?? null
	);
	return longId ? `https://www.youtube.com/playlist?list=${ longId }` : null;
}

/**
 * The clip a Vimeo player plays: `vimeo.com/moogaloop.swf?clip_id=N` (and
 * `moogaloop_local.swf`), the CDN's `vimeocdn.com/p/flash/moogaloop/…/
 * moogaloop.swf` with `clip_id` in its address or its `flashvars`,
 * `player.vimeo.com/video/N`, and the video's own page.
 *
 * @param url       A player's address.
 * @param flashvars Its `flashvars`.
 * @return The clip's number, or null.
 */
function vimeoClip( url: string, flashvars: string ): string | null {
	const path =
		/^(?:https?:)?\/\/(?:[a-z0-9-]+\.)*vimeo(?:cdn)?\.com(\/[^#]*)?/i.exec(
			url
		)?.[ 1 ] ?? null;
	if ( path === null ) {
		return null;
	}
	const clip = /\/moogaloop[\w-]*\.swf/i.test( path )
		? ( queryValue( path, 'clip_id' ) ??
			queryValue( flashvars, 'clip_id' ) )
		: ( /^\/(?:video\/|(?:groups\/[\w-]+\/videos|channels\/[\w-]+)\/)?(\d+)(?:[/?#]|$)/i.exec(
				path
			)?.[ 1 ] ?? null );
	return clip && /^\d{1,12}$/.test( clip ) ? clip : null;
}

/** The alphabet of Flickr's short addresses (base 58, no 0, O, I or l). */
const FLICKR_BASE58 =
	'123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Flickr's short address of a photo or video: `https://flic.kr/p/` and the
 * id in base 58.
 *
 * @param id The photo's number.
 * @return The address.
 */
export function flickrShortLink( id: string ): string {
	let n = BigInt( id );
	let out = '';
	do {
		out = FLICKR_BASE58[ Number( n % 58n ) ] + out;
		n /= 58n;
	} while ( n > 0n );
	return `https://flic.kr/p/${ out }`;
}

/**
 * A Flickr video player (`flickr.com/apps/video/stewart.swf`, 2008–2011):
 * the video's number is `photo_id` in its address or its `flashvars`. Flickr
 * still shows the video, and WordPress embeds its page.
 *
 * @param url       A player's address.
 * @param flashvars Its `flashvars`.
 * @return The video, or null when the address is not Flickr's player or
 *         names no video.
 */
function flickrVideo( url: string, flashvars: string ): Identified | null {
	if (
		! /^(?:https?:)?\/\/(?:[a-z0-9-]+\.)*flickr\.com\/apps\/video\//i.test(
			url
		)
	) {
		return null;
	}
	const id =
		queryValue( url, 'photo_id' ) ?? queryValue( flashvars, 'photo_id' );
	if ( ! id || ! /^\d{1,20}$/.test( id ) ) {
		return null;
	}
	return {
		provider: 'flickr',
		kind: 'embed',
		url,
		link: flickrShortLink( id ),
		key: id,
	};
}

/**
 * A TED talk's player: the Flash player of 2007–2011
 * (`video.ted.com/assets/player/swf/EmbedPlayer.swf`), whose `flashvars`
 * name the talk in `adKeys=talk=SLUG` (later codes) or only by its number
 * `ti=N` (early ones), and the later `embed.ted.com/talks/SLUG.html`. The
 * talk's page, which WordPress embeds, is `https://www.ted.com/talks/SLUG`.
 *
 * @param url       A player's address.
 * @param flashvars Its `flashvars`.
 * @return The video, or null when the address is not TED's.
 */
function tedTalk( url: string, flashvars: string ): Identified | null {
	const iframe =
		/^(?:https?:)?\/\/embed(?:-ssl)?\.ted\.com\/talks\/(?:lang\/[\w-]+\/)?([a-z0-9_]+)(?:\.html)?(?:[?#]|$)/i.exec(
			url
		);
	const flash =
		/^(?:https?:)?\/\/video\.ted\.com\/assets\/player\/swf\/EmbedPlayer\.swf/i.test(
			url
		);
	if ( ! iframe && ! flash ) {
		return null;
	}
	const slug =
		iframe?.[ 1 ] ??
		/(?:^|[&;])adKeys=talk=([a-z0-9_]+)/i.exec( flashvars )?.[ 1 ];
	if ( slug ) {
		return {
			provider: 'ted',
			kind: 'embed',
			url,
			link: `https://www.ted.com/talks/${ slug }`,
		};
	}
	const id = queryValue( flashvars, 'ti' );
	return {
		provider: 'ted',
		kind: 'dead',
		url,
		link:
			id && /^\d{1,6}$/.test( id )
				? `http://www.ted.com/talks/view/id/${ id }`
				: url,
	};
}

/** A GUID, as MSN Video named its videos. */
const GUID =
	/^\{?([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})\}?$/i;

/**
 * MSN's players, all gone: Soapbox (`soapbox.msn.com`, 2006–2009), MSN
 * Video (`images.video.msn.com/flash/soapbox1_1.swf` with `v=GUID` in its
 * `flashvars`, `video.msn.com/?vid=GUID`, `video.msn.com/video.aspx?vid=GUID`)
 * and msnbc.com's (`www.msnbc.msn.com/id/…/vp/N`, and the Flash player of
 * `msnbcmedia.msn.com` with `launch=N`).
 *
 * @param url       A player's address.
 * @param flashvars Its `flashvars`.
 * @return The video, or null when the address is not MSN's.
 */
function msnVideo( url: string, flashvars: string ): Identified | null {
	const host = hostOf( url );
	if ( ! /(?:^|\.)msn\.com$/.test( host ) ) {
		return null;
	}
	if ( /(?:^|\.)msnbc(?:media)?\.msn\.com$/.test( host ) ) {
		const id =
			/\/vp\/(\d+)/i.exec( url )?.[ 1 ] ??
			queryValue( url, 'launch' ) ??
			queryValue( flashvars, 'launch' );
		const clean = id && /^\d{1,12}$/.test( id ) ? id : null;
		return {
			provider: 'msnbc',
			kind: 'dead',
			url,
			link: clean
				? `http://www.msnbc.msn.com/id/21134540/vp/${ clean }#${ clean }`
				: url,
			...( clean ? { key: clean } : {} ),
		};
	}
	const soapbox = /soapbox/i.test( host );
	const id =
		queryValue( url, 'vid' ) ??
		queryValue( flashvars, 'v' ) ??
		queryValue( flashvars, 'vid' ) ??
		queryValue( url, 'v' );
	const guid = id
		? ( GUID.exec( decodeURIComponentSafe( id ) )?.[ 1 ] ?? null )
		: null;
	let link = url;
	if ( guid ) {
		link = soapbox
			? `http://soapbox.msn.com/video.aspx?vid=${ guid }`
			: `http://video.msn.com/?vid=${ guid }`;
	}
	return {
		provider: soapbox ? 'soapbox' : 'msn-video',
		kind: 'dead',
		url,
		link,
		...( guid ? { key: guid } : {} ),
	};
}

/**
 * Names the service a player's addresses belong to.
 *
 * @param urls      The player's addresses, most telling first.
 * @param flashvars Its `flashvars`.
 * @param kinds     Its `type` and `classid` values.
 * @return The video, or null when none of the addresses says.
 */
function identify(
	urls: string[],
	flashvars: string,
	kinds: string[]
): Identified | null {
	for ( const url of urls ) {
		const youtube = youtubeLink( url );
		if ( youtube ) {
			return { provider: 'youtube', kind: 'embed', url, link: youtube };
		}
		const vimeo = vimeoClip( url, flashvars );
		if ( vimeo ) {
			return {
				provider: 'vimeo',
				kind: 'embed',
				url,
				link: `https://vimeo.com/${ vimeo }`,
			};
		}
		const flickr = flickrVideo( url, flashvars );
		if ( flickr ) {
			return flickr;
		}
		const ted = tedTalk( url, flashvars );
		if ( ted ) {
			return ted;
		}
		const dailymotion =
			/^(?:https?:)?\/\/(?:[a-z0-9-]+\.)?dailymotion\.com\/(?:swf|embed)\/(?:video\/)?([a-z0-9]+)/i.exec(
				url
			) ??
			/^(?:https?:)?\/\/(?:[a-z0-9-]+\.)?dailymotion\.com\/video\/([a-z0-9]+)/i.exec(
				url
			);
		if ( dailymotion ) {
			return {
				provider: 'dailymotion',
				kind: 'embed',
				url,
				link: `https://www.dailymotion.com/video/${ dailymotion[ 1 ] }`,
			};
		}
		if ( /^(?:https?:)?\/\/video\.google\.[a-z.]+\//i.test( url ) ) {
			const docid =
				queryValue( url, 'docid' ) ?? queryValue( flashvars, 'docid' );
			return {
				provider: 'google-video',
				kind: 'dead',
				url,
				link: docid
					? `http://video.google.com/videoplay?docid=${ docid }`
					: url,
			};
		}
		const msn = msnVideo( url, flashvars );
		if ( msn ) {
			return msn;
		}
		const youku =
			/^(?:https?:)?\/\/player\.youku\.com\/(?:player\.php\/(?:.*\/)?sid\/|embed\/)([A-Za-z0-9=]+)/i.exec(
				url
			);
		if ( youku ) {
			return {
				provider: 'youku',
				kind: 'dead',
				url,
				link: `http://v.youku.com/v_show/id_${ youku[ 1 ] }.html`,
			};
		}
		const tudou =
			/^(?:https?:)?\/\/(?:www\.)?tudou\.com\/v\/([A-Za-z0-9_-]+)/i.exec(
				url
			);
		if ( tudou ) {
			return {
				provider: 'tudou',
				kind: 'dead',
				url,
				link: `http://www.tudou.com/programs/view/${ tudou[ 1 ] }/`,
			};
		}
	}
	// Flickr's player naming no video: its address is all there is.
	const flickrPlayer = urls.find( ( url ) =>
		/^(?:https?:)?\/\/(?:[a-z0-9-]+\.)*flickr\.com\/apps\/video\//i.test(
			url
		)
	);
	if ( flickrPlayer ) {
		return {
			provider: 'flickr',
			kind: 'dead',
			url: flickrPlayer,
			link: flickrPlayer,
		};
	}
	const file = urls.find( ( url ) =>
		VIDEO_FILE.test( url.replace( /[?#].*$/, '' ) )
	);
	if ( file ) {
		return { provider: 'file', kind: 'file', url: file, link: file };
	}
	const first = urls.find(
		( url ) => ! /^\s*(?:javascript|data):/i.test( url )
	);
	if ( ! first ) {
		return null;
	}
	const mediaPlayer = kinds.some(
		( kind ) =>
			WINDOWS_MEDIA_CLASSID.test( kind ) ||
			/x-mplayer2|x-ms-wmv|x-ms-asf|video\//i.test( kind )
	);
	if ( mediaPlayer ) {
		return {
			provider: 'windows-media',
			kind: 'file',
			url: first,
			link: first,
		};
	}
	return {
		provider:
			/\.swf(?:[?#]|$)/i.test( first ) ||
			kinds.some( ( kind ) => /shockwave|D27CDB6E/i.test( kind ) )
				? 'flash'
				: hostOf( first ) || 'flash',
		kind: 'dead',
		url: first,
		link: first,
	};
}

/**
 * Unescapes the JavaScript string literal Live Writer put in the thumbnail's
 * `onload` (the player's markup, shown when the page loaded).
 *
 * @param onload The attribute, entities decoded.
 * @return The player's HTML, or ''.
 */
function liveWriterPlayerHtml( onload: string ): string {
	const match = /innerHTML\s*=\s*"((?:[^"\\]|\\.)*)"/.exec( onload );
	if ( ! match ) {
		return '';
	}
	return match[ 1 ].replace(
		/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g,
		( _, c: string ) => {
			if ( c.length > 1 ) {
				return String.fromCharCode( parseInt( c.slice( 1 ), 16 ) );
			}
			return { n: '\n', r: '\r', t: '\t' }[ c ] ?? c;
		}
	);
}

function imagesIn( el: HtmlElement ): string[] {
	return findAll( ( e ) => e.name === 'img', el ).map( ( img ) =>
		attr( img, 'src' ).trim()
	);
}

/**
 * A player whose markup names no address: it is removed (nothing of it could
 * play), recorded, and the owner told.
 *
 * @return The video.
 */
function unknown(): Identified {
	return { provider: 'unknown', kind: 'dead', url: '', link: '' };
}

/** A player found in a body, read. */
interface FoundPlayer {
	video: Identified;
	title: string;
	width: number | null;
	height: number | null;
	/** Image references inside it (thumbnails), which leave with it. */
	images: string[];
}

/**
 * Reads one player element: Live Writer's smart content, or an `<object>`,
 * `<embed>` or `<iframe>`.
 *
 * @param el The element.
 * @return The player; one naming no address is `unknown`, without a link.
 */
function readFound( el: HtmlElement ): FoundPlayer {
	if ( el.name !== 'object' && el.name !== 'embed' && el.name !== 'iframe' ) {
		// Live Writer: a thumbnail linking the video's page, the player in
		// the thumbnail's `onload`, a caption below.
		const links = findAll( ( e ) => e.name === 'a', el )
			.map( ( a ) => attr( a, 'href' ).trim() )
			.filter( ( href ) => /^(?:https?:)?\/\//i.test( href ) );
		let parts: PlayerParts | null = null;
		for ( const img of findAll( ( e ) => e.name === 'img', el ) ) {
			const inner = liveWriterPlayerHtml( attr( img, 'onload' ) );
			const player = inner
				? findOne(
						( e ) =>
							[ 'object', 'embed', 'iframe' ].includes( e.name ),
						parseHtml( inner ).children
					)
				: null;
			if ( player ) {
				parts = readPlayer( player );
				break;
			}
		}
		const inline = findOne(
			( e ) => [ 'object', 'embed', 'iframe' ].includes( e.name ),
			el
		);
		if ( ! parts && inline ) {
			parts = readPlayer( inline );
		}
		const video = identify(
			[ ...( parts?.urls ?? [] ), ...links ],
			parts?.flashvars ?? '',
			parts?.kinds ?? []
		);
		return {
			video: video ?? unknown(),
			title: parts?.title || textOf( el ),
			width: parts?.width ?? null,
			height: parts?.height ?? null,
			images: imagesIn( el ),
		};
	}
	const parts = readPlayer( el );
	const video = identify( parts.urls, parts.flashvars, parts.kinds );
	return {
		video: video ?? unknown(),
		title: parts.title || ( el.name === 'iframe' ? '' : textOf( el ) ),
		width: parts.width,
		height: parts.height,
		images: imagesIn( el ),
	};
}

/**
 * The title the embed code gave next to its player: Soapbox, Dailymotion
 * and others put a link to the video's page, titled, right after it.
 *
 * @param el    The player.
 * @param video What it plays.
 * @return The title, or ''.
 */
function titleNextTo( el: HtmlElement, video: Identified ): string {
	const id = /(?:vid|v|docid|clip_id)=([^&]+)|\/video\/([^/?#_]+)/i.exec(
		video.link
	);
	const key = ( video.key ?? id?.[ 1 ] ?? id?.[ 2 ] ?? '' ).toLowerCase();
	if ( ! key ) {
		return '';
	}
	let node = el.next;
	for ( let steps = 0; node && steps < 6; steps++, node = node.next ) {
		if ( ! isElement( node ) ) {
			continue;
		}
		const link =
			node.name === 'a' ? node : findOne( ( e ) => e.name === 'a', node );
		if ( link && attr( link, 'href' ).toLowerCase().includes( key ) ) {
			return (
				attr( link, 'title' ).trim() ||
				textOf( link ).replace( /^(?:video|vidéo|视频)\s*:\s*/i, '' )
			);
		}
	}
	return '';
}

function isPlayer( el: HtmlElement ): boolean {
	return (
		el.name === 'object' ||
		el.name === 'embed' ||
		el.name === 'iframe' ||
		( el.name === 'div' && LIVE_WRITER_VIDEO.test( attr( el, 'id' ) ) )
	);
}

/** A top-level piece of the new body: a node, or block markup. */
type Piece = HtmlNode | string;

/**
 * Splits a top-level node around a player inside it: the node's content
 * before the player, and after it, each under copies of the player's
 * ancestors, so the block stands at the body's top level, where it stood in
 * reading order.
 *
 * @param top    The top-level node.
 * @param player The player, a descendant of `top`.
 * @return The parts before and after.
 */
function splitAround(
	top: HtmlElement,
	player: HtmlElement
): { before: HtmlNode | null; after: HtmlNode | null } {
	const path: HtmlElement[] = [];
	for ( let n: HtmlElement | null = player; n && n !== top; ) {
		path.unshift( n );
		n = n.parent as HtmlElement | null;
	}
	const cut = (
		el: HtmlElement,
		depth: number,
		side: 'before' | 'after'
	) => {
		const copy = el.cloneNode( false );
		const child = path[ depth ];
		const at = el.children.indexOf( child );
		const kept =
			side === 'before'
				? el.children.slice( 0, at )
				: el.children.slice( at + 1 );
		const children: HtmlNode[] = kept.map( ( c ) => c.cloneNode( true ) );
		if ( child !== player ) {
			const inner = cut( child, depth + 1, side );
			if ( side === 'before' ) {
				children.push( inner );
			} else {
				children.unshift( inner );
			}
		}
		copy.children = children;
		children.forEach( ( c, i ) => {
			c.parent = copy;
			c.prev = children[ i - 1 ] ?? null;
			c.next = children[ i + 1 ] ?? null;
		} );
		return copy;
	};
	const keep = ( node: HtmlElement ) =>
		textOf( node ) !== '' ||
		findOne(
			( e ) =>
				[ 'img', 'object', 'embed', 'iframe', 'hr' ].includes( e.name ),
			node
		)
			? node
			: null;
	return {
		before: keep( cut( top, 0, 'before' ) ),
		after: keep( cut( top, 0, 'after' ) ),
	};
}

function insideTable( el: HtmlElement, top: HtmlNode ): boolean {
	for ( let n = el.parent; n && n !== top.parent; n = n.parent ) {
		if (
			isElement( n as HtmlNode ) &&
			TABLE_PARTS.has( ( n as HtmlElement ).name )
		) {
			return true;
		}
	}
	return false;
}

/**
 * Finds the videos of a post body and puts blocks in their players' place.
 *
 * @param html        The body.
 * @param resolveFile Finds the archive file a reference names, or null.
 * @return The new body and its videos, in order.
 */
export function convertVideos(
	html: string,
	resolveFile: ( reference: string ) => VideoFile | null
): ConvertedBody {
	const videos: ArchiveVideo[] = [];
	const droppedImages: string[] = [];
	if ( ! mayHoldVideos( html ) ) {
		return { html, videos, droppedImages };
	}
	const doc = parseHtml( html );
	const toVideo = ( found: FoundPlayer, nextTitle: string ): ArchiveVideo => {
		const { video } = found;
		const file = video.kind === 'file' ? resolveFile( video.url ) : null;
		return {
			provider: video.provider,
			kind: video.kind === 'file' && ! file ? 'dead' : video.kind,
			url: video.url,
			link: video.link,
			title: ( found.title || nextTitle ).trim() || null,
			width: found.width,
			height: found.height,
			archivePath: file?.path ?? null,
			playable: !! file?.mimeType && PLAYABLE.has( file.mimeType ),
		};
	};
	// Links to video files of the archive stay links, pointed at the upload.
	const linked = new Map< string, VideoFile >();
	for ( const a of findAll( ( e ) => e.name === 'a', doc.children ) ) {
		const href = attr( a, 'href' ).trim();
		if (
			! href ||
			linked.has( href ) ||
			! VIDEO_FILE.test( href.replace( /[?#].*$/, '' ) ) ||
			insidePlayer( a )
		) {
			continue;
		}
		const file = resolveFile( href );
		if ( file ) {
			linked.set( href, file );
		}
	}
	if ( ! findOne( isPlayer, doc.children ) ) {
		for ( const [ href, file ] of linked ) {
			videos.push( fileLink( href, file ) );
		}
		return { html, videos, droppedImages };
	}
	const pieces: Piece[] = [];
	const queue: HtmlNode[] = [ ...doc.children ];
	while ( queue.length ) {
		const node = queue.shift() as HtmlNode;
		if ( ! isElement( node ) ) {
			pieces.push( node );
			continue;
		}
		const player = isPlayer( node )
			? node
			: findOne( isPlayer, node.children );
		if ( ! player ) {
			pieces.push( node );
			continue;
		}
		const found = readFound( player );
		const video = toVideo( found, titleNextTo( player, found.video ) );
		videos.push( video );
		droppedImages.push( ...found.images );
		const markup = videoMarkup( video, ! insideTable( player, node ) );
		if ( player === node ) {
			pieces.push( markup );
			continue;
		}
		if ( insideTable( player, node ) ) {
			// Within a table the body's structure stays: the markup takes the
			// player's place, without block comments.
			player.children = [];
			player.attribs = {};
			const holder = parseHtml( markup ).children;
			const parent = player.parent as HtmlElement;
			const at = parent.children.indexOf( player );
			parent.children.splice( at, 1, ...holder );
			holder.forEach( ( c ) => ( c.parent = parent ) );
			relink( parent );
			queue.unshift( node );
			continue;
		}
		const { before, after } = splitAround( node, player );
		if ( before ) {
			pieces.push( before );
		}
		pieces.push( markup );
		if ( after ) {
			queue.unshift( after );
		}
	}
	for ( const [ href, file ] of linked ) {
		if ( ! videos.some( ( video ) => video.url === href ) ) {
			videos.push( fileLink( href, file ) );
		}
	}
	const out = pieces
		.map( ( piece ) => {
			if ( typeof piece !== 'string' ) {
				return outerHtml( piece );
			}
			return piece && `\n\n${ piece }\n\n`;
		} )
		.join( '' )
		.replace( /^\n+|\n+$/g, '' );
	return { html: out, videos, droppedImages };
}

function insidePlayer( el: HtmlElement ): boolean {
	for ( let n = el.parent; n && isElement( n as HtmlNode ); n = n.parent ) {
		if ( isPlayer( n as HtmlElement ) ) {
			return true;
		}
	}
	return false;
}

function relink( parent: HtmlElement ): void {
	const children = parent.children;
	children.forEach( ( c, i ) => {
		c.prev = children[ i - 1 ] ?? null;
		c.next = children[ i + 1 ] ?? null;
	} );
}

function fileLink( href: string, file: VideoFile ): ArchiveVideo {
	return {
		provider: 'file',
		kind: 'file',
		url: href,
		link: href,
		title: null,
		width: null,
		height: null,
		archivePath: file.path,
		playable: !! file.mimeType && PLAYABLE.has( file.mimeType ),
	};
}
