/**
 * WordPress dependencies
 */
import { startTransition, useEffect, useState } from '@wordpress/element';

/**
 * Whether the page has painted since the component first showed: until
 * then, what it shows waits, so that the summary above it is rendered, laid
 * out and painted in a task of its own.
 *
 * @return True once the page has painted.
 */
export function usePainted(): boolean {
	const [ painted, setPainted ] = useState( false );
	useEffect( () => {
		let timer: ReturnType< typeof setTimeout > | undefined;
		const frame = window.requestAnimationFrame( () => {
			timer = setTimeout( () =>
				// What waited renders in slices that leave the page free.
				startTransition( () => setPainted( true ) )
			);
		} );
		return () => {
			window.cancelAnimationFrame( frame );
			clearTimeout( timer );
		};
	}, [] );
	return painted;
}
