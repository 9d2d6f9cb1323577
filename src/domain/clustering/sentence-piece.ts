/**
 * SentencePiece unigram encoder (Viterbi over a scored vocabulary), as used by the Universal
 * Sentence Encoder lite: NFKC, spaces become U+2581, the most likely segmentation wins. A port
 * of `EncodeAsIds` (Kudo & Richardson, 2018) in the shape of the Apache-2.0 tokenizer of
 * @tensorflow-models/universal-sentence-encoder; pure, so it runs in Node and in a worker.
 */

/** [piece, log-probability] per id, as in the model package's vocab.json. */
export type Vocabulary = readonly (readonly [string, number])[];

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Id of the piece ending here, or −1. */
  id: number;
}

const SEPARATOR = '\u2581';
/** Ids below this are control symbols (<unk>, <s>, </s>, …) and never matched. */
const RESERVED = 6;
const UNKNOWN = 0;

export interface SentencePieceOptions {
  /** Longest input kept, in code points (longer notes are cut; the meaning is in the start). */
  maxChars?: number;
}

export function createSentencePiece(vocabulary: Vocabulary, options: SentencePieceOptions = {}) {
  const maxChars = options.maxChars ?? 1000;
  const root: TrieNode = { children: new Map(), id: -1 };
  const lengths: number[] = vocabulary.map(([piece]) => Array.from(piece).length);
  for (let id = RESERVED; id < vocabulary.length; id += 1) {
    const entry = vocabulary[id];
    if (!entry) continue;
    let node = root;
    for (const symbol of Array.from(entry[0])) {
      let next = node.children.get(symbol);
      if (!next) {
        next = { children: new Map(), id: -1 };
        node.children.set(symbol, next);
      }
      node = next;
    }
    node.id = id;
  }

  /** Token ids for one text; [] for text that is empty after normalisation. */
  function encode(text: string): number[] {
    const normalized = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
    if (normalized.length === 0) return [];
    const symbols = Array.from(SEPARATOR + normalized.replace(/ /g, SEPARATOR)).slice(0, maxChars);
    const n = symbols.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const bestId = new Int32Array(n + 1).fill(-1);
    const bestLen = new Int32Array(n + 1).fill(1);
    best[0] = 0;
    for (let i = 0; i < n; i += 1) {
      const from = best[i] ?? -Infinity;
      if (from === -Infinity) continue;
      let node: TrieNode | undefined = root.children.get(symbols[i] ?? '');
      let matched = false;
      for (let j = i; node && j < n; j += 1) {
        if (node.id >= 0) {
          matched = true;
          const score = from + (vocabulary[node.id]?.[1] ?? 0);
          if (score >= (best[j + 1] ?? -Infinity)) {
            best[j + 1] = score;
            bestId[j + 1] = node.id;
            bestLen[j + 1] = lengths[node.id] ?? 1;
          }
        }
        node = node.children.get(symbols[j + 1] ?? '');
      }
      if (!matched) {
        // An unknown symbol costs nothing extra, as in the reference encoder (score 0).
        if (from >= (best[i + 1] ?? -Infinity)) {
          best[i + 1] = from;
          bestId[i + 1] = UNKNOWN;
          bestLen[i + 1] = 1;
        }
      }
    }
    const ids: number[] = [];
    for (let end = n; end > 0; end -= bestLen[end] ?? 1) ids.push(bestId[end] ?? UNKNOWN);
    ids.reverse();
    // Runs of unknown symbols collapse into one <unk>.
    return ids.filter((id, i) => !(id === UNKNOWN && ids[i - 1] === UNKNOWN));
  }

  return { encode };
}
