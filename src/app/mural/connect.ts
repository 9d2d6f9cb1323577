/**
 * The MURAL connect flow for `mural.html`: settings (client id, MURAL address), sign in with
 * PKCE, the redirect back, workspace → room → mural lists, a pasted mural URL, the chosen
 * mural, sign out. Everything kept lives in IndexedDB `settings` under `mural.*` keys.
 */
import { createMuralBoard } from '../../board/mural/adapter';
import { createMuralClient, listAll, type MuralClient } from '../../board/mural/client';
import {
  beginSignIn,
  completeSignIn,
  createTokenSession,
  memoryTokenStore,
  type OAuthConfig,
  type PendingSignIn,
  type TokenSession,
  type TokenStore,
} from '../../board/mural/oauth';
import type { Board } from '../../board/port';
import type { TouchpointDatabase } from '../../storage';
import { createIdbTokenStore } from './token-store';

export const MURAL_ORIGIN = 'https://app.mural.co';

export interface MuralSettings {
  clientId: string;
  /** MURAL's address; a local test server in tests. */
  origin: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

const CONFIG_KEY = 'mural.config';
const PENDING_KEY = 'mural.pending';
const CHOSEN_KEY = 'mural.chosen';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `…/t/<workspace>/m/<workspace>/<number>/…` → `<workspace>.<number>`. */
export function parseMuralUrl(text: string): string | null {
  const m = /\/t\/([^/?#]+)\/m\/([^/?#]+)\/(\d+)(?:[/?#]|$)/.exec(text.trim());
  if (m) return `${decodeURIComponent(m[2]!)}.${m[3]!}`;
  // A bare id also does.
  return /^[A-Za-z0-9_-]+\.\d+$/.test(text.trim()) ? text.trim() : null;
}

/** The browser URL of a mural, for the embedded view and the "open in MURAL" link. */
export function muralUrl(origin: string, muralId: string): string {
  const dot = muralId.lastIndexOf('.');
  const ws = muralId.slice(0, dot);
  const n = muralId.slice(dot + 1);
  return `${origin.replace(/\/$/, '')}/t/${encodeURIComponent(ws)}/m/${encodeURIComponent(ws)}/${n}/`;
}

/** A small key-value place: IndexedDB settings, or memory where IndexedDB is refused. */
interface Kv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

function kvOf(db: TouchpointDatabase | null): Kv {
  if (db) {
    return {
      get: (key) => db.get('settings', key),
      set: async (key, value) => void (await db.put('settings', value, key)),
      delete: (key) => db.delete('settings', key),
    };
  }
  const memory = new Map<string, unknown>();
  return {
    get: (key) => Promise.resolve(memory.get(key)),
    set: (key, value) => Promise.resolve(void memory.set(key, value)),
    delete: (key) => Promise.resolve(void memory.delete(key)),
  };
}

export interface MuralConnectOptions {
  db: TouchpointDatabase | null;
  /** This page's address without query: where MURAL sends the browser back. */
  redirectUri: string;
  /** Build-time client id (`VITE_MURAL_CLIENT_ID`), used until settings give one. */
  defaultClientId?: string;
  fetch?: typeof fetch;
}

export interface MuralConnect {
  settings(): Promise<MuralSettings>;
  saveSettings(settings: MuralSettings): Promise<void>;
  /** The authorize URL to send the browser to. */
  signInUrl(): Promise<string>;
  /** Handles a redirect back from MURAL; false when the URL is not one. */
  finishSignIn(url: URL): Promise<boolean>;
  signedIn(): Promise<boolean>;
  workspaces(): Promise<NamedRef[]>;
  rooms(workspaceId: string): Promise<NamedRef[]>;
  murals(roomId: string): Promise<NamedRef[]>;
  chosen(): Promise<string | null>;
  choose(muralId: string | null): Promise<void>;
  open(
    muralId: string,
    onNotify?: (kind: 'info' | 'error', message: string) => void,
  ): Promise<Board & { refresh(): Promise<void> }>;
  signOut(): Promise<void>;
}

export function createMuralConnect(options: MuralConnectOptions): MuralConnect {
  const kv = kvOf(options.db);
  const tokenStore: TokenStore = options.db ? createIdbTokenStore(options.db) : memoryTokenStore();

  async function settings(): Promise<MuralSettings> {
    const stored = await kv.get(CONFIG_KEY);
    const clientId =
      isRecord(stored) && typeof stored.clientId === 'string' && stored.clientId !== ''
        ? stored.clientId
        : (options.defaultClientId ?? '');
    const origin =
      isRecord(stored) && typeof stored.origin === 'string' && stored.origin !== ''
        ? stored.origin
        : MURAL_ORIGIN;
    return { clientId, origin };
  }

  const oauthConfig = async (): Promise<OAuthConfig> => {
    const s = await settings();
    return {
      origin: s.origin,
      clientId: s.clientId,
      redirectUri: options.redirectUri,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
  };

  let session: TokenSession | null = null;
  let client: MuralClient | null = null;
  async function getClient(): Promise<MuralClient> {
    if (client) return client;
    const config = await oauthConfig();
    session = createTokenSession(config, tokenStore);
    client = createMuralClient({
      apiBase: `${config.origin.replace(/\/$/, '')}/api/public/v1`,
      tokens: session,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return client;
  }

  const named = (values: unknown[]): NamedRef[] =>
    values.flatMap((v) => {
      if (!isRecord(v) || typeof v.id !== 'string') return [];
      const name =
        typeof v.name === 'string' ? v.name : typeof v.title === 'string' ? v.title : v.id;
      return [{ id: v.id, name: name || v.id }];
    });

  return {
    settings,
    async saveSettings(next) {
      await kv.set(CONFIG_KEY, { clientId: next.clientId.trim(), origin: next.origin.trim() });
      client = null;
    },
    async signInUrl() {
      const config = await oauthConfig();
      if (config.clientId === '') throw new Error('Enter the client id of your MURAL app first.');
      const { url, pending } = await beginSignIn(config);
      await kv.set(PENDING_KEY, pending);
      return url;
    },
    async finishSignIn(url) {
      if (!url.searchParams.has('state')) return false;
      const stored = await kv.get(PENDING_KEY);
      const pending =
        isRecord(stored) &&
        typeof stored.state === 'string' &&
        typeof stored.verifier === 'string' &&
        typeof stored.redirectUri === 'string'
          ? (stored as unknown as PendingSignIn)
          : undefined;
      await kv.delete(PENDING_KEY);
      const tokens = await completeSignIn(await oauthConfig(), pending, url);
      await tokenStore.save(tokens);
      client = null;
      return true;
    },
    signedIn: async () => (await tokenStore.load()) !== undefined,
    async workspaces() {
      return named(await listAll(await getClient(), '/workspaces'));
    },
    async rooms(workspaceId) {
      return named(
        await listAll(await getClient(), `/workspaces/${encodeURIComponent(workspaceId)}/rooms`),
      );
    },
    async murals(roomId) {
      return named(await listAll(await getClient(), `/rooms/${encodeURIComponent(roomId)}/murals`));
    },
    async chosen() {
      const value = await kv.get(CHOSEN_KEY);
      return typeof value === 'string' ? value : null;
    },
    async choose(muralId) {
      if (muralId === null) await kv.delete(CHOSEN_KEY);
      else await kv.set(CHOSEN_KEY, muralId);
    },
    async open(muralId, onNotify) {
      return createMuralBoard(await getClient(), muralId, onNotify ? { onNotify } : {});
    },
    async signOut() {
      await tokenStore.clear();
      await kv.delete(CHOSEN_KEY);
      await kv.delete(PENDING_KEY);
      session = null;
      client = null;
    },
  };
}
