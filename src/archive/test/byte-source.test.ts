/**
 * @jest-environment node
 */

/**
 * Internal dependencies
 */
import { toByteSource } from '../byte-source';

describe( 'reading a Blob in blocks', () => {
	const bytes = Uint8Array.from(
		{ length: 1000 },
		( _, i ) => ( i * 31 ) % 256
	);

	it( 'gives the same bytes as the Blob for any read, across and beyond blocks', async () => {
		const blob = new Blob( [ bytes ] );
		let slices = 0;
		const counted = new Proxy( blob, {
			get( target, key ) {
				if ( key === 'slice' ) {
					return ( ...args: [ number, number ] ) => {
						slices++;
						return target.slice( ...args );
					};
				}
				const value = Reflect.get( target, key, target );
				return typeof value === 'function'
					? value.bind( target )
					: value;
			},
		} );
		Object.setPrototypeOf( counted, Blob.prototype );
		const source = toByteSource( counted as Blob, {
			blockSize: 64,
			blocksKept: 2,
		} );
		const cases: Array< [ number, number ] > = [
			[ 0, 10 ],
			[ 10, 30 ],
			[ 60, 10 ],
			[ 63, 2 ],
			[ 100, 200 ],
			[ 990, 50 ],
			[ 1000, 5 ],
			[ 5, 0 ],
			[ 0, 1000 ],
		];
		for ( const [ offset, length ] of cases ) {
			expect( Array.from( await source.read( offset, length ) ) ).toEqual(
				Array.from( bytes.subarray( offset, offset + length ) )
			);
		}
		expect( source.size ).toBe( 1000 );
		// Small reads in order share blocks instead of a slice each.
		slices = 0;
		for ( let offset = 0; offset < 1000; offset += 8 ) {
			await source.read( offset, 8 );
		}
		expect( slices ).toBeLessThanOrEqual( 17 );
	} );
} );
