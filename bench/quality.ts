/**
 * Clustering quality bench (issue 4 §2). Prints ACC (Hungarian), NMI and ARI, in percent, for
 * BANKING77 test (true k, and the product's own k) and simulated boards sampled from BANKING77
 * train (20 seeds each, mean ± sd). Tuning happens on train only; test is for reporting.
 *
 *   npx tsx bench/quality.ts [--json] [--seeds N] [--csv FILE --text COL --label COL]
 *   tuning (train only): --split train, --boards-only, --modes a,b, --tuning '{"threshold":0.5}';
 *   --data DIR reads BANKING77 from another folder (or TP_BANKING77_DIR);
 *   --engine lexical|meaning|both (default both): meaning mode embeds every text with the
 *   sentence model (cached on disk outside the repo, see bench/lib/embedding-cache.ts);
 *   --no-speed skips the speed figures; --speed-only prints only them (load, embed, group, memory).
 *
 * Theme boards: 8 of themes.json's broad themes × 10 notes. Intent and theme boards are drawn
 * from test (from train with --split train). The summary holds the issue-13 table.
 * Unsorted counts as one more predicted cluster, as the facilitator sees it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { groupNotes, type GroupNotesOptions } from '../src/domain/clustering/group-notes';
import { tokenize } from '../src/domain/clustering/tokenize';
import { readLabelledCsv, type LabelledText } from './lib/csv';
import { dataSet } from './lib/data-dir';
import { embedCached } from './lib/embedding-cache';
import { adjustedRandIndex, clusteringAccuracy, normalizedMutualInformation } from './lib/metrics';
import { sampleBoard, toMeanSd } from './lib/seeded-sample';

export interface QualityRow {
  dataset: string;
  mode: string;
  acc: number;
  nmi: number;
  ari: number;
  k: number;
  kTrue: number;
  /** Standard deviations over seeds, for simulated boards. */
  accSd?: number;
  nmiSd?: number;
  ariSd?: number;
  kSd?: number;
  runs?: number;
  ms: number;
  /** 'lexical' or 'meaning'. */
  engine: Engine;
  /** Share of real groups whose label names a word of the group's majority label (percent). */
  labelHits?: number;
}

interface Scored {
  acc: number;
  nmi: number;
  ari: number;
  k: number;
  kTrue: number;
  labelHits: number;
}

export type Engine = 'lexical' | 'meaning';
/** Text → sentence vector, for meaning mode. */
export type VectorLookup = ReadonlyMap<string, Float32Array>;

/** Whether a label names a word of a label like "card_arrival" (stems compared). */
export function labelNamesIntent(label: string, intent: string): boolean {
  const wanted = new Set(tokenize(intent.replace(/[_?]/g, ' ')).map((t) => t.term));
  return tokenize(label).some((t) => wanted.has(t.term));
}

type Mode = 'true-k k-means' | 'true-k linkage' | 'product-k';

const DEFAULT_DATA = process.env.TP_BANKING77_DIR ?? dataSet('banking77').dir;

function scoreRun(
  data: readonly LabelledText[],
  mode: Mode,
  seed: number,
  tuning?: GroupNotesOptions['tuning'],
  vectors?: VectorLookup,
): Scored {
  const labelIds = new Map<string, number>();
  const truth = data.map((row) => {
    let id = labelIds.get(row.label);
    if (id === undefined) {
      id = labelIds.size;
      labelIds.set(row.label, id);
    }
    return id;
  });
  const notes = data.map((row, i) => ({ id: String(i), text: row.text }));
  const kTrue = labelIds.size;
  const base: GroupNotesOptions = vectors
    ? { seed, tuning, vectors: data.map((row) => vectors.get(row.text) ?? null) }
    : { seed, tuning };
  const options: GroupNotesOptions =
    mode === 'product-k'
      ? base
      : mode === 'true-k k-means'
        ? { ...base, method: 'kmeans', k: kTrue }
        : { ...base, method: 'average-linkage', k: kTrue };
  const result = groupNotes(notes, options);
  let real = 0;
  let hits = 0;
  for (const group of result.groups) {
    if (group.unsorted || group.noteIds.length === 0) continue;
    const counts = new Map<string, number>();
    for (const id of group.noteIds) {
      const label = data[Number(id)]?.label ?? '';
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    real += 1;
    if (labelNamesIntent(group.label, majority)) hits += 1;
  }
  const predicted = new Array<number>(data.length).fill(-1);
  result.groups.forEach((group, g) => {
    for (const id of group.noteIds) predicted[Number(id)] = g;
  });
  return {
    acc: 100 * clusteringAccuracy(truth, predicted),
    nmi: 100 * normalizedMutualInformation(truth, predicted),
    ari: 100 * adjustedRandIndex(truth, predicted),
    k: result.groups.length,
    kTrue,
    labelHits: real > 0 ? (100 * hits) / real : 0,
  };
}

function evaluateSet(
  dataset: string,
  data: readonly LabelledText[],
  modes: Mode[],
  tuning?: GroupNotesOptions['tuning'],
  vectors?: VectorLookup,
): QualityRow[] {
  return modes.map((mode) => {
    const t0 = performance.now();
    const s = scoreRun(data, mode, 1, tuning, vectors);
    const engine: Engine = vectors ? 'meaning' : 'lexical';
    return { dataset, mode, engine, ...s, ms: Math.round(performance.now() - t0) };
  });
}

function evaluateBoards(
  dataset: string,
  source: readonly LabelledText[],
  intents: number,
  perIntent: number,
  seeds: number,
  modes: Mode[],
  tuning?: GroupNotesOptions['tuning'],
  vectors?: VectorLookup,
): QualityRow[] {
  if (sampleBoard(source, intents, perIntent, 1).length === 0) {
    console.error(
      `${dataset}: fewer than ${intents} labels with ${perIntent} texts; board skipped`,
    );
    return [];
  }
  return modes.map((mode) => {
    const t0 = performance.now();
    const runs: Scored[] = [];
    for (let seed = 1; seed <= seeds; seed += 1) {
      runs.push(
        scoreRun(sampleBoard(source, intents, perIntent, seed), mode, seed, tuning, vectors),
      );
    }
    const stat = (pick: (s: Scored) => number): { mean: number; sd: number } =>
      toMeanSd(runs.map(pick));
    return {
      dataset: `${dataset} board ${intents}x${perIntent}`,
      mode,
      engine: vectors ? 'meaning' : 'lexical',
      labelHits: stat((s) => s.labelHits).mean,
      acc: stat((s) => s.acc).mean,
      nmi: stat((s) => s.nmi).mean,
      ari: stat((s) => s.ari).mean,
      k: stat((s) => s.k).mean,
      kTrue: intents,
      accSd: stat((s) => s.acc).sd,
      nmiSd: stat((s) => s.nmi).sd,
      ariSd: stat((s) => s.ari).sd,
      kSd: stat((s) => s.k).sd,
      runs: runs.length,
      ms: Math.round((performance.now() - t0) / Math.max(1, runs.length)),
    };
  });
}

const BOARDS: [number, number][] = [
  [8, 10],
  [12, 20],
  [20, 25],
];
const MODES: Mode[] = ['true-k k-means', 'true-k linkage', 'product-k'];

export interface QualityOptions {
  csv?: { file: string; text: string; label: string };
  seeds?: number;
  /** Evaluate on a train sample instead of test (for tuning). */
  split?: 'test' | 'train';
  tuning?: GroupNotesOptions['tuning'];
  boardsOnly?: boolean;
  modes?: Mode[];
  /** BANKING77 folder (default: banking77 in the bench data folder, bench/lib/data-dir.ts). */
  dataDir?: string;
}

/** Runs the report; returns null when the data folder is missing. */
/** Text → vector for every text of the given sets (embedded once, then read from disk). */
export async function loadVectors(
  sets: readonly (readonly LabelledText[])[],
  log: (line: string) => void = () => undefined,
): Promise<VectorLookup> {
  const map = new Map<string, Float32Array>();
  for (const set of sets) {
    const texts = set.map((row) => row.text);
    const vectors = await embedCached(texts, log);
    texts.forEach((text, i) => {
      const v = vectors[i];
      if (v) map.set(text, v);
    });
  }
  return map;
}

/** themes.json beside the data: intent → broad theme. */
function readThemes(folder: string): Map<string, string> | null {
  const file = resolve(folder, 'themes.json');
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { themes: Record<string, string[]> };
  const out = new Map<string, string>();
  for (const [theme, intents] of Object.entries(parsed.themes))
    for (const intent of intents) out.set(intent, theme);
  return out;
}

/** Runs the report; returns null when the data folder is missing. */
export function runQuality(
  options: QualityOptions = {},
  vectors?: VectorLookup,
): QualityRow[] | null {
  const seeds = options.seeds ?? 20;
  const modes = options.modes ?? MODES;
  const rows: QualityRow[] = [];
  if (options.csv) {
    const data = readLabelledCsv(options.csv.file, options.csv.text, options.csv.label);
    const name = options.csv.file.split(/[\\/]/).pop() ?? 'csv';
    rows.push(...evaluateSet(name, data, modes, options.tuning, vectors));
    for (const [m, per] of BOARDS)
      rows.push(...evaluateBoards(name, data, m, per, seeds, modes, options.tuning, vectors));
    return rows;
  }
  const BANKING = options.dataDir ?? DEFAULT_DATA;
  if (!existsSync(resolve(BANKING, 'train.csv')) || !existsSync(resolve(BANKING, 'test.csv')))
    return null;
  const train = readLabelledCsv(resolve(BANKING, 'train.csv'));
  const test = readLabelledCsv(resolve(BANKING, 'test.csv'));
  const onTrain = options.split === 'train';
  const source = onTrain ? train : test;
  const sourceName = onTrain ? 'banking77-train' : 'banking77-test';
  if (!options.boardsOnly) {
    const evalSet = onTrain ? sampleBoard(train, 77, 30, 4242) : test;
    rows.push(
      ...evaluateSet(
        onTrain ? 'banking77-train-sample' : 'banking77-test',
        evalSet,
        modes,
        options.tuning,
        vectors,
      ),
    );
  }
  const themes = readThemes(BANKING);
  if (themes) {
    const themed = source.flatMap((row) => {
      const theme = themes.get(row.label);
      return theme ? [{ text: row.text, label: theme }] : [];
    });
    rows.push(
      ...evaluateBoards(
        `${sourceName} themes`,
        themed,
        8,
        10,
        seeds,
        modes,
        options.tuning,
        vectors,
      ),
    );
  }
  for (const [m, per] of BOARDS)
    rows.push(...evaluateBoards(sourceName, source, m, per, seeds, modes, options.tuning, vectors));
  return rows;
}

export interface SpeedFigures {
  engine: Engine;
  /** First load in this process: files read, WebAssembly compiled, graph built. */
  modelLoadColdMs?: number;
  /** Second load (files in the OS cache, WebAssembly ready): what a cached browser load does. */
  modelLoadCachedMs?: number;
  /** Sentence embedding only, per board size. */
  embedMs?: Record<string, number>;
  /** Embedding plus grouping (default cut), per board size. */
  groupMs: Record<string, number>;
  /** The same in CPU time of this process (wall time suffers when other work shares the cores). */
  groupCpuMs: Record<string, number>;
  peakRssMb: number;
}

/** Meaning- and lexical-mode speed on 200, 1,000 and 3,000 BANKING77 notes (one run each). */
export async function runSpeed(texts: readonly string[]): Promise<SpeedFigures[]> {
  const { loadSentenceEncoder } = await import('../src/app/grouping/sentence-encoder');
  const { folderSource } = await import('./lib/embedding-cache');
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const sizes = [200, 1000, 3000];
    const cpu = (since: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(since);
      return Math.round((used.user + used.system) / 1000);
    };
    const lexical: SpeedFigures = {
      engine: 'lexical',
      groupMs: {},
      groupCpuMs: {},
      peakRssMb: 0,
    };
    for (const size of sizes) {
      const notes = texts.slice(0, size).map((text, i) => ({ id: String(i), text }));
      groupNotes(notes); // warm the JIT, as a panel that has grouped once is
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      groupNotes(notes);
      lexical.groupMs[size] = Math.round(performance.now() - t0);
      lexical.groupCpuMs[size] = cpu(c0);
    }
    lexical.peakRssMb = Math.round(peak / 1e6);
    peak = process.memoryUsage().rss;
    const t0 = performance.now();
    const cold = await loadSentenceEncoder(folderSource());
    const coldMs = performance.now() - t0;
    cold.dispose();
    const t1 = performance.now();
    const encoder = await loadSentenceEncoder(folderSource());
    const cachedMs = performance.now() - t1;
    const meaning: SpeedFigures = {
      engine: 'meaning',
      modelLoadColdMs: Math.round(coldMs),
      modelLoadCachedMs: Math.round(cachedMs),
      embedMs: {},
      groupMs: {},
      groupCpuMs: {},
      peakRssMb: 0,
    };
    for (const size of sizes) {
      const slice = texts.slice(0, size);
      const c0 = process.cpuUsage();
      const e0 = performance.now();
      const vectors = await encoder.embed(slice);
      const embedded = performance.now() - e0;
      groupNotes(
        slice.map((text, i) => ({ id: String(i), text })),
        { vectors },
      );
      if (meaning.embedMs) meaning.embedMs[size] = Math.round(embedded);
      meaning.groupMs[size] = Math.round(performance.now() - e0);
      meaning.groupCpuMs[size] = cpu(c0);
    }
    encoder.dispose();
    meaning.peakRssMb = Math.round(peak / 1e6);
    return [lexical, meaning];
  } finally {
    clearInterval(sample);
  }
}

/** The issue-13 table from the rows (product's own k unless said). */
export function toSummary(rows: readonly QualityRow[]): Record<string, unknown> {
  const find = (engine: Engine, dataset: string, mode: Mode): QualityRow | undefined =>
    rows.find((r) => r.engine === engine && r.dataset === dataset && r.mode === mode);
  const out: Record<string, unknown> = {};
  for (const engine of ['lexical', 'meaning'] as const) {
    const fig = (r?: QualityRow): string =>
      r ? `${r.acc.toFixed(1)} / ${r.nmi.toFixed(1)}` : 'n/a';
    const trueK = find(engine, 'banking77-test', 'true-k k-means');
    const ownK = find(engine, 'banking77-test', 'product-k');
    const themes = find(engine, 'banking77-test themes board 8x10', 'product-k');
    if (!trueK && !themes) continue;
    out[engine] = {
      'BANKING77 test, true k (k-means): ACC / NMI': fig(trueK),
      'theme boards 8x10, own k: ACC / NMI': fig(themes),
      'theme boards 8x10, own k: mean k': themes ? Number(themes.k.toFixed(1)) : null,
      'intent boards NMI, own k (8x10, 12x20, 20x25)': BOARDS.map(([m, per]) =>
        Number(
          (find(engine, `banking77-test board ${m}x${per}`, 'product-k')?.nmi ?? NaN).toFixed(1),
        ),
      ),
      'intent boards NMI, true k k-means (8x10, 12x20, 20x25)': BOARDS.map(([m, per]) =>
        Number(
          (find(engine, `banking77-test board ${m}x${per}`, 'true-k k-means')?.nmi ?? NaN).toFixed(
            1,
          ),
        ),
      ),
      'BANKING77 test, own k: k': ownK ? ownK.k : null,
      'labels naming a word of the majority intent (BANKING77 test), true k / own k': [
        trueK?.labelHits,
        ownK?.labelHits,
      ].map((v) => (v === undefined ? null : Number(v.toFixed(1)))),
    };
  }
  return out;
}

function formatRow(r: QualityRow): string {
  const pm = (v: number, sd?: number): string =>
    sd === undefined ? v.toFixed(1) : `${v.toFixed(1)} ± ${sd.toFixed(1)}`;
  return [
    r.dataset.padEnd(34),
    r.engine.padEnd(8),
    r.mode.padEnd(16),
    pm(r.acc, r.accSd).padStart(12),
    pm(r.nmi, r.nmiSd).padStart(12),
    pm(r.ari, r.ariSd).padStart(12),
    pm(r.k, r.kSd).padStart(12),
    String(r.kTrue).padStart(6),
    `${r.ms} ms`.padStart(10),
    (r.labelHits === undefined ? '' : r.labelHits.toFixed(0)).padStart(6),
  ].join(' ');
}

interface CliArgs extends QualityOptions {
  json: boolean;
  engines: Engine[];
  speed: boolean;
  speedOnly: boolean;
}

function parseArgs(argv: string[]): CliArgs {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const csvFile = value('--csv');
  const tuningJson = value('--tuning');
  const modes = value('--modes')
    ?.split(',')
    .filter((m): m is Mode => (MODES as string[]).includes(m));
  const engine = value('--engine') ?? 'both';
  return {
    json: argv.includes('--json'),
    engines:
      engine === 'lexical'
        ? ['lexical']
        : engine === 'meaning'
          ? ['meaning']
          : ['lexical', 'meaning'],
    speed: !argv.includes('--no-speed'),
    speedOnly: argv.includes('--speed-only'),
    seeds: value('--seeds') ? Number(value('--seeds')) : undefined,
    split: value('--split') === 'train' ? 'train' : 'test',
    boardsOnly: argv.includes('--boards-only'),
    modes: modes && modes.length > 0 ? modes : undefined,
    dataDir: value('--data') ? resolve(value('--data') ?? '') : undefined,
    tuning: tuningJson ? (JSON.parse(tuningJson) as QualityOptions['tuning']) : undefined,
    csv: csvFile
      ? {
          file: resolve(csvFile),
          text: value('--text') ?? 'text',
          label: value('--label') ?? 'label',
        }
      : undefined,
  };
}

async function main(args: CliArgs): Promise<void> {
  const folder = args.dataDir ?? DEFAULT_DATA;
  const log = (line: string): void => console.error(line);
  if (args.speedOnly) {
    const file = resolve(folder, 'test.csv');
    if (!existsSync(file)) {
      console.log(`BANKING77 not found at ${folder}; skipping the speed figures.`);
      return;
    }
    const speed = await runSpeed(readLabelledCsv(file).map((r) => r.text));
    console.log(JSON.stringify(args.json ? { bench: 'clustering-speed', speed } : speed, null, 2));
    return;
  }
  let vectors: VectorLookup | undefined;
  if (args.engines.includes('meaning')) {
    const sets = args.csv
      ? [readLabelledCsv(args.csv.file, args.csv.text, args.csv.label)]
      : ['train.csv', 'test.csv']
          .map((f) => resolve(folder, f))
          .filter(existsSync)
          .map((f) => readLabelledCsv(f));
    vectors = await loadVectors(sets, log);
  }
  const rows: QualityRow[] = [];
  for (const engine of args.engines) {
    const part = runQuality(args, engine === 'meaning' ? vectors : undefined);
    if (part === null) {
      console.log(
        `BANKING77 not found at ${folder}; skipping the quality bench. Pass --data=<banking77 folder>, or --data-dir=<folder> / TP_BENCH_DATA=<folder> for the data folder.`,
      );
      return;
    }
    rows.push(...part);
  }
  const speed =
    args.speed && args.engines.includes('meaning') && !args.csv
      ? await runSpeed(readLabelledCsv(resolve(folder, 'test.csv')).map((r) => r.text))
      : [];
  const summary = toSummary(rows);
  if (args.json) {
    console.log(
      JSON.stringify({ bench: 'clustering-quality', unit: 'percent', summary, speed, rows }),
    );
    return;
  }
  console.log(
    [
      'data set'.padEnd(34),
      'engine'.padEnd(8),
      'mode'.padEnd(16),
      'ACC'.padStart(12),
      'NMI'.padStart(12),
      'ARI'.padStart(12),
      'k'.padStart(12),
      'k true'.padStart(6),
      'time/run'.padStart(10),
      'labels'.padStart(6),
    ].join(' '),
  );
  for (const r of rows) console.log(formatRow(r));
  console.log(JSON.stringify(summary, null, 2));
  if (speed.length > 0) console.log(JSON.stringify(speed, null, 2));
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  await main(parseArgs(process.argv.slice(2)));
}
