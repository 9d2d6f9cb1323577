/**
 * Upgrades from every earlier schema, each built by hand with the raw IndexedDB API exactly as that
 * version's code created it, so the test does not depend on the upgrade code it checks.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, DbVersions, openTouchpointDB } from './db';
import type { TouchpointDatabase } from './db';
import { createJournalStore } from './journal-store';
import { createPlaygroundStore } from './playground-store';
import { createSettingsStore } from './settings-store';
import { createSnapshotStore } from './snapshot-store';
import { createOwnBallotStore } from './own-ballot-store';
import { createV1, v1Snapshot } from './testing/create-v1-database';
import { createV2, v2Snapshot } from './testing/create-v2-database';

/** One builder per version below the current one; the guard test below keeps this complete. */
const earlierVersions: Record<number, (factory: IDBFactory, name: string) => Promise<void>> = {
  [DbVersions.Initial]: createV1,
  [DbVersions.JournalAndPayloads]: createV2,
};

const opened: TouchpointDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('upgrades', () => {
  it('has a hand-built fixture for every earlier version', () => {
    const earlier = Object.values(DbVersions).filter((v) => v < DB_VERSION);
    expect(Object.keys(earlierVersions).map(Number).sort()).toEqual(earlier.sort());
    // Versions are contiguous from 1, one step each.
    expect(Object.values(DbVersions)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('from version 1 keeps every snapshot, setting and board, and adds the new stores', async () => {
    const factory = new IDBFactory();
    await createV1(factory, 'tp');

    const db = await openTouchpointDB({ factory, name: 'tp' });
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);

    const snapshots = createSnapshotStore(db);
    const list = await snapshots.list({ boardId: 'board-a' });
    expect(list.map((s) => s.id)).toEqual(['s2', 's1']);
    // Listing no longer carries payloads; they moved to their own store.
    const { payload: _payload, ...v1Meta } = v1Snapshot;
    expect(list[1]).toEqual(v1Meta);
    expect(list[1]).not.toHaveProperty('payload');
    expect(await snapshots.get('s1')).toEqual(v1Snapshot);
    expect((await snapshots.list({ mapId: 'map-1' })).length).toBe(2);

    expect(await createSettingsStore(db).get('snapshotBudget')).toEqual({
      maxAutoCount: 5,
      maxAutoBytes: 1000,
    });
    expect(await createPlaygroundStore(db).load()).toEqual({ items: ['n1'] });

    const journal = createJournalStore(db);
    const entry = await journal.record({ boardId: 'board-a', operation: 'import', entries: [] });
    expect(await journal.latestUndoable('board-a')).toEqual(entry);
  });

  it('from version 2 keeps snapshots, the journal and the board, and adds ownBallots', async () => {
    const factory = new IDBFactory();
    await createV2(factory, 'tp2');

    const db = await openTouchpointDB({ factory, name: 'tp2' });
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    const snapshots = createSnapshotStore(db);
    expect(await snapshots.list({ boardId: 'board-a' })).toEqual([v2Snapshot]);
    expect(await snapshots.get('s1')).toEqual(v1Snapshot);
    expect((await createJournalStore(db).latestUndoable('board-a'))?.created).toEqual(['n9']);
    expect(await createPlaygroundStore(db).load()).toEqual({ items: ['n1'] });

    const own = createOwnBallotStore(db);
    expect(await own.get('board-a', 'r1')).toBeUndefined();
    const row = { boardId: 'board-a', roundId: 'r1', voterKey: 'anon-x', place: 3, ballot: null };
    await own.put(row);
    expect(await own.get('board-a', 'r1')).toEqual(row);
  });
});
