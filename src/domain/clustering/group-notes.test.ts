import { describe, expect, it } from 'vitest';
import { groupNotes, toThreshold, type NoteInput } from './group-notes';

const THEMES: Record<string, string[]> = {
  refund: [
    'refund is taking too long',
    'still waiting for my refund',
    'refund never arrived',
    'how long does a refund take',
    'refund request ignored',
  ],
  login: [
    'cannot login to the app',
    'login fails every morning',
    'app login password reset broken',
    'login screen freezes',
    'two factor login code never comes',
  ],
  delivery: [
    'delivery was late',
    'parcel delivery tracking wrong',
    'delivery driver left parcel outside',
    'late delivery again',
    'delivery slot missed',
  ],
};

function board(): { notes: NoteInput[]; theme: Map<string, string> } {
  const notes: NoteInput[] = [];
  const theme = new Map<string, string>();
  // Interleave themes so input order does not give the answer away.
  for (let i = 0; i < 5; i += 1) {
    for (const [name, texts] of Object.entries(THEMES)) {
      const id = `${name}-${i}`;
      notes.push({ id, text: texts[i] ?? '' });
      theme.set(id, name);
    }
  }
  return { notes, theme };
}

function themesOf(groupIds: string[], theme: Map<string, string>): Set<string | undefined> {
  return new Set(groupIds.map((id) => theme.get(id)));
}

describe('groupNotes', () => {
  it('finds the three themes with k-means and with average linkage cut at k', () => {
    const { notes, theme } = board();
    for (const method of ['kmeans', 'average-linkage'] as const) {
      const { groups } = groupNotes(notes, { method, k: 3, seed: 4 });
      const real = groups.filter((g) => !g.unsorted);
      expect(real).toHaveLength(3);
      for (const g of real) expect(themesOf(g.noteIds, theme).size).toBe(1);
    }
  });

  it('groups by threshold by default, labels groups with their theme word, and suggests k', () => {
    const { notes, theme } = board();
    const result = groupNotes(notes);
    const real = result.groups.filter((g) => !g.unsorted);
    for (const g of real) expect(themesOf(g.noteIds, theme).size).toBe(1);
    for (const name of Object.keys(THEMES)) {
      expect(real.some((g) => g.keywords[0] === name && g.label.toLowerCase().includes(name))).toBe(
        true,
      );
    }
    expect(result.suggestedK).toBe(real.length);
    // Every note appears exactly once.
    expect(result.groups.flatMap((g) => g.noteIds).sort()).toEqual(notes.map((n) => n.id).sort());
  });

  it('is deterministic for a seed', () => {
    const { notes } = board();
    expect(groupNotes(notes, { method: 'kmeans', k: 4, seed: 9 })).toEqual(
      groupNotes(notes, { method: 'kmeans', k: 4, seed: 9 }),
    );
  });

  it('sends notes that fit nowhere, and empty notes, to Unsorted', () => {
    const { notes } = board();
    const odd = [
      ...notes,
      { id: 'odd', text: 'zebra umbrella philosophy' },
      { id: 'empty', text: '🙂 !!! 42' },
    ];
    const { groups } = groupNotes(odd);
    const unsorted = groups.find((g) => g.unsorted);
    expect(unsorted?.label).toBe('Unsorted');
    expect(unsorted?.noteIds).toEqual(expect.arrayContaining(['odd', 'empty']));
    expect(groups.at(-1)).toBe(unsorted);
  });

  it('keeps pinned notes in their group, and lets fitting notes join it', () => {
    const { notes } = board();
    const pinned = notes.map((n) =>
      n.id === 'refund-0' || n.id === 'refund-1' ? { ...n, pinnedGroup: 'Money back' } : n,
    );
    const { groups } = groupNotes(pinned);
    const mine = groups.find((g) => g.pinned);
    expect(mine?.id).toBe('pinned:Money back');
    expect(mine?.label).toBe('Money back');
    // The other refund notes fit the pinned group and join it; nothing else does.
    expect([...(mine?.noteIds ?? [])].sort()).toEqual([
      'refund-0',
      'refund-1',
      'refund-2',
      'refund-3',
      'refund-4',
    ]);
    expect(groups.filter((g) => g.pinned)).toHaveLength(1);
  });

  it('keeps a pinned note in its group even when it does not fit there', () => {
    const { notes } = board();
    const pinned: NoteInput[] = [
      ...notes,
      { id: 'odd-pin', text: 'zebra umbrella philosophy', pinnedGroup: 'Odd one' },
    ];
    const { groups } = groupNotes(pinned);
    const mine = groups.find((g) => g.pinned);
    expect(mine?.noteIds).toEqual(['odd-pin']);
    expect(groups.filter((g) => !g.pinned).flatMap((g) => g.noteIds)).not.toContain('odd-pin');
  });

  it('groups identical CJK notes together', () => {
    const notes: NoteInput[] = [
      { id: 'a1', text: '退款太慢' },
      { id: 'b1', text: '登录失败' },
      { id: 'a2', text: '退款太慢' },
      { id: 'b2', text: '登录失败' },
      { id: 'c1', text: 'ログインできない' },
      { id: 'c2', text: 'ログインできない' },
    ];
    const { groups } = groupNotes(notes);
    const sets = groups.filter((g) => !g.unsorted).map((g) => [...g.noteIds].sort().join(','));
    expect(sets.sort()).toEqual(['a1,a2', 'b1,b2', 'c1,c2']);
  });

  it('maps granularity to a threshold: finer means lower', () => {
    expect(toThreshold(1)).toBeLessThan(toThreshold(0));
    expect(toThreshold(-1)).toBeGreaterThan(toThreshold(0));
    expect(toThreshold(Number.NaN)).toBe(toThreshold(0));
  });

  it('reports progress from 0 to 1, never backwards', () => {
    const seen: number[] = [];
    groupNotes(board().notes, { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it('copes with no notes and one note', () => {
    expect(groupNotes([])).toEqual({ groups: [], suggestedK: 0 });
    expect(groupNotes([{ id: 'x', text: 'lonely note' }]).groups).toEqual([
      { id: 'unsorted', label: 'Unsorted', keywords: [], noteIds: ['x'], unsorted: true },
    ]);
  });
});
