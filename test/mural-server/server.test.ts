/**
 * The test double itself, case by case against what MURAL documents (the statement each case
 * comes from is in its name or first comment; sources in server.ts's header).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSignIn, completeSignIn, refreshTokens } from '../../src/board/mural/oauth';
import { startMuralServer, type MuralServer } from './server';
import { startTokenProxy, type RunningProxy } from './token-proxy';

let server: MuralServer;
let proxy: RunningProxy;
beforeAll(async () => {
  server = await startMuralServer({ ratePerSecond: 5 });
  proxy = await startTokenProxy(server);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

async function redirectOf(config: Parameters<typeof beginSignIn>[0]) {
  const { url, pending } = await beginSignIn(config);
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return { pending, back: new URL(answer.headers.get('location')!) };
}

describe('local MURAL API: sign-in (app-credentials, oauth)', () => {
  it('"The Client secret is required": a confidential app is refused without it, on exchange and refresh', async () => {
    const direct = {
      origin: server.origin,
      clientId: server.app.clientId,
      redirectUri: 'http://127.0.0.1:9/cb',
    };
    const { pending, back } = await redirectOf(direct);
    await expect(completeSignIn(direct, pending, back)).rejects.toThrow(/401 invalid_client/);

    // Through the proxy, which adds the secret, the same flow succeeds.
    const config = proxy.oauth();
    const ok = await redirectOf(config);
    const tokens = await completeSignIn(config, ok.pending, ok.back);
    const me = await fetch(`${server.apiBase}/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(await me.json()).toMatchObject({ value: { firstName: 'Ada' } });
    await expect(refreshTokens(direct, tokens.refreshToken!)).rejects.toThrow(/invalid_client/);
    // oauth: a refresh "responds with a new access token and new refresh token"; the old one is spent.
    const next = await refreshTokens(config, tokens.refreshToken!);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    await expect(refreshTokens(config, tokens.refreshToken!)).rejects.toThrow(/invalid_grant/);
  });

  it('PKCE on top of the secret: a wrong verifier is refused and spends the code', async () => {
    const config = proxy.oauth();
    const { pending, back } = await redirectOf(config);
    await expect(
      completeSignIn(config, { ...pending, verifier: 'x'.repeat(43) }, back),
    ).rejects.toThrow(/invalid_grant/);
    await expect(completeSignIn(config, pending, back)).rejects.toThrow(/invalid_grant/);
  });

  it('a public registration (explicit option) signs in with PKCE alone', async () => {
    const open = await startMuralServer({ app: { kind: 'public', clientId: 'public-app' } });
    try {
      const config = { origin: open.origin, clientId: 'public-app', redirectUri: 'http://x/cb' };
      const { pending, back } = await redirectOf(config);
      const tokens = await completeSignIn(config, pending, back);
      expect((await refreshTokens(config, tokens.refreshToken!)).accessToken).toMatch(/^at-/);
    } finally {
      await open.close();
    }
  });

  it('each reference page names its scope: the mural users list needs users:read', async () => {
    const muralId = server.createMural();
    const without = server.issueToken({ id: 'u-s', firstName: 'S', lastName: 'S' }, [
      'murals:read',
    ]).accessToken;
    const answer = await fetch(`${server.apiBase}/murals/${muralId}/users`, {
      headers: { authorization: `Bearer ${without}` },
    });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ message: /users:read/ });
  });
});

/** A JSON request to one mural of `server` as `token`'s user: the status and the parsed body. */
async function callMural(
  server: MuralServer,
  token: string,
  muralId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${server.apiBase}/murals/${muralId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, body: (await answer.json().catch(() => null)) as unknown };
}

describe('local MURAL API: widgets (reference pages)', () => {
  let wide: MuralServer;
  let token: string;
  let muralId: string;
  const call = (method: string, path: string, body?: unknown) =>
    callMural(wide, token, muralId, method, path, body);
  beforeAll(async () => {
    wide = await startMuralServer();
    muralId = wide.createMural('Contract', undefined, { width: 5000, height: 4000 });
    token = wide.issueToken({ id: 'u-w', firstName: 'W', lastName: 'W' }).accessToken;
  });
  afterAll(() => wide.close());

  it('createtextbox lists its fields: `locked` is refused on create', async () => {
    const refused = await call('POST', '/widgets/textbox', [
      { x: 10, y: 10, text: 'a', locked: true },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: /"locked" is not a field of create textbox/ });
    expect((await call('POST', '/widgets/textbox', [{ x: 10, y: 10, text: 'a' }])).status).toBe(
      201,
    );
  });

  it('textbox style is backgroundColor, font, fontSize, textAlign: `fontColor` (a shape style) is refused', async () => {
    const refused = await call('POST', '/widgets/textbox', [
      { x: 10, y: 10, text: 'Title', style: { fontSize: 48, fontColor: '#000000FF' } },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: /style\.fontColor/ });
    const ok = await call('POST', '/widgets/textbox', [
      { x: 10, y: 10, text: 'Title', style: { fontSize: 48, textAlign: 'left' } },
    ]);
    expect(ok.status).toBe(201);
    expect(
      (
        await call('POST', '/widgets/shape', [
          { x: 10, y: 10, text: 'S', style: { fontColor: '#000000FF' } },
        ])
      ).status,
    ).toBe(201);
  });

  it('changelog 2022-05-12: `locked` left create area but stayed on update area', async () => {
    expect(
      (
        await call('POST', '/widgets/area', {
          x: 0,
          y: 0,
          width: 100,
          height: 100,
          title: 'A',
          locked: true,
        })
      ).status,
    ).toBe(400);
    const made = await call('POST', '/widgets/area', {
      x: 0,
      y: 0,
      width: 100,
      height: 100,
      title: 'A',
    });
    const id = (made.body as { value: { id: string } }).value.id;
    expect((await call('PATCH', `/widgets/area/${id}`, { locked: true })).status).toBe(200);
    expect(wide.widgets(muralId).find((w) => w.id === id)?.locked).toBe(true);
  });

  it('getmuralwidgets filters by documented names ("sticky notes", "textbox", "areas"), not by widget types', async () => {
    await call('POST', '/widgets/sticky-note', [{ x: 200, y: 200, text: 'n' }]);
    const notes = await call('GET', '/widgets?type=sticky%20notes');
    const types = (notes.body as { value: { type: string }[] }).value.map((w) => w.type);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['sticky note']));
    const texts = await call('GET', '/widgets?type=textbox');
    expect(new Set((texts.body as { value: { type: string }[] }).value.map((w) => w.type))).toEqual(
      new Set(['text']),
    );
    expect((await call('GET', '/widgets?type=text')).status).toBe(400);
  });

  it('`hidden` hides a widget from non-facilitators in the outline only: it is still listed and drawn', async () => {
    await call('POST', '/widgets/textbox', [
      { x: 300, y: 300, text: 'Secret-looking', hidden: true },
    ]);
    const all = await call('GET', '/widgets?type=textbox');
    expect((all.body as { value: { text: string; hidden: boolean }[] }).value).toContainEqual(
      expect.objectContaining({ text: 'Secret-looking', hidden: true }),
    );
    const [ws, n] = muralId.split('.');
    const page = await fetch(`${wide.origin}/t/${ws}/m/${ws}/${n}/`);
    expect(await page.text()).toContain('Secret-looking');
  });

  it('positions are from the mural top-left and inside its size (getmuralbyid width/height)', async () => {
    const outside = await call('POST', '/widgets/sticky-note', [
      { x: -100_000, y: -100_000, text: 'far' },
    ]);
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ message: /outside the mural \(5000×4000\)/ });
    expect(
      (await call('POST', '/widgets/sticky-note', [{ x: 4900, y: 0, text: 'edge' }])).status,
    ).toBe(400);
    const mural = await call('GET', '');
    expect(mural.body).toMatchObject({ value: { width: 5000, height: 4000, infinite: false } });
    const infinite = wide.createMural('Infinite', undefined, {
      width: 0,
      height: 0,
      infinite: true,
    });
    const saved = muralId;
    muralId = infinite;
    expect(
      (await call('POST', '/widgets/sticky-note', [{ x: -5000, y: 90_000, text: 'ok' }])).status,
    ).toBe(201);
    muralId = saved;
  });
});

describe('local MURAL API: arrows (reference createarrow)', () => {
  let arrows: MuralServer;
  let token: string;
  let muralId: string;
  const call = (method: string, path: string, body?: unknown) =>
    callMural(arrows, token, muralId, method, path, body);
  beforeAll(async () => {
    // Many refusals in a row: a rate limit above MURAL's keeps them from drawing 429s.
    arrows = await startMuralServer({ ratePerSecond: 1000 });
    muralId = arrows.createMural('Arrows', undefined, { width: 5000, height: 4000 });
    token = arrows.issueToken({ id: 'u-a', firstName: 'A', lastName: 'A' }).accessToken;
  });
  afterAll(() => arrows.close());

  it('createarrow: one object per request, its fields and enums; it joins widgets that exist, by points in its box', async () => {
    const made = await call('POST', '/widgets/shape', [
      { x: 1000, y: 1000, width: 40, height: 40, text: 'a' },
      { x: 1200, y: 1100, width: 40, height: 40, text: 'b' },
    ]);
    const [a, b] = (made.body as { value: { id: string }[] }).value;
    const arrow = {
      x: 1040,
      y: 1020,
      width: 160,
      height: 100,
      points: [
        { x: 0, y: 0 },
        { x: 160, y: 100 },
      ],
      arrowType: 'straight',
      tip: 'no tip',
      startRefId: a!.id,
      endRefId: b!.id,
      style: { strokeColor: '#FF0000FF', strokeStyle: 'dashed', strokeWidth: 4 },
    };
    const refusals: [unknown, RegExp][] = [
      [[arrow], /one arrow per request/],
      [{ ...arrow, text: 'x' }, /"text" is not a field of create arrow/],
      [{ ...arrow, hidden: true }, /"hidden" is not a field of create arrow/],
      [{ ...arrow, points: [{ x: 0, y: 0 }] }, /at least two points/],
      [
        {
          ...arrow,
          points: [
            { x: 0, y: 0 },
            { x: 161, y: 0 },
          ],
        },
        /outside the arrow's 160×100 box/,
      ],
      [{ ...arrow, width: undefined }, /"width" is required/],
      [{ ...arrow, endRefId: 'nope' }, /"endRefId" nope is not a widget/],
      [{ ...arrow, tip: 'none' }, /"tip" must be one of/],
      [{ ...arrow, arrowType: 'bezier' }, /"arrowType" must be one of/],
      [{ ...arrow, style: { strokeColor: '#FF0000' } }, /#RRGGBBAA/],
      [{ ...arrow, style: { strokeWidth: 8 } }, /strokeWidth" is 1 to 7/],
      [
        { ...arrow, style: { borderColor: '#FF0000FF' } },
        /"style.borderColor" is not a arrow style/,
      ],
    ];
    for (const [body, message] of refusals) {
      const refused = await call('POST', '/widgets/arrow', JSON.parse(JSON.stringify(body)));
      expect(refused.status, String(message)).toBe(400);
      expect(refused.body).toMatchObject({ message });
    }
    const ok = await call('POST', '/widgets/arrow', arrow);
    expect(ok.status).toBe(201);
    const id = (ok.body as { value: { id: string } }).value.id;
    const listed = await call('GET', '/widgets?type=arrows');
    expect((listed.body as { value: unknown[] }).value).toEqual([
      expect.objectContaining({
        id,
        type: 'arrow',
        points: arrow.points,
        startRefId: a!.id,
        endRefId: b!.id,
      }),
    ]);
    // Deleting a connected widget: the reference is silent, so the arrow stays, still naming it.
    expect((await call('DELETE', `/widgets/${a!.id}`)).status).toBe(204);
    expect(arrows.widgets(muralId).find((w) => w.id === id)).toMatchObject({ startRefId: a!.id });
    expect((await call('DELETE', `/widgets/${id}`)).status).toBe(204);
  });
});

describe('local MURAL API: rate-limiting', () => {
  it('"25 requests/user/second": 429 with reset headers over it, and TOKEN_EXPIRED', async () => {
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

describe('local MURAL API: voting sessions (reference pages)', () => {
  let vs: MuralServer;
  let muralId: string;
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${vs.apiBase}/murals/${muralId}/voting-sessions${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: answer.status, body: (await answer.json().catch(() => null)) as unknown };
  };
  beforeAll(async () => {
    vs = await startMuralServer();
    muralId = vs.createMural('Votes');
    for (const id of ['fac', 'ann', 'ben'])
      tokens[id] = vs.issueToken({ id, firstName: id, lastName: 'X' }).accessToken;
  });
  afterAll(() => vs.close());

  it('startmuralvotingsession takes title, numberOfVotes, widgetTypes, anyoneCanEnd, area only; one session runs at a time (strictest reading)', async () => {
    expect((await call('fac', 'POST', '/start', { title: 'T', secret: true })).status).toBe(400);
    const started = await call('fac', 'POST', '/start', { title: 'T', numberOfVotes: 2 });
    expect(started).toMatchObject({ status: 201, body: { value: { title: 'T' } } });
    expect((await call('fac', 'POST', '/start', { title: 'Again' })).status).toBe(409);
  });

  it('votewidgetmuralvotingsession counts in the active session, within numberOfVotes; results are totals and unique voters only', async () => {
    const { accessToken } = { accessToken: tokens.fac! };
    const made = await fetch(`${vs.apiBase}/murals/${muralId}/widgets/sticky-note`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ x: 10, y: 10, text: 'A' }]),
    });
    const widgetId = ((await made.json()) as { value: { id: string }[] }).value[0]!.id;
    expect((await call('ann', 'POST', '/vote/nope')).status).toBe(404);
    expect((await call('ann', 'POST', `/vote/${widgetId}`)).status).toBe(204);
    expect((await call('ann', 'POST', `/vote/${widgetId}`)).status).toBe(204);
    expect((await call('ann', 'POST', `/vote/${widgetId}`)).status).toBe(400);
    expect((await call('ben', 'POST', `/vote/${widgetId}`)).status).toBe(204);
    const list = (await call('fac', 'GET', '')).body as { value: { id: string }[] };
    const sessionId = list.value[0]!.id;
    const results = await call('fac', 'GET', `/${sessionId}/results`);
    expect(results.body).toEqual({
      value: [{ widgetId, totalVotes: 3, uniqueVoters: 2 }],
    });
    expect(JSON.stringify(results.body)).not.toMatch(/ann|ben/);

    // endmuralvotingsession ends the running session; a vote after that is refused.
    expect((await call('fac', 'POST', '/end')).status).toBe(200);
    expect((await call('ben', 'POST', `/vote/${widgetId}`)).status).toBe(404);
    expect((await call('fac', 'POST', '/end')).status).toBe(404);
    // deletemuralvotingsessionbyid.
    expect((await call('fac', 'DELETE', `/${sessionId}`)).status).toBe(204);
    expect((await call('fac', 'GET', `/${sessionId}/results`)).status).toBe(404);
  });

  it('widgets name their author and last editor (createdBy, updatedBy)', async () => {
    const made = await fetch(`${vs.apiBase}/murals/${muralId}/widgets/textbox`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ann}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ x: 10, y: 10, text: 'mine' }]),
    });
    const id = ((await made.json()) as { value: { id: string }[] }).value[0]!.id;
    await fetch(`${vs.apiBase}/murals/${muralId}/widgets/textbox/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokens.ben}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'edited' }),
    });
    const seen = vs.widgets(muralId).find((w) => w.id === id);
    expect(seen).toMatchObject({ createdBy: 'ann', updatedBy: 'ben' });
  });
});
