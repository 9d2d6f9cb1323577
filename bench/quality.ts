/**
 * Clustering quality bench (issue 4 §2). Prints ACC (Hungarian), NMI and ARI, in percent, for
 * BANKING77 test (true k, and the product's own k) and simulated boards sampled from BANKING77
 * train (20 seeds each, mean ± sd). Tuning happens on train only; test is for reporting.
 *
 *   npx tsx bench/quality.ts [--json] [--seeds N] [--csv FILE --text COL --label COL]
 *   tuning (train only): --split train, --boards-only, --modes a,b, --tuning '{"threshold":0.5}';
 *   --data DIR reads BANKING77 from another folder.
 *
 * Unsorted counts as one more predicted cluster, as the facilitator sees it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupNotes, type GroupNotesOptions } from '../src/domain/clustering/group-notes';
import { readLabelledCsv, type LabelledText } from './lib/csv';
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
}

interface Scored {
  acc: number;
  nmi: number;
  ari: number;
  k: number;
  kTrue: number;
}

type Mode = 'true-k k-means' | 'true-k linkage' | 'product-k';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_DATA = resolve(here, '..', '..', 'shared', 'data', 'banking77');

function scoreRun(
  data: readonly LabelledText[],
  mode: Mode,
  seed: number,
  tuning?: GroupNotesOptions['tuning'],
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
  const options: GroupNotesOptions =
    mode === 'product-k'
      ? { seed, tuning }
      : mode === 'true-k k-means'
        ? { method: 'kmeans', k: kTrue, seed, tuning }
        : { method: 'average-linkage', k: kTrue, seed, tuning };
  const result = groupNotes(notes, options);
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
  };
}

function evaluateSet(
  dataset: string,
  data: readonly LabelledText[],
  modes: Mode[],
  tuning?: GroupNotesOptions['tuning'],
): QualityRow[] {
  return modes.map((mode) => {
    const t0 = performance.now();
    const s = scoreRun(data, mode, 1, tuning);
    return { dataset, mode, ...s, ms: Math.round(performance.now() - t0) };
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
      runs.push(scoreRun(sampleBoard(source, intents, perIntent, seed), mode, seed, tuning));
    }
    const stat = (pick: (s: Scored) => number): { mean: number; sd: number } =>
      toMeanSd(runs.map(pick));
    return {
      dataset: `${dataset} board ${intents}x${perIntent}`,
      mode,
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
  /** BANKING77 folder (default: ../shared/data/banking77 from the repo root). */
  dataDir?: string;
}

/** Runs the report; returns null when the data folder is missing. */
export function runQuality(options: QualityOptions = {}): QualityRow[] | null {
  const seeds = options.seeds ?? 20;
  const modes = options.modes ?? MODES;
  const rows: QualityRow[] = [];
  if (options.csv) {
    const data = readLabelledCsv(options.csv.file, options.csv.text, options.csv.label);
    const name = options.csv.file.split(/[\\/]/).pop() ?? 'csv';
    rows.push(...evaluateSet(name, data, modes, options.tuning));
    for (const [m, per] of BOARDS)
      rows.push(...evaluateBoards(name, data, m, per, seeds, modes, options.tuning));
    return rows;
  }
  const BANKING = options.dataDir ?? DEFAULT_DATA;
  if (!existsSync(resolve(BANKING, 'train.csv')) || !existsSync(resolve(BANKING, 'test.csv')))
    return null;
  const train = readLabelledCsv(resolve(BANKING, 'train.csv'));
  if (!options.boardsOnly) {
    const evalSet =
      options.split === 'train'
        ? sampleBoard(train, 77, 40, 4242)
        : readLabelledCsv(resolve(BANKING, 'test.csv'));
    rows.push(
      ...evaluateSet(
        options.split === 'train' ? 'banking77-train-sample' : 'banking77-test',
        evalSet,
        modes,
        options.tuning,
      ),
    );
  }
  for (const [m, per] of BOARDS)
    rows.push(...evaluateBoards('banking77-train', train, m, per, seeds, modes, options.tuning));
  return rows;
}

function formatRow(r: QualityRow): string {
  const pm = (v: number, sd?: number): string =>
    sd === undefined ? v.toFixed(1) : `${v.toFixed(1)} ± ${sd.toFixed(1)}`;
  return [
    r.dataset.padEnd(30),
    r.mode.padEnd(16),
    pm(r.acc, r.accSd).padStart(12),
    pm(r.nmi, r.nmiSd).padStart(12),
    pm(r.ari, r.ariSd).padStart(12),
    pm(r.k, r.kSd).padStart(12),
    String(r.kTrue).padStart(6),
    `${r.ms} ms`.padStart(10),
  ].join(' ');
}

function parseArgs(argv: string[]): QualityOptions & { json: boolean } {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const csvFile = value('--csv');
  const tuningJson = value('--tuning');
  const modes = value('--modes')
    ?.split(',')
    .filter((m): m is Mode => (MODES as string[]).includes(m));
  return {
    json: argv.includes('--json'),
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

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  const rows = runQuality(args);
  if (rows === null) {
    console.log(
      `BANKING77 not found at ${args.dataDir ?? DEFAULT_DATA}; skipping the quality bench.`,
    );
    process.exit(0);
  }
  if (args.json) {
    console.log(JSON.stringify({ bench: 'clustering-quality', unit: 'percent', rows }));
  } else {
    console.log(
      [
        'data set'.padEnd(30),
        'mode'.padEnd(16),
        'ACC'.padStart(12),
        'NMI'.padStart(12),
        'ARI'.padStart(12),
        'k'.padStart(12),
        'k true'.padStart(6),
        'time/run'.padStart(10),
      ].join(' '),
    );
    for (const r of rows) console.log(formatRow(r));
  }
}
