/**
 * Board → map → JSON for a 2,000-note board (issue 3 §6; target < 100 ms median), plus restore
 * and the CSV / Markdown views of the same map. Prints medians over RUNS runs; never asserts.
 * Run alone with `npx tsx bench/board-to-map.ts`.
 */
import { pathToFileURL } from 'node:url';
import { PALETTE, type BoardItem } from '../src/domain/board/board-item';
import { deriveJourneyMap } from '../src/domain/export/derive-journey-map';
import { restore } from '../src/domain/export/restore';
import { toCsv } from '../src/domain/export/to-csv';
import { toExportFile } from '../src/domain/export/to-export-file';
import { toMarkdown } from '../src/domain/export/to-markdown';
import { PRESETS } from '../src/domain/journey/presets';
import { stageTagTitle, type MapSpec } from '../src/domain/journey/map-spec';
import { createGridPlacedMap } from '../src/domain/stages/testing/grid-placed-map';

const NOTES = 2000;
const RUNS = 25;

/** A deterministic pseudo-random sequence, so every run measures the same board. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function demoBoard(): { items: BoardItem[]; spec: MapSpec } {
  const preset = PRESETS.find((p) => p.id === 'classic') ?? PRESETS[0];
  if (!preset) throw new Error('no presets');
  const spec: MapSpec = {
    id: 'bench',
    title: preset.defaultTitle,
    presetId: preset.id,
    persona: preset.persona,
    stages: preset.stages.map((name, i) => ({ id: `s${i}`, name })),
    lanes: preset.lanes.map((l, i) => ({ id: `l${i}`, name: l.name, kind: l.kind })),
  };
  const { frameRect } = createGridPlacedMap(spec);
  const rand = lcg(42);
  const words = [
    'checkout',
    'slow',
    'support',
    'chat',
    'fees',
    'confusing',
    'app',
    'login',
    '😤',
    '支払い',
    'الدفع',
  ];
  const items: BoardItem[] = [];
  for (let i = 0; i < NOTES; i += 1) {
    const loose = rand() < 0.05;
    const x = loose ? frameRect.x - 3000 + rand() * 2000 : frameRect.x + rand() * frameRect.w;
    const y = frameRect.y + rand() * frameRect.h;
    const tagged = rand() < 0.6;
    const stage = spec.stages[Math.floor(rand() * spec.stages.length)];
    items.push({
      id: `3458764${String(i).padStart(12, '0')}`,
      kind: 'note',
      text: Array.from(
        { length: 3 + Math.floor(rand() * 20) },
        () => words[Math.floor(rand() * words.length)],
      ).join('  '),
      rect: { x: x - 100, y: y - 100, w: 200, h: 200 },
      color: PALETTE[Math.floor(rand() * PALETTE.length)] ?? null,
      tags: tagged && stage ? [stageTagTitle(stage.name), 'Workshop'] : [],
      parentId: loose ? null : 'frame-1',
      meta: null,
    });
  }
  // Board furniture the export must skip.
  for (let i = 0; i < 200; i += 1) {
    items.push({
      id: `shape-${i}`,
      kind: i % 2 ? 'shape' : 'other',
      text: '',
      rect: { x: i, y: i, w: 10, h: 10 },
      color: null,
      tags: [],
      parentId: null,
      meta: null,
    });
  }
  return { items, spec };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function time(fn: () => unknown): number {
  const samples: number[] = [];
  fn(); // warm-up: JIT and caches
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
}

export async function benchBoardToMap(): Promise<Record<string, number>> {
  const { items, spec } = demoBoard();
  const geometry = createGridPlacedMap(spec);
  const source = {
    platform: 'playground',
    boardId: 'bench-board',
    boardName: 'Bench',
    appVersion: '0.1.0',
  };
  const exportedAt = '2026-11-22T00:00:00.000Z';
  const build = () =>
    toExportFile(
      deriveJourneyMap(items, geometry, { boardId: 'bench-board', includeAuthors: false }),
      source,
      exportedAt,
    );
  const file = build();
  const json = JSON.stringify(file);
  const parsed: unknown = JSON.parse(json);
  const results: Record<string, number> = {
    'board→map→JSON, 2,000 notes (ms, median)': time(() => JSON.stringify(build())),
    'restore of that file (ms, median)': time(() => restore(parsed)),
    'toCsv (ms, median)': time(() => toCsv(file)),
    'toMarkdown (ms, median)': time(() => toMarkdown(file)),
    'file size (KB)': Math.round(json.length / 1024),
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(44)} ${value}`);
  return Promise.resolve(results);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchBoardToMap();
}
