/**
 * Two facilitators import one file onto one board at the same moment (issue 10 §5): two panels,
 * each its own SDK connection through the real Miro adapter, over one local board with call
 * latency so their reads and writes interleave. Every trial must end with one map and one copy
 * of each note: the import claims a lease in the board's shared collection, and the panel that
 * loses waits for the winner, then imports again — finding everything there.
 */
import { describe, expect, it } from 'vitest';
import { importMap, type ImportOutcome } from '../../src/app/export/import-map';
import { seededFile } from '../../src/app/export/testing/export-fixture';
import { toJsonText } from '../../src/domain/export/to-downloads';
import { loadMaps } from '../../src/app/map/map-store';
import { openWorkshop } from '../../src/app/workshop';
import { createMiroBoard } from '../../src/board/miro/adapter';
import { emptyState } from '../../src/board/playground/sdk/board-store';
import type { Board } from '../../src/board/port';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import { FACILITATOR } from '../fakes/playground-board';

const SECOND = { id: 'u-second', name: 'Sam (co-facilitator)' };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The board as one panel sees it, its shared-collection writes landing `slowMs` late (a slower
 * network): the write is in flight while the other panel reads, the case a read-back alone misses.
 */
function withSlowWrites(board: Board, slowMs: number): Board {
  if (slowMs === 0) return board;
  return {
    ...board,
    platform: board.platform,
    shared: (name) => {
      const shared = board.shared(name);
      return { ...shared, set: (key, value) => delay(slowMs).then(() => shared.set(key, value)) };
    },
  };
}

async function twoPanels(latencyMs: number, slowMs: number) {
  const local = createLocalBoard({
    latencyMs,
    state: { ...emptyState(), boardId: 'uXjVTarget=', boardName: 'Target' },
  });
  const open = (user: typeof FACILITATOR, slow: number) =>
    openWorkshop(
      withSlowWrites(createMiroBoard(local.connect(user), { platform: 'playground' }), slow),
      { db: null, problem: 'History is off in this test.' },
    );
  return { local, a: await open(FACILITATOR, 0), b: await open(SECOND, slowMs) };
}

describe('two facilitators importing one file at once', () => {
  it('get one map and one copy of each note, in every trial (24 trials, varied interleavings)', async () => {
    const file = await seededFile();
    const text = toJsonText(file);
    const notes = file.map.notes.map((n) => n.text);
    for (let trial = 0; trial < 24; trial++) {
      // Latency 1–3 ms a call; the second panel starts 0–5 ms after the first, and in half the
      // trials its writes land 3–9 ms late.
      const slow = trial % 2 === 0 ? 0 : 3 * (1 + (trial % 3));
      const { local, a, b } = await twoPanels(1 + (trial % 3), slow);
      const lag = Math.floor(trial / 2) % 6;
      const [first, second] = (await Promise.all([
        importMap(a, text),
        delay(lag).then(() => importMap(b, text)),
      ])) as [ImportOutcome, ImportOutcome];
      const label = `trial ${trial} (lag ${lag}, slow ${slow}): ${first.status} / ${second.status}`;

      const frames = local.items().filter((i) => i.type === 'frame');
      expect(frames, label).toHaveLength(1);
      expect((await loadMaps(a.board)).maps, label).toHaveLength(1);
      const texts = (await a.board.listItems(['note'])).map((n) => n.text).sort();
      expect(texts, label).toEqual([...notes].sort());
      // One made the map and the notes; the other found them there.
      expect([first.status, second.status].sort(), label).toEqual(['already-imported', 'done']);
    }
  }, 60_000);
});
