/** The storage layer's public API: exactly what app/, entries/ and the browser bench import. */
export { openTouchpointDB } from './db';
export type { SnapshotKind, SnapshotMeta, TouchpointDatabase } from './db';
export { toStorageError } from './storage-error';
export type { StorageErrorKind } from './storage-error';
export { createSnapshotStore } from './snapshot-store';
export type { SnapshotStore } from './snapshot-store';
export { createJournalStore } from './journal-store';
export type { JournalEntry, JournalStore } from './journal-store';
export { createSettingsStore } from './settings-store';
export type { SnapshotBudget } from './settings-store';
export { createPlaygroundStore } from './playground-store';
export type { PlaygroundStore } from './playground-store';
export { createOwnBallotStore } from './own-ballot-store';
export { estimateStorage, requestPersistentStorage } from './estimate-storage';
export type { StorageEstimateFigures } from './estimate-storage';
