export { runImport, NAMESPACE } from './runner';
export type { RunImportArgs } from './runner';
export { archiveFingerprint } from './fingerprint';
export { TransportError } from './transport';
export type { Transport } from './transport';
export * from './types';
