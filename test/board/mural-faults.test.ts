/**
 * MURAL writes under injected HTTP faults (issue 10): a create whose answer was lost is not made
 * twice, a 429 is waited out, and a request refused for good fails only its own ops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function connect(muralId: string, kind: FaultKind | null, at = 0) {
  const { accessToken } = server.issueToken(ADA);
  const faulty = withFetchFaults((input, init) => fetch(input, init), kind && { kind, at });
  const client = createMuralClient({
    apiBase: server.apiBase,
    tokens: {
      accessToken: () => Promise.resolve(accessToken),
      refresh: () => Promise.reject(new Error('No refresh in this test')),
    },
    fetch: faulty.fetch,
  });
  const board = createMuralBoard(client, muralId, {
    pollMs: 60_000,
    queue: createWriteQueue({ ...MURAL_QUEUE_OPTIONS, sleep: () => Promise.resolve() }),
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
