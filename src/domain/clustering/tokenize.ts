import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** One token: the stemmed term used for features, and the lowercase word it came from (for labels). */
export interface Token {
  term: string;
  surface: string;
}

const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  // Contraction leftovers and fillers that the 'stopword' list does not cover.
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'im',
  'ive',
  'id',
  'ill',
  'youre',
  'its',
  'etc',
  'just',
  'please',
  'thanks',
  'thank',
]);

// Stemming dominates tokenising; notes repeat words, so remember stems (bounded).
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stem(word: string): string {
  let cached = STEM_CACHE.get(word);
  if (cached === undefined) {
    cached = stemmer(word);
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(word, cached);
  }
  return cached;
}

/** Scripts written without spaces between words: runs are split into character bigrams. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019\u2018\u02bc`\u00b4]/g;
const LATIN_WORD = /^[a-z]+$/;
const DIGITS = /^\p{N}+$/u;

/** NFKD-folds accents and width variants, lowercases, and drops combining marks. */
export function toFoldedText(text: string): string {
  return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
}

/**
 * Splits a note into lowercase tokens. English words are stop-worded and Porter-stemmed; numbers,
 * punctuation and emoji are dropped; runs of scripts without spaces (CJK, Thai…) become character
 * bigrams so identical phrases still share features. Never throws.
 */
export function tokenize(text: string): Token[] {
  const folded = toFoldedText(text)
    // Possessives and contractions: "card's" → "card", "don't" → "dont" (a stop word).
    .replace(/(\p{L})['\u2019\u02bc](s|re|ve|ll|d|m)(?![\p{L}\p{N}])/gu, '$1')
    .replace(APOSTROPHES, '');
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD_RUN)) {
    pushRun(match[0], tokens);
  }
  return tokens;
}

function pushRun(run: string, tokens: Token[]): void {
  if (DIGITS.test(run)) return;
  if (UNSPACED.test(run)) {
    pushUnspaced(run, tokens);
    return;
  }
  if (LATIN_WORD.test(run)) {
    if (run.length < 2 || STOP_WORDS.has(run)) return;
    tokens.push({ term: stem(run), surface: run });
    return;
  }
  // Other scripts (Cyrillic, Greek, Arabic, Hangul…) and mixed letter-digit words: keep whole.
  if ([...run].length < 2) return;
  tokens.push({ term: run, surface: run });
}

function pushUnspaced(run: string, tokens: Token[]): void {
  // Split into segments of unspaced script and the rest (e.g. "iphone手机").
  const chars = [...run];
  let segment: string[] = [];
  let segmentUnspaced = UNSPACED.test(chars[0] ?? '');
  const flush = (): void => {
    if (segment.length === 0) return;
    if (segmentUnspaced) {
      if (segment.length === 1) {
        const only = segment[0] ?? '';
        tokens.push({ term: only, surface: only });
      }
      for (let i = 0; i + 1 < segment.length; i += 1) {
        const gram = `${segment[i] ?? ''}${segment[i + 1] ?? ''}`;
        tokens.push({ term: gram, surface: gram });
      }
    } else {
      pushRun(segment.join(''), tokens);
    }
    segment = [];
  };
  for (const ch of chars) {
    const unspaced = UNSPACED.test(ch);
    if (unspaced !== segmentUnspaced) {
      flush();
      segmentUnspaced = unspaced;
    }
    segment.push(ch);
  }
  flush();
}
