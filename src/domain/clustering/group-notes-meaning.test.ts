import { describe, expect, it } from 'vitest';
import { groupNotes, type NoteInput } from './group-notes';
import { toSmoothedDense, toNeighbourGraph } from './neighbour-smoothing';
import { createSeededRandom } from './seeded-random';

// Meaning mode on fixture vectors (no model): notes of one theme share a direction in the
// embedding space but few or no words, so only the vectors can put them together.
const THEMES = [
  ['card never came', 'still waiting for delivery', 'where is my parcel', 'package not arrived'],
  ['charged twice', 'fee seems wrong', 'unexpected cost on statement', 'billed extra money'],
  ['cannot sign in', 'password rejected', 'locked out of account', 'login code missing'],
];
const DIM = 16;

function vectorFor(theme: number, random: () => number): Float32Array {
  const v = new Float32Array(DIM);
  for (let d = 0; d < DIM; d += 1) v[d] = (random() - 0.5) * 0.5;
  v[theme] = (v[theme] ?? 0) + 1;
  let norm = 0;
  for (const x of v) norm += x * x;
  return v.map((x) => x / Math.sqrt(norm));
}

function board(perTheme: number, seed = 3) {
  const random = createSeededRandom(seed);
  const notes: NoteInput[] = [];
  const vectors: Float32Array[] = [];
  const theme = new Map<string, number>();
  for (let i = 0; i < perTheme; i += 1) {
    THEMES.forEach((texts, t) => {
      const id = `t${t}-${i}`;
      notes.push({ id, text: texts[i % texts.length] ?? '' });
      vectors.push(vectorFor(t, random));
      theme.set(id, t);
    });
  }
  return { notes, vectors, theme };
}

const purity = (ids: string[], theme: Map<string, number>) =>
  new Set(ids.map((id) => theme.get(id))).size;

describe('groupNotes in meaning mode (fixture vectors)', () => {
  it('groups notes that mean the same in other words, where words alone cannot', () => {
    const { notes, vectors, theme } = board(4);
    const lexical = groupNotes(notes).groups.filter((g) => !g.unsorted);
    expect(lexical.length).toBeLessThan(3);
    const { groups } = groupNotes(notes, { vectors });
    const real = groups.filter((g) => !g.unsorted);
    expect(real).toHaveLength(3);
    for (const g of real) expect(purity(g.noteIds, theme)).toBe(1);
  });

  it('finds the same number of groups on a small and a ten times bigger board', () => {
    const small = board(4);
    const big = board(40);
    const count = (b: ReturnType<typeof board>) =>
      groupNotes(b.notes, { vectors: b.vectors }).groups.filter((g) => !g.unsorted).length;
    expect(count(small)).toBe(3);
    expect(count(big)).toBe(3);
  });

  it('honours k with k-means and average linkage on the vectors', () => {
    const { notes, vectors, theme } = board(6);
    for (const method of ['kmeans', 'average-linkage'] as const) {
      const real = groupNotes(notes, { vectors, method, k: 3 }).groups.filter((g) => !g.unsorted);
      expect(real).toHaveLength(3);
      for (const g of real) expect(purity(g.noteIds, theme)).toBe(1);
    }
  });

  it('labels a group with a phrase from its own most central note, keywords beside it', () => {
    const { notes, vectors } = board(4);
    const real = groupNotes(notes, { vectors }).groups.filter((g) => !g.unsorted);
    const ownWords = (text: string) => new Set(text.toLowerCase().split(/\W+/));
    for (const g of real) {
      const texts = g.noteIds.map((id) => notes.find((n) => n.id === id)?.text ?? '');
      const phraseWords = g.label.toLowerCase().split(' ');
      // Every word of the label comes, in order, from one note of the group.
      expect(texts.some((t) => phraseWords.every((w) => ownWords(t).has(w)))).toBe(true);
      expect(g.label.charAt(0)).toBe(g.label.charAt(0).toUpperCase());
      expect(g.keywords.length).toBeGreaterThan(0);
    }
  });

  it('never fails on bad input: empty, emoji-only, 6,000 characters, mixed languages, no vector', () => {
    const { notes, vectors } = board(4);
    const odd: NoteInput[] = [
      { id: 'empty', text: '' },
      { id: 'emoji', text: '🙂🙂 🎉' },
      { id: 'long', text: 'card never came '.repeat(400) },
      { id: 'mixed', text: 'Karte nie angekommen カードが届かない card never came' },
      { id: 'novector', text: 'password rejected again' },
    ];
    const oddVectors: (Float32Array | null)[] = [
      new Float32Array(DIM),
      vectorFor(5, createSeededRandom(1)),
      vectorFor(0, createSeededRandom(2)),
      vectorFor(0, createSeededRandom(4)),
      null,
    ];
    const all = [...notes, ...odd];
    const result = groupNotes(all, { vectors: [...vectors, ...oddVectors] });
    const placed = result.groups.flatMap((g) => g.noteIds).sort();
    expect(placed).toEqual(all.map((n) => n.id).sort());
    const unsorted = result.groups.find((g) => g.unsorted)?.noteIds ?? [];
    expect(unsorted).toEqual(expect.arrayContaining(['empty', 'emoji', 'novector']));
    const home = (id: string) => result.groups.find((g) => g.noteIds.includes(id));
    expect(home('long')?.noteIds).toContain('t0-0');
    expect(home('mixed')?.noteIds).toContain('t0-0');
    for (const g of result.groups) expect(g.label.length).toBeLessThanOrEqual(80);
  });
});

describe('toSmoothedDense', () => {
  it('pulls each row towards its neighbours, keeps unit length, leaves zero rows alone', () => {
    const data = new Float64Array([1, 0, 0, 1, 0.8, 0.6, 0, 0]);
    const distances = new Float32Array([
      0, 0.5, 0.2, 1, 0.5, 0, 0.4, 1, 0.2, 0.4, 0, 1, 1, 1, 1, 0,
    ]);
    const graph = toNeighbourGraph(distances, 4, 1);
    const out = toSmoothedDense(data, 4, 2, graph, 1, 0.5);
    // Row 0's neighbour is row 2: it turns towards it but stays unit length.
    expect(out[1]).toBeGreaterThan(0);
    expect(Math.hypot(out[0]!, out[1]!)).toBeCloseTo(1, 6);
    expect([out[6], out[7]]).toEqual([0, 0]);
    // Zero steps change nothing.
    expect(toSmoothedDense(data, 4, 2, graph, 0, 0.5)).toBe(data);
  });
});
