/**
 * The MURAL adapter over the local test double of MURAL's API (test/mural-server): the same
 * contract every Board adapter passes, with MURAL's 25-requests-a-second limit in force.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import {
  createTokenSession,
  memoryTokenStore,
  type TokenSource,
} from '../../src/board/mural/oauth';
import { createMuralVoting } from '../../src/board/mural/voting';
import type { Board, WriteOp } from '../../src/board/port';
import { createWriteQueue, MURAL_QUEUE_OPTIONS } from '../../src/board/write-queue';
import { startMuralServer, type MockUser, type MuralServer } from '../mural-server/server';
import { startTokenProxy } from '../mural-server/token-proxy';
import { runBoardContract } from './adapter-contract';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

const ADA: MockUser = { id: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' };
const GRACE: MockUser = { id: 'u-grace', firstName: 'Grace', lastName: 'Hopper' };

const staticTokens = (token: string): TokenSource => ({
  accessToken: () => Promise.resolve(token),
  refresh: () => Promise.reject(new Error('No refresh in this test')),
});

const muralOf = new WeakMap<Board, string>();

function connect(user: MockUser, muralId: string): Board {
  const { accessToken } = server.issueToken(user);
  const client = createMuralClient({ apiBase: server.apiBase, tokens: staticTokens(accessToken) });
  const board = createMuralBoard(client, muralId, { pollMs: 100 });
  muralOf.set(board, muralId);
  return board;
}

runBoardContract(
  'MURAL adapter over the local MURAL API',
  () => {
    const muralId = server.createMural();
    return Promise.resolve(connect(ADA, muralId));
  },
  {
    async peerOf(board) {
      const muralId = muralOf.get(board);
      if (!muralId) throw new Error('Not a board this test made');
      const peer = connect(GRACE, muralId);
      // A member once they have opened it (MURAL's users list is membership, not presence).
      await peer.info();
      return peer;
    },
  },
);

describe('MURAL adapter: what is particular to MURAL', () => {
  it('runs ops on one widget in batch order, even when an earlier request takes longer', async () => {
    const muralId = server.createMural();
    const board = connect(ADA, muralId);
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 'n',
        item: {
          kind: 'note',
          text: 'Draft',
          rect: { x: 0, y: 0, w: 200, h: 200 },
          color: 'yellow',
        },
      },
    ]);
    // The batch's first PATCH is held 60 ms before it goes: were the second update not to wait
    // for the first, it would land first and the first would overwrite it.
    let patches = 0;
    const { accessToken } = server.issueToken(ADA);
    const client = createMuralClient({
      apiBase: server.apiBase,
      tokens: staticTokens(accessToken),
      fetch: async (input, init) => {
        if (init?.method === 'PATCH' && patches++ === 0)
          await new Promise((resolve) => setTimeout(resolve, 60));
        return fetch(input, init);
      },
    });
    const slow = createMuralBoard(client, muralId, { pollMs: 100 });
    const result = await slow.apply([
      { op: 'update', id: ids.n!, patch: { text: 'First' } },
      { op: 'update', id: ids.n!, patch: { text: 'Second' } },
    ]);
    expect(result.failed).toEqual([]);
    // Both updates were sent (a 429 from the local server's per-user limit, which the earlier
    // tests' polling boards share, may add a retry).
    expect(patches).toBeGreaterThanOrEqual(2);
    const [note] = await board.listItems(['note']);
    expect(note?.text).toBe('Second');
  });

  it('drops a refused field from every create request already in flight, not only the first', async () => {
    // Two chunks of notes (CREATE_CHUNK is 25) go out together; MURAL refuses both for the same
    // field. Each is sent again without it, whichever request learnt of the refusal first.
    const strict = await startMuralServer({ rejectOnCreate: ['parentId'] });
    try {
      const { accessToken } = strict.issueToken(ADA);
      const client = createMuralClient({
        apiBase: strict.apiBase,
        tokens: staticTokens(accessToken),
      });
      const board = createMuralBoard(client, strict.createMural());
      const notes: WriteOp[] = Array.from({ length: 28 }, (_, i) => ({
        op: 'create',
        ref: `n${i}`,
        parent: { ref: 'f' },
        item: {
          kind: 'note',
          text: `Idea ${i}`,
          rect: { x: 120 + (i % 7) * 140, y: 120 + Math.floor(i / 7) * 140, w: 138, h: 138 },
          color: 'yellow',
        },
      }));
      const rect = { x: 100, y: 100, w: 1000, h: 700 };
      const result = await board.apply([
        { op: 'create', ref: 'f', item: { kind: 'frame', title: 'Map', rect, fill: '#ffffff' } },
        ...notes,
      ]);
      expect(result.failed).toEqual([]);
      const made = await board.listItems(['note']);
      expect(made).toHaveLength(28);
      expect(made.every((note) => note.parentId === result.ids.f)).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('creates plain and PATCHes when MURAL refuses style, parentId and tags on create', async () => {
    const strict = await startMuralServer({ rejectOnCreate: ['style', 'parentId', 'tags'] });
    try {
      const muralId = strict.createMural();
      const { accessToken } = strict.issueToken(ADA);
      const client = createMuralClient({
        apiBase: strict.apiBase,
        tokens: staticTokens(accessToken),
      });
      const board = createMuralBoard(client, muralId);
      const rect = { x: 100, y: 100, w: 800, h: 600 };
      const first = await board.apply([
        { op: 'create', ref: 'f', item: { kind: 'frame', title: 'Map', rect, fill: '#ffffff' } },
        {
          op: 'create',
          ref: 'n',
          parent: { ref: 'f' },
          item: {
            kind: 'note',
            text: 'Hi',
            rect: { x: 200, y: 300, w: 138, h: 138 },
            color: 'pink',
            tags: ['A'],
          },
        },
      ]);
      expect(first.failed).toEqual([]);
      const note = (await board.listItems(['note']))[0]!;
      expect(note).toMatchObject({ parentId: first.ids.f, color: 'pink', tags: ['A'] });
      expect(note.rect).toMatchObject({ x: 200, y: 300 });
      // Remembered for the session: the next create goes plain at once, no refused request.
      const before = strict.stats.byRoute['POST /murals/:id/widgets/sticky-note'] ?? 0;
      await board.apply([
        {
          op: 'create',
          ref: 'm',
          item: {
            kind: 'note',
            text: 'Again',
            rect: { x: 0, y: 0, w: 138, h: 138 },
            color: 'blue',
          },
        },
      ]);
      expect(strict.stats.byRoute['POST /murals/:id/widgets/sticky-note']).toBe(before + 1);
      expect((await board.listItems(['note'])).find((i) => i.text === 'Again')?.color).toBe('blue');
    } finally {
      await strict.close();
    }
  });

  it('lists more than a page, and keeps within 25 requests a second with backoff on 429', async () => {
    const muralId = server.createMural();
    // A user of its own: MURAL's 25 a second is per user, and earlier tests' panels still poll as Ada.
    const board = connect({ id: 'u-lister', firstName: 'Lister', lastName: '' }, muralId);
    const ops: WriteOp[] = Array.from({ length: 230 }, (_, i) => ({
      op: 'create',
      ref: `n${i}`,
      item: {
        kind: 'note',
        text: `N${i}`,
        rect: { x: i * 10, y: 0, w: 138, h: 138 },
        color: 'yellow',
      },
    }));
    const made = await board.apply(ops);
    expect(made.failed).toEqual([]);
    const notes = await board.listItems(['note']);
    expect(notes).toHaveLength(230);
    // Moving 60 notes is 60 PATCHes: over two seconds of budget, whatever 429s came on the way.
    const moved = await board.apply(
      notes.slice(0, 60).map((n) => ({ op: 'update', id: n.id, patch: { rect: { y: 500 } } })),
    );
    expect(moved.failed).toEqual([]);
    expect((await board.listItems(['note'])).filter((n) => n.rect.y === 500)).toHaveLength(60);
  });

  it('merges tags with those another participant added meanwhile', async () => {
    const muralId = server.createMural();
    const ada = connect(ADA, muralId);
    const grace = connect(GRACE, muralId);
    const { ids } = await ada.apply([
      {
        op: 'create',
        ref: 'n',
        item: { kind: 'note', text: 'T', rect: { x: 0, y: 0, w: 138, h: 138 }, color: 'yellow' },
      },
    ]);
    await ada.listItems();
    await grace.apply([{ op: 'tag', id: ids.n!, add: ['Grace'] }]);
    await ada.apply([{ op: 'tag', id: ids.n!, add: ['Ada'] }]);
    expect([...(await ada.listItems(['note']))[0]!.tags].sort()).toEqual(['Ada', 'Grace']);
    const long = await ada.apply([{ op: 'tag', id: ids.n!, add: ['x'.repeat(26)] }]);
    expect(long.failed[0]!.message).toMatch(/at most 25/);
  });

  it('refuses a tag MURAL would refuse before any request, failing only its own op', async () => {
    const board = connect(ADA, server.createMural());
    const long = 'x'.repeat(26);
    const result = await board.apply([
      {
        op: 'create',
        ref: 'bad',
        item: {
          kind: 'note',
          text: 'B',
          rect: { x: 0, y: 0, w: 138, h: 138 },
          color: 'yellow',
          tags: [long],
        },
      },
      { op: 'ensureTag', title: ' ' },
      { op: 'renameTag', from: 'Stage · A', to: long },
      {
        op: 'create',
        ref: 'good',
        item: {
          kind: 'note',
          text: 'G',
          rect: { x: 300, y: 0, w: 138, h: 138 },
          color: 'yellow',
          tags: ['Fine'],
        },
      },
    ]);
    expect(result.failed.map((f) => [f.index, f.message])).toEqual([
      [0, `Could not create note "B": Tag "${long}" has 26 characters; MURAL allows at most 25.`],
      [1, 'Could not create tag " ": A tag title cannot be empty.'],
      [
        2,
        `Could not rename tag "Stage · A" to "${long}": Tag "${long}" has 26 characters; MURAL allows at most 25.`,
      ],
    ]);
    expect(Object.keys(result.ids)).toEqual(['good']);
    expect((await board.listTags()).map((t) => t.title)).toEqual(['Fine']);
  });

  it('keeps markers, hides its state widgets, and refreshes a stale token once', async () => {
    const muralId = server.createMural();
    const { accessToken, refreshToken } = server.issueToken(ADA);
    const store = memoryTokenStore({ accessToken, refreshToken, expiresAt: Date.now() + 3600_000 });
    // Refresh goes through the token proxy, which holds the secret MURAL requires.
    const proxy = await startTokenProxy(server);
    const session = createTokenSession(proxy.oauth(), store);
    const client = createMuralClient({ apiBase: server.apiBase, tokens: session });
    const board = createMuralBoard(client, muralId);
    await board.apply([
      {
        op: 'create',
        ref: 'f',
        item: { kind: 'frame', title: 'Map', rect: { x: 0, y: 0, w: 500, h: 500 } },
        meta: { m: 'map-1', r: 'frame' },
      },
    ]);
    await board.shared('maps').set('map-1', { title: 'Onboarding' });
    server.expireAccessTokens();
    const items = await board.listItems();
    expect(items.map((i) => [i.kind, i.meta])).toEqual([['frame', { m: 'map-1', r: 'frame' }]]);
    expect(client.stats.refreshed).toBe(1);
    const stored = await store.load();
    expect(stored?.refreshToken).not.toBe(refreshToken);
    expect(await board.shared('maps').get('map-1')).toEqual({ title: 'Onboarding' });
    await proxy.close();
  });

  it("settles a batch's markers from one full list: the data area is read once, by its write", async () => {
    const muralId = server.createMural();
    // A user of its own: no 429 retry from other tests' polls adds a request to count.
    const user: MockUser = { id: 'u-marker', firstName: 'Marker', lastName: '' };
    const { accessToken } = server.issueToken(user);
    const sent: string[] = [];
    const client = createMuralClient({
      apiBase: server.apiBase,
      tokens: staticTokens(accessToken),
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        sent.push(`${init?.method ?? 'GET'} ${url.pathname.split('/').at(-1)}${url.search}`);
        return fetch(input, init);
      },
    });
    const board = createMuralBoard(client, muralId);
    const made = await board.apply([
      {
        op: 'create',
        ref: 'n',
        item: {
          kind: 'note',
          text: 'Marked',
          rect: { x: 0, y: 0, w: 138, h: 138 },
          color: 'yellow',
        },
        meta: { m: 'map-1', r: 'cell' },
      },
    ]);
    expect(made.failed).toEqual([]);
    const batch = [...sent];
    expect((await board.listItems(['note'])).map((n) => n.meta)).toEqual([
      { m: 'map-1', r: 'cell' },
    ]);
    // After the note is made: one full list (the widgets and, in it, the stored markers), one
    // read of the area's entries by the write, and the entry's PATCH.
    const settle = batch.slice(batch.findIndex((r) => r.startsWith('POST sticky-note')) + 1);
    const areaReads = settle.filter((r) => r.startsWith('GET widgets?parentId='));
    const fullLists = settle.filter((r) => r === 'GET widgets?limit=100');
    expect({ areaReads: areaReads.length, fullLists: fullLists.length }).toEqual({
      areaReads: 1,
      fullLists: 1,
    });
  });

  it('tabs of one browser share their polls: about one poller instead of one each', async () => {
    const count = async (share: boolean): Promise<{ requests: number; seen: unknown[][] }> => {
      const muralId = server.createMural();
      const writer = connect(GRACE, muralId);
      await writer.shared('c').set('k', 1);
      const { accessToken } = server.issueToken({
        id: `u-tabs-${share}`,
        firstName: 'T',
        lastName: '',
      });
      const tabs = [0, 1].map(() =>
        createMuralBoard(
          createMuralClient({ apiBase: server.apiBase, tokens: staticTokens(accessToken) }),
          muralId,
          { pollMs: 100, shareAcrossTabs: share },
        ),
      );
      const seen: unknown[][] = [[], []];
      const stops = tabs.map((tab, i) => tab.shared('c').watch('k', (v) => seen[i]!.push(v)));
      await vi.waitFor(() => expect(seen.every((s) => s.length === 1)).toBe(true));
      await writer.shared('c').set('k', 2);
      const afterWrite = server.stats.requests;
      await vi.waitFor(() => expect(seen.every((s) => s.at(-1) === 2)).toBe(true));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      for (const stop of stops) stop();
      return { requests: server.stats.requests - afterWrite, seen };
    };
    const separate = await count(false);
    const shared = await count(true);
    // Both tabs still see the change; together they ask MURAL clearly less often.
    expect(shared.seen.map((s) => s.at(-1))).toEqual([2, 2]);
    expect(shared.requests).toBeLessThan(separate.requests * 0.8);
  }, 25_000);

  it('reads native voting sessions and their results', async () => {
    const muralId = server.createMural();
    const sessionId = server.addVotingSession(muralId, {
      title: 'Pain points',
      status: 'closed',
      results: [{ widgetId: 'w1', totalVotes: 5, uniqueVoters: 3 }],
    });
    const { accessToken } = server.issueToken(ADA);
    // Through a queue with MURAL's limits, as the adapter reads: earlier tests may have used up
    // this second's requests, and a bare call would meet the 429.
    const queue = createWriteQueue(MURAL_QUEUE_OPTIONS);
    const voting = createMuralVoting(
      createMuralClient({ apiBase: server.apiBase, tokens: staticTokens(accessToken) }),
      muralId,
      (fn) => queue.call(fn),
    );
    expect(await voting.sessions()).toEqual([
      { id: sessionId, title: 'Pain points', status: 'closed' },
    ]);
    const board = connect(ADA, muralId);
    expect(await board.canUse('voting')).toBe(true);
    expect(await board.nativeVotingResults()).toEqual([
      {
        sessionId,
        title: 'Pain points',
        results: [{ itemId: 'w1', count: 5, uniqueVoters: 3 }],
      },
    ]);
    expect(await voting.results(sessionId)).toEqual([
      { widgetId: 'w1', totalVotes: 5, uniqueVoters: 3 },
    ]);
  });
});
