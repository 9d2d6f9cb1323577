import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, createSettingsStore } from './settings-store';
import { createTestDatabases } from './testing/open-test-db';
import type { TestDatabases } from './testing/open-test-db';

let dbs: TestDatabases;
beforeEach(() => {
  dbs = createTestDatabases();
});
afterEach(() => dbs.closeAll());

describe('createSettingsStore', () => {
  it('gives defaults until set, keeps values across reopening, resets', async () => {
    const first = await dbs.open();
    const settings = createSettingsStore(first);
    expect(await settings.getAll()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.snapshotBudget).toEqual({
      maxAutoCount: 20,
      maxAutoBytes: 25 * 1024 * 1024,
    });

    await settings.set('snapshotBudget', { maxAutoCount: 5, maxAutoBytes: 1_000_000 });
    await settings.set('exportIncludeAuthors', true);
    first.close();

    const again = createSettingsStore(await dbs.open());
    expect(await again.get('snapshotBudget')).toEqual({ maxAutoCount: 5, maxAutoBytes: 1_000_000 });
    expect(await again.get('exportIncludeAuthors')).toBe(true);
    await again.reset('exportIncludeAuthors');
    expect(await again.get('exportIncludeAuthors')).toBe(false);
  });

  it('refuses values that do not fit, storing nothing', async () => {
    const settings = createSettingsStore(await dbs.open());
    await expect(
      settings.set('snapshotBudget', { maxAutoCount: 0, maxAutoBytes: 10 }),
    ).rejects.toThrow(/snapshotBudget/);
    await expect(
      settings.set('snapshotBudget', { maxAutoCount: 2.5, maxAutoBytes: 10 }),
    ).rejects.toThrow(RangeError);
    expect(await settings.get('snapshotBudget')).toEqual(DEFAULT_SETTINGS.snapshotBudget);
  });

  it('reads a stored value of the wrong shape as the default', async () => {
    const db = await dbs.open();
    await db.put('settings', { maxAutoCount: 'many' }, 'snapshotBudget');
    await db.put('settings', 'yes', 'exportIncludeAuthors');
    expect(await createSettingsStore(db).getAll()).toEqual(DEFAULT_SETTINGS);
  });
});
