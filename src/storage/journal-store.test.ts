import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalStateError, createJournalStore } from './journal-store';
import { StorageError } from './storage-error';
import { createTestDatabases } from './testing/open-test-db';
import type { TestDatabases } from './testing/open-test-db';
import { simulateQuotaExceeded } from './testing/simulate-quota-exceeded';

let dbs: TestDatabases;
let clock: number;
const now = () => (clock += 10);

beforeEach(() => {
  dbs = createTestDatabases();
  clock = 0;
});
afterEach(() => dbs.closeAll());

const priorStates = [
  { id: 'n1', x: 10, y: 20, fillColor: 'yellow' },
  { id: 'n2', x: 30, y: 40, fillColor: 'light_blue' },
];

describe('createJournalStore', () => {
  it('records, applies and undoes a batch, and it survives reopening the database', async () => {
    const first = await dbs.open();
    const journal = createJournalStore(first, { now });
    const entry = await journal.record({
      boardId: 'board-a',
      operation: 'apply-groups',
      entries: priorStates,
    });
    expect(entry).toMatchObject({ status: 'pending', entries: priorStates, created: [] });
    await journal.addCreated(entry.id, ['label-1', 'label-2']);
    await journal.addCreated(entry.id, ['label-2', 'label-3']);
    first.close();

    // The panel was closed and reopened halfway through applying.
    const second = createJournalStore(await dbs.open(), { now });
    const pending = await second.latestUndoable('board-a');
    expect(pending).toMatchObject({
      id: entry.id,
      status: 'pending',
      operation: 'apply-groups',
      entries: priorStates,
      created: ['label-1', 'label-2', 'label-3'],
    });

    const applied = await second.markApplied(entry.id);
    expect(applied.status).toBe('applied');
    expect(applied.updatedAt).toBeGreaterThan(entry.updatedAt);
    expect((await second.latestUndoable('board-a'))?.status).toBe('applied');

    await second.markUndone(entry.id);
    expect(await second.latestUndoable('board-a')).toBeUndefined();
    expect((await second.get(entry.id))?.status).toBe('undone');
  });

  it('undoes newest first, per board', async () => {
    const journal = createJournalStore(await dbs.open(), { now: () => 5 }); // same instant
    const a1 = await journal.record({ boardId: 'a', operation: 'tag-by-position', entries: [] });
    const b1 = await journal.record({ boardId: 'b', operation: 'import', entries: [] });
    const a2 = await journal.record({ boardId: 'a', operation: 'apply-groups', entries: [] });
    await journal.markApplied(a1.id);
    await journal.markApplied(a2.id);

    expect((await journal.latestUndoable('a'))?.id).toBe(a2.id);
    await journal.markUndone(a2.id);
    expect((await journal.latestUndoable('a'))?.id).toBe(a1.id);
    expect((await journal.latestUndoable('b'))?.id).toBe(b1.id);
    expect((await journal.list('a')).map((e) => e.id)).toEqual([a2.id, a1.id]);
  });

  it('refuses transitions the lifecycle does not allow', async () => {
    const journal = createJournalStore(await dbs.open(), { now });
    const entry = await journal.record({ boardId: 'a', operation: 'import', entries: [] });
    await journal.markUndone(entry.id);
    await expect(journal.markApplied(entry.id)).rejects.toThrow(JournalStateError);
    await expect(journal.markApplied(9999)).rejects.toThrow(JournalStateError);
    expect((await journal.get(entry.id))?.status).toBe('undone');
    // Applying twice is harmless (a retried batch).
    const again = await journal.record({ boardId: 'a', operation: 'import', entries: [] });
    await journal.markApplied(again.id);
    expect((await journal.markApplied(again.id)).status).toBe('applied');
  });

  it('keeps only the newest entries of a board', async () => {
    const journal = createJournalStore(await dbs.open(), { now, keepPerBoard: 3 });
    const other = await journal.record({ boardId: 'b', operation: 'import', entries: [] });
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await journal.record({ boardId: 'a', operation: 'import', entries: [i] })).id);
    }
    expect((await journal.list('a')).map((e) => e.id)).toEqual(ids.slice(2).reverse());
    expect(await journal.get(other.id)).toBeDefined();
  });

  it('a full disk refuses the record, so the batch must not start', async () => {
    const journal = createJournalStore(await dbs.open(), { now });
    const quota = simulateQuotaExceeded();
    let error: unknown;
    try {
      await journal.record({ boardId: 'a', operation: 'apply-groups', entries: priorStates });
    } catch (e) {
      error = e;
    } finally {
      quota.restore();
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect(await journal.list('a')).toEqual([]);
  });
});
