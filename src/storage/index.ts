/** The storage layer's public API: what app/, entries/ and the browser bench import. */
export { DB_VERSION, DEFAULT_DB_NAME, DbVersions, openTouchpointDB } from './db';
export type { OpenTouchpointDBOptions, TouchpointDB, TouchpointDatabase } from './db';
export { StorageError, isQuotaError, toStorageError } from './storage-error';
export type { StorageErrorKind } from './storage-error';
export { PLAYGROUND_BOARD_KEY, createPlaygroundStore } from './playground-store';
export type { PlaygroundStore } from './playground-store';
export { tx } from './tx';
