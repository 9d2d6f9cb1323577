import { describe, expect, it } from 'vitest';
import { challengeS256 } from './pkce';
import {
  beginSignIn,
  completeSignIn,
  createTokenSession,
  memoryTokenStore,
  OAuthError,
  REFRESH_MARGIN_MS,
  SignedOutError,
  type OAuthConfig,
} from './oauth';

interface Seen {
  url: string;
  params: URLSearchParams;
}

/** A token endpoint that records requests and answers with numbered, rotating tokens. */
function fakeTokenEndpoint(answer?: (params: URLSearchParams) => Response) {
  const seen: Seen[] = [];
  let n = 0;
  const doFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const params = new URLSearchParams(String(init?.body));
    seen.push({ url: String(input), params });
    if (answer) return Promise.resolve(answer(params));
    n += 1;
    return Promise.resolve(
      Response.json({ access_token: `at${n}`, refresh_token: `rt${n}`, expires_in: 900 }),
    );
  };
  return { seen, fetch: doFetch as typeof fetch };
}

const config = (doFetch: typeof fetch): OAuthConfig => ({
  origin: 'http://127.0.0.1:1/',
  clientId: 'client-1',
  redirectUri: 'http://127.0.0.1:2/mural.html',
  fetch: doFetch,
});

describe('MURAL sign-in', () => {
  it('sends an S256 challenge and state, and trades the code with the verifier', async () => {
    const endpoint = fakeTokenEndpoint();
    const { url, pending } = await beginSignIn(config(endpoint.fetch));
    const authorize = new URL(url);
    expect(authorize.pathname).toBe('/api/public/v1/authorization/oauth2/');
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'http://127.0.0.1:2/mural.html',
      scope: 'murals:read murals:write identity:read workspaces:read rooms:read users:read',
      state: pending.state,
      code_challenge: await challengeS256(pending.verifier),
      code_challenge_method: 'S256',
    });
    const back = new URL(`http://127.0.0.1:2/mural.html?code=c1&state=${pending.state}`);
    const tokens = await completeSignIn(config(endpoint.fetch), pending, back, 1000);
    expect(tokens).toEqual({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: 901_000 });
    expect(endpoint.seen[0]!.url).toBe(
      'http://127.0.0.1:1/api/public/v1/authorization/oauth2/token',
    );
    expect(Object.fromEntries(endpoint.seen[0]!.params)).toEqual({
      client_id: 'client-1',
      grant_type: 'authorization_code',
      code: 'c1',
      redirect_uri: 'http://127.0.0.1:2/mural.html',
      code_verifier: pending.verifier,
    });
  });

  it('sends the exchange and the refresh to the token proxy when there is one (never a secret)', async () => {
    const endpoint = fakeTokenEndpoint();
    const proxied = { ...config(endpoint.fetch), tokenUrl: 'http://127.0.0.1:2/mural-auth/token' };
    const { pending } = await beginSignIn(proxied);
    const back = new URL(`http://127.0.0.1:2/mural.html?code=c1&state=${pending.state}`);
    const tokens = await completeSignIn(proxied, pending, back, 1000);
    await createTokenSession(
      proxied,
      memoryTokenStore({ ...tokens, expiresAt: 0 }),
      () => 1000,
    ).accessToken();
    expect(endpoint.seen.map((s) => [s.url, s.params.get('grant_type')])).toEqual([
      ['http://127.0.0.1:2/mural-auth/token', 'authorization_code'],
      ['http://127.0.0.1:2/mural-auth/token', 'refresh_token'],
    ]);
    for (const { params } of endpoint.seen) expect(params.has('client_secret')).toBe(false);
  });

  it('refuses a redirect whose state does not match, before calling the token endpoint', async () => {
    const endpoint = fakeTokenEndpoint();
    const { pending } = await beginSignIn(config(endpoint.fetch));
    const forged = new URL('http://127.0.0.1:2/mural.html?code=c1&state=other');
    await expect(completeSignIn(config(endpoint.fetch), pending, forged)).rejects.toThrow(
      OAuthError,
    );
    await expect(completeSignIn(config(endpoint.fetch), undefined, forged)).rejects.toThrow(
      /does not match/,
    );
    const denied = new URL('http://127.0.0.1:2/mural.html?error=access_denied');
    await expect(completeSignIn(config(endpoint.fetch), pending, denied)).rejects.toThrow(
      /access_denied/,
    );
    expect(endpoint.seen).toEqual([]);
  });

  it('reports a refused token request with its error code', async () => {
    const endpoint = fakeTokenEndpoint(() =>
      Response.json({ error: 'invalid_grant', error_description: 'used code' }, { status: 400 }),
    );
    const { pending } = await beginSignIn(config(endpoint.fetch));
    const back = new URL(`http://x/?code=c&state=${pending.state}`);
    await expect(completeSignIn(config(endpoint.fetch), pending, back)).rejects.toThrow(
      /400 invalid_grant\): used code/,
    );
  });
});

describe('MURAL token session', () => {
  it('refreshes before expiry and stores the rotated refresh token', async () => {
    const endpoint = fakeTokenEndpoint();
    let now = 0;
    const store = memoryTokenStore({ accessToken: 'a0', refreshToken: 'r0', expiresAt: 120_000 });
    const session = createTokenSession(config(endpoint.fetch), store, () => now);
    expect(await session.accessToken()).toBe('a0');
    now = 120_000 - REFRESH_MARGIN_MS;
    expect(await session.accessToken()).toBe('at1');
    expect(endpoint.seen[0]!.params.get('refresh_token')).toBe('r0');
    expect(await store.load()).toEqual({
      accessToken: 'at1',
      refreshToken: 'rt1',
      expiresAt: now + 900_000,
    });
  });

  it('refreshes once for many requests that met TOKEN_EXPIRED with the same token', async () => {
    const endpoint = fakeTokenEndpoint();
    const store = memoryTokenStore({ accessToken: 'a0', refreshToken: 'r0', expiresAt: 1e15 });
    const session = createTokenSession(config(endpoint.fetch), store, () => 0);
    const fresh = await Promise.all([session.refresh('a0'), session.refresh('a0')]);
    expect(fresh).toEqual(['at1', 'at1']);
    // A request that still held the old token gets the new one without another refresh.
    expect(await session.refresh('a0')).toBe('at1');
    expect(endpoint.seen).toHaveLength(1);
  });

  it('is signed out without tokens, and sign out clears them', async () => {
    const endpoint = fakeTokenEndpoint();
    const store = memoryTokenStore({ accessToken: 'a0', refreshToken: null, expiresAt: 1e15 });
    const session = createTokenSession(config(endpoint.fetch), store, () => 0);
    await expect(session.refresh('a0')).rejects.toThrow(SignedOutError);
    await session.signOut();
    await expect(session.accessToken()).rejects.toThrow(SignedOutError);
  });
});
