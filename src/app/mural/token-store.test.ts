import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import { createIdbTokenStore } from './token-store';

describe('IndexedDB token store', () => {
  const dbs = createTestDatabases();
  afterEach(() => dbs.closeAll());

  it('keeps tokens across connections and forgets them on clear', async () => {
    const tokens = { accessToken: 'a', refreshToken: 'r', expiresAt: 5 };
    await createIdbTokenStore(await dbs.open()).save(tokens);
    const store = createIdbTokenStore(await dbs.open());
    expect(await store.load()).toEqual(tokens);
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it('reads a malformed value as signed out', async () => {
    const db = await dbs.open();
    await db.put('settings', { accessToken: 1 }, 'mural.tokens');
    expect(await createIdbTokenStore(db).load()).toBeUndefined();
  });
});
