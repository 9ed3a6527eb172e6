/**
 * Stands in for `create-worker.ts` under Jest (see jest.config.js): tests
 * that need reading mock `openArchive`, or `createReaderWorker` itself, and
 * never reach this.
 */
export function createReaderWorker(): Worker {
	throw new Error( 'No worker under Jest: mock openArchive instead.' );
}
