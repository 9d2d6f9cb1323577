/**
 * In-browser half of `bench/snapshot-idb.ts` (issue 3 §6): saves and reads back a snapshot of a
 * 2,000-note journey map through the real snapshot store on the browser's IndexedDB, and puts the
 * medians on `window.__bench`. Figures only; the runner prints them.
 */
import { PALETTE, type BoardItem } from '../../src/domain/board/board-item';
import { deriveJourneyMap } from '../../src/domain/export/derive-journey-map';
import { restore } from '../../src/domain/export/restore';
import { summarizeMap } from '../../src/domain/export/summarize-map';
import { toExportFile } from '../../src/domain/export/to-export-file';
import { stageTagTitle, type MapSpec } from '../../src/domain/journey/map-spec';
import { PRESETS } from '../../src/domain/journey/presets';
import { createGridPlacedMap } from '../../src/domain/stages/testing/grid-placed-map';
import { createSnapshotStore, openTouchpointDB } from '../../src/storage';

const params = new URLSearchParams(location.search);
const NOTES = Number(params.get('notes') ?? 2000);
const RUNS = Number(params.get('runs') ?? 15);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The same kind of board as bench/board-to-map.ts: 2,000 notes, most in cells, some tagged. */
function benchFile() {
  const preset = PRESETS.find((p) => p.id === 'classic') ?? PRESETS[0]!;
  const spec: MapSpec = {
    id: 'bench',
    title: preset.defaultTitle,
    presetId: preset.id,
    persona: preset.persona,
    stages: preset.stages.map((name, i) => ({ id: `s${i}`, name })),
    lanes: preset.lanes.map((l, i) => ({ id: `l${i}`, name: l.name, kind: l.kind })),
  };
  const placed = createGridPlacedMap(spec);
  const { frameRect } = placed;
  const rand = lcg(42);
  const words = ['checkout', 'slow', 'support', 'chat', 'fees', 'confusing', 'app', '😤', '支払い'];
  const items: BoardItem[] = [];
  for (let i = 0; i < NOTES; i += 1) {
    const loose = rand() < 0.05;
    const x = loose ? frameRect.x - 3000 + rand() * 2000 : frameRect.x + rand() * frameRect.w;
    const y = frameRect.y + rand() * frameRect.h;
    const stage = spec.stages[Math.floor(rand() * spec.stages.length)]!;
    items.push({
      id: `3458764${String(i).padStart(12, '0')}`,
      kind: 'note',
      text: Array.from(
        { length: 3 + Math.floor(rand() * 20) },
        () => words[Math.floor(rand() * words.length)],
      ).join(' '),
      rect: { x: x - 100, y: y - 100, w: 200, h: 200 },
      color: PALETTE[Math.floor(rand() * PALETTE.length)] ?? null,
      tags: rand() < 0.6 ? [stageTagTitle(stage.name), 'Workshop'] : [],
      parentId: loose ? null : 'frame-1',
      meta: null,
    });
  }
  const map = deriveJourneyMap(items, placed, { boardId: 'bench-board', includeAuthors: false });
  return toExportFile(
    map,
    { platform: 'playground', boardId: 'bench-board', boardName: 'Bench', appVersion: '0.1.0' },
    '2026-11-22T00:00:00.000Z',
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 100) / 100;

async function run(): Promise<Record<string, number>> {
  const file = benchFile();
  const db = await openTouchpointDB({ name: `tp-bench-${Date.now()}` });
  const store = createSnapshotStore(db);
  const input = {
    boardId: 'bench-board',
    mapId: file.map.id,
    kind: 'manual' as const,
    noteCount: file.map.notes.length,
    summary: summarizeMap(file),
    formatVersion: file.version,
    payload: file,
  };
  const write: number[] = [];
  const read: number[] = [];
  const readRestore: number[] = [];
  let bytes = 0;
  // Two warm-up rounds (JIT, the database file), then RUNS measured ones.
  for (let i = -2; i < RUNS; i += 1) {
    const t0 = performance.now();
    const { snapshot } = await store.save(input);
    const t1 = performance.now();
    const got = await store.get(snapshot.id);
    const t2 = performance.now();
    const restored = restore(got?.payload);
    const t3 = performance.now();
    if (!restored.ok || restored.file.map.notes.length !== NOTES)
      throw new Error('The snapshot did not read back whole.');
    bytes = snapshot.bytes;
    if (i >= 0) {
      write.push(t1 - t0);
      read.push(t2 - t1);
      readRestore.push(t3 - t1);
    }
  }
  db.close();
  return {
    notes: NOTES,
    runs: RUNS,
    payloadKB: round(bytes / 1024),
    writeMedianMs: round(median(write)),
    writeMaxMs: round(Math.max(...write)),
    readMedianMs: round(median(read)),
    readMaxMs: round(Math.max(...read)),
    readAndRestoreMedianMs: round(median(readRestore)),
  };
}

declare global {
  interface Window {
    __bench?: { ok: true; figures: Record<string, number> } | { ok: false; error: string };
  }
}

run().then(
  (figures) => {
    window.__bench = { ok: true, figures };
    document.getElementById('status')!.textContent = JSON.stringify(figures);
  },
  (error: unknown) => {
    window.__bench = { ok: false, error: String(error) };
  },
);
