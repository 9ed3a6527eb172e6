/**
 * Hostile archives for tests and the benchmark: thousands of small pages
 * that deflate hundreds of times (each under the per-file ratio check),
 * and files whose zip directory understates their size. The zip is written
 * here, not by fflate's `zipSync`, so that one packed page can be listed
 * thousands of times quickly and sizes can lie.
 */

/* eslint-disable no-bitwise -- writing a binary format is bit arithmetic. */

/**
 * External dependencies
 */
import { deflateSync, strToU8 } from 'fflate';

/**
 * Internal dependencies
 */
import { crc32 } from '../../../src/archive/crc32';
import { seededRandom } from './random';

export interface RawEntry {
	path: string;
	/** The bytes as stored: deflated unless `stored`. */
	packed: Uint8Array;
	/** The size the directory states once unpacked. */
	size: number;
	/** The checksum the directory states. */
	crc: number;
	stored?: boolean;
}

/**
 * Packs a file for `rawZip`, stating its true size.
 *
 * @param path  The path in the archive.
 * @param bytes The file's bytes.
 * @return The entry.
 */
export function packEntry( path: string, bytes: Uint8Array ): RawEntry {
	return {
		path,
		packed: deflateSync( bytes ),
		size: bytes.length,
		crc: crc32( bytes ),
	};
}

function put16( out: Uint8Array, at: number, value: number ): void {
	out[ at ] = value & 0xff;
	out[ at + 1 ] = ( value >>> 8 ) & 0xff;
}

function put32( out: Uint8Array, at: number, value: number ): void {
	put16( out, at, value & 0xffff );
	put16( out, at + 2, ( value >>> 16 ) & 0xffff );
}

/**
 * Writes a zip of entries exactly as given (sizes and checksums included).
 *
 * @param entries The files.
 * @return The zip's bytes.
 */
export function rawZip( entries: RawEntry[] ): Uint8Array {
	const names = entries.map( ( e ) => strToU8( e.path ) );
	let total = 22;
	entries.forEach( ( e, i ) => {
		total += 30 + 46 + 2 * names[ i ].length + e.packed.length;
	} );
	const out = new Uint8Array( total );
	const offsets: number[] = [];
	let at = 0;
	entries.forEach( ( e, i ) => {
		offsets.push( at );
		put32( out, at, 0x04034b50 );
		put16( out, at + 4, 20 );
		put16( out, at + 8, e.stored ? 0 : 8 );
		put16( out, at + 12, 0x21 ); // 1980-01-01
		put32( out, at + 14, e.crc );
		put32( out, at + 18, e.packed.length );
		put32( out, at + 22, e.size );
		put16( out, at + 26, names[ i ].length );
		out.set( names[ i ], at + 30 );
		out.set( e.packed, at + 30 + names[ i ].length );
		at += 30 + names[ i ].length + e.packed.length;
	} );
	const cdStart = at;
	entries.forEach( ( e, i ) => {
		put32( out, at, 0x02014b50 );
		put16( out, at + 4, 20 );
		put16( out, at + 6, 20 );
		put16( out, at + 10, e.stored ? 0 : 8 );
		put16( out, at + 14, 0x21 );
		put32( out, at + 16, e.crc );
		put32( out, at + 20, e.packed.length );
		put32( out, at + 24, e.size );
		put16( out, at + 28, names[ i ].length );
		put32( out, at + 42, offsets[ i ] );
		out.set( names[ i ], at + 46 );
		at += 46 + names[ i ].length;
	} );
	put32( out, at, 0x06054b50 );
	put16( out, at + 8, entries.length );
	put16( out, at + 10, entries.length );
	put32( out, at + 12, at - cdStart );
	put32( out, at + 16, cdStart );
	return out;
}

/**
 * A Spaces page of about `size` bytes holding one entry whose body is a
 * long run of repeated markup, with a random word every `every` bytes so
 * that it deflates about `every / 12` times rather than 1,000 times.
 *
 * @param number The entry's number.
 * @param size   The page's size in bytes.
 * @param every  How often a random word breaks the run.
 * @param seed   The seed of those words.
 * @return The page.
 */
export function compressiblePage(
	number: number,
	size: number,
	every: number,
	seed: number
): Uint8Array {
	const random = seededRandom( seed );
	const cns = `cns!1234567890ABCDEF!${ number }`;
	const head = `<html web:culture="en-US"><body><div id="entry${ cns }" class="bvEntry" bv:cns="${ cns }"><h4 id="subj${ cns }">Post ${ number }</h4><div id="msg${ cns }" class="bvMsg">`;
	const tail = `</div><div class="footerLinks">4/20/2007 1:29 PM</div></div></body></html>`;
	const run = '<span>lorem ipsum</span> ';
	const parts: string[] = [ head ];
	let length = head.length + tail.length;
	while ( length < size ) {
		let block = run.repeat( Math.ceil( every / run.length ) );
		block += `<b>${ random.int( 0, 0xffffffff ).toString( 16 ) }</b> `;
		block = block.slice( 0, Math.max( 0, size - length ) );
		parts.push( block );
		length += block.length;
	}
	parts.push( tail );
	return strToU8( parts.join( '' ) );
}

/**
 * An archive of many small, highly compressible pages, each listed with
 * its true size, under the per-file ratio check (1 MiB) by default.
 *
 * @param options          The archive's shape.
 * @param options.pages    How many pages.
 * @param options.size     Each page's size in bytes.
 * @param options.every    How often a random word breaks the runs.
 * @param options.variants How many different pages (packed once each).
 * @return The zip's bytes.
 */
export function compressibleArchive( {
	pages,
	size = 1000 * 1000,
	every = 8192,
	variants = 16,
}: {
	pages: number;
	size?: number;
	every?: number;
	variants?: number;
} ): Uint8Array {
	const packed: RawEntry[] = [];
	for ( let v = 0; v < Math.min( variants, pages ); v++ ) {
		packed.push(
			packEntry( '', compressiblePage( v + 1, size, every, v + 1 ) )
		);
	}
	const entries: RawEntry[] = [];
	for ( let i = 0; i < pages; i++ ) {
		entries.push( {
			...packed[ i % packed.length ],
			path: `space/page${ i + 1 }.html`,
		} );
	}
	return rawZip( entries );
}
