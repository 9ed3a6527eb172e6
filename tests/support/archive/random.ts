/**
 * A small seeded random generator, so generated archives (and fuzz cases)
 * are the same on every run.
 */

export interface Random {
	/** A number in [0, 1). */
	next: () => number;
	/** An integer in [min, max]. */
	int: ( min: number, max: number ) => number;
	/** One of the items. */
	pick: < T >( items: readonly T[] ) => T;
	/** True with probability p. */
	chance: ( p: number ) => boolean;
}

/**
 * Creates a seeded generator (mulberry32).
 *
 * @param seed Any integer.
 * @return The generator.
 */
export function seededRandom( seed: number ): Random {
	let state = seed >>> 0; // eslint-disable-line no-bitwise -- 32-bit state.
	const next = () => {
		/* eslint-disable no-bitwise -- the generator is bit arithmetic. */
		state = ( state + 0x6d2b79f5 ) >>> 0;
		let t = state;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
		/* eslint-enable no-bitwise */
	};
	return {
		next,
		int: ( min, max ) => min + Math.floor( next() * ( max - min + 1 ) ),
		pick: ( items ) => items[ Math.floor( next() * items.length ) ],
		chance: ( p ) => next() < p,
	};
}
