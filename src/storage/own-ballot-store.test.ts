import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createOwnBallotStore } from './own-ballot-store';
import { createTestDatabases } from './testing/open-test-db';

const dbs = createTestDatabases();
afterEach(() => dbs.closeAll());

describe('own ballot store', () => {
  it('keeps one row per board and round, replaced on put, gone on remove', async () => {
    const db = await dbs.open();
    const store = createOwnBallotStore(db);
    const a = { boardId: 'b1', roundId: 'r1', voterKey: 'anon-a', place: null, ballot: null };
    await store.put(a);
    await store.put({ ...a, roundId: 'r2', voterKey: 'anon-b' });
    await store.put({ ...a, place: 7, ballot: { votes: [] } });
    expect(await store.get('b1', 'r1')).toEqual({ ...a, place: 7, ballot: { votes: [] } });
    expect((await store.get('b1', 'r2'))?.voterKey).toBe('anon-b');
    expect(await store.get('b2', 'r1')).toBeUndefined();
    await store.remove('b1', 'r1');
    expect(await store.get('b1', 'r1')).toBeUndefined();
  });

  it('reads a row of the wrong shape as absent, never as a key', async () => {
    const db = await dbs.open();
    const store = createOwnBallotStore(db);
    await db.put('ownBallots', {
      boardId: 'b1',
      roundId: 'r1',
      voterKey: 42,
      place: -1,
      ballot: null,
    } as never);
    expect(await store.get('b1', 'r1')).toBeUndefined();
  });
});
