/**
 * Settings of this browser, typed, each with a default. A stored value that no longer fits its
 * type (an older build, a hand edit) reads as the default instead of breaking the panel.
 *
 * To add a setting: add its type to `Settings`, its default to `DEFAULT_SETTINGS` and its check
 * to `parsers`. No schema change is needed.
 */
import { isRecord } from '../domain/common';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { TouchpointDB, TouchpointDatabase } from './db';
import { tx } from './tx';

export interface SnapshotBudget {
  /** Automatic snapshots kept across all boards; at least 1. */
  maxAutoCount: number;
  /** Bytes of automatic snapshots kept across all boards. */
  maxAutoBytes: number;
}

export interface Settings {
  snapshotBudget: SnapshotBudget;
  /** Whether exports name the author of each note (ARCHITECTURE.md §7); off unless allowed. */
  exportIncludeAuthors: boolean;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  snapshotBudget: Object.freeze({ maxAutoCount: 20, maxAutoBytes: 25 * 1024 * 1024 }),
  exportIncludeAuthors: false,
});

const MAX_AUTO_COUNT = 1000;

/** Each returns the value when it is valid, otherwise `undefined`. */
const parsers: { [K in SettingKey]: (value: unknown) => Settings[K] | undefined } = {
  snapshotBudget: (value) => {
    if (!isRecord(value)) return undefined;
    const { maxAutoCount, maxAutoBytes } = value;
    if (typeof maxAutoCount !== 'number' || typeof maxAutoBytes !== 'number') return undefined;
    if (!Number.isInteger(maxAutoCount) || maxAutoCount < 1 || maxAutoCount > MAX_AUTO_COUNT) {
      return undefined;
    }
    if (!Number.isFinite(maxAutoBytes) || maxAutoBytes < 0) return undefined;
    return { maxAutoCount, maxAutoBytes };
  },
  exportIncludeAuthors: (value) => (typeof value === 'boolean' ? value : undefined),
};

export function parseSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): Settings[K] | undefined {
  return parsers[key](value);
}

/** Reads a setting inside a transaction that other stores share (the snapshot budget on save). */
export async function readSetting<K extends SettingKey, Name extends StoreNames<TouchpointDB>>(
  t: IDBPTransaction<TouchpointDB, ('settings' | Name)[], IDBTransactionMode>,
  key: K,
): Promise<Settings[K]> {
  const stored: unknown = await t.objectStore('settings').get(key);
  return parseSetting(key, stored) ?? DEFAULT_SETTINGS[key];
}

export interface SettingsStore {
  get<K extends SettingKey>(key: K): Promise<Settings[K]>;
  getAll(): Promise<Settings>;
  /** Throws a `RangeError` naming the setting when the value does not fit, storing nothing. */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
  /** Back to the default. */
  reset(key: SettingKey): Promise<void>;
}

export function createSettingsStore(db: TouchpointDatabase): SettingsStore {
  return {
    get: (key) => tx(db, 'readonly', ['settings'], (t) => readSetting(t, key), 'read settings'),
    getAll: () =>
      tx(
        db,
        'readonly',
        ['settings'],
        async (t) => ({
          snapshotBudget: await readSetting(t, 'snapshotBudget'),
          exportIncludeAuthors: await readSetting(t, 'exportIncludeAuthors'),
        }),
        'read settings',
      ),
    set: async (key, value) => {
      if (parseSetting(key, value) === undefined) {
        throw new RangeError(`Setting '${key}' cannot be ${JSON.stringify(value)}.`);
      }
      await tx(
        db,
        'readwrite',
        ['settings'],
        async (t) => {
          await t.objectStore('settings').put(value, key);
        },
        'save settings',
      );
    },
    reset: (key) =>
      tx(
        db,
        'readwrite',
        ['settings'],
        (t) => t.objectStore('settings').delete(key),
        'save settings',
      ),
  };
}
