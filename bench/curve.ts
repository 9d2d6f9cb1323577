/**
 * Drawing and then updating the emotion curve (issue 14 §1) for 5 personas × 20 stages (as-is
 * and to-be: 200 points, 190 lines) on the local board with 100 ms simulated latency per SDK call,
 * through the real path: drawCurve → Miro adapter → write queue → local board. Prints, for the
 * draw and for the update (every point moved), the SDK calls, the wall time and its ratio to the
 * latency floor (calls × latency ÷ concurrency), as bench/map-create.ts does. Target: within
 * 1.3× of the floor. Never asserts.
 * Run alone with `npx tsx bench/curve.ts`.
 */
import { pathToFileURL } from 'node:url';
import { drawCurve } from '../src/app/insights/draw-curve';
import { rateStage, savePersonas } from '../src/app/insights/insights-writes';
import { createMap } from '../src/app/map/create-map';
import { createMiroBoard } from '../src/board/miro/adapter';
import type { Board } from '../src/board/port';
import { createLocalBoard } from '../src/board/playground/sdk/local-board';
import { createWriteQueue, MIRO_QUEUE_OPTIONS } from '../src/board/write-queue';
import { addStage } from '../src/domain/journey/edit-spec';
import { createSpecFromPreset, findPreset } from '../src/domain/journey/presets';

const LATENCY_MS = 100;
const CONCURRENCY = 8;
const PERSONAS = 5;
const STAGES = 20;
const RATERS = 3;

async function rateAll(board: Board, mapId: string, stageIds: string[], shift: number) {
  for (let p = 0; p < PERSONAS; p += 1)
    for (const line of ['as-is', 'to-be'] as const)
      for (let r = 0; r < RATERS; r += 1) {
        const rater = { userId: `rater-${r}`, deviceId: 'd', department: null };
        for (const [s, stageId] of stageIds.entries()) {
          const value = ((s * 7 + p * 3 + r + shift + (line === 'to-be' ? 1 : 0)) % 5) - 2;
          const outcome = await rateStage(
            board,
            rater,
            { mapId, stageId, personaId: `p${p}`, line, value },
            new Date(Date.UTC(2026, 11, 5, shift)).toISOString(),
          );
          if (!outcome.ok) throw new Error(outcome.message);
        }
      }
}

export async function benchCurve(): Promise<Record<string, number>> {
  let n = 0;
  let spec = createSpecFromPreset(findPreset('classic')!, () => `c${(n++).toString(36)}`);
  while (spec.stages.length < STAGES)
    spec = addStage(spec, {
      id: `s${spec.stages.length}`,
      name: `Stage ${spec.stages.length + 1}`,
    });

  const local = createLocalBoard();
  const queue = createWriteQueue({ ...MIRO_QUEUE_OPTIONS, concurrency: CONCURRENCY });
  const board = createMiroBoard(local.connect({ id: 'bench', name: 'Bench' }), {
    platform: 'playground',
    queue,
  });
  // Setup without latency: the map, the personas and the ratings are not what is measured.
  const made = await createMap(board, spec, { near: { x: 0, y: 0, w: 4000, h: 3000 } });
  if (made.status !== 'done') throw new Error(`createMap ended ${made.status}`);
  const stageIds = spec.stages.map((s) => s.id);
  await savePersonas(
    board,
    spec.id,
    Array.from({ length: PERSONAS }, (_, p) => ({
      id: `p${p}`,
      name: `Persona ${p + 1}`,
      summary: '',
    })),
  );
  await rateAll(board, spec.id, stageIds, 0);

  const round2 = (v: number): number => Math.round(v * 100) / 100;
  const measure = async (label: string) => {
    local.setLatency(LATENCY_MS);
    local.resetStats();
    const started = performance.now();
    const outcome = await drawCurve(board, spec.id);
    const wallMs = performance.now() - started;
    local.setLatency(0);
    if (outcome.status !== 'done') throw new Error(`${label} ended ${outcome.status}`);
    const { calls, callsByMethod: by, rateLimited } = local.stats();
    const floorMs = (calls * LATENCY_MS) / CONCURRENCY;
    return {
      [`${label}Points`]: outcome.summary.points,
      [`${label}Lines`]: outcome.summary.lines,
      [`${label}Calls`]: calls,
      [`${label}Creates`]: (by.createShape ?? 0) + (by.createConnector ?? 0),
      [`${label}Syncs`]: by.sync ?? 0,
      [`${label}RateLimited`]: rateLimited,
      [`${label}WallMs`]: Math.round(wallMs),
      [`${label}FloorMs`]: Math.round(floorMs),
      [`${label}WallToFloor`]: round2(wallMs / floorMs),
    };
  };

  const drawn = await measure('draw');
  // Every rater moves every rating by one step: every point moves.
  await rateAll(board, spec.id, stageIds, 1);
  const updated = await measure('update');
  const results: Record<string, number> = {
    personas: PERSONAS,
    stages: STAGES,
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    ...drawn,
    ...updated,
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(22)} ${value}`);
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchCurve();
}
