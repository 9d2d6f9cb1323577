/**
 * MURAL sign-in: OAuth 2.0 authorization code with PKCE (S256), the code exchange and refresh
 * sent through the token proxy that holds the client secret (or, for a registration without one,
 * straight to MURAL), and the token session the REST client asks for a bearer token. Tokens live in a `TokenStore`
 * (IndexedDB in the page, memory in tests); refresh tokens rotate, so every refresh stores the
 * new pair. See CONTEXT.md.
 */
import { isRecord } from '../../domain/common';
import { challengeS256, createState, createVerifier } from './pkce';

export const MURAL_SCOPES = [
  'murals:read',
  'murals:write',
  'identity:read',
  'workspaces:read',
  'rooms:read',
  // `GET /murals/{id}/users` (the Vote and Stages tabs list members) needs users:read.
  'users:read',
] as const;

/** `https://app.mural.co` in production; the local test server's origin in tests. */
export interface OAuthConfig {
  origin: string;
  clientId: string;
  redirectUri: string;
  /**
   * Where code exchanges and refreshes go. The token proxy (`/mural-auth/token`), which adds the
   * client secret MURAL requires; without it, MURAL's own token endpoint with no secret, which
   * only a registration that allows sign-in without a secret accepts.
   */
  tokenUrl?: string;
  fetch?: typeof fetch;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
}

export const authorizeEndpoint = (origin: string): string =>
  `${origin.replace(/\/$/, '')}/api/public/v1/authorization/oauth2/`;
export const tokenEndpoint = (origin: string): string =>
  `${origin.replace(/\/$/, '')}/api/public/v1/authorization/oauth2/token`;

/** The URL to send the browser to, and what to keep until it comes back. */
export async function beginSignIn(
  config: OAuthConfig,
): Promise<{ url: string; pending: PendingSignIn }> {
  const verifier = createVerifier();
  const state = createState();
  const url = new URL(authorizeEndpoint(config.origin));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('scope', MURAL_SCOPES.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await challengeS256(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), pending: { state, verifier, redirectUri: config.redirectUri } };
}

export class OAuthError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/** Validates a token endpoint answer (RFC 6749 §5.1). */
export function parseTokenResponse(body: unknown, now: number): Tokens {
  if (!isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') {
    throw new OAuthError('The token endpoint answered without an access token.', 'bad_response');
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    expiresAt: now + expiresIn * 1000,
  };
}

async function postToken(
  config: OAuthConfig,
  params: Record<string, string>,
  now: number,
): Promise<Tokens> {
  const doFetch = config.fetch ?? fetch;
  const response = await doFetch(config.tokenUrl ?? tokenEndpoint(config.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }).toString(),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = isRecord(body) && typeof body.error === 'string' ? body.error : 'http_error';
    const detail =
      isRecord(body) && typeof body.error_description === 'string' ? body.error_description : '';
    throw new OAuthError(
      `MURAL refused the token request (${response.status} ${code})${detail ? `: ${detail}` : ''}.`,
      code,
    );
  }
  return parseTokenResponse(body, now);
}

/**
 * Checks the redirect's `state` against the pending sign-in before anything else (a mismatch is
 * a forged or stale redirect), then trades the code and verifier for tokens.
 */
export async function completeSignIn(
  config: OAuthConfig,
  pending: PendingSignIn | undefined,
  redirect: URL,
  now = Date.now(),
): Promise<Tokens> {
  const error = redirect.searchParams.get('error');
  if (error) throw new OAuthError(`MURAL sign-in did not complete: ${error}.`, error);
  const state = redirect.searchParams.get('state');
  if (!pending || state === null || state !== pending.state) {
    throw new OAuthError('The sign-in answer does not match a sign-in started here.', 'state');
  }
  const code = redirect.searchParams.get('code');
  if (!code) throw new OAuthError('The sign-in answer has no code.', 'no_code');
  return postToken(
    config,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    },
    now,
  );
}

export function refreshTokens(
  config: OAuthConfig,
  refreshToken: string,
  now = Date.now(),
): Promise<Tokens> {
  return postToken(config, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
}

export interface TokenStore {
  load(): Promise<Tokens | undefined>;
  save(tokens: Tokens): Promise<void>;
  clear(): Promise<void>;
}

export function memoryTokenStore(initial?: Tokens): TokenStore {
  let tokens = initial;
  return {
    load: () => Promise.resolve(tokens),
    save: (next) => {
      tokens = next;
      return Promise.resolve();
    },
    clear: () => {
      tokens = undefined;
      return Promise.resolve();
    },
  };
}

export function isTokens(value: unknown): value is Tokens {
  return (
    isRecord(value) &&
    typeof value.accessToken === 'string' &&
    (value.refreshToken === null || typeof value.refreshToken === 'string') &&
    typeof value.expiresAt === 'number'
  );
}

/** What the REST client asks of the sign-in. */
export interface TokenSource {
  /** A token valid for at least the refresh margin, refreshing first when needed. */
  accessToken(): Promise<string>;
  /** Called when MURAL answered `TOKEN_EXPIRED` for `stale`; returns a fresh token. */
  refresh(stale: string): Promise<string>;
}

export class SignedOutError extends Error {
  constructor() {
    super('Not signed in to MURAL.');
    this.name = 'SignedOutError';
  }
}

/** Refresh this long before the stated expiry, so a request never leaves with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenSession extends TokenSource {
  signOut(): Promise<void>;
}

export function createTokenSession(
  config: OAuthConfig,
  store: TokenStore,
  now: () => number = Date.now,
): TokenSession {
  // One refresh at a time: with rotating refresh tokens, two concurrent refreshes would spend
  // the same refresh token twice and the second would fail.
  let inFlight: Promise<Tokens> | undefined;

  async function doRefresh(current: Tokens): Promise<Tokens> {
    if (!current.refreshToken) throw new SignedOutError();
    const next = await refreshTokens(config, current.refreshToken, now());
    const rotated = { ...next, refreshToken: next.refreshToken ?? current.refreshToken };
    await store.save(rotated);
    return rotated;
  }

  function refreshOnce(current: Tokens): Promise<Tokens> {
    inFlight ??= doRefresh(current).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async accessToken() {
      if (inFlight) return (await inFlight).accessToken;
      const tokens = await store.load();
      if (!tokens) throw new SignedOutError();
      if (tokens.expiresAt - now() > REFRESH_MARGIN_MS) return tokens.accessToken;
      return (await refreshOnce(tokens)).accessToken;
    },
    async refresh(stale) {
      if (inFlight) return (await inFlight).accessToken;
      const tokens = await store.load();
      if (!tokens) throw new SignedOutError();
      // Another request already refreshed past the stale token.
      if (tokens.accessToken !== stale) return tokens.accessToken;
      return (await refreshOnce(tokens)).accessToken;
    },
    signOut: () => store.clear(),
  };
}
