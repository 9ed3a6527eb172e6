/**
 * Stops the suite's WordPress and MariaDB: nothing is left running.
 */
export default async function globalTeardown() {
	await globalThis.spacesImporterSite?.stop();
}
