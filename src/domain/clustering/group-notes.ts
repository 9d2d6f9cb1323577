import { averageLinkage, cutDendrogram, type Merge } from './average-linkage';
import { addRow, dotRow, toCosineDistanceMatrix, type Embedding } from './embedding';
import { labelGroups, toPhraseLabel } from './label-groups';
import {
  toNeighbourGraph,
  toSmoothedDense,
  toSmoothedRows,
  type NeighbourGraph,
} from './neighbour-smoothing';
import { dotSparse, type SparseVector } from './sparse-vector';
import { sphericalKMeans } from './spherical-k-means';
import { createTfIdf } from './tf-idf';
import { tokenize, type Token } from './tokenize';
import { UNSORTED_GROUP_ID } from './unsorted-group';

export { UNSORTED_GROUP_ID };

export interface NoteInput {
  id: string;
  text: string;
  /** Name of a group the team made by hand: the note stays in it. */
  pinnedGroup?: string;
}

export interface GroupNotesOptions {
  /** 'average-linkage' (default) cuts by distance, or by `k` when given; 'kmeans' uses `k`, else the suggested number. */
  method?: 'average-linkage' | 'kmeans';
  /** Exact number of groups (pinned groups included, Unsorted excluded). */
  k?: number;
  /** −1 (fewer, broader groups) … 0 (default) … +1 (more, finer groups); ignored when `k` is set. */
  granularity?: number;
  seed?: number;
  onProgress?: (fraction: number) => void;
  /** Overrides of the tuned constants, for benchmarks and experiments. */
  tuning?: Partial<GroupingTuning>;
  /**
   * Meaning mode: one sentence embedding per note (unit length; null or all zeros for a note the
   * model could not read). Notes are then grouped by these, fused with their lexical neighbours.
   */
  vectors?: readonly (Float32Array | readonly number[] | null)[];
}

export interface NoteGroup {
  id: string;
  label: string;
  keywords: string[];
  noteIds: string[];
  /** The group of notes that fit nowhere. */
  unsorted?: boolean;
  /** A group the team made by hand (its notes were pinned). */
  pinned?: boolean;
}

export interface GroupingResult {
  groups: NoteGroup[];
  /** Number of groups the default cut (granularity 0) gives, Unsorted excluded. */
  suggestedK: number;
}

/** Constants tuned on BANKING77 train (see bench/quality.ts); never on test. */
export interface GroupingTuning {
  /** Nearest neighbours each note borrows words from. */
  neighbours: number;
  /** Smoothing rounds over the neighbour graph (average linkage). */
  smoothingSteps: number;
  /** Smoothing rounds for k-means. */
  kmeansSmoothingSteps: number;
  /** Weight a note keeps on its own words in each round. */
  selfWeight: number;
  /** Times the neighbour graph is built (1: from raw TF-IDF only). */
  graphRounds: number;
  /** Terms kept per smoothed note (average linkage). */
  maxTerms: number;
  /** Terms kept per smoothed note for k-means. */
  kmeansMaxTerms: number;
  /** Cosine distance at which average linkage stops merging, at granularity 0. */
  threshold: number;
  /** How far granularity ±1 moves the threshold. */
  granularitySpan: number;
  /** A note sharing less than this raw cosine with every other member of its group is Unsorted. */
  similarityFloor: number;
  kmeansRestarts: number;
  /** Meaning mode: weight of the embedding distance in the fused neighbour graph (rest: lexical). */
  meaningWeight: number;
  /** Meaning mode: smoothing rounds of the embeddings over the fused neighbour graph. */
  meaningSmoothingSteps: number;
  /** Meaning mode: weight a note keeps on its own embedding in each round. */
  meaningSelfWeight: number;
  /** Meaning mode: cut distance at granularity 0 (size-independent: a distance, not a count). */
  meaningThreshold: number;
  /** Meaning mode: how far granularity ±1 moves the cut. */
  meaningGranularitySpan: number;
  /** Meaning mode: a note whose raw embedding cosine to every other member is below this is Unsorted. */
  meaningFloor: number;
  /** Meaning mode: neighbours per note are at most this × √n (small boards must not blur into one). */
  meaningNeighboursPerRoot: number;
  /** Meaning mode: a neighbour closer than this fused similarity carries no evidence. */
  meaningEdgeFloor: number;
}

export const DEFAULT_TUNING: GroupingTuning = {
  neighbours: 10,
  smoothingSteps: 3,
  kmeansSmoothingSteps: 5,
  selfWeight: 0.3,
  maxTerms: 20,
  kmeansMaxTerms: 40,
  graphRounds: 1,
  threshold: 0.45,
  granularitySpan: 0.25,
  similarityFloor: 0.05,
  kmeansRestarts: 5,
  meaningWeight: 0.5,
  meaningSmoothingSteps: 2,
  meaningSelfWeight: 0.5,
  meaningThreshold: 0.2,
  meaningGranularitySpan: 0.1,
  meaningFloor: 0.3,
  meaningNeighboursPerRoot: 1,
  meaningEdgeFloor: 0.2,
};

/** The tuning whose threshold and span the cut uses in meaning mode. */
function meaningCut(tuning: GroupingTuning): GroupingTuning {
  return {
    ...tuning,
    threshold: tuning.meaningThreshold,
    granularitySpan: tuning.meaningGranularitySpan,
  };
}

/** Distance threshold for a granularity, kept inside (0, 1.5). */
export function toThreshold(granularity: number, tuning: GroupingTuning = DEFAULT_TUNING): number {
  const g = Math.max(-1, Math.min(1, Number.isFinite(granularity) ? granularity : 0));
  return Math.max(0.02, Math.min(1.5, tuning.threshold - g * tuning.granularitySpan));
}

/**
 * Groups sticky notes into themes, offline and deterministically (same notes and seed, same
 * groups): tokens → TF-IDF → neighbour smoothing → average linkage (cut by distance or count)
 * or spherical k-means → Unsorted for notes that fit nowhere → c-TF-IDF labels.
 */
export function groupNotes(
  notes: readonly NoteInput[],
  options: GroupNotesOptions = {},
): GroupingResult {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const progress = options.onProgress ?? (() => undefined);
  const seed = options.seed ?? 1;
  progress(0);
  const tokens = notes.map((note) => tokenize(note.text));
  const pinnedNames = [
    ...new Set(notes.flatMap((note) => (note.pinnedGroup ? [note.pinnedGroup] : []))),
  ];
  const free = notes.map((_, i) => i).filter((i) => !notes[i]?.pinnedGroup);

  // Features over every note, so pinned notes and free notes live in one space.
  const tfIdf = createTfIdf(tokens.map((list) => list.map((t) => t.term)));
  const dim = tfIdf.vocabulary.length;
  const n = notes.length;
  progress(0.05);
  const rawDistances = toCosineDistanceMatrix({ kind: 'sparse', n, dim, rows: tfIdf.vectors });
  progress(0.15);
  const smoothe = (graph: NeighbourGraph, steps: number, maxTerms: number): SparseVector[] =>
    toSmoothedRows(tfIdf.vectors, dim, graph, steps, tuning.selfWeight, maxTerms);
  let graph = toNeighbourGraph(rawDistances, n, tuning.neighbours);
  // Optionally rebuild the neighbour graph from the smoothed notes and smooth the raw ones again.
  for (let round = 1; round < tuning.graphRounds; round += 1) {
    const rows = smoothe(graph, tuning.smoothingSteps, tuning.maxTerms);
    graph = toNeighbourGraph(
      toCosineDistanceMatrix({ kind: 'sparse', n, dim, rows }, rawDistances),
      n,
      tuning.neighbours,
    );
  }
  const meaning = options.vectors ? toMeaningSpace(options.vectors, n, rawDistances, tuning) : null;
  const cutTuning = meaning ? meaningCut(tuning) : tuning;
  // Fewer terms per note keep the linkage's distance matrix cheap on big boards.
  const smoothed = meaning ? [] : smoothe(graph, tuning.smoothingSteps, tuning.maxTerms);
  // k-means with a fixed k gains from more smoothing; a threshold cut over-merges with it.
  const embedding: Embedding = meaning
    ? meaning.smoothed
    : {
        kind: 'sparse',
        n,
        dim,
        rows:
          options.method === 'kmeans'
            ? smoothe(graph, tuning.kmeansSmoothingSteps, tuning.kmeansMaxTerms)
            : smoothed,
      };
  progress(0.25);

  const hasWords = (i: number): boolean => (tokens[i]?.length ?? 0) > 0;
  const clusterable = free.filter(hasWords);
  const threshold = toThreshold(options.granularity ?? 0, cutTuning);

  // Average linkage over free notes with words; it also yields the suggested number of groups.
  const m = clusterable.length;
  let merges: Merge[] = [];
  if (m > 1) {
    const sub = toCosineDistanceMatrix(
      meaning
        ? subDense(meaning.smoothed, clusterable)
        : {
            kind: 'sparse',
            n: m,
            dim,
            rows: clusterable.map((i) => smoothed[i] as (typeof smoothed)[number]),
          },
      rawDistances,
    );
    const span = options.method === 'kmeans' ? 0.3 : 0.5;
    merges = averageLinkage(sub, m, (f) => progress(0.3 + span * f));
  }
  progress(options.method === 'kmeans' ? 0.6 : 0.8);
  const defaultLabels = cutDendrogram(merges, m, { threshold: toThreshold(0, cutTuning) });
  const suggestedK = countNonSingletons(defaultLabels) + pinnedNames.length;

  const wantK =
    options.k !== undefined ? Math.max(1, Math.round(options.k) - pinnedNames.length) : undefined;
  let labels: Int32Array;
  if (options.method === 'kmeans') {
    labels = runKMeans(
      embedding,
      clusterable,
      wantK ?? Math.max(1, suggestedK - pinnedNames.length),
      seed,
      tuning,
      (f) => progress(0.6 + 0.25 * f),
    );
  } else if (wantK !== undefined) {
    labels = cutDendrogram(merges, m, { count: wantK });
  } else {
    labels = cutDendrogram(merges, m, { threshold });
  }

  // Assemble: cluster index per note (−1 = Unsorted), pinned groups first.
  const groupOf = new Int32Array(n).fill(-1);
  pinnedNames.forEach((name, p) => {
    notes.forEach((note, i) => {
      if (note.pinnedGroup === name) groupOf[i] = p;
    });
  });
  const offset = pinnedNames.length;
  clusterable.forEach((noteIndex, j) => {
    groupOf[noteIndex] = offset + (labels[j] as number);
  });
  const exactK = options.method === 'kmeans' || wantK !== undefined;
  if (!exactK) moveSingletonsToUnsorted(groupOf, offset);
  joinPinnedGroups(groupOf, embedding, free, pinnedNames.length, threshold);
  if (!exactK) {
    if (meaning)
      moveMisfitsToUnsorted(groupOf, denseSimilarity(meaning.raw), offset, tuning.meaningFloor);
    else
      moveMisfitsToUnsorted(
        groupOf,
        sparseSimilarity(tfIdf.vectors),
        offset,
        tuning.similarityFloor,
      );
  }
  progress(0.9);

  const groups = toGroups(notes, tokens, groupOf, pinnedNames, embedding);
  progress(1);
  return { groups, suggestedK };
}

interface MeaningSpace {
  raw: Embedding & { kind: 'dense' };
  smoothed: Embedding & { kind: 'dense' };
}

/**
 * Meaning mode's space: the sentence embeddings, each smoothed over its nearest notes, where
 * "nearest" fuses embedding and lexical (TF-IDF) cosine distance. Overwrites nothing it is given.
 */
function toMeaningSpace(
  vectors: NonNullable<GroupNotesOptions['vectors']>,
  n: number,
  lexicalDistances: Float32Array,
  tuning: GroupingTuning,
): MeaningSpace {
  const dim = vectors.find((v) => v && v.length > 0)?.length ?? 1;
  const data = new Float64Array(n * dim);
  for (let i = 0; i < n; i += 1) {
    const v = vectors[i];
    if (!v || v.length !== dim) continue;
    let norm = 0;
    for (let d = 0; d < dim; d += 1) norm += (v[d] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isFinite(norm)) continue;
    for (let d = 0; d < dim; d += 1) data[i * dim + d] = (v[d] ?? 0) / norm;
  }
  const raw: Embedding & { kind: 'dense' } = { kind: 'dense', n, dim, data };
  const fused = toCosineDistanceMatrix(raw);
  const w = Math.max(0, Math.min(1, tuning.meaningWeight));
  for (let i = 0; i < fused.length; i += 1)
    fused[i] = w * (fused[i] as number) + (1 - w) * (lexicalDistances[i] as number);
  const neighbours = Math.max(
    1,
    Math.min(tuning.neighbours, Math.round(tuning.meaningNeighboursPerRoot * Math.sqrt(n))),
  );
  const graph = toNeighbourGraph(fused, n, neighbours);
  // Neighbours that are only a little alike would pull unrelated notes together.
  graph.weights.forEach((weight, e) => {
    if (weight < tuning.meaningEdgeFloor) {
      graph.weights[e] = 0;
      graph.indices[e] = -1;
    }
  });
  const smoothedData = toSmoothedDense(
    data,
    n,
    dim,
    graph,
    tuning.meaningSmoothingSteps,
    tuning.meaningSelfWeight,
  );
  return { raw, smoothed: { kind: 'dense', n, dim, data: smoothedData } };
}

function subDense(e: Embedding & { kind: 'dense' }, rows: readonly number[]): Embedding {
  const data = new Float64Array(rows.length * e.dim);
  rows.forEach((i, r) => data.set(e.data.subarray(i * e.dim, (i + 1) * e.dim), r * e.dim));
  return { kind: 'dense', n: rows.length, dim: e.dim, data };
}

/** The member closest to its group's mean direction (the group's most typical note), or −1. */
function mostCentral(e: Embedding, members: readonly number[]): number {
  if (members.length === 0) return -1;
  const sum = new Float64Array(e.dim);
  for (const i of members) addRow(e, i, sum);
  let best = -1;
  let bestScore = -Infinity;
  for (const i of members) {
    const score = dotRow(e, i, sum);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

function runKMeans(
  embedding: Embedding,
  rows: number[],
  k: number,
  seed: number,
  tuning: GroupingTuning,
  onProgress: (fraction: number) => void,
): Int32Array {
  if (rows.length === 0) return new Int32Array(0);
  const sub: Embedding =
    embedding.kind === 'dense'
      ? subDense(embedding, rows)
      : {
          kind: 'sparse',
          n: rows.length,
          dim: embedding.dim,
          rows: rows.map((i) => embedding.rows[i] as SparseVector),
        };
  return sphericalKMeans(sub, { k, seed, restarts: tuning.kmeansRestarts, onProgress }).labels;
}

function countNonSingletons(labels: Int32Array): number {
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  let count = 0;
  for (const s of sizes.values()) if (s > 1) count += 1;
  return count;
}

function moveSingletonsToUnsorted(groupOf: Int32Array, firstFree: number): void {
  const sizes = new Map<number, number>();
  for (const g of groupOf) if (g >= firstFree) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  groupOf.forEach((g, i) => {
    if (g >= firstFree && sizes.get(g) === 1) groupOf[i] = -1;
  });
}

/**
 * A free group (or a lone note) joins the pinned group it is closest to when their average
 * pairwise cosine distance is within the cut threshold — the merge average linkage would make.
 * Rows are unit length, so the average pairwise cosine is a dot product of member sums.
 */
function joinPinnedGroups(
  groupOf: Int32Array,
  e: Embedding,
  free: number[],
  pinnedCount: number,
  threshold: number,
): void {
  if (pinnedCount === 0) return;
  const sums = Array.from({ length: pinnedCount }, () => new Float64Array(e.dim));
  const counts = new Int32Array(pinnedCount);
  groupOf.forEach((g, i) => {
    if (g < 0 || g >= pinnedCount) return;
    addInto(e, i, sums[g] as Float64Array);
    counts[g] = (counts[g] as number) + 1;
  });
  // Free groups, with Unsorted notes each standing alone.
  const units = new Map<string, number[]>();
  for (const i of free) {
    const g = groupOf[i] as number;
    const key = g < 0 ? `note:${i}` : `group:${g}`;
    const list = units.get(key) ?? [];
    list.push(i);
    units.set(key, list);
  }
  for (const members of units.values()) {
    const scores = new Float64Array(pinnedCount);
    for (const i of members) {
      for (let p = 0; p < pinnedCount; p += 1)
        scores[p] = (scores[p] as number) + dotRow(e, i, sums[p] as Float64Array);
    }
    let best = -1;
    let bestDistance = threshold;
    for (let p = 0; p < pinnedCount; p += 1) {
      const d = 1 - (scores[p] as number) / (members.length * Math.max(1, counts[p] as number));
      if (d <= bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
    if (best >= 0) for (const i of members) groupOf[i] = best;
  }
}

function addInto(e: Embedding, i: number, target: Float64Array): void {
  if (e.kind === 'sparse') {
    const row = e.rows[i];
    if (!row) return;
    for (let t = 0; t < row.indices.length; t += 1) {
      const c = row.indices[t] as number;
      target[c] = (target[c] as number) + (row.values[t] as number);
    }
  } else {
    for (let t = 0; t < e.dim; t += 1)
      target[t] = (target[t] as number) + (e.data[i * e.dim + t] as number);
  }
}

/**
 * Notes that fit nowhere: no other member of their group reaches `floor` similarity with them
 * (lexical mode: shared words; meaning mode: raw embedding cosine).
 */
function moveMisfitsToUnsorted(
  groupOf: Int32Array,
  similarity: (i: number, j: number) => number,
  firstFree: number,
  floor: number,
): void {
  const members = new Map<number, number[]>();
  groupOf.forEach((g, i) => {
    if (g < firstFree) return;
    const list = members.get(g) ?? [];
    list.push(i);
    members.set(g, list);
  });
  for (const list of members.values()) {
    const misfits = list.filter((i) => !list.some((j) => j !== i && similarity(i, j) >= floor));
    // A group made only of misfits dissolves entirely.
    for (const i of misfits) groupOf[i] = -1;
  }
  moveSingletonsToUnsorted(groupOf, firstFree);
}

function sparseSimilarity(rows: readonly SparseVector[]): (i: number, j: number) => number {
  const empty: SparseVector = { indices: new Int32Array(0), values: new Float64Array(0) };
  return (i, j) => dotSparse(rows[i] ?? empty, rows[j] ?? empty);
}

function denseSimilarity(e: Embedding & { kind: 'dense' }): (i: number, j: number) => number {
  const { dim, data } = e;
  return (i, j) => {
    let dot = 0;
    for (let d = 0; d < dim; d += 1)
      dot += (data[i * dim + d] as number) * (data[j * dim + d] as number);
    return dot;
  };
}

function toGroups(
  notes: readonly NoteInput[],
  tokens: Token[][],
  groupOf: Int32Array,
  pinnedNames: string[],
  space: Embedding,
): NoteGroup[] {
  const byGroup = new Map<number, number[]>();
  groupOf.forEach((g, i) => {
    const list = byGroup.get(g) ?? [];
    list.push(i);
    byGroup.set(g, list);
  });
  const pinnedCount = pinnedNames.length;
  // Pinned groups first (in order of first appearance), then the rest by size, Unsorted last.
  const order = [...byGroup.keys()]
    .filter((g) => g >= 0)
    .sort((a, b) => {
      if (a < pinnedCount || b < pinnedCount) return a - b;
      return (
        (byGroup.get(b)?.length ?? 0) - (byGroup.get(a)?.length ?? 0) ||
        (byGroup.get(a)?.[0] ?? 0) - (byGroup.get(b)?.[0] ?? 0)
      );
    });
  const named = labelGroups(order.map((g) => (byGroup.get(g) ?? []).map((i) => tokens[i] ?? [])));
  const termOf = (word: string): string | null => tokenize(word)[0]?.term ?? null;
  const groups: NoteGroup[] = order.map((g, index) => {
    const memberIds = (byGroup.get(g) ?? []).map((i) => notes[i]?.id ?? '');
    const label = named[index] ?? { label: '', keywords: [] };
    if (g < pinnedCount) {
      const name = pinnedNames[g] ?? '';
      return {
        id: `pinned:${name}`,
        label: name,
        keywords: label.keywords,
        noteIds: memberIds,
        pinned: true,
      };
    }
    const members = byGroup.get(g) ?? [];
    // The most typical note among those that use the group's strongest word (else of all).
    const top = label.terms?.[0];
    const naming = members.filter((i) => (tokens[i] ?? []).some((t) => t.term === top));
    const central = mostCentral(space, naming.length > 0 ? naming : members);
    const phrase =
      central >= 0 ? toPhraseLabel(notes[central]?.text ?? '', label.terms ?? [], termOf) : '';
    return {
      id: `group-${index + 1}`,
      label: phrase || label.label || 'Untitled',
      keywords: label.keywords,
      noteIds: memberIds,
    };
  });
  const unsorted = byGroup.get(-1);
  if (unsorted && unsorted.length > 0) {
    groups.push({
      id: UNSORTED_GROUP_ID,
      label: 'Unsorted',
      keywords: [],
      noteIds: unsorted.map((i) => notes[i]?.id ?? ''),
      unsorted: true,
    });
  }
  return groups;
}
