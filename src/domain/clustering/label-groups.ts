import type { Token } from './tokenize';

export interface GroupLabel {
  /** Two or three top terms as real words, e.g. "card · arrival". */
  label: string;
  /** Up to `maxKeywords` surface words, best first. */
  keywords: string[];
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
    for (const s of scored) {
      const word = surfaceOf(s.term);
      if (!keywords.includes(word)) keywords.push(word);
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
    return { label: keywords.slice(0, take).join(' · '), keywords };
  });
}
