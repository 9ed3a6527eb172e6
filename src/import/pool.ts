/**
 * Internal dependencies
 */
import type { RunControl } from './control';

/**
 * Runs a task for every item with at most `limit` in flight, each started
 * only when the control's gate opens. The first error stops new tasks and is
 * thrown once those in flight have ended.
 *
 * @param items   The items.
 * @param limit   Tasks in flight at most.
 * @param control Pause and cancel.
 * @param task    The work for one item.
 */
export async function eachLimited< T >(
	items: readonly T[],
	limit: number,
	control: RunControl,
	task: ( item: T, index: number ) => Promise< void >
): Promise< void > {
	let next = 0;
	let failure: { error: unknown } | null = null;
	const worker = async () => {
		while ( ! failure && next < items.length ) {
			const index = next++;
			try {
				await control.gate();
				await task( items[ index ], index );
			} catch ( error ) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(
		Array.from(
			{ length: Math.max( 1, Math.min( limit, items.length ) ) },
			worker
		)
	);
	if ( failure ) {
		throw ( failure as { error: unknown } ).error;
	}
}
