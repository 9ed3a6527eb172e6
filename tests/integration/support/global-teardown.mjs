/**
 * Stops the suite's sites and their MariaDB servers: nothing is left running.
 */
export default async function globalTeardown() {
	await Promise.all( [
		globalThis.spacesImporterSite?.stop(),
		globalThis.spacesImporterNetwork?.stop(),
	] );
}
