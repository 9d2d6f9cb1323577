/**
 * The Export tab's whole path with journey insights (issue 14, checks): board → map → JSON v2 for
 * a board of 2,000 notes, 40 participants' ratings (every stage, two personas, as-is and to-be)
 * and 20 KPIs × 50 readings, plus departments and a RACI matrix; target under 100 ms. The board
 * is the playground's local board with no latency, read through the real Miro adapter, so the
 * figure is Touchpoint's own work (listing, placing, deriving, the insights' collections, the
 * file). Prints medians; never asserts. Run alone: `npx tsx bench/export-v2.ts`.
 */
import { pathToFileURL } from 'node:url';
import { buildJourneyMap } from '../src/app/export/build-journey-map';
import {
  addReading,
  rateStage,
  savePersonas,
  saveKpi,
  setDepartment,
  setRaci,
} from '../src/app/insights/insights-writes';
import { createMap } from '../src/app/map/create-map';
import { openWorkshop } from '../src/app/workshop';
import { createMiroBoard } from '../src/board/miro/adapter';
import { createLocalBoard } from '../src/board/playground/sdk/local-board';
import { createWriteQueue } from '../src/board/write-queue';
import { DEPARTMENTS } from '../src/domain/insights/departments';
import { createSpecFromPreset, findPreset } from '../src/domain/journey/presets';

const NOTES = 2000;
const RATERS = 40;
const KPIS = 20;
const READINGS = 50;
const RUNS = 15;

/** A deterministic pseudo-random sequence, so every run measures the same board. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const must = <T>(outcome: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
};

async function seededWorkshop() {
  const local = createLocalBoard({ creditsPerMinute: Number.MAX_SAFE_INTEGER });
  const board = createMiroBoard(local.connect({ id: 'u-bench', name: 'Bench' }), {
    platform: 'playground',
    queue: createWriteQueue({ concurrency: 8 }),
  });
  const workshop = await openWorkshop(board, { db: null, problem: 'bench' });
  let n = 0;
  const spec = createSpecFromPreset(findPreset('classic')!, () => `k${(n++).toString(36)}`);
  const made = await createMap(board, spec);
  if (made.status !== 'done') throw new Error(`createMap: ${made.status}`);
  const { geometry } = made.record;
  const stageIds = spec.stages.map((s) => s.id);
  const rand = lcg(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  // 2,000 participants' notes in the map's cells, 5 % of them loose beside it.
  const words = ['checkout', 'slow', 'support', 'chat', 'fees', 'confusing', 'app', 'login', '😤'];
  for (let i = 0; i < NOTES; i += 1) {
    const col = pick(geometry.columns);
    const row = pick(geometry.rows);
    const loose = rand() < 0.05;
    local.human.addNote({
      x: loose ? geometry.frame.x - 2000 + rand() * 1500 : col.x + 20 + rand() * (col.w - 40),
      y: row.y + 20 + rand() * (row.h - 40),
      content: Array.from({ length: 3 + Math.floor(rand() * 15) }, () => pick(words)).join(' '),
      by: `u${i % RATERS}`,
    });
  }

  // 40 participants: a department each, and a rating of every stage for two personas, both lines.
  const personas = [
    { id: 'pa', name: 'First-time customer', summary: '' },
    { id: 'pb', name: 'Small business', summary: '' },
  ];
  must(await savePersonas(board, spec.id, personas));
  let ratings = 0;
  for (let r = 0; r < RATERS; r += 1) {
    const userId = `u${r}`;
    const department = DEPARTMENTS[r % DEPARTMENTS.length]!;
    must(await setDepartment(board, userId, department));
    const rater = { userId, deviceId: 'd', department };
    for (const stageId of stageIds)
      for (const { id: personaId } of personas)
        for (const line of ['as-is', 'to-be'] as const) {
          const value = Math.floor(rand() * 5) - 2;
          must(
            await rateStage(
              board,
              rater,
              { mapId: spec.id, stageId, personaId, line, value },
              '2026-12-05T10:00:00.000Z',
            ),
          );
          ratings += 1;
        }
  }

  // 20 KPIs (one in five for the whole journey), 50 readings each, a week apart.
  for (let k = 0; k < KPIS; k += 1) {
    const kpiId = `kpi${k}`;
    must(
      await saveKpi(board, spec.id, stageIds, {
        id: kpiId,
        name: `KPI ${k}`,
        unit: '%',
        baseline: k % 2 ? 60 : 20,
        target: k % 2 ? 20 : 60,
        direction: k % 2 ? 'lower' : 'higher',
        stageId: k % 5 === 0 ? null : stageIds[k % stageIds.length]!,
      }),
    );
    for (let i = 0; i < READINGS; i += 1) {
      const date = new Date(Date.UTC(2025, 11, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      must(
        await addReading(
          board,
          spec.id,
          { kpiId, value: Math.round(rand() * 1000) / 10, date, source: 'survey' },
          '2026-12-05',
          () => `r${k}-${i}`,
        ),
      );
    }
  }

  // A RACI row per stage: one Accountable, one Responsible, two Consulted.
  for (const [s, stageId] of stageIds.entries())
    for (const [d, role] of (['A', 'R', 'C', 'C'] as const).entries())
      must(
        await setRaci(
          board,
          spec.id,
          { kind: 'stage', id: stageId },
          stageId,
          DEPARTMENTS[(s + d) % DEPARTMENTS.length]!,
          role,
        ),
      );
  return { workshop, ratings, local };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export async function benchExportV2(): Promise<Record<string, number>> {
  const seedStart = performance.now();
  const { workshop, ratings, local } = await seededWorkshop();
  const seedMs = performance.now() - seedStart;
  const once = async () => {
    const start = performance.now();
    const built = await buildJourneyMap(workshop, { includeAuthors: false, includeLoose: true });
    if (!built.ok) throw new Error(built.message);
    const json = JSON.stringify(built.file);
    return { ms: performance.now() - start, file: built.file, bytes: json.length };
  };
  local.resetStats();
  const first = await once(); // also the warm-up: JIT and caches
  const calls = local.stats();
  const insights = first.file.map.insights;
  const readings = insights?.kpis.reduce((sum, k) => sum + k.readings.length, 0) ?? 0;
  if (first.file.map.notes.length !== NOTES || insights?.ratings.length !== ratings)
    throw new Error(
      `the file lacks what was seeded: ${first.file.map.notes.length} notes, ${insights?.ratings.length ?? 0} ratings`,
    );
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) samples.push((await once()).ms);
  const results = {
    'notes in the file': first.file.map.notes.length,
    'ratings in the file': insights.ratings.length,
    'KPIs × readings in the file': readings,
    'board→map→JSON v2 with insights (ms, median)': Math.round(median(samples) * 10) / 10,
    'file size (KB)': Math.round(first.bytes / 1024),
    'SDK calls per export': calls.calls,
    'seeding the board (s)': Math.round(seedMs / 100) / 10,
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(46)} ${value}`);
  console.log(`SDK calls by method: ${JSON.stringify(calls.callsByMethod)}`);
  console.log('target: board→map→JSON v2 with insights < 100 ms');
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchExportV2();
  // The local board's shared collections keep timers for other panels; nothing is left to do.
  process.exit(0);
}
