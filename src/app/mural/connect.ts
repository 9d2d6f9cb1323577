/**
 * The MURAL connect flow for `mural.html`: the sign-in path (the site's token proxy holding the
 * client secret, or the browser alone for a registration without one), settings (client id, MURAL
 * address), sign in with PKCE, the redirect back, workspace → room → mural lists, a pasted mural
 * URL, the chosen mural, sign out. Everything kept lives in IndexedDB `settings` under `mural.*`.
 */
import { errorMessage, isRecord } from '../../domain/common';
import { createMuralBoard } from '../../board/mural/adapter';
import { createMuralClient, listAll, type MuralClient } from '../../board/mural/client';
import {
  beginSignIn,
  completeSignIn,
  OAuthError,
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

/**
 * How sign-in reaches MURAL's token endpoint. `proxy`: through this site's token proxy, which
 * holds the client secret MURAL requires (client id and MURAL address are the server's). `browser`:
 * straight from the browser with PKCE and no secret, for a registration that allows it.
 */
export type SignInPath =
  | { mode: 'proxy'; clientId: string; muralOrigin: string; tokenUrl: string }
  | { mode: 'browser'; clientId?: string; muralOrigin?: string };

/** Reads `/mural-auth/config` (the proxy's answer); anything else means the browser-only path. */
export function parseSignInPath(body: unknown, pageOrigin: string): SignInPath {
  if (!isRecord(body) || typeof body.clientId !== 'string' || body.clientId === '') {
    return { mode: 'browser' };
  }
  const muralOrigin = typeof body.muralOrigin === 'string' ? body.muralOrigin : MURAL_ORIGIN;
  if (body.mode === 'proxy' && typeof body.tokenUrl === 'string') {
    return {
      mode: 'proxy',
      clientId: body.clientId,
      muralOrigin,
      tokenUrl: new URL(body.tokenUrl, pageOrigin).toString(),
    };
  }
  return { mode: 'browser', clientId: body.clientId, muralOrigin };
}

/** Asks this site whether it runs the token proxy. */
export async function discoverSignInPath(
  pageOrigin: string,
  doFetch: typeof fetch = (input, init) => fetch(input, init),
): Promise<SignInPath> {
  try {
    const answer = await doFetch(new URL('/mural-auth/config', pageOrigin).toString(), {
      headers: { accept: 'application/json' },
    });
    if (!answer.ok) return { mode: 'browser' };
    return parseSignInPath(await answer.json(), pageOrigin);
  } catch {
    return { mode: 'browser' };
  }
}

/** What a refused sign-in means and what to do, by path. */
export function describeSignInError(error: unknown, path: SignInPath): string {
  const message = errorMessage(error);
  if (!(error instanceof OAuthError)) return message;
  if (error.code === 'invalid_client' || error.code === 'unauthorized_client') {
    return path.mode === 'proxy'
      ? `${message} MURAL did not accept the client id and secret this site's token proxy holds: ask whoever runs Touchpoint to check MURAL_CLIENT_ID and MURAL_CLIENT_SECRET (a secret reset in MURAL's "My apps" must be copied to the server too).`
      : `${message} Your MURAL app needs its client secret, which a browser must never hold: run Touchpoint with its token proxy (MURAL_CLIENT_ID and MURAL_CLIENT_SECRET on the server, see the README), or use an app registration that allows sign-in without a secret.`;
  }
  if (error.code === 'invalid_grant') {
    return `${message} The sign-in code was used or has expired: sign in again.`;
  }
  if (error.code === 'origin_not_allowed' || error.code === 'invalid_request') {
    return `${message} The token proxy refused this page: its address must be in TP_PUBLIC_ORIGIN and MURAL_REDIRECT_URI on the server.`;
  }
  return message;
}

export interface NamedRef {
  id: string;
  name: string;
}

const CONFIG_KEY = 'mural.config';
const PENDING_KEY = 'mural.pending';
const CHOSEN_KEY = 'mural.chosen';

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
  /** The sign-in path this site offers (`discoverSignInPath`); default browser-only. */
  path?: SignInPath;
  fetch?: typeof fetch;
}

export interface MuralConnect {
  /** Which sign-in path is in use, and this page's address (the redirect URL to register). */
  readonly path: SignInPath;
  readonly redirectUri: string;
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
  const path: SignInPath = options.path ?? { mode: 'browser' };

  async function settings(): Promise<MuralSettings> {
    // The proxy's client id and MURAL address are the server's: its secret belongs to that app.
    if (path.mode === 'proxy') return { clientId: path.clientId, origin: path.muralOrigin };
    const stored = await kv.get(CONFIG_KEY);
    const clientId =
      isRecord(stored) && typeof stored.clientId === 'string' && stored.clientId !== ''
        ? stored.clientId
        : (path.clientId ?? options.defaultClientId ?? '');
    const origin =
      isRecord(stored) && typeof stored.origin === 'string' && stored.origin !== ''
        ? stored.origin
        : (path.muralOrigin ?? MURAL_ORIGIN);
    return { clientId, origin };
  }

  const oauthConfig = async (): Promise<OAuthConfig> => {
    const s = await settings();
    return {
      origin: s.origin,
      clientId: s.clientId,
      redirectUri: options.redirectUri,
      ...(path.mode === 'proxy' ? { tokenUrl: path.tokenUrl } : {}),
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
    path,
    redirectUri: options.redirectUri,
    settings,
    async saveSettings(next) {
      if (path.mode === 'proxy') return;
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
      // Tabs of this browser on the same mural share their polls (one poller where possible).
      return createMuralBoard(await getClient(), muralId, {
        shareAcrossTabs: true,
        ...(onNotify ? { onNotify } : {}),
      });
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
