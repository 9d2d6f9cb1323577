/** The test double itself: the OAuth round trip checks PKCE, and the rate limit answers 429s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSignIn, completeSignIn, refreshTokens } from '../../src/board/mural/oauth';
import { startMuralServer, type MuralServer } from './server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer({ ratePerSecond: 5 });
});
afterAll(() => server.close());

describe('local MURAL API', () => {
  it('signs in with PKCE, refuses a wrong verifier, and rotates refresh tokens', async () => {
    const config = { origin: server.origin, clientId: 'c1', redirectUri: 'http://127.0.0.1:9/cb' };
    const { url, pending } = await beginSignIn(config);
    const redirect = await fetch(url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(pending.state);
    await expect(
      completeSignIn(config, { ...pending, verifier: 'x'.repeat(43) }, back),
    ).rejects.toThrow(/invalid_grant/);
    // The code was spent by the failed attempt, as a one-time code should be.
    await expect(completeSignIn(config, pending, back)).rejects.toThrow(/invalid_grant/);

    const again = await beginSignIn(config);
    const answer = await fetch(again.url, { redirect: 'manual' });
    const tokens = await completeSignIn(
      config,
      again.pending,
      new URL(answer.headers.get('location')!),
    );
    const me = await fetch(`${server.apiBase}/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(await me.json()).toMatchObject({ value: { firstName: 'Ada' } });
    const next = await refreshTokens(config, tokens.refreshToken!);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    await expect(refreshTokens(config, tokens.refreshToken!)).rejects.toThrow(/invalid_grant/);
  });

  it('answers 429 with reset headers over the per-second limit, and TOKEN_EXPIRED', async () => {
    const { accessToken } = server.issueToken({ id: 'u-rl', firstName: 'R', lastName: 'L' });
    const get = () =>
      fetch(`${server.apiBase}/workspaces`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
    const answers = await Promise.all(Array.from({ length: 7 }, get));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited[0]!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(1e12);
    server.expireAccessTokens();
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});
