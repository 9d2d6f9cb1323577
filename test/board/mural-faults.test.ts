/**
 * MURAL writes under injected HTTP faults (issue 10): a create whose answer was lost is not made
 * twice, a 429 is waited out, a request refused for good fails only its own ops, and a marked
 * widget stays marked whatever happens to the markers write after the batch.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import type { WriteOp } from '../../src/board/port';
import { createWriteQueue, MURAL_QUEUE_OPTIONS } from '../../src/board/write-queue';
import { withFetchFaults, type FaultKind } from '../fakes/faults';
import { startMuralServer, type MuralServer } from '../mural-server/server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

const ADA = { id: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' };

function connect(
  muralId: string,
  kind: FaultKind | null,
  at = 0,
  user = ADA,
  /** Hears every charge a running task adds to the queue's budget. */
  onSpend?: (calls: number) => void,
) {
  const { accessToken } = server.issueToken(user);
  const faulty = withFetchFaults((input, init) => fetch(input, init), kind && { kind, at });
  const client = createMuralClient({
    apiBase: server.apiBase,
    tokens: {
      accessToken: () => Promise.resolve(accessToken),
      refresh: () => Promise.reject(new Error('No refresh in this test')),
    },
    fetch: faulty.fetch,
  });
  const queue = createWriteQueue({ ...MURAL_QUEUE_OPTIONS, sleep: () => Promise.resolve() });
  const board = createMuralBoard(client, muralId, {
    pollMs: 60_000,
    queue: {
      ...queue,
      spend: (calls) => {
        onSpend?.(calls);
        return queue.spend(calls);
      },
    },
  });
  return { board, injector: faulty.injector };
}

const notes = (n: number): WriteOp[] =>
  Array.from({ length: n }, (_, i) => ({
    op: 'create',
    ref: `n${i}`,
    item: {
      kind: 'note',
      text: `Idea ${i}`,
      rect: { x: 100 + (i % 5) * 220, y: 100 + Math.floor(i / 5) * 220, w: 200, h: 200 },
      color: 'light_yellow',
    },
  }));

describe('MURAL writes under faults', () => {
  it('a create request whose answer was lost is adopted on retry, not made twice', async () => {
    const muralId = server.createMural();
    const { board, injector } = connect(muralId, 'lost', 0);
    const result = await board.apply(notes(20));
    expect(injector.tripped).toBe(true);
    expect(result.failed).toEqual([]);
    expect(Object.keys(result.ids)).toHaveLength(20);
    const onMural = (await connect(muralId, null).board.listItems(['note'])).map((n) => n.text);
    expect(onMural.sort()).toEqual(
      notes(20)
        .map((op) => (op.op === 'create' && op.item.kind === 'note' ? op.item.text : ''))
        .sort(),
    );
  });

  it('the list that adopts after a lost answer is charged to the budget; a clean run charges nothing', async () => {
    let spent = 0;
    const clean = connect(server.createMural(), null, 0, ADA, (n) => (spent += n));
    expect((await clean.board.apply(notes(20))).failed).toEqual([]);
    expect(spent).toBe(0);
    const { board, injector } = connect(server.createMural(), 'lost', 0, ADA, (n) => (spent += n));
    expect((await board.apply(notes(20))).failed).toEqual([]);
    expect(injector.tripped).toBe(true);
    // At least one page of the widget list, read inside the retried create.
    expect(spent).toBeGreaterThanOrEqual(1);
  });

  it('a create refused with a 429 is sent again without listing the mural first', async () => {
    // MURAL did not process a 429'd request: nothing to adopt, so no list of every widget.
    const muralId = server.createMural();
    const lists = () => server.stats.byRoute['GET /murals/:id/widgets'] ?? 0;
    const before = lists();
    const grace = { id: 'u-grace-429', firstName: 'Grace', lastName: 'H' };
    const { board, injector } = connect(muralId, 'rate', 0, grace);
    const result = await board.apply(notes(3));
    expect(injector.log.slice(0, 2)).toEqual([
      expect.stringMatching(/POST .*\/widgets\/sticky-note$/),
      expect.stringMatching(/POST .*\/widgets\/sticky-note$/),
    ]);
    expect(result.failed).toEqual([]);
    expect(lists() - before).toBe(0);
  });

  it('a 429 is waited out; a refusal fails only the ops of its request, and says so', async () => {
    const muralId = server.createMural();
    const rate = connect(muralId, 'rate', 0);
    expect((await rate.board.apply(notes(3))).failed).toEqual([]);
    const refused = connect(server.createMural(), 'fail', 0);
    const result = await refused.board.apply(notes(30));
    // MURAL takes 25 per request: the first request's 25 fail, the other 5 are made.
    expect(result.failed).toHaveLength(25);
    expect(result.failed[0]!.message).toMatch(/^Could not create note "Idea 0": /);
    expect(Object.keys(result.ids)).toHaveLength(5);
  });
});

describe('MURAL markers under faults', () => {
  // Another user than the cases above, whose requests fill Ada's 25 a second: a 429 from the
  // server would be retried and shift the positions of the writes.
  let n = 0;
  const as = (muralId: string, kind: FaultKind | null, at = 0) =>
    connect(muralId, kind, at, { id: `u-grace-${(n += 1)}`, firstName: 'Grace', lastName: 'H' });
  /** A frame with Touchpoint's marker, then a shape: the writes after the data area exists. */
  const marked: WriteOp[] = [
    {
      op: 'create',
      ref: 'frame',
      item: { kind: 'frame', title: 'Journey', rect: { x: 0, y: 0, w: 800, h: 600 } },
      meta: { m: 'map-1', r: 'frame' },
    },
    {
      op: 'create',
      ref: 'shape',
      item: { kind: 'shape', text: 'Cell', rect: { x: 900, y: 0, w: 200, h: 100 } },
    },
  ];
  /**
   * A mural with a marked note, so its data area and markers entry exist and the batch's writes
   * are: the intent (PATCH), the frame, the shape, the markers by id (PATCH).
   */
  async function muralWithData(): Promise<string> {
    const muralId = server.createMural();
    const note: WriteOp = {
      op: 'create',
      ref: 'n',
      item: {
        kind: 'note',
        text: 'x',
        rect: { x: 0, y: 900, w: 100, h: 100 },
        color: 'light_yellow',
      },
      meta: { m: 'map-1', r: 'note' },
    };
    await as(muralId, null).board.apply([note]);
    return muralId;
  }
  const frameOf = async (muralId: string) =>
    (await as(muralId, null).board.listItems(['frame']))[0];

  it('a panel that closes after the marked create went through leaves the widget marked', async () => {
    const muralId = await muralWithData();
    const { board, injector } = as(muralId, 'hang', 2);
    void board.apply(marked);
    await injector.closed;
    expect(injector.log[1]).toMatch(/POST .*\/widgets\/area$/);
    expect(await frameOf(muralId)).toMatchObject({
      text: 'Journey',
      meta: { m: 'map-1', r: 'frame' },
    });
  });

  it('a markers write refused after the batch fails nothing; the widget reads as marked', async () => {
    const muralId = await muralWithData();
    const { board, injector } = as(muralId, 'fail', 3);
    const result = await board.apply(marked);
    expect(injector.tripped).toBe(true);
    expect(injector.log[3]).toMatch(/PATCH .*\/widgets\/textbox\//);
    expect(result.failed).toEqual([]);
    expect(await frameOf(muralId)).toMatchObject({ meta: { m: 'map-1', r: 'frame' } });
    // The next batch stores it by id and drops the intent.
    await as(muralId, null).board.apply([
      {
        op: 'create',
        ref: 'n',
        item: {
          kind: 'note',
          text: 'x',
          rect: { x: 0, y: 900, w: 100, h: 100 },
          color: 'light_yellow',
        },
        meta: { m: 'map-1', r: 'note' },
      },
    ]);
    expect(await frameOf(muralId)).toMatchObject({ meta: { m: 'map-1', r: 'frame' } });
  });

  it('a markers intent that cannot be stored changes nothing and says so', async () => {
    const muralId = await muralWithData();
    const { board } = as(muralId, 'fail', 0);
    const result = await board.apply(marked);
    expect(result.done).toBe(0);
    expect(result.failed[0]!.message).toMatch(/nothing was changed/);
    expect((await as(muralId, null).board.listItems()).map((i) => i.text)).toEqual(['x']);
  });
});

describe('MURAL shared values under faults', () => {
  it('a watch whose first read is refused says why, then gets the value with the next poll', async () => {
    const muralId = server.createMural();
    await connect(muralId, null).board.shared('c').set('k', 'stored');
    const { accessToken } = server.issueToken(ADA);
    // The first read refused for good (a 400, never retried); every later request answered.
    let refused = 0;
    const client = createMuralClient({
      apiBase: server.apiBase,
      tokens: {
        accessToken: () => Promise.resolve(accessToken),
        refresh: () => Promise.reject(new Error('No refresh in this test')),
      },
      fetch: (input, init) => {
        if (refused > 0) return fetch(input, init);
        refused += 1;
        return Promise.resolve(
          new Response(JSON.stringify({ code: 'INJECTED', message: 'Injected refusal' }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          }),
        );
      },
    });
    const board = createMuralBoard(client, muralId, { pollMs: 100 });
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    const stop = board.shared('c').watch(
      'k',
      (value) => seen.push(value),
      (error) => errors.push(error),
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(seen).toEqual([]);
    await vi.waitFor(() => expect(seen).toEqual(['stored']), { timeout: 3000 });
    stop();
  });
});
