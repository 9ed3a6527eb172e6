/**
 * Starts the reader's worker. Kept apart so tests can replace it: Jest cannot
 * run `import.meta`, which webpack needs to find the worker's own bundle.
 *
 * @return A new worker.
 */
export function createReaderWorker(): Worker {
	return new Worker( new URL( './reader.worker.ts', import.meta.url ) );
}
