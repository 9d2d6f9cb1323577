import type { Token } from './tokenize';

export interface GroupLabel {
  /** Two or three top terms as real words, e.g. "card · arrival". */
  label: string;
  /** Up to `maxKeywords` surface words, best first. */
  keywords: string[];
  /** The feature terms (stems) behind the keywords, best first. */
  terms?: string[];
}

export interface LabelOptions {
  /** Terms joined into the label (default 2, or 3 when the third is nearly as strong). */
  labelTerms?: number;
  maxKeywords?: number;
}

/**
 * c-TF-IDF labels (Grootendorst, BERTopic): each group's notes form one document; term counts are
 * L1-normalised per group and weighted by log(1 + A / f), A the average number of words per group
 * and f the term's count over all groups. Stems map back to their most frequent surface word.
 *
 * `groups` lists, per group, the token lists of its notes.
 */
export function labelGroups(
  groups: readonly (readonly (readonly Token[])[])[],
  options: LabelOptions = {},
): GroupLabel[] {
  const maxKeywords = options.maxKeywords ?? 5;
  const groupCounts = groups.map((notes) => {
    const counts = new Map<string, number>();
    for (const tokens of notes)
      for (const t of tokens) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    return counts;
  });
  const total = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  let words = 0;
  for (const notes of groups) {
    for (const tokens of notes) {
      for (const t of tokens) {
        total.set(t.term, (total.get(t.term) ?? 0) + 1);
        let forms = surfaces.get(t.term);
        if (!forms) {
          forms = new Map();
          surfaces.set(t.term, forms);
        }
        forms.set(t.surface, (forms.get(t.surface) ?? 0) + 1);
        words += 1;
      }
    }
  }
  const average = groups.length > 0 ? words / groups.length : 0;
  const surfaceOf = (term: string): string => {
    const forms = surfaces.get(term);
    if (!forms) return term;
    // Most frequent form; ties go to the shorter, then alphabetically first, for stable output.
    return (
      [...forms.entries()].sort(
        (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1),
      )[0]?.[0] ?? term
    );
  };
  return groupCounts.map((counts) => {
    let groupWords = 0;
    for (const c of counts.values()) groupWords += c;
    const scored = [...counts.entries()]
      .map(([term, c]) => ({
        term,
        count: c,
        score: (c / groupWords) * Math.log(1 + average / (total.get(term) ?? 1)),
      }))
      // Terms seen once in a multi-note group say little; prefer repeated ones, then score.
      .sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));
    const keywords: string[] = [];
    const terms: string[] = [];
    for (const s of scored) {
      const word = surfaceOf(s.term);
      if (!keywords.includes(word)) {
        keywords.push(word);
        terms.push(s.term);
      }
      if (keywords.length >= maxKeywords) break;
    }
    const top = scored.slice(0, 3);
    let take = options.labelTerms ?? 2;
    if (
      options.labelTerms === undefined &&
      top.length === 3 &&
      (top[2]?.score ?? 0) >= 0.8 * (top[1]?.score ?? 0)
    )
      take = 3;
    return { label: keywords.slice(0, take).join(' · '), keywords, terms };
  });
}

/** Question and helper words that start notes but never name their topic. */
const LEAD_WORDS: ReadonlySet<string> = new Set(
  'why how what when where who which whom whose can could would should will shall may might must does did do is are was were am been being get got still also really very no not nobody nothing'.split(
    ' ',
  ),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019-]*/gu;

/**
 * A short phrase from a group's most central note, as a facilitator would write it: the shortest
 * run of the note's own words that holds its strongest key terms (stop words trimmed at the
 * ends), at most `maxWords` words, first letter capitalised. Falls back to the note's first
 * content words, then to ''. `termOf` maps a word to its feature term (null for stop words).
 */
export function toPhraseLabel(
  text: string,
  keyTerms: readonly string[],
  termOf: (word: string) => string | null,
  maxWords = 5,
): string {
  const words = [...text.slice(0, 2000).matchAll(WORD)].map((m) => m[0]);
  if (words.length === 0) return '';
  const terms = words.map((w) => (LEAD_WORDS.has(w.toLowerCase()) ? null : termOf(w)));
  const rank = (i: number): number => {
    const t = terms[i];
    const r = t === null || t === undefined ? -1 : keyTerms.indexOf(t);
    return r < 0 ? Infinity : r;
  };
  const keyed = words.map((_, i) => i).filter((i) => rank(i) < Infinity);
  let from: number;
  let to: number;
  if (keyed.length === 0) {
    from = terms.findIndex((t) => t !== null);
    if (from < 0) return '';
    to = from;
  } else {
    // The best-ranked key word, joined by the nearest other key word when the span stays short.
    const anchor = keyed.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    from = anchor;
    to = anchor;
    let bestSpan = Infinity;
    for (const j of keyed) {
      if (terms[j] === terms[anchor]) continue;
      const span = Math.abs(j - anchor) + 1;
      if (span <= maxWords && (span < bestSpan || (span === bestSpan && rank(j) < rank(to)))) {
        bestSpan = span;
        from = Math.min(anchor, j);
        to = Math.max(anchor, j);
      }
    }
  }
  // A lone word reads better with a neighbour: the nearest content word one or two words away,
  // after before before ("top up failed", "exchange rate"), with the words between.
  if (from === to) {
    const isContent = (i: number): boolean => i >= 0 && i < words.length && terms[i] !== null;
    const anchor = from;
    const near = [anchor + 1, anchor - 1, anchor + 2, anchor - 2].find(isContent);
    if (near !== undefined) {
      from = Math.min(anchor, near);
      to = Math.max(anchor, near);
    }
  }
  while (from < to && terms[from] === null) from += 1;
  while (to > from && terms[to] === null) to -= 1;
  const phrase = words.slice(from, Math.min(to + 1, from + maxWords)).join(' ');
  return phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1);
}
