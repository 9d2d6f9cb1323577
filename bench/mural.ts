/**
 * MURAL over the local API double (test/mural-server) with 50 ms latency per request and MURAL's
 * 25-requests-a-second limit: creating the classic map through createMap, then moving 500 notes
 * (500 typed PATCHes: MURAL has no batch update). Prints requests made, 429s received and wall
 * time against the floor: requests ÷ 25 a second (the rate limit), or requests × latency ÷
 * concurrency where that is higher. Figures, never assertions.
 * Run alone with `npx tsx bench/mural.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createMap } from '../src/app/map/create-map';
import { createMuralBoard, MURAL_ADAPTER_QUEUE_OPTIONS } from '../src/board/mural/adapter';
import { createMuralClient } from '../src/board/mural/client';
import type { WriteOp } from '../src/board/port';
import { createWriteQueue, MURAL_QUEUE_OPTIONS } from '../src/board/write-queue';
import { createIdFactory, createSpecFromPreset, findPreset } from '../src/domain/journey/presets';
import { startMuralServer } from '../test/mural-server/server';

const LATENCY_MS = 50;
const RATE = 25;
const CONCURRENCY = MURAL_QUEUE_OPTIONS.concurrency ?? 8;
const NOTES = 500;
// `--queue=plain` measures the shared MURAL_QUEUE_OPTIONS (25 per 1 s) instead of the adapter's margin.
const queueOptions = process.argv.includes('--queue=plain')
  ? MURAL_QUEUE_OPTIONS
  : MURAL_ADAPTER_QUEUE_OPTIONS;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function benchMural(): Promise<Record<string, number>> {
  const server = await startMuralServer({ latencyMs: LATENCY_MS, ratePerSecond: RATE });
  try {
    const muralId = server.createMural('Bench');
    const { accessToken } = server.issueToken({ id: 'bench', firstName: 'Bench', lastName: '' });
    const client = createMuralClient({
      apiBase: server.apiBase,
      tokens: {
        accessToken: () => Promise.resolve(accessToken),
        refresh: () => Promise.reject(new Error('no refresh')),
      },
    });
    const board = createMuralBoard(client, muralId, {
      queue: createWriteQueue(queueOptions),
    });
    const floor = (requests: number): number =>
      Math.max((requests / RATE) * 1000, (requests * LATENCY_MS) / CONCURRENCY);
    const round2 = (n: number): number => Math.round(n * 100) / 100;

    const preset = findPreset('classic');
    if (!preset) throw new Error('The classic preset is missing');
    const spec = createSpecFromPreset(preset, createIdFactory(lcg(7)));
    let before = { ...server.stats };
    let t = performance.now();
    const outcome = await createMap(board, spec);
    const mapMs = performance.now() - t;
    if (outcome.status !== 'done') throw new Error(`createMap ended ${outcome.status}`);
    const mapRequests = server.stats.requests - before.requests;
    const map429 = server.stats.rateLimited - before.rateLimited;

    // 500 notes to move (made in array bodies; not timed as part of the move).
    const create: WriteOp[] = Array.from({ length: NOTES }, (_, i) => ({
      op: 'create',
      ref: `n${i}`,
      item: {
        kind: 'note',
        text: `Note ${i}`,
        rect: { x: -12_000 + (i % 25) * 200, y: Math.floor(i / 25) * 200, w: 138, h: 138 },
        color: 'light_yellow',
      },
    }));
    before = { ...server.stats };
    t = performance.now();
    const made = await board.apply(create);
    const createMs = performance.now() - t;
    if (made.failed.length > 0) throw new Error(made.failed[0]!.message);
    const createRequests = server.stats.requests - before.requests;

    const moves: WriteOp[] = Object.values(made.ids).map((id, i) => ({
      op: 'update',
      id,
      patch: { rect: { x: 2_000 + (i % 25) * 200, y: Math.floor(i / 25) * 200 } },
    }));
    before = { ...server.stats };
    t = performance.now();
    const moved = await board.apply(moves);
    const moveMs = performance.now() - t;
    if (moved.failed.length > 0) throw new Error(moved.failed[0]!.message);
    const moveRequests = server.stats.requests - before.requests;
    const move429 = server.stats.rateLimited - before.rateLimited;

    const results: Record<string, number> = {
      latencyMs: LATENCY_MS,
      ratePerSecond: RATE,
      mapRequests,
      map429,
      mapWallMs: Math.round(mapMs),
      mapFloorMs: Math.round(floor(mapRequests - map429)),
      mapWallToFloor: round2(mapMs / floor(mapRequests - map429)),
      createNotes: NOTES,
      createRequests,
      createWallMs: Math.round(createMs),
      moveNotes: moves.length,
      moveRequests,
      move429,
      moveWallMs: Math.round(moveMs),
      moveFloorMs: Math.round(floor(moveRequests - move429)),
      moveWallToFloor: round2(moveMs / floor(moveRequests - move429)),
    };
    for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(18)} ${value}`);
    return results;
  } finally {
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMural();
}
