/** The storage layer's public API: what app/, entries/ and the browser bench import. */
export { DB_VERSION, DEFAULT_DB_NAME, DbVersions, openTouchpointDB } from './db';
export type {
  JournalOperation,
  JournalStatus,
  OpenTouchpointDBOptions,
  SnapshotKind,
  SnapshotMeta,
  TouchpointDB,
  TouchpointDatabase,
} from './db';
export { StorageError, isQuotaError, toStorageError } from './storage-error';
export type { StorageErrorKind } from './storage-error';
export { tx } from './tx';
export { createSnapshotStore } from './snapshot-store';
export type {
  SaveSnapshotResult,
  Snapshot,
  SnapshotInput,
  SnapshotQuery,
  SnapshotStore,
  SnapshotStoreOptions,
  SnapshotUsage,
} from './snapshot-store';
export { JournalStateError, createJournalStore } from './journal-store';
export type {
  JournalEntry,
  JournalRecordInput,
  JournalStore,
  JournalStoreOptions,
} from './journal-store';
export { DEFAULT_SETTINGS, createSettingsStore } from './settings-store';
export type { SettingKey, Settings, SettingsStore, SnapshotBudget } from './settings-store';
export { PLAYGROUND_BOARD_KEY, createPlaygroundStore } from './playground-store';
export type { PlaygroundStore } from './playground-store';
export { estimateStorage, requestPersistentStorage } from './estimate-storage';
export type { StorageEstimateFigures } from './estimate-storage';
