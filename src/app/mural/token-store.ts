/**
 * MURAL tokens in IndexedDB, under one key of the existing `settings` store (no schema change).
 * They are this browser's, like any other setting; sign out deletes the key.
 */
import type { TouchpointDatabase } from '../../storage';
import { isTokens, type Tokens, type TokenStore } from '../../board/mural/oauth';

export const MURAL_TOKENS_KEY = 'mural.tokens';

export function createIdbTokenStore(db: TouchpointDatabase, key = MURAL_TOKENS_KEY): TokenStore {
  return {
    async load(): Promise<Tokens | undefined> {
      const value: unknown = await db.get('settings', key);
      return isTokens(value) ? value : undefined;
    },
    async save(tokens) {
      await db.put('settings', { ...tokens }, key);
    },
    async clear() {
      await db.delete('settings', key);
    },
  };
}
