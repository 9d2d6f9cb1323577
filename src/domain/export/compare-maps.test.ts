import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryBoard } from './testing/arbitrary-board';
import { compareMaps } from './compare-maps';
import { deriveJourneyMap } from './derive-journey-map';
import type { JourneyMapFile } from './journey-map';
import { parseExport } from './restore';
import { summarizeMap } from './summarize-map';

const load = (): JourneyMapFile => {
  const result = parseExport(
    readFileSync(new URL('../../../test/fixtures/exports/v1.json', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(result.message);
  return result.file;
};
const clone = (f: JourneyMapFile): JourneyMapFile =>
  JSON.parse(JSON.stringify(f)) as JourneyMapFile;

describe('compareMaps', () => {
  it('finds nothing between a map and itself', () => {
    const file = load();
    const diff = compareMaps(file, clone(file));
    expect(diff).toMatchObject({
      added: [],
      removed: [],
      moved: [],
      reworded: [],
      votesChanged: [],
      clusterChanged: [],
    });
    expect(diff.unchanged).toBe(file.map.notes.length);
  });

  it('reports added, removed, moved, re-worded, vote and cluster changes', () => {
    const before = load();
    const after = clone(before);
    const [n0, n1, n2, n3, n4] = after.map.notes;
    if (!n0 || !n1 || !n2 || !n3 || !n4) throw new Error('fixture too small');
    n0.stageId = 'st2'; // Awareness → Consideration
    n1.text = 'Instagram ad promising a 5-minute account';
    n4.votes = 7;
    n3.clusterId = 'cl1';
    after.map.notes = after.map.notes.filter((n) => n !== n2);
    after.map.notes.push({ ...n2, id: 'new-1', importKey: 'board:new-1', text: 'Fresh idea' });
    after.map.clusters[0] = {
      ...(after.map.clusters[0] as JourneyMapFile['map']['clusters'][0]),
      label: 'Friction',
    };
    after.map.voteRounds = [];

    const diff = compareMaps(before, after);
    expect(diff.added.map((n) => n.text)).toEqual(['Fresh idea']);
    expect(diff.removed.map((n) => n.text)).toEqual(['Curious, a bit sceptical 🤔']);
    expect(diff.moved).toEqual([
      {
        note: expect.objectContaining({ id: n0.id }),
        from: { stageId: 'st1', name: 'Awareness' },
        to: { stageId: 'st2', name: 'Consideration' },
      },
    ]);
    expect(diff.reworded).toEqual([
      {
        note: expect.objectContaining({ id: n1.id }),
        before: 'Instagram ad: "open an account in 5 minutes"',
        after: n1.text,
      },
    ]);
    expect(diff.votesChanged).toEqual([
      { note: expect.objectContaining({ id: n4.id }), before: 4, after: 7 },
    ]);
    // n3 joined the cluster; every member's cluster now reads differently because it was relabelled.
    const members = before.map.clusters[0]?.memberIds ?? [];
    expect(diff.clusterChanged.map((c) => c.note.id).sort()).toEqual([n3.id, ...members].sort());
    expect(diff.clusterChanged.find((c) => c.note.id === n3.id)).toMatchObject({
      before: null,
      after: 'Friction',
    });
    expect(diff.clusterChanged.find((c) => c.note.id === members[0])).toMatchObject({
      before: 'Friction in identity checks and fees',
      after: 'Friction',
    });
    expect(diff.clusters.relabelled).toEqual([
      { id: 'cl1', before: 'Friction in identity checks and fees', after: 'Friction' },
    ]);
    expect(diff.voteRounds.removed).toEqual([{ id: 'vr1', title: 'Biggest pain points' }]);
  });

  it('matches by import key when ids changed (a re-import on another board)', () => {
    const before = load();
    const after = clone(before);
    after.map.notes = after.map.notes.map((n) => ({ ...n, id: `other-${n.id}` }));
    const diff = compareMaps(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged).toBe(before.map.notes.length);
  });

  it('accounts for every note exactly once (property)', () => {
    fc.assert(
      fc.property(arbitraryBoard, arbitraryBoard, (x, y) => {
        const a = deriveJourneyMap(x.items, x.geometry, { boardId: 'b', includeAuthors: false });
        const b = deriveJourneyMap(y.items, x.geometry, { boardId: 'b', includeAuthors: false });
        const diff = compareMaps(a, b);
        const matched = a.notes.length - diff.removed.length;
        expect(matched).toBe(b.notes.length - diff.added.length);
        expect(matched).toBeGreaterThanOrEqual(diff.unchanged);
      }),
      { numRuns: 50 },
    );
  });
});

describe('summarizeMap', () => {
  it('says what a map holds in one line, with singular and plural', () => {
    const file = load();
    expect(summarizeMap(file)).toBe(
      '12 notes in 6 stages, 1 loose, 1 cluster, 1 vote round, 1 action',
    );
    file.map.notes = file.map.notes.slice(0, 1);
    file.map.stages = file.map.stages.slice(0, 1);
    file.map.clusters = [];
    file.map.actions = [];
    expect(summarizeMap(file)).toBe('1 note in 1 stage, 0 loose, 0 clusters, 1 vote round');
  });
});
