/**
 * Starts the image sizer's worker. Kept apart so tests can replace it: Jest
 * cannot run `import.meta`, which webpack needs to find the worker's bundle.
 *
 * @return A new worker.
 */
export function createSizerWorker(): Worker {
	return new Worker( new URL( './sizer.worker.ts', import.meta.url ) );
}
