/**
 * Clustering speed bench (issue 4 §3): median time to group 200, 1,000, 3,000 and 5,000 notes
 * (tokenise → groups → labels, default mode), peak memory, and ml-hclust's average linkage on
 * the same 1,000 and 3,000 notes' cosine distances as a ratio. Figures only, no assertions.
 *
 *   npx tsx bench/cluster-speed.ts [--no-hclust] [--json]   (or BENCH_NO_HCLUST=1)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { agnes } from 'ml-hclust';
import { averageLinkage } from '../src/domain/clustering/average-linkage';
import { toCosineDistanceMatrix } from '../src/domain/clustering/embedding';
import { groupNotes } from '../src/domain/clustering/group-notes';
import { createTfIdf } from '../src/domain/clustering/tf-idf';
import { tokenize } from '../src/domain/clustering/tokenize';
import { readLabelledCsv } from './lib/csv';
import { dataSet } from './lib/data-dir';
import { toShuffled } from './lib/seeded-sample';
import { createSeededRandom } from '../src/domain/clustering/seeded-random';

const BANKING77 = dataSet('banking77', ['train.csv', 'test.csv']);
const SIZES = [200, 1000, 3000, 5000];
const RUNS: Record<number, number> = { 200: 9, 1000: 7, 3000: 3, 5000: 3 };

function loadTexts(): { texts: string[]; source: string } {
  const files = ['train.csv', 'test.csv'].map((f) => resolve(BANKING77.dir, f));
  if (!BANKING77.missing) {
    const texts = files.flatMap((f) => readLabelledCsv(f).map((r) => r.text));
    return { texts: toShuffled(texts, 2026), source: 'BANKING77 train+test' };
  }
  // Synthetic short notes from a small vocabulary, when the data set is absent.
  console.log(`${BANKING77.missing} Using synthetic notes instead.`);
  const random = createSeededRandom(2026);
  const words =
    'card payment refund delay login password app crash slow support queue price invoice delivery tracking account balance transfer fee screen'.split(
      ' ',
    );
  const texts = Array.from({ length: 6000 }, () =>
    Array.from(
      { length: 4 + Math.floor(random() * 8) },
      () => words[Math.floor(random() * words.length)] ?? '',
    ).join(' '),
  );
  return { texts, source: 'synthetic' };
}

/** Collects garbage between runs, so peak memory reflects one grouping, not leftovers. */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    // Not available: figures then include garbage from earlier runs.
  }
  return () => undefined;
})();

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

function distancesOf(texts: string[]): Float32Array {
  const tf = createTfIdf(texts.map((t) => tokenize(t).map((x) => x.term)));
  return toCosineDistanceMatrix({
    kind: 'sparse',
    n: texts.length,
    dim: tf.vocabulary.length,
    rows: tf.vectors,
  });
}

export async function benchClusterSpeed(
  options: { hclust?: boolean } = {},
): Promise<Record<string, number>> {
  const { texts, source } = loadTexts();
  console.log(`notes from ${source}`);
  const out: Record<string, number> = {};
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  collectGarbage();
  const baseline = process.memoryUsage().rss;
  for (const size of SIZES) {
    const notes = texts.slice(0, size).map((text, i) => ({ id: `n${i}`, text }));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let groups = 0;
    for (let run = 0; run < (RUNS[size] ?? 3); run += 1) {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = groupNotes(notes, { onProgress: size >= 3000 ? sample : undefined });
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuTimes.push((c.user + c.system) / 1000);
      groups = result.groups.length;
      sample();
    }
    out[`groupMs${size}`] = Math.round(median(times) * 10) / 10;
    out[`cpuMs${size}`] = Math.round(median(cpuTimes) * 10) / 10;
    out[`groups${size}`] = groups;
    // CPU time is reported beside wall time: on a shared machine wall time includes waiting.
    console.log(
      `${String(size).padStart(5)} notes: median ${out[`groupMs${size}`]} ms wall, ${out[`cpuMs${size}`]} ms CPU over ${times.length} runs, ${groups} groups`,
    );
    await new Promise((r) => setTimeout(r, 0));
  }
  out.peakRssMb = mb(peakRss);
  out.baselineRssMb = mb(baseline);
  out.peakHeapMb = mb(peakHeap);
  console.log(
    `peak memory: rss ${out.peakRssMb} MB (process start ${out.baselineRssMb} MB), heapUsed ${out.peakHeapMb} MB`,
  );

  // ml-hclust is O(n³): minutes at 3,000 notes. BENCH_NO_HCLUST=1 skips it for quick runs.
  if (options.hclust ?? process.env.BENCH_NO_HCLUST !== '1') {
    for (const size of [1000, 3000]) {
      const d = distancesOf(texts.slice(0, size));
      const rows = Array.from({ length: size }, (_, i) =>
        Array.from(d.subarray(i * size, (i + 1) * size)),
      );
      const t0 = performance.now();
      agnes(rows, { method: 'average', isDistanceMatrix: true });
      const hclustMs = performance.now() - t0;
      const t1 = performance.now();
      averageLinkage(Float32Array.from(d), size);
      const linkageMs = performance.now() - t1;
      out[`hclustMs${size}`] = Math.round(hclustMs);
      out[`linkageMs${size}`] = Math.round(linkageMs * 10) / 10;
      out[`speedupLinkage${size}`] = Math.round(hclustMs / linkageMs);
      out[`speedupPipeline${size}`] = Math.round(hclustMs / (out[`groupMs${size}`] ?? 1));
      console.log(
        `ml-hclust agnes average, ${size} notes: ${Math.round(hclustMs)} ms; our linkage alone ${out[`linkageMs${size}`]} ms ` +
          `(${out[`speedupLinkage${size}`]}×); our whole pipeline ${out[`groupMs${size}`]} ms (${out[`speedupPipeline${size}`]}×)`,
      );
    }
  }
  return out;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const result = await benchClusterSpeed(
    process.argv.includes('--no-hclust') ? { hclust: false } : {},
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
}
