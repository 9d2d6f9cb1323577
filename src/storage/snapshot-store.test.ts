import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings-store';
import { createSnapshotStore } from './snapshot-store';
import type { SnapshotInput, SnapshotStore } from './snapshot-store';
import { StorageError } from './storage-error';
import { createTestDatabases } from './testing/open-test-db';
import type { TestDatabases } from './testing/open-test-db';
import { simulateQuotaExceeded } from './testing/simulate-quota-exceeded';

let dbs: TestDatabases;
let clock: number;
let ids: number;

beforeEach(() => {
  dbs = createTestDatabases();
  clock = 1_000;
  ids = 0;
});
afterEach(() => dbs.closeAll());

async function openStore(): Promise<SnapshotStore> {
  return createSnapshotStore(await dbs.open(), {
    now: () => (clock += 1000),
    newId: () => `s${++ids}`,
  });
}

function input(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    boardId: 'board-a',
    mapId: 'map-1',
    kind: 'manual',
    noteCount: 1,
    summary: '1 note',
    formatVersion: 1,
    payload: { notes: ['Could not verify my identity'] },
    ...overrides,
  };
}

/** A payload whose JSON is exactly `bytes` bytes long. */
function payloadOf(bytes: number): string {
  return 'x'.repeat(bytes - 2);
}

describe('createSnapshotStore', () => {
  it('saves, measures the JSON as UTF-8 and reads back the payload', async () => {
    const store = await openStore();
    const payload = { notes: ['Überweisung 😀'] };
    const { snapshot, pruned } = await store.save(input({ payload, reason: 'ignored for manual' }));
    expect(pruned).toEqual([]);
    expect(snapshot.bytes).toBe(new TextEncoder().encode(JSON.stringify(payload)).byteLength);
    expect(await store.get(snapshot.id)).toEqual({ ...snapshot, payload });
    expect(await store.get('missing')).toBeUndefined();
  });

  it('refuses a payload that is not JSON, writing nothing', async () => {
    const store = await openStore();
    await expect(store.save(input({ payload: undefined }))).rejects.toThrow(TypeError);
    expect((await store.usage()).count).toBe(0);
  });

  it('lists a board newest first, without payloads', async () => {
    const store = await openStore();
    await store.save(input());
    await store.save(input({ boardId: 'board-b' }));
    await store.save(input({ kind: 'auto', reason: 'before tag by position', mapId: 'map-2' }));
    await store.save(input({ summary: 'latest' }));

    const list = await store.list({ boardId: 'board-a' });
    expect(list.map((s) => s.id)).toEqual(['s4', 's3', 's1']);
    expect(list.map((s) => s.createdAt)).toEqual(
      [...list.map((s) => s.createdAt)].sort((a, b) => b - a),
    );
    for (const row of list) expect(row).not.toHaveProperty('payload');
    expect(list[1]).toMatchObject({ kind: 'auto', reason: 'before tag by position' });

    expect((await store.list({ mapId: 'map-2' })).map((s) => s.id)).toEqual(['s3']);
    expect(await store.list({ boardId: 'nobody' })).toEqual([]);
    expect((await store.list()).map((s) => s.id)).toEqual(['s4', 's3', 's2', 's1']);
  });

  it('deletes a snapshot and its payload', async () => {
    const store = await openStore();
    const { snapshot } = await store.save(input());
    expect(await store.delete(snapshot.id)).toBe(true);
    expect(await store.delete(snapshot.id)).toBe(false);
    expect(await store.get(snapshot.id)).toBeUndefined();
    expect(await store.list({ boardId: 'board-a' })).toEqual([]);
  });

  it('reports usage for all boards and for one', async () => {
    const store = await openStore();
    await store.save(input({ payload: payloadOf(100) }));
    await store.save(input({ kind: 'auto', payload: payloadOf(40) }));
    await store.save(input({ kind: 'auto', boardId: 'board-b', payload: payloadOf(7) }));

    expect(await store.usage()).toEqual({ count: 3, bytes: 147, autoCount: 2, autoBytes: 47 });
    expect(await store.usage('board-a')).toEqual({
      count: 2,
      bytes: 140,
      autoCount: 1,
      autoBytes: 40,
    });
    expect(await store.usage('board-c')).toEqual({
      count: 0,
      bytes: 0,
      autoCount: 0,
      autoBytes: 0,
    });
  });

  describe('pruning automatic snapshots', () => {
    it('drops the oldest automatic ones beyond the count, never manual ones', async () => {
      const db = await dbs.open();
      await createSettingsStore(db).set('snapshotBudget', { maxAutoCount: 2, maxAutoBytes: 1e9 });
      const store = createSnapshotStore(db, {
        now: () => (clock += 1000),
        newId: () => `s${++ids}`,
      });

      await store.save(input({ kind: 'manual' })); // s1
      await store.save(input({ kind: 'auto' })); // s2
      await store.save(input({ kind: 'manual', boardId: 'board-b' })); // s3
      await store.save(input({ kind: 'auto', boardId: 'board-b' })); // s4
      const third = await store.save(input({ kind: 'auto' })); // s5
      expect(third.pruned.map((s) => s.id)).toEqual(['s2']);
      const fourth = await store.save(input({ kind: 'auto' })); // s6
      expect(fourth.pruned.map((s) => s.id)).toEqual(['s4']);

      const kept = [
        ...(await store.list({ boardId: 'board-a' })),
        ...(await store.list({ boardId: 'board-b' })),
      ].map((s) => s.id);
      expect(kept.sort()).toEqual(['s1', 's3', 's5', 's6']);
      expect(await store.get('s2')).toBeUndefined();
    });

    it('drops the oldest automatic ones beyond the bytes, but keeps the one just saved', async () => {
      const db = await dbs.open();
      await createSettingsStore(db).set('snapshotBudget', { maxAutoCount: 100, maxAutoBytes: 250 });
      const store = createSnapshotStore(db, {
        now: () => (clock += 1000),
        newId: () => `s${++ids}`,
      });

      await store.save(input({ kind: 'auto', payload: payloadOf(100) })); // s1
      await store.save(input({ kind: 'manual', payload: payloadOf(1000) })); // s2: manual, not counted
      await store.save(input({ kind: 'auto', payload: payloadOf(100) })); // s3
      const result = await store.save(input({ kind: 'auto', payload: payloadOf(100) })); // s4
      expect(result.pruned.map((s) => s.id)).toEqual(['s1']);
      expect(await store.usage()).toMatchObject({ autoCount: 2, autoBytes: 200 });

      // Bigger than the whole budget on its own: everything older goes, it stays.
      const huge = await store.save(input({ kind: 'auto', payload: payloadOf(400) })); // s5
      expect(huge.pruned.map((s) => s.id)).toEqual(['s3', 's4']);
      expect(await store.usage()).toEqual({ count: 2, bytes: 1400, autoCount: 1, autoBytes: 400 });
    });

    it('a manual save prunes nothing; prune() applies a lowered budget', async () => {
      const store = await openStore();
      for (let i = 0; i < 5; i += 1) await store.save(input({ kind: 'auto' }));
      expect((await store.save(input({ kind: 'manual' }))).pruned).toEqual([]);

      const pruned = await store.prune({ maxAutoCount: 2, maxAutoBytes: 1e9 });
      expect(pruned.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
      expect(await store.usage()).toMatchObject({ count: 3, autoCount: 2 });
    });

    it('uses the default budget of 20 automatic snapshots', async () => {
      const store = await openStore();
      for (let i = 0; i < 21; i += 1) await store.save(input({ kind: 'auto' }));
      expect((await store.usage()).autoCount).toBe(20);
      expect(await store.get('s1')).toBeUndefined();
      expect(await store.get('s2')).toBeDefined();
    });
  });

  describe('a full disk', () => {
    it.each(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])(
      'rejects with a quota error (%s) and keeps what was there',
      async (errorName) => {
        const store = await openStore();
        const { snapshot } = await store.save(input({ kind: 'auto', payload: { v: 1 } }));
        const before = await store.usage();

        const quota = simulateQuotaExceeded(errorName);
        let error: unknown;
        try {
          await store.save(input({ kind: 'auto', payload: { v: 2 } }));
        } catch (e) {
          error = e;
        } finally {
          quota.restore();
        }

        expect(quota.refused).toBeGreaterThan(0);
        expect(error).toBeInstanceOf(StorageError);
        expect((error as StorageError).kind).toBe('quota');
        expect((error as StorageError).message).toBe(
          "Your browser's storage is full, so Touchpoint could not save the snapshot. Free some " +
            'disk space or delete old snapshots in the Export tab; nothing on the board was changed.',
        );
        expect(await store.usage()).toEqual(before);
        expect(await store.get(snapshot.id)).toEqual({ ...snapshot, payload: { v: 1 } });
      },
    );
  });
});

describe('damaged snapshot rows (issue 10 §7)', () => {
  it('never count, list or get pruned, and never make good snapshots be pruned', async () => {
    const db = await dbs.open();
    const store = createSnapshotStore(db, { now: () => (clock += 1000), newId: () => `s${++ids}` });
    for (let i = 0; i < 3; i += 1) await store.save(input({ kind: 'auto', reason: `auto ${i}` }));
    // Rows an older build or a hand edit left: no size, a size in words, no date.
    const base = { boardId: 'board-a', mapId: 'map-1', kind: 'auto', reason: '', summary: '' };
    await db.put('snapshots', { ...base, id: 'bad-1', createdAt: 1 } as never);
    await db.put('snapshots', { ...base, id: 'bad-2', createdAt: 2, bytes: '12' } as never);
    await db.put('snapshots', { ...base, id: 'bad-3', bytes: 5 } as never);

    // Budget of 5 automatic snapshots: the next one fits, so nothing good goes.
    await createSettingsStore(db).set('snapshotBudget', { maxAutoCount: 5, maxAutoBytes: 1e9 });
    const saved = await store.save(input({ kind: 'auto', reason: 'auto 3' }));
    expect(saved.pruned).toEqual([]);
    expect((await store.list()).map((s) => s.reason)).toEqual([
      'auto 3',
      'auto 2',
      'auto 1',
      'auto 0',
    ]);
    const usage = await store.usage();
    expect(usage).toMatchObject({ count: 4, autoCount: 4 });
    expect(Number.isFinite(usage.bytes)).toBe(true);
    expect(await store.get('bad-1')).toBeUndefined();

    expect(await store.damaged()).toEqual([
      { key: 'bad-1', problem: 'no size (bytes)' },
      { key: 'bad-2', problem: 'no size (bytes)' },
      { key: 'bad-3', problem: 'no date' },
    ]);
    // Deleting asks by key; a good snapshot's key is refused (not damaged), the rest go.
    expect(await store.deleteDamaged(['bad-1', 'bad-2', 'bad-3', saved.snapshot.id])).toBe(3);
    expect(await store.damaged()).toEqual([]);
    expect(await store.list()).toHaveLength(4);
  });
});
