/**
 * The token proxy (server/mural-token-proxy.js) in front of the local MURAL server: it forwards
 * the two grants with the secret added, refuses everything else with a JSON error, and the secret
 * appears in no answer and no log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigFromEnv } from '../../server/mural-token-proxy.js';
import { beginSignIn, completeSignIn } from '../../src/board/mural/oauth';
import { startMuralServer, type MuralServer } from './server';
import { startTokenProxy, type RunningProxy } from './token-proxy';

let mural: MuralServer;
let proxy: RunningProxy;
const SECRET = 'proxy-test-secret-5f1c';
const answers: string[] = [];

beforeAll(async () => {
  mural = await startMuralServer({
    app: { kind: 'confidential', clientId: 'tp', clientSecret: SECRET },
  });
  proxy = await startTokenProxy(mural);
});
afterAll(async () => {
  await proxy.close();
  await mural.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const answer = await fetch(proxy.tokenUrl, {
    method: 'POST',
    headers: {
      origin: proxy.origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body,
  });
  const text = await answer.text();
  answers.push(text);
  return { status: answer.status, json: JSON.parse(text) as Record<string, unknown> };
}

describe('MURAL token proxy', () => {
  it('trades a code for tokens with the secret added (the browser never had it)', async () => {
    const config = proxy.oauth();
    const { url, pending } = await beginSignIn(config);
    const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
    const tokens = await completeSignIn(config, pending, back);
    expect(tokens.accessToken).toMatch(/^at-/);
    const refreshed = await post(
      new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken!,
      }).toString(),
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.access_token).toMatch(/^at-/);
  });

  it('forwards only the token and refresh grants', async () => {
    const other = await post('grant_type=client_credentials');
    expect(other).toEqual({
      status: 400,
      json: { error: 'unsupported_grant_type', error_description: expect.any(String) },
    });
    expect((await post('grant_type=password&username=a&password=b')).status).toBe(400);
  });

  it('checks the redirect URI and the required fields', async () => {
    const wrong = await post(
      'grant_type=authorization_code&code=c&code_verifier=v&redirect_uri=https%3A%2F%2Fevil.example%2Fcb',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.json.error_description).toMatch(/not registered/);
    expect((await post('grant_type=authorization_code&code=c')).json.error).toBe('invalid_request');
    expect((await post('grant_type=refresh_token')).json.error).toBe('invalid_request');
  });

  it('checks the origin, the method and the body type', async () => {
    const foreign = await post('grant_type=refresh_token&refresh_token=x', {
      origin: 'https://evil.example',
    });
    expect(foreign).toMatchObject({ status: 403, json: { error: 'origin_not_allowed' } });
    const json = await post('{}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    const get = await fetch(proxy.tokenUrl);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: 'method_not_allowed' });
    const big = await post(`grant_type=refresh_token&refresh_token=${'x'.repeat(9000)}`);
    expect(big.status).toBe(413);
  });

  it('passes MURAL’s refusal on as JSON (a spent refresh token)', async () => {
    const spent = await post('grant_type=refresh_token&refresh_token=rt-unknown');
    expect(spent).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('tells the page which path is in use, and never the secret', async () => {
    const config = await fetch(`${proxy.origin}/mural-auth/config`);
    const text = await config.text();
    answers.push(text);
    expect(JSON.parse(text)).toEqual({
      mode: 'proxy',
      clientId: 'tp',
      muralOrigin: mural.origin,
      tokenUrl: '/mural-auth/token',
    });
  });

  it('answers 502 with JSON when MURAL cannot be reached', async () => {
    const { createMuralTokenProxy } = await import('../../server/mural-token-proxy.js');
    const handle = createMuralTokenProxy({
      clientId: 'tp',
      clientSecret: SECRET,
      muralOrigin: 'http://127.0.0.1:9',
      allowedOrigins: ['http://app'],
      redirectUris: [],
      fetch: () => Promise.reject(new Error('down')),
    });
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const answer = await fetch(`http://127.0.0.1:${port}/mural-auth/token`, {
      method: 'POST',
      headers: { origin: 'http://app', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=x',
    });
    const text = await answer.text();
    answers.push(text);
    expect(answer.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ error: 'upstream_unreachable' });
    server.close();
  });

  it('never puts the secret in an answer or a log line', () => {
    expect(answers.length).toBeGreaterThan(8);
    expect(proxy.logs.length).toBeGreaterThan(3);
    for (const text of [...answers, ...proxy.logs]) expect(text).not.toContain(SECRET);
  });

  it('reads its settings from the environment; no client id, no proxy', () => {
    expect(proxyConfigFromEnv({}, ['http://localhost:3000'])).toBeNull();
    expect(
      proxyConfigFromEnv({ MURAL_CLIENT_ID: 'id', MURAL_CLIENT_SECRET: 's' }, [
        'http://localhost:3000',
      ]),
    ).toEqual({
      clientId: 'id',
      clientSecret: 's',
      muralOrigin: 'https://app.mural.co',
      allowedOrigins: ['http://localhost:3000'],
      redirectUris: ['http://localhost:3000/mural.html'],
    });
    expect(
      proxyConfigFromEnv({ MURAL_CLIENT_ID: 'id', TP_PUBLIC_ORIGIN: 'https://tp.example.org/' }, [
        'http://localhost:3000',
      ]),
    ).toMatchObject({
      allowedOrigins: ['https://tp.example.org'],
      redirectUris: ['https://tp.example.org/mural.html'],
    });
  });
});
