import 'fake-indexeddb/auto';
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from './storage-error';
import { createTestDatabases } from './testing/open-test-db';
import type { TestDatabases } from './testing/open-test-db';
import { tx } from './tx';

let dbs: TestDatabases;
beforeEach(() => {
  dbs = createTestDatabases();
});
afterEach(() => dbs.closeAll());

/** fake-indexeddb's internal abort, which sets `transaction.error` as a browser does. */
interface FakeTransaction {
  _abort(errorName: string): void;
}

describe('tx', () => {
  it('resolves with the result once committed', async () => {
    const db = await dbs.open();
    const result = await tx(db, 'readwrite', ['settings'], async (t) => {
      await t.objectStore('settings').put(1, 'a');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await db.get('settings', 'a')).toBe(1);
  });

  it('rolls back and passes through an error thrown by fn', async () => {
    const db = await dbs.open();
    const bug = new TypeError('bug');
    await expect(
      tx(db, 'readwrite', ['settings'], async (t) => {
        await t.objectStore('settings').put(1, 'a');
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(await db.get('settings', 'a')).toBeUndefined();
  });

  it('maps a quota failure at commit time (as Chrome reports it) and keeps the old data', async () => {
    const db = await dbs.open();
    await db.put('settings', 'old', 'a');
    const error = await tx(db, 'readwrite', ['settings'], async (t) => {
      await t.objectStore('settings').put('new', 'a');
      (unwrap(t) as unknown as FakeTransaction)._abort('QuotaExceededError');
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect(await db.get('settings', 'a')).toBe('old');
  });

  it('fails loudly when fn awaits other work and the transaction has committed', async () => {
    const db = await dbs.open();
    const error = await tx(db, 'readwrite', ['settings'], async (t) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await t.objectStore('settings').put(1, 'a');
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('unknown');
    // Browsers say TransactionInactiveError; fake-indexeddb says InvalidStateError.
    expect((error as StorageError).message).toMatch(
      /\((TransactionInactiveError|InvalidStateError)\)/,
    );
  });
});
