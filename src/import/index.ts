export { runImport, undoRun, NAMESPACE } from './runner';
export type { RunImportArgs } from './runner';
export { RunControl } from './control';
export { archiveFingerprint } from './fingerprint';
export { TransportError } from './transport';
export type { Transport } from './transport';
export type { MediaSource } from './media-source';
export * from './types';
