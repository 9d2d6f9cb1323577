/**
 * Creating the classic 6 × 6 journey map on the local board with 100 ms simulated latency per
 * SDK call (issue 2 §5), through the real path: createMap → Miro adapter → write queue → local
 * board. Prints the SDK calls, the wall time and its ratio to the floor (calls × latency ÷
 * concurrency), for the whole use case and for its write batch alone (the use case adds a few
 * sequential reads and record writes around the batch). Targets: no redundant calls (write
 * calls = items created + tags + frame adds, plus the one marker asked for) and wall time within
 * 1.3× of the floor (issue 10; issue 2 §5 asked 1.5×). Never asserts.
 * Run alone with `npx tsx bench/map-create.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createMap } from '../src/app/map/create-map';
import { createMiroBoard } from '../src/board/miro/adapter';
import type { Board } from '../src/board/port';
import { createLocalBoard } from '../src/board/playground/sdk/local-board';
import { createWriteQueue, MIRO_QUEUE_OPTIONS } from '../src/board/write-queue';
import { createIdFactory, createSpecFromPreset, findPreset } from '../src/domain/journey/presets';

const LATENCY_MS = 100;
const CONCURRENCY = 8;

/** A deterministic pseudo-random sequence, so every run makes the same ids. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WRITE_METHODS = [
  'createFrame',
  'createShape',
  'createText',
  'createStickyNote',
  'createTag',
  'frame.add',
  'setMetadata',
  'sync',
  'remove',
] as const;

export async function benchMapCreate(): Promise<Record<string, number>> {
  const preset = findPreset('classic');
  if (!preset) throw new Error('The classic preset is missing');
  const spec = createSpecFromPreset(preset, createIdFactory(lcg(7)));

  const local = createLocalBoard({ latencyMs: LATENCY_MS });
  const queue = createWriteQueue({ ...MIRO_QUEUE_OPTIONS, concurrency: CONCURRENCY });
  const board = createMiroBoard(local.connect({ id: 'bench', name: 'Bench' }), {
    platform: 'playground',
    queue,
  });
  // The write batch alone, timed inside the whole use case; its calls are all calls made while it
  // ran (the use case may save its record meanwhile).
  let batchMs = 0;
  let batchCalls = 0;
  const timed: Board = {
    ...board,
    async apply(ops, options) {
      const callsBefore = local.stats().calls;
      const t = performance.now();
      const result = await board.apply(ops, options);
      batchMs += performance.now() - t;
      batchCalls += local.stats().calls - callsBefore;
      return result;
    },
  };
  local.resetStats();

  const started = performance.now();
  const outcome = await createMap(timed, spec);
  const wallMs = performance.now() - started;
  if (outcome.status !== 'done') throw new Error(`createMap ended ${outcome.status}`);

  const { calls, callsByMethod: by, rateLimited } = local.stats();
  const count = (method: string): number => by[method] ?? 0;
  const itemsCreated =
    count('createFrame') + count('createShape') + count('createText') + count('createStickyNote');
  const tagsCreated = count('createTag');
  const frameAdds = count('frame.add');
  const metadataCalls = count('setMetadata');
  const writeCalls = WRITE_METHODS.reduce((sum, m) => sum + count(m), 0);
  const floorMs = (calls * LATENCY_MS) / CONCURRENCY;
  const batchFloorMs = (batchCalls * LATENCY_MS) / CONCURRENCY;
  const round2 = (n: number): number => Math.round(n * 100) / 100;

  const results: Record<string, number> = {
    stages: spec.stages.length,
    lanes: spec.lanes.length,
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    calls,
    writeCalls,
    otherCalls: calls - writeCalls,
    itemsCreated,
    tagsCreated,
    frameAdds,
    metadataCalls,
    redundantWriteCalls: writeCalls - (itemsCreated + tagsCreated + frameAdds + metadataCalls),
    rateLimited,
    wallMs: Math.round(wallMs),
    floorMs: Math.round(floorMs),
    wallToFloor: round2(wallMs / floorMs),
    batchCalls,
    batchWallMs: Math.round(batchMs),
    batchFloorMs: Math.round(batchFloorMs),
    batchWallToFloor: round2(batchMs / batchFloorMs),
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(22)} ${value}`);
  const others = Object.entries(by)
    .filter(([m]) => !(WRITE_METHODS as readonly string[]).includes(m))
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  console.log(`${'other calls'.padEnd(22)} ${others}`);
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMapCreate();
}
