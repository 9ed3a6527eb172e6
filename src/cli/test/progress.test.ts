/**
 * @jest-environment node
 */

/**
 * What `import` shows while it works: a bar with counts and time left on a
 * terminal, one line per phase in a log.
 */

/**
 * Internal dependencies
 */
import type { ImportProgress } from '../../import/types';
import { formatDuration, progressBar, progressReporter } from '../progress';

function progress( over: Partial< ImportProgress > = {} ): ImportProgress {
	return {
		phase: 'posts',
		media: { done: 30, total: 30, bytes: 0 },
		posts: { done: 250, total: 1000 },
		finalize: { done: 0, total: 0 },
		rate: 12.5,
		secondsLeft: 125,
		paused: false,
		...over,
	};
}

function fakeStream( isTTY: boolean, columns = 80 ) {
	const written: string[] = [];
	const stream = {
		isTTY,
		columns,
		write: ( text: string ) => {
			written.push( text );
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	return { stream, written };
}

it( 'says time left as people do', () => {
	expect( formatDuration( 45 ) ).toBe( '45 s' );
	expect( formatDuration( 125 ) ).toBe( '2 min 5 s' );
	expect( formatDuration( 120 ) ).toBe( '2 min' );
	expect( formatDuration( 4980 ) ).toBe( '1 h 23 min' );
} );

it( 'draws a bar with the phase, counts, share, rate and time left', () => {
	const line = progressBar( progress(), 80 );
	expect( line ).toBe(
		'Posts     [######----------------]  250/1000  25%  12.5/s  about 2 min 5 s left'
	);
	expect( line.length ).toBeLessThan( 80 );
} );

it( 'fits a narrow terminal', () => {
	const line = progressBar( progress(), 50 );
	expect( line.length ).toBeLessThan( 50 );
	expect( line ).toContain( '250/1000' );
} );

it( 'writes one line per phase when standard error is not a terminal', () => {
	const { stream, written } = fakeStream( false );
	const reporter = progressReporter( stream );
	reporter.update(
		progress( {
			phase: 'media',
			media: { done: 0, total: 30, bytes: 0 },
			posts: { done: 0, total: 1000 },
		} )
	);
	for ( let done = 1; done <= 30; done++ ) {
		reporter.update(
			progress( {
				phase: 'media',
				media: { done, total: 30, bytes: 0 },
				posts: { done: 0, total: 1000 },
			} )
		);
	}
	for ( let done = 0; done <= 1000; done += 100 ) {
		reporter.update( progress( { posts: { done, total: 1000 } } ) );
	}
	reporter.update(
		progress( {
			phase: 'finalize',
			posts: { done: 1000, total: 1000 },
			finalize: { done: 0, total: 1000 },
		} )
	);
	reporter.update( progress( { phase: 'done' } ) );
	reporter.end();
	expect( written ).toEqual( [
		'Images: uploading 30\n',
		'Posts: importing 1000 (images done: 30/30)\n',
		'Finishing: links between posts and redirects (posts done: 1000/1000)\n',
	] );
} );

it( 'redraws one line in place on a terminal, and ends it', () => {
	let now = 0;
	const { stream, written } = fakeStream( true );
	const reporter = progressReporter( stream, () => now );
	reporter.update( progress( { posts: { done: 1, total: 1000 } } ) );
	now += 500;
	reporter.update( progress( { posts: { done: 2, total: 1000 } } ) );
	reporter.end();
	expect( written ).toHaveLength( 3 );
	expect( written[ 0 ] ).toMatch( /^\r\x1b\[K{1}Posts +\[-+\] +1\/1000/ );
	expect( written[ 1 ] ).toMatch( /^\r\x1b\[KPosts .* 2\/1000 .*left$/ );
	expect( written[ 2 ] ).toBe( '\n' );
} );
