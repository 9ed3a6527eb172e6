/**
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { strToU8, zipSync } from 'fflate';

/**
 * WordPress dependencies
 */
import { parse } from '@wordpress/block-serialization-default-parser';

/**
 * Internal dependencies
 */
import { readArchive } from '..';
import { convertVideos, flickrShortLink, type VideoFile } from '../videos';

const NO_FILES = (): VideoFile | null => null;

/**
 * The blocks of a converted body, without the empty text between them.
 *
 * @param html A body.
 * @return Its blocks.
 */
function blocks( html: string ) {
	return parse( html ).filter(
		( block ) => block.blockName || block.innerHTML.trim()
	);
}

const ID = 'dQw4w9WgXcQ';
const GUID = '6f9ee93f-ab6e-481e-99dd-9652a4671804';

describe( 'YouTube players', () => {
	it( 'turns the object/embed code into an embed block of the watch page', () => {
		const { html, videos } = convertVideos(
			`<div>Look at this:</div><object width="425" height="355"><param name="movie" value="http://www.youtube.com/v/${ ID }&amp;hl=en"></param><param name="wmode" value="transparent"></param><embed src="http://www.youtube.com/v/${ ID }&amp;hl=en" type="application/x-shockwave-flash" wmode="transparent" width="425" height="355"></embed></object><div>Great, no?</div>`,
			NO_FILES
		);
		expect( videos ).toEqual( [
			expect.objectContaining( {
				provider: 'youtube',
				kind: 'embed',
				url: `http://www.youtube.com/v/${ ID }&hl=en`,
				link: `https://www.youtube.com/watch?v=${ ID }`,
				width: 425,
				height: 355,
			} ),
		] );
		expect( html ).not.toMatch( /<object|<embed|<param/i );
		const parsed = blocks( html );
		expect( parsed.map( ( b ) => b.blockName ) ).toEqual( [
			null,
			'core/embed',
			null,
		] );
		expect( parsed[ 0 ].innerHTML ).toContain( 'Look at this:' );
		expect( parsed[ 1 ].attrs ).toEqual( {
			url: `https://www.youtube.com/watch?v=${ ID }`,
			type: 'video',
			providerNameSlug: 'youtube',
		} );
		// The block's saved markup, as the block editor's save() writes it.
		expect( parsed[ 1 ].innerHTML ).toBe(
			`\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=${ ID }\n</div></figure>\n`
		);
		expect( parsed[ 2 ].innerHTML ).toContain( 'Great, no?' );
	} );

	it( 'reads an <embed> alone, its attributes entity-encoded twice', () => {
		const { videos } = convertVideos(
			`<embed src="http&#58;//www.youtube.com/v/${ ID }&amp;amp;hl=en&amp;amp;fs=1" type="application/x-shockwave-flash" style="width:480px;height:385px"></embed>`,
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			kind: 'embed',
			link: `https://www.youtube.com/watch?v=${ ID }`,
			width: 480,
			height: 385,
		} );
	} );

	it( 'reads the later <iframe> player and youtube-nocookie', () => {
		const { html, videos } = convertVideos(
			`<p><iframe width="560" height="349" src="http://www.youtube.com/embed/${ ID }?rel=0" frameborder="0" allowfullscreen></iframe></p><object><param name="movie" value="http://www.youtube-nocookie.com/v/${ ID }?fs=1&amp;hl=en_US"></object>`,
			NO_FILES
		);
		expect( videos.map( ( v ) => v.link ) ).toEqual( [
			`https://www.youtube.com/watch?v=${ ID }`,
			`https://www.youtube.com/watch?v=${ ID }`,
		] );
		expect( html ).not.toMatch( /<iframe/i );
	} );
} );

describe( 'other services WordPress embeds', () => {
	it( 'Vimeo: moogaloop.swf?clip_id= and the iframe player', () => {
		const { videos } = convertVideos(
			`<object width="400" height="225"><param name="movie" value="http://vimeo.com/moogaloop.swf?clip_id=1234567&amp;server=vimeo.com&amp;show_title=1"></param><embed src="http://vimeo.com/moogaloop.swf?clip_id=1234567&amp;server=vimeo.com" type="application/x-shockwave-flash" width="400" height="225"></embed></object>
			<iframe src="http://player.vimeo.com/video/7654321?title=0" width="400" height="225"></iframe>`,
			NO_FILES
		);
		expect( videos.map( ( v ) => [ v.provider, v.kind, v.link ] ) ).toEqual(
			[
				[ 'vimeo', 'embed', 'https://vimeo.com/1234567' ],
				[ 'vimeo', 'embed', 'https://vimeo.com/7654321' ],
			]
		);
	} );

	it( 'Dailymotion: /swf/ID and the embed iframe', () => {
		const { html, videos } = convertVideos(
			`<object width="480" height="381"><param name="movie" value="http://www.dailymotion.com/swf/x4abcd&amp;related=1"></param><embed src="http://www.dailymotion.com/swf/x4abcd&amp;related=1" type="application/x-shockwave-flash" width="480" height="381"></embed></object><br /><b><a href="http://www.dailymotion.com/video/x4abcd_my-holiday_travel">My holiday</a></b>
			<iframe src="http://www.dailymotion.com/embed/video/xk2jd2"></iframe>`,
			NO_FILES
		);
		expect( videos.map( ( v ) => v.link ) ).toEqual( [
			'https://www.dailymotion.com/video/x4abcd',
			'https://www.dailymotion.com/video/xk2jd2',
		] );
		expect( videos[ 0 ].title ).toBe( 'My holiday' );
		expect(
			blocks( html ).filter( ( b ) => b.blockName === 'core/embed' )
		).toHaveLength( 2 );
	} );
} );

describe( 'YouTube playlist players', () => {
	const LIST = 'AB8BC8FAAA1F8598';

	it( 'the Flash era’s /p/ID player becomes an embed of the playlist’s page', () => {
		const { html, videos } = convertVideos(
			`<object width="480" height="385"><param name="movie" value="http://www.youtube.com/p/${ LIST }?fs=1&amp;hl=en_US"></param><param name="allowFullScreen" value="true"></param><embed src="http://www.youtube.com/p/${ LIST }?fs=1&amp;hl=en_US" type="application/x-shockwave-flash" allowfullscreen="true" width="480" height="385"></embed></object>`,
			NO_FILES
		);
		expect( videos ).toEqual( [
			expect.objectContaining( {
				provider: 'youtube',
				kind: 'embed',
				link: `https://www.youtube.com/playlist?list=PL${ LIST }`,
				width: 480,
				height: 385,
			} ),
		] );
		const embed = blocks( html ).find(
			( b ) => b.blockName === 'core/embed'
		);
		expect( embed?.attrs?.url ).toBe(
			`https://www.youtube.com/playlist?list=PL${ LIST }`
		);
	} );

	it( 'reads view_play_list?p=, videoseries?list= and embed?list= players', () => {
		const { videos } = convertVideos(
			`<embed src="http://www.youtube.com/view_play_list?p=${ LIST }" type="application/x-shockwave-flash">
			<object><param name="movie" value="http://www.youtube.com/v/videoseries?list=PL55713C70BA91BD6E&amp;hl=en_US"></object>
			<iframe src="http://www.youtube.com/embed/videoseries?list=PLquckZj9TVRFKWqM6LJI4a_dgvN48jZGk" width="560" height="315"></iframe>
			<iframe src="https://www.youtube-nocookie.com/embed?listType=playlist&amp;list=PL55713C70BA91BD6E"></iframe>
			<embed src="http://www.youtube.com/e/PL55713C70BA91BD6E">`,
			NO_FILES
		);
		expect( videos.map( ( v ) => [ v.kind, v.link ] ) ).toEqual( [
			[ 'embed', `https://www.youtube.com/playlist?list=PL${ LIST }` ],
			[
				'embed',
				'https://www.youtube.com/playlist?list=PL55713C70BA91BD6E',
			],
			[
				'embed',
				'https://www.youtube.com/playlist?list=PLquckZj9TVRFKWqM6LJI4a_dgvN48jZGk',
			],
			[
				'embed',
				'https://www.youtube.com/playlist?list=PL55713C70BA91BD6E',
			],
			[
				'embed',
				'https://www.youtube.com/playlist?list=PL55713C70BA91BD6E',
			],
		] );
		// "videoseries" is eleven letters, as long as a video's id: it is no video.
		expect( videos.map( ( v ) => v.link ).join( ' ' ) ).not.toContain(
			'watch?v='
		);
	} );

	it( 'a video player with a playlist after it stays the video', () => {
		const { videos } = convertVideos(
			`<iframe src="http://www.youtube.com/embed/${ ID }?list=PL55713C70BA91BD6E"></iframe>`,
			NO_FILES
		);
		expect( videos[ 0 ].link ).toBe(
			`https://www.youtube.com/watch?v=${ ID }`
		);
	} );
} );

describe( 'Vimeo’s old players', () => {
	it( 'the CDN’s moogaloop.swf, with clip_id in its address or its flashvars', () => {
		const { videos } = convertVideos(
			`<object width="400" height="300"><param name="movie" value="http://a.vimeocdn.com/p/flash/moogaloop/5.2.42/moogaloop.swf?v=1.0.0"></param><param name="flashvars" value="clip_id=2345678&amp;server=vimeo.com&amp;show_title=1"></param><embed src="http://a.vimeocdn.com/p/flash/moogaloop/5.2.42/moogaloop.swf?v=1.0.0" flashvars="clip_id=2345678&amp;server=vimeo.com" type="application/x-shockwave-flash"></embed></object>
			<embed src="http://f.vimeocdn.com/p/flash/moogaloop/6.0.22/moogaloop.swf?clip_id=3456789&amp;server=vimeo.com" type="application/x-shockwave-flash">
			<embed src="http://vimeo.com/moogaloop_local.swf?clip_id=4567890&amp;server=vimeo.com" type="application/x-shockwave-flash">
			<embed src="http://www.vimeo.com/moogaloop.swf?clip_id=5678901" type="application/x-shockwave-flash">`,
			NO_FILES
		);
		expect( videos.map( ( v ) => [ v.provider, v.kind, v.link ] ) ).toEqual(
			[
				[ 'vimeo', 'embed', 'https://vimeo.com/2345678' ],
				[ 'vimeo', 'embed', 'https://vimeo.com/3456789' ],
				[ 'vimeo', 'embed', 'https://vimeo.com/4567890' ],
				[ 'vimeo', 'embed', 'https://vimeo.com/5678901' ],
			]
		);
	} );

	it( 'a moogaloop player naming no clip is a Flash player that is gone', () => {
		const { videos } = convertVideos(
			'<embed src="http://a.vimeocdn.com/p/flash/moogaloop/5.2.42/moogaloop.swf?v=1.0.0" type="application/x-shockwave-flash">',
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( { kind: 'dead' } );
	} );
} );

describe( 'Flickr’s video player', () => {
	it( 'stewart.swf with photo_id becomes an embed of the video’s flic.kr page, titled from the link below', () => {
		const { html, videos } = convertVideos(
			`<object type="application/x-shockwave-flash" width="400" height="300" data="http://www.flickr.com/apps/video/stewart.swf?v=71377" classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000"><param name="flashvars" value="intl_lang=en-us&amp;photo_secret=a1b2c3d4e5&amp;photo_id=2345678901"></param><param name="movie" value="http://www.flickr.com/apps/video/stewart.swf?v=71377"></param><param name="bgcolor" value="#000000"></param><embed type="application/x-shockwave-flash" src="http://www.flickr.com/apps/video/stewart.swf?v=71377" bgcolor="#000000" flashvars="intl_lang=en-us&amp;photo_secret=a1b2c3d4e5&amp;photo_id=2345678901" height="300" width="400"></embed></object><br /><a href="http://www.flickr.com/photos/someone/2345678901/">Snow day</a>
			<embed type="application/x-shockwave-flash" src="http://www.flickr.com/apps/video/stewart.swf?v=63881&amp;intl_lang=en-us&amp;photo_secret=f0e1d2c3b4&amp;photo_id=3392387861" width="425" height="344"></embed>`,
			NO_FILES
		);
		expect(
			videos.map( ( v ) => [ v.provider, v.kind, v.link, v.title ] )
		).toEqual( [
			[ 'flickr', 'embed', 'https://flic.kr/p/4zhdBF', 'Snow day' ],
			[ 'flickr', 'embed', 'https://flic.kr/p/6aLSHT', null ],
		] );
		const embed = blocks( html ).find(
			( b ) => b.blockName === 'core/embed'
		);
		expect( embed?.attrs ).toEqual( {
			url: 'https://flic.kr/p/4zhdBF',
			type: 'video',
			providerNameSlug: 'flickr',
		} );
		expect( html ).not.toMatch( /<object|<embed|stewart\.swf/i );
	} );

	it( 'writes flic.kr’s base 58 as Flickr does', () => {
		expect(
			[ '1', '57', '58', '3364' ].map( ( id ) => flickrShortLink( id ) )
		).toEqual( [
			'https://flic.kr/p/2',
			'https://flic.kr/p/Z',
			'https://flic.kr/p/21',
			'https://flic.kr/p/211',
		] );
	} );

	it( 'a Flickr player naming no video is gone, linked', () => {
		const { videos } = convertVideos(
			'<embed src="http://www.flickr.com/apps/video/stewart.swf?v=71377" type="application/x-shockwave-flash">',
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'flickr',
			kind: 'dead',
			link: 'http://www.flickr.com/apps/video/stewart.swf?v=71377',
		} );
	} );
} );

describe( 'TED’s players', () => {
	const player = ( flashvars: string ) =>
		`<object width="446" height="326"><param name="movie" value="http://video.ted.com/assets/player/swf/EmbedPlayer.swf"></param><param name="allowFullScreen" value="true" /><param name="flashvars" value="${ flashvars }" /><embed src="http://video.ted.com/assets/player/swf/EmbedPlayer.swf" type="application/x-shockwave-flash" width="446" height="326" allowFullScreen="true" flashvars="${ flashvars }"></embed></object>`;

	it( 'the Flash player naming its talk in adKeys, and the later iframe, become embeds of the talk’s page', () => {
		const { html, videos } = convertVideos(
			player(
				'vu=http://video.ted.com/talks/dynamic/JeffreySkoll_2007-medium.flv&amp;su=http://images.ted.com/images/ted/tedindex/embed-posters/JeffreySkoll-2007.embed_thumbnail.jpg&amp;vw=432&amp;vh=240&amp;ap=0&amp;ti=170&amp;adKeys=talk=jeff_skoll_makes_movies_that_make_change;year=2007;theme=media_that_matters'
			) +
				'<iframe src="http://embed.ted.com/talks/jill_bolte_taylor_s_powerful_stroke_of_insight.html" width="560" height="315" frameborder="0" scrolling="no"></iframe>',
			NO_FILES
		);
		expect( videos.map( ( v ) => [ v.provider, v.kind, v.link ] ) ).toEqual(
			[
				[
					'ted',
					'embed',
					'https://www.ted.com/talks/jeff_skoll_makes_movies_that_make_change',
				],
				[
					'ted',
					'embed',
					'https://www.ted.com/talks/jill_bolte_taylor_s_powerful_stroke_of_insight',
				],
			]
		);
		expect(
			blocks( html ).filter( ( b ) => b.blockName === 'core/embed' )
		).toHaveLength( 2 );
	} );

	it( 'the early Flash player naming only the talk’s number: a link to its old page', () => {
		const { videos } = convertVideos(
			player(
				'vu=http://video.ted.com/talks/embed/DavidCarson_2003-embed_high.flv&amp;su=http://images.ted.com/images/ted/tedindex/embed-posters/DavidCarson-2003.embed_thumbnail.jpg&amp;vw=432&amp;vh=240&amp;ap=0&amp;ti=436'
			),
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'ted',
			kind: 'dead',
			link: 'http://www.ted.com/talks/view/id/436',
		} );
	} );
} );

describe( 'services that are gone', () => {
	it( 'Soapbox: a paragraph linking the video page, titled from the link below the player', () => {
		const { html, videos } = convertVideos(
			`<embed src="http://images.soapbox.msn.com/flash/soapbox1_1.swf" quality="high" width="432" height="364" wmode="transparent" type="application/x-shockwave-flash" pluginspage="http://macromedia.com/go/getflashplayer" flashvars="c=v&amp;v=${ GUID }&amp;ifs=true&amp;fr=shareembed&amp;mkt=en-US"></embed><br /><a href="http://soapbox.msn.com/video.aspx?vid=${ GUID }" target="_blank" title="The Fish Diet">Video: The Fish Diet</a>`,
			NO_FILES
		);
		expect( videos ).toEqual( [
			expect.objectContaining( {
				provider: 'soapbox',
				kind: 'dead',
				link: `http://soapbox.msn.com/video.aspx?vid=${ GUID }`,
				title: 'The Fish Diet',
			} ),
		] );
		const paragraph = blocks( html ).find(
			( b ) => b.blockName === 'core/paragraph'
		);
		expect( paragraph?.innerHTML.trim() ).toBe(
			`<p><a href="http://soapbox.msn.com/video.aspx?vid=${ GUID }">The Fish Diet</a></p>`
		);
		expect( html ).not.toMatch( /<embed/i );
	} );

	it( 'MSN Video (Live Writer’s player): the video.msn.com page', () => {
		const { videos } = convertVideos(
			`<embed src="http://images.video.msn.com/flash/soapbox1_1.swf" quality="high" width="432" height="364" type="application/x-shockwave-flash" flashvars="c=v&v=${ GUID }&from=writer"></embed>`,
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'msn-video',
			kind: 'dead',
			link: `http://video.msn.com/?vid=${ GUID }`,
		} );
	} );

	it( 'MSN Video’s later players: the title from the link below, the video.msn.com page', () => {
		const { html, videos } = convertVideos(
			`<div style="background-color:#000000;width:520px;"><div style="padding:4px;"><embed src="http://images.video.msn.com/flash/soapbox1_1.swf" quality="high" width="512" height="399" base="http://images.video.msn.com" type="application/x-shockwave-flash" allowFullScreen="true" allowScriptAccess="always" pluginspage="http://macromedia.com/go/getflashplayer" flashvars="c=v&amp;v=${ GUID }&amp;ifs=true&amp;fr=shareembed&amp;mkt=en-US&amp;brand="></embed><br /><a href="http://video.msn.com/video.aspx?vid=${ GUID }" target="_new" title="Penguins on parade">Video: Penguins on parade</a></div></div>
			<iframe src="http://video.msn.com/?vid=${ GUID.toUpperCase() }&amp;mkt=en-gb&amp;from=sp" width="432" height="364"></iframe>`,
			NO_FILES
		);
		expect(
			videos.map( ( v ) => [ v.provider, v.kind, v.link, v.title ] )
		).toEqual( [
			[
				'msn-video',
				'dead',
				`http://video.msn.com/?vid=${ GUID }`,
				'Penguins on parade',
			],
			[
				'msn-video',
				'dead',
				`http://video.msn.com/?vid=${ GUID.toUpperCase() }`,
				null,
			],
		] );
		expect( html ).toContain(
			`<p><a href="http://video.msn.com/?vid=${ GUID }">Penguins on parade</a></p>`
		);
		expect( html ).not.toMatch( /<embed|<iframe/i );
	} );

	it( 'msnbc.com’s players: a link to the video’s page on msnbc.com', () => {
		const { html, videos } = convertVideos(
			`<iframe height="339" width="425" src="http://www.msnbc.msn.com/id/22425001/vp/32545640#32545640" frameborder="0" scrolling="no"></iframe>
			<object width="425" height="339" classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000"><param name="movie" value="http://msnbcmedia.msn.com/i/MSNBC/Components/Video/_Player/swfs/embedPlayer/EPv2.swf?domain=www.msnbc.msn.com&amp;settings=22425001&amp;useProxy=true&amp;wbDomain=www.msnbc.msn.com&amp;launch=31234567&amp;playerid=22425001" /><embed src="http://msnbcmedia.msn.com/i/MSNBC/Components/Video/_Player/swfs/embedPlayer/EPv2.swf?domain=www.msnbc.msn.com&amp;settings=22425001&amp;launch=31234567" type="application/x-shockwave-flash" width="425" height="339"></embed></object>`,
			NO_FILES
		);
		expect( videos.map( ( v ) => [ v.provider, v.kind, v.link ] ) ).toEqual(
			[
				[
					'msnbc',
					'dead',
					'http://www.msnbc.msn.com/id/21134540/vp/32545640#32545640',
				],
				[
					'msnbc',
					'dead',
					'http://www.msnbc.msn.com/id/21134540/vp/31234567#31234567',
				],
			]
		);
		expect( html ).toContain(
			'<a href="http://www.msnbc.msn.com/id/21134540/vp/31234567#31234567">'
		);
		expect( html ).not.toMatch( /<object|<embed|<iframe/i );
	} );

	it( 'Google Video: googleplayer.swf?docid= becomes the videoplay page', () => {
		const { html, videos } = convertVideos(
			`<embed id="VideoPlayback" style="width:400px;height:326px" allowFullScreen="true" src="http://video.google.com/googleplayer.swf?docid=-8523957384573&amp;hl=en&amp;fs=true" type="application/x-shockwave-flash"> </embed>`,
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'google-video',
			kind: 'dead',
			link: 'http://video.google.com/videoplay?docid=-8523957384573',
			width: 400,
			height: 326,
		} );
		expect( html ).toContain(
			'<a href="http://video.google.com/videoplay?docid=-8523957384573">'
		);
	} );

	it( 'a Flash slideshow: a link to its old address', () => {
		const { html, videos } = convertVideos(
			`<object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="400" height="300"><param name="movie" value="http://www.slide.com/widgets/slideticker.swf?cy=sp&amp;il=1"></object>`,
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'flash',
			kind: 'dead',
			link: 'http://www.slide.com/widgets/slideticker.swf?cy=sp&il=1',
		} );
		expect( html ).toContain(
			'href="http://www.slide.com/widgets/slideticker.swf?cy=sp&amp;il=1"'
		);
	} );
} );

describe( 'Live Writer’s video plugin', () => {
	const thumbnail = 'http://example.spaces.live.com/video5c8a[1].jpg';
	const onload = `var downlevelDiv = document.getElementById('985fdc2e'); downlevelDiv.innerHTML = &quot;&lt;div&gt;&lt;object width=\\&quot;425\\&quot; height=\\&quot;355\\&quot;&gt;&lt;param name=\\&quot;movie\\&quot; value=\\&quot;http://www.youtube.com/v/${ ID }&amp;hl=en\\&quot;&gt;&lt;\\/param&gt;&lt;embed src=\\&quot;http://www.youtube.com/v/${ ID }&amp;hl=en\\&quot; type=\\&quot;application/x-shockwave-flash\\&quot; width=\\&quot;425\\&quot; height=\\&quot;355\\&quot;&gt;&lt;\\/embed&gt;&lt;\\/object&gt;&lt;\\/div&gt;&quot;;`;
	const markup = `<p>Before</p><div style="display:inline;float:none;margin:0px;padding:0px" id="scid:5737277B-5D6D-4f48-ABFC-DD9C333F4C5D:8161eba9-0ffd-4874-b5f2-eb45e269fe4c" class="wlWriterEditableSmartContent"><div id="985fdc2e" style="margin: 0px; padding: 0px; display: inline;"><div><a href="http://www.youtube.com/watch?v=${ ID }" target="_new"><img src="${ thumbnail }" style="border-style: none" galleryimg="no" onload="${ onload }" alt=""></a></div><div style="width:425px;clear:both;font-size:.8em">My cat plays piano</div></div></div><p>After</p>`;

	it( 'reads the player from the thumbnail’s onload, takes the caption as title, drops the thumbnail', () => {
		const { html, videos, droppedImages } = convertVideos(
			markup,
			NO_FILES
		);
		expect( videos ).toEqual( [
			expect.objectContaining( {
				provider: 'youtube',
				kind: 'embed',
				link: `https://www.youtube.com/watch?v=${ ID }`,
				title: 'My cat plays piano',
				width: 425,
			} ),
		] );
		expect( droppedImages ).toEqual( [ thumbnail ] );
		expect( html ).not.toMatch( /onload|<img|scid:/i );
		expect( blocks( html ).map( ( b ) => b.blockName ) ).toEqual( [
			null,
			'core/embed',
			null,
		] );
	} );

	it( 'finds the video from the thumbnail’s link when the onload is gone', () => {
		const { videos } = convertVideos(
			markup.replace( / onload="[^"]*"/, '' ),
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			kind: 'embed',
			link: `https://www.youtube.com/watch?v=${ ID }`,
		} );
	} );
} );

describe( 'where the block goes', () => {
	it( 'lifts a player out of its paragraph, keeping the words on both sides in order', () => {
		const { html } = convertVideos(
			`<p style="color:red">Before <b>it <embed src="http://www.youtube.com/v/${ ID }"> after</b> end</p>`,
			NO_FILES
		);
		const parsed = blocks( html );
		expect( parsed.map( ( b ) => b.blockName ) ).toEqual( [
			null,
			'core/embed',
			null,
		] );
		expect( parsed[ 0 ].innerHTML.trim() ).toBe(
			'<p style="color:red">Before <b>it </b></p>'
		);
		expect( parsed[ 2 ].innerHTML.trim() ).toBe(
			'<p style="color:red"><b> after</b> end</p>'
		);
	} );

	it( 'inside a table, keeps the table whole and writes the figure in the cell', () => {
		const { html } = convertVideos(
			`<table><tr><td>Left</td><td><embed src="http://www.youtube.com/v/${ ID }"></td></tr></table>`,
			NO_FILES
		);
		expect( html ).not.toContain( '<!-- wp:' );
		expect( html ).toMatch(
			/^<table><tr><td>Left<\/td><td><figure class="wp-block-embed[^"]*"><div class="wp-block-embed__wrapper">\nhttps:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\n<\/div><\/figure><\/td><\/tr><\/table>$/
		);
	} );

	it( 'leaves a body without players as it was', () => {
		const body = '<div>Text &amp; <a href="x.htm">a link</a></div>';
		expect( convertVideos( body, NO_FILES ) ).toEqual( {
			html: body,
			videos: [],
			droppedImages: [],
		} );
	} );
} );

describe( 'video files', () => {
	const files: Record< string, VideoFile > = {
		'clip.wmv': { path: 'media/clip.wmv', mimeType: 'video/x-ms-wmv' },
		'movie.mp4': { path: 'media/movie.mp4', mimeType: 'video/mp4' },
	};
	const resolve = ( ref: string ) =>
		files[ ref.split( '/' ).pop() ?? '' ] ?? null;

	it( 'a Windows Media player of an archive file: a link, listed as not playable', () => {
		const { html, videos } = convertVideos(
			'<object classid="CLSID:6BF52A52-394A-11D3-B153-00C04F79FAA6" width="320" height="285"><param name="URL" value="media/clip.wmv"><param name="autoStart" value="false"><embed type="application/x-mplayer2" src="media/clip.wmv"></embed></object>',
			resolve
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'file',
			kind: 'file',
			url: 'media/clip.wmv',
			archivePath: 'media/clip.wmv',
			playable: false,
		} );
		expect( blocks( html )[ 0 ] ).toMatchObject( {
			blockName: 'core/paragraph',
			innerHTML: '\n<p><a href="media/clip.wmv">clip.wmv</a></p>\n',
		} );
	} );

	it( 'an MP4 file of the archive: a video block', () => {
		const { html, videos } = convertVideos(
			'<embed src="media/movie.mp4" width="320" height="240">',
			resolve
		);
		expect( videos[ 0 ] ).toMatchObject( { kind: 'file', playable: true } );
		expect( blocks( html )[ 0 ] ).toMatchObject( {
			blockName: 'core/video',
			innerHTML:
				'\n<figure class="wp-block-video"><video controls src="media/movie.mp4"></video></figure>\n',
		} );
	} );

	it( 'a player of a file not in the archive: dead, a link', () => {
		const { videos } = convertVideos(
			'<embed type="application/x-mplayer2" src="http://example.com/gone.wmv">',
			resolve
		);
		expect( videos[ 0 ] ).toMatchObject( {
			kind: 'dead',
			archivePath: null,
		} );
	} );

	it( 'a link to a video file of the archive stays a link, recorded as a file', () => {
		const body = '<p><a href="media/movie.mp4">Watch</a></p>';
		const { html, videos } = convertVideos( body, resolve );
		expect( html ).toBe( body );
		expect( videos ).toEqual( [
			expect.objectContaining( {
				kind: 'file',
				archivePath: 'media/movie.mp4',
			} ),
		] );
	} );
} );

describe( 'reading an archive with videos', () => {
	it( 'records the videos, uses the archive’s files and warns of those that cannot play', async () => {
		const page = `<html web:culture="en-US"><body>
<div id="entrycns!1234567890ABCDEF!5" class="bvEntry" bv:cns="cns!1234567890ABCDEF!5">
<h4 id="subjcns!1234567890ABCDEF!5">Holiday films</h4>
<div id="msgcns!1234567890ABCDEF!5" class="bvMsg"><div>Our trip:</div><object width="425" height="355"><param name="movie" value="http://www.youtube.com/v/${ ID }&amp;hl=en"></param><embed src="http://www.youtube.com/v/${ ID }&amp;hl=en" type="application/x-shockwave-flash"></embed></object>
<embed src="http://images.soapbox.msn.com/flash/soapbox1_1.swf" flashvars="c=v&amp;v=${ GUID }" type="application/x-shockwave-flash"></embed>
<embed src="video/beach.mp4"></div>
<div class="footerLinks">4/20/2007 1:29 PM</div>
</div></body></html>`;
		const mp4 = new Uint8Array( 64 );
		mp4.set( [
			0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d,
		] );
		const zip = zipSync( {
			'space/blog.html': strToU8( page ),
			'space/video/beach.mp4': mp4,
		} );
		const { model } = await readArchive( zip, 'space.zip' );
		const post = model.posts[ 0 ];
		expect( post.videos?.map( ( v ) => [ v.provider, v.kind ] ) ).toEqual( [
			[ 'youtube', 'embed' ],
			[ 'soapbox', 'dead' ],
			[ 'file', 'file' ],
		] );
		expect( post.videos?.[ 2 ] ).toMatchObject( {
			archivePath: 'space/video/beach.mp4',
			playable: true,
		} );
		expect( model.media ).toEqual( [
			expect.objectContaining( {
				path: 'space/video/beach.mp4',
				mimeType: 'video/mp4',
			} ),
		] );
		expect( post.html ).not.toMatch( /<object|<embed/i );
		expect(
			model.warnings.filter( ( w ) => w.code === 'video-unplayable' )
		).toEqual( [
			expect.objectContaining( {
				file: 'space/blog.html',
				message: expect.stringContaining( '“Holiday films”' ),
			} ),
		] );
	} );
} );

describe( 'players that name nothing or something unsafe', () => {
	it( 'removes a player naming no address, records it and keeps its title', () => {
		const { html, videos } = convertVideos(
			'<p>Hi</p><object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" title="Our song"><param name="quality" value="high"></object>',
			NO_FILES
		);
		expect( videos ).toEqual( [
			expect.objectContaining( {
				provider: 'unknown',
				kind: 'dead',
				link: '',
				title: 'Our song',
			} ),
		] );
		expect( html ).not.toMatch( /<object|<param/i );
		expect( html ).toContain( '<p>Our song</p>' );
	} );

	it( 'never links a javascript: address', () => {
		const { html, videos } = convertVideos(
			'<embed src="javascript:alert(1)//clip.mp4" type="application/x-mplayer2">',
			NO_FILES
		);
		expect( videos[ 0 ] ).toMatchObject( {
			provider: 'unknown',
			link: '',
		} );
		expect( html ).not.toMatch( /javascript/i );
	} );

	it( 'keeps query parameters that look like old entities without their semicolon', () => {
		const { videos } = convertVideos(
			'<embed src="http://example.com/player.swf?a=1&amp;reg=2&amp;amp;copy=3">',
			NO_FILES
		);
		expect( videos[ 0 ].link ).toBe(
			'http://example.com/player.swf?a=1&reg=2&copy=3'
		);
	} );
} );
