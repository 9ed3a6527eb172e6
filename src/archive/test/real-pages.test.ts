/**
 * @jest-environment node
 */

/**
 * The three real pages of one 2007 blog (zhoushuqun.spaces.live.com, zh-CN)
 * kept by the blog-mover project. They are third-party data and live
 * outside this repository; these tests skip, loudly, when it is absent.
 *
 * The expected table was written by reading the pages, not from the
 * reader's output.
 */

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { zipSync } from 'fflate';

/**
 * Internal dependencies
 */
import { readArchive } from '..';

const REAL = path.resolve(
	__dirname,
	'../../..',
	'..',
	'shared',
	'fixtures',
	'real'
);
const FILES = [
	'entry_zhoushuqun.spaces.live.com.html',
	'homepage_zhoushuqun.spaces.live.com.html',
	'listpage_zhoushuqun.spaces.live.com.html',
];
const available = FILES.every( ( f ) => existsSync( path.join( REAL, f ) ) );
if ( ! available ) {
	// eslint-disable-next-line no-console
	console.warn(
		`SKIPPED: the real Spaces pages were not found in ${ REAL }; the tests against real data did not run.`
	);
}

const CAT = '计算机与 Internet';

// [ number, title, published, categories, declared comments ]
const EXPECTED: Array< [ number, string, string, string[], number | null ] > = [
	[
		782,
		'终于有帐号了，不过却不能上网了，周末了',
		'2006-08-04T21:11:09',
		[],
		2,
	],
	[
		786,
		'当 MyEclipseEnterpriseWorkbenchInstaller_5.0M2_E3.2 遇到 NLpack1-eclipse-SDK-3.2-win32（eclipse-SDK-3.2-win32 的中文资源包）时',
		'2006-08-05T11:42:58',
		[ CAT ],
		1,
	],
	[ 791, '不能在你们的Space上留言了', '2006-08-05T17:22:21', [], 2 ],
	[ 793, '菊花茶', '2006-08-05T20:05:17', [], 3 ],
	[ 840, '今晚睡“工地”', '2006-08-17T20:17:00', [], 2 ],
	[
		858,
		"I'm writing my blog when I installing my Operating System on the SAME computer.",
		'2006-08-24T00:58:16',
		[ CAT ],
		2,
	],
	[ 866, 'MSN Messenger 反监听', '2006-08-25T20:38:22', [ CAT ], null ],
	[
		868,
		'Ubuntu 6.06 LTS 图形化安装后的root的默认密码是空',
		'2006-08-26T02:50:27',
		[ CAT ],
		null,
	],
	[ 869, '夜静得可怕', '2006-08-28T01:13:45', [], null ],
	[ 870, '在 ubuntu 下玩泡泡龙', '2006-08-29T23:28:46', [ CAT ], 2 ],
	[
		874,
		'在Ubuntu下用FreeMind画思维导图',
		'2006-09-01T22:37:31',
		[ CAT ],
		null,
	],
	[
		877,
		'在Ubuntu下用Tor、Firefox穿透ZGGJ防火',
		'2006-09-01T23:36:23',
		[],
		3,
	],
	[
		881,
		'原来CSDN也有*nix服务器，大家看这个错误截图',
		'2006-09-03T01:10:07',
		[ CAT ],
		1,
	],
	[ 884, 'hotmail 用户注意了', '2006-09-06T20:53:15', [ CAT ], 16 ],
	[ 913, '今天在控江路上的麦当劳砸东西了', '2006-11-19T17:47:59', [], null ],
	[ 915, '这样的话不应该问客服呵呵', '2006-11-19T18:52:20', [], 1 ],
	[ 919, '单元测试（程序员测试）是重要的', '2006-12-02T12:12:07', [], null ],
	[ 920, '卖菜2.0', '2006-12-04T22:45:48', [], null ],
	[ 921, '今天在cnBeta看到2则有意思的新闻', '2006-12-09T23:05:52', [], null ],
	[ 922, '从徐州回来了', '2007-01-03T23:55:16', [], null ],
	[ 924, 'Virtual Office（虚拟办公室）', '2007-01-22T23:59:01', [], 1 ],
	[ 926, '师兄，新婚快乐', '2007-01-27T23:44:17', [], 4 ],
	[ 931, '星期六的年会', '2007-02-06T00:20:27', [], 2 ],
	[ 935, '火车站非常多的人', '2007-02-09T22:00:36', [], null ],
	[ 936, '排队三小时没有买到称心的车票', '2007-02-11T18:43:20', [], 1 ],
	[ 941, '流动人口返城，地铁忙', '2007-02-24T22:27:55', [], 2 ],
	[ 945, '周末去了一趟老家', '2007-03-05T01:44:30', [], 2 ],
	[ 950, 'Google 被重定向到谷歌？', '2007-03-19T00:48:58', [], 1 ],
	[
		952,
		'全球最色-情的搜索引擎 baidu.jp 开张了',
		'2007-03-21T08:11:36',
		[],
		2,
	],
	[ 954, '用不同的主线把东西串起来', '2007-03-27T20:30:42', [], 3 ],
	[ 958, '紫光？搜狗？谷歌？', '2007-04-07T21:59:40', [], 2 ],
	[ 964, '周六我们被电视骗去滨江森林公园了', '2007-04-12T21:36:32', [], 1 ],
	[ 969, '回老家了，去办护照', '2007-04-12T22:15:34', [], 1 ],
	[ 973, 'Maven index(Search)', '2007-04-15T20:15:02', [], 1 ],
	[
		975,
		'今天去整了一个主板、CPU、电源和风扇',
		'2007-04-20T01:29:58',
		[],
		null,
	],
];

function realZip(): Uint8Array {
	const files: Record< string, Uint8Array > = {};
	for ( const f of FILES ) {
		files[ `space/${ f }` ] = new Uint8Array(
			readFileSync( path.join( REAL, f ) )
		);
	}
	return zipSync( files );
}

( available ? describe : describe.skip )( 'the real pages', () => {
	let model: Awaited< ReturnType< typeof readArchive > >[ 'model' ];

	beforeAll( async () => {
		model = ( await readArchive( realZip(), 'space.zip' ) ).model;
	} );

	it( 'reads 35 posts, the entry page and home page copy being one', () => {
		expect( model.posts ).toHaveLength( 35 );
		const post975 = model.posts.find( ( p ) => p.number === 975 );
		expect( post975?.files.sort() ).toEqual( [
			'space/entry_zhoushuqun.spaces.live.com.html',
			'space/homepage_zhoushuqun.spaces.live.com.html',
		] );
	} );

	it( 'reads every title, date, category, id and declared comment count', () => {
		const actual = model.posts.map( ( p ) => [
			p.number,
			p.title,
			p.published,
			p.categories,
			p.declaredCommentCount,
		] );
		expect( actual ).toEqual( EXPECTED );
		for ( const post of model.posts ) {
			expect( post.sourceId ).toBe(
				`cns!2B070A76FD6627CE!${ post.number }`
			);
			expect( post.dateSource ).toBe( 'footer' );
			expect( post.originalUrl ).toBe(
				`http://zhoushuqun.spaces.live.com/blog/cns!2B070A76FD6627CE!${ post.number }.entry`
			);
		}
	} );

	it( 'reads the blog', () => {
		expect( model.blog ).toEqual( {
			title: '江山易得，知己难求 - The Web Log of ♨Shutra',
			host: 'zhoushuqun.spaces.live.com',
			cid: '2B070A76FD6627CE',
			culture: 'zh-CN',
		} );
	} );

	it( 'keeps the body without the chrome, Unicode intact', () => {
		const post = model.posts.find( ( p ) => p.number === 975 );
		expect( post?.html ).toMatch(
			/^今天去整了一个主板、CPU、电源和风扇，然后把原有的2个256的DDR内存给插上了/
		);
		expect( post?.html ).toContain(
			'<a href="http://blog.redv.com/shutra/entry/4">这里</a>'
		);
		expect( post?.html ).not.toContain( 'footerLinks' );
		expect( post?.html ).not.toContain( 'blogAddComment' );
		const quoted = model.posts.find( ( p ) => p.number === 924 );
		expect( quoted?.html ).toContain( '称之为"影子公司"' );
	} );

	it( 'keeps the entry photos and reports them missing', () => {
		const post = model.posts.find( ( p ) => p.number === 964 );
		expect( post?.html ).toContain( 'tkfiles.storage.msn.com' );
		expect( post?.images ).toHaveLength( 6 );
		expect( post?.images.every( ( i ) => i.archivePath === null ) ).toBe(
			true
		);
		expect(
			model.warnings.some(
				( w ) =>
					w.code === 'image-missing' &&
					w.message.includes( '周六我们被电视骗去滨江森林公园了' )
			)
		).toBe( true );
	} );

	it( 'says when the pages hold fewer comments than declared', () => {
		const post = model.posts.find( ( p ) => p.number === 884 );
		expect( post?.comments ).toEqual( [] );
		const warning = model.warnings.find(
			( w ) =>
				w.code === 'comments-missing' &&
				w.message.includes( 'hotmail 用户注意了' )
		);
		expect( warning?.message ).toBe(
			'“hotmail 用户注意了” had 16 comments on Spaces, but the archive holds none of them.'
		);
		expect(
			model.warnings.filter( ( w ) => w.code === 'comments-missing' )
		).toHaveLength( EXPECTED.filter( ( e ) => e[ 4 ] ).length );
	} );
} );
