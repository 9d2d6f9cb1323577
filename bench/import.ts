/**
 * Import figures (issue 10 §6): a file just under 1 MB restored and imported onto an empty local
 * board with no latency (target: under 2 s), and a hostile 170 KB file whose board id is 100,000
 * characters (before the bound, its import keys grew to 200 million characters). Prints the time
 * and the size of the board's import index; never asserts. Run alone: `npx tsx bench/import.ts`.
 */
import { pathToFileURL } from 'node:url';
import { importMap } from '../src/app/export/import-map';
import { IMPORTS_INDEX_KEY, importsChunkKey, importsKey } from '../src/app/export/imported-keys';
import { MAP_COLLECTION } from '../src/app/map/map-store';
import { openWorkshop } from '../src/app/workshop';
import { createMiroBoard } from '../src/board/miro/adapter';
import { createLocalBoard } from '../src/board/playground/sdk/local-board';
import { createWriteQueue } from '../src/board/write-queue';
import { findPreset } from '../src/domain/journey/presets';

const ONE_MB = 1024 * 1024;

function journeyFile(boardId: string, notes: number, textLength: number): string {
  const preset = findPreset('classic')!;
  const stages = preset.stages.map((name, i) => ({ id: `s${i}`, name }));
  const lanes = preset.lanes.map((l, i) => ({ id: `l${i}`, name: l.name, kind: l.kind }));
  const filler = 'The app asked for my passport twice and then timed out. '.repeat(
    Math.ceil(textLength / 56),
  );
  return JSON.stringify({
    format: 'touchpoint.journey-map',
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    source: { platform: 'miro', boardId, boardName: 'Bench', appVersion: '0.1.0' },
    map: {
      id: 'bench-map',
      title: 'Bench journey',
      preset: 'classic',
      stages,
      lanes,
      notes: Array.from({ length: notes }, (_, i) => ({
        id: `n${i}`,
        text: `${i}: ${filler.slice(0, textLength)}`,
        stageId: stages[i % stages.length]!.id,
        laneId: lanes[i % lanes.length]!.id,
      })),
    },
  });
}

/**
 * Restore + import onto an empty local board with no latency. Miro's credit budget (about 2,000
 * calls a minute) is lifted on both sides, so the figure is Touchpoint's own work; `calls` says
 * what the same import costs against the budget on a real board.
 */
async function importOnce(text: string) {
  const local = createLocalBoard({ creditsPerMinute: Number.MAX_SAFE_INTEGER });
  const board = createMiroBoard(local.connect({ id: 'u-bench', name: 'Bench' }), {
    platform: 'playground',
    queue: createWriteQueue({ concurrency: 8 }),
  });
  const workshop = await openWorkshop(board, { db: null, problem: 'bench' });
  local.resetStats();
  const start = performance.now();
  const outcome = await importMap(workshop, text);
  const ms = performance.now() - start;
  const calls = local.stats().calls;
  if (outcome.status !== 'done') throw new Error(`import: ${outcome.status}`);
  const shared = board.shared(MAP_COLLECTION);
  const mapIds = ((await shared.get(IMPORTS_INDEX_KEY)) as string[] | undefined) ?? [];
  let indexChars = 0;
  for (const mapId of mapIds) {
    const chunks = Number(await shared.get(importsKey(mapId)));
    for (let n = 0; n < chunks; n += 1)
      indexChars += JSON.stringify(await shared.get(importsChunkKey(mapId, n))).length;
  }
  return { ms, created: outcome.created, indexChars, calls };
}

export async function benchImport(): Promise<Record<string, number>> {
  // ~1 MB: 1,600 notes of ~600 characters.
  let notes = 1600;
  let normal = journeyFile('uXjVBenchSource=', notes, 600);
  while (normal.length > ONE_MB) normal = journeyFile('uXjVBenchSource=', (notes -= 50), 600);
  const big = await importOnce(normal);
  console.log(
    `file ${(normal.length / 1024).toFixed(0)} KB, ${big.created} notes: restore + import ${big.ms.toFixed(0)} ms (target < 2,000), ${big.calls} SDK calls (≈ ${(big.calls / 2000).toFixed(1)} min of Miro's credit budget), import index ${(big.indexChars / 1024).toFixed(1)} KB`,
  );

  const hostile = journeyFile('b'.repeat(100_000), 1000, 40);
  const bad = await importOnce(hostile);
  console.log(
    `hostile file ${(hostile.length / 1024).toFixed(0)} KB (board id 100,000 chars), ${bad.created} notes: ${bad.ms.toFixed(0)} ms, import index ${(bad.indexChars / 1024).toFixed(1)} KB`,
  );
  return {
    importFileKB: Math.round(normal.length / 1024),
    importNotes: big.created,
    importMs: Math.round(big.ms),
    importIndexKB: Math.round(big.indexChars / 1024),
    importSdkCalls: big.calls,
    hostileFileKB: Math.round(hostile.length / 1024),
    hostileImportMs: Math.round(bad.ms),
    hostileIndexKB: Math.round(bad.indexChars / 1024),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchImport();
