/**
 * What the thunks hold that has no place in the store: the worker with the
 * open archive, the files chosen for the browser's copy, the reading's abort
 * controller and the run's pause/cancel control.
 */

/**
 * Internal dependencies
 */
import type { RunControl } from '../../import/control';
import type { Choice } from '../choice';
import type { OpenArchive } from '../reader';

export const session: {
	archive: OpenArchive | null;
	choice: Choice | null;
	reading: AbortController | null;
	control: RunControl | null;
} = { archive: null, choice: null, reading: null, control: null };

/**
 * Stops what the session holds: the reading, the run and the worker. Called
 * when the owner starts over and when the screen goes away.
 */
export function closeSession(): void {
	session.reading?.abort();
	session.control?.cancel();
	session.archive?.close();
	session.reading = null;
	session.control = null;
	session.archive = null;
	session.choice = null;
}
