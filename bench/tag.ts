/**
 * Tagging 96 sticky notes, one stage tag each, as "Tag by position" does (issue 10: tag writes
 * merge with what another participant wrote meanwhile), on the local board with 100 ms simulated
 * latency per SDK call, through the Miro adapter and the write queue. Each tag is a write and a
 * check that reads the note two round trips later (Miro replaces a note's whole tag list, so a
 * crossing write could drop ours); the check waits without holding one of the queue's slots.
 * Prints the SDK calls, the wall time and its ratio to the latency floor (calls × latency ÷
 * concurrency), as bench/map-create.ts does. Never asserts.
 * Run alone with `npx tsx bench/tag.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createMiroBoard } from '../src/board/miro/adapter';
import type { WriteOp } from '../src/board/port';
import { createLocalBoard } from '../src/board/playground/sdk/local-board';
import { createWriteQueue, MIRO_QUEUE_OPTIONS } from '../src/board/write-queue';

const LATENCY_MS = 100;
const CONCURRENCY = 8;
const NOTES = 96;
const TAG = 'Stage · Awareness';

export async function benchTag(): Promise<Record<string, number>> {
  const local = createLocalBoard();
  const board = createMiroBoard(local.connect({ id: 'bench', name: 'Bench' }), {
    platform: 'playground',
    queue: createWriteQueue({ ...MIRO_QUEUE_OPTIONS, concurrency: CONCURRENCY }),
  });
  const made = await board.apply([
    { op: 'ensureTag', title: TAG, color: 'blue' },
    ...Array.from({ length: NOTES }, (_, i): WriteOp => ({
      op: 'create',
      ref: `n${i}`,
      item: {
        kind: 'note',
        text: `Note ${i}`,
        rect: { x: (i % 12) * 220, y: Math.floor(i / 12) * 240, w: 199, h: 228 },
        color: 'yellow',
      },
    })),
  ]);
  if (made.failed.length > 0) throw new Error(made.failed[0]!.message);
  local.setLatency(LATENCY_MS);
  local.resetStats();

  const started = performance.now();
  const result = await board.apply(
    Object.values(made.ids).map((id): WriteOp => ({ op: 'tag', id, add: [TAG] })),
  );
  const wallMs = performance.now() - started;
  if (result.failed.length > 0) throw new Error(result.failed[0]!.message);
  const tagged = local.items().filter((i) => i.type === 'sticky_note' && i.tagIds.length === 1);
  if (tagged.length !== NOTES) throw new Error(`${tagged.length} of ${NOTES} notes tagged`);

  const { calls, callsByMethod } = local.stats();
  const floorMs = (calls * LATENCY_MS) / CONCURRENCY;
  const results: Record<string, number> = {
    notes: NOTES,
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    calls,
    syncs: callsByMethod['sync'] ?? 0,
    reads: callsByMethod['get'] ?? 0,
    wallMs: Math.round(wallMs),
    floorMs: Math.round(floorMs),
    wallToFloor: Math.round((wallMs / floorMs) * 100) / 100,
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(14)} ${value}`);
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchTag();
}
