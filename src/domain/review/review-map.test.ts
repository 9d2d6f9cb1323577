import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportAction, JourneyMapFile } from '../export/journey-map';
import { parseExport } from '../export/restore';
import { reviewMap } from './review-map';
import { toReviewMarkdown } from './review-markdown';

const load = (version: 1 | 2): JourneyMapFile => {
  const result = parseExport(
    readFileSync(
      new URL(`../../../test/fixtures/exports/v${version}.json`, import.meta.url),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.file;
};
const clone = (f: JourneyMapFile): JourneyMapFile =>
  JSON.parse(JSON.stringify(f)) as JourneyMapFile;
const action = (id: string, patch: Partial<ExportAction> = {}): ExportAction => ({
  id,
  title: `Action ${id}`,
  ownerTeam: 'support',
  dueDate: null,
  impact: 3,
  feasibility: 3,
  status: 'todo',
  sourceItemIds: [],
  ...patch,
});

describe('reviewMap', () => {
  it('finds nothing changed between a snapshot and the same board', () => {
    const then = load(2);
    const review = reviewMap(then, clone(then), '2026-12-05');
    expect(review.since).toBe('2026-12-05');
    expect(review.actions).toEqual({
      done: [],
      late: [],
      added: [],
      removed: [],
      reopened: [],
      open: 1,
    });
    expect(review.kpis.every((k) => k.change === 0 || k.change === null)).toBe(true);
    expect(review.kpis.map((k) => k.statusThen)).toEqual(review.kpis.map((k) => k.statusNow));
    expect(review.emotions.flatMap((l) => l.cells).every((c) => c.delta === 0)).toBe(true);
    expect(review.notes.every((n) => n.added === 0 && n.removed === 0)).toBe(true);
  });

  it('lists actions done, late, new, reopened and removed against an injected today', () => {
    const then = load(2);
    then.map.actions = [
      action('a1'),
      action('a2', { dueDate: '2026-12-10' }),
      action('a3', { status: 'done' }),
      action('a4'),
    ];
    const now = clone(then);
    now.map.actions = [
      action('a1', { status: 'done' }),
      action('a2', { dueDate: '2026-12-10', status: 'doing' }),
      action('a3', { status: 'todo' }),
      action('a5', { dueDate: '2026-12-20' }),
      action('a6', { status: 'done' }),
    ];
    const review = reviewMap(then, now, '2026-12-15');
    expect(review.actions.done.map((a) => a.id)).toEqual(['a1', 'a6']);
    expect(review.actions.late).toEqual([
      expect.objectContaining({ id: 'a2', daysLate: 5, then: 'todo', now: 'doing' }),
    ]);
    expect(review.actions.added.map((a) => a.id)).toEqual(['a5', 'a6']);
    expect(review.actions.reopened.map((a) => a.id)).toEqual(['a3']);
    expect(review.actions.removed.map((a) => a.id)).toEqual(['a4']);
    expect(review.actions.open).toBe(3);
    // The due day itself is not late yet.
    expect(reviewMap(then, now, '2026-12-10').actions.late).toEqual([]);
  });

  it('compares KPI readings then and now against baseline and target, status changes included', () => {
    const then = load(2);
    const now = clone(then);
    const completion = now.map.insights.kpis.find((k) => k.id === 'metric-1')!;
    completion.readings.push({ value: 76, date: '2026-12-12', source: 'analytics' });
    const nps = now.map.insights.kpis.find((k) => k.id === 'k-nps')!;
    nps.readings.push({ value: 10, date: '2026-12-14', source: 'survey' });
    const review = reviewMap(then, now, '2026-12-15');
    const byId = new Map(review.kpis.map((k) => [k.id, k]));
    expect(byId.get('metric-1')).toMatchObject({
      baseline: 61,
      target: 75,
      then: { value: 64, date: '2026-12-01' },
      now: { value: 76, date: '2026-12-12' },
      change: 12,
      statusThen: 'on-track',
      statusNow: 'met',
      readingsSince: 1,
      presence: 'kept',
      stage: { id: 'st3', name: 'Purchase' },
    });
    expect(byId.get('k-nps')).toMatchObject({
      then: { value: 15 },
      now: { value: 10 },
      change: -5,
      statusThen: 'on-track',
      statusNow: 'off-track',
      stage: null,
    });
  });

  it('counts a reading dated on the snapshot’s day but entered after it as "now"', () => {
    const then = load(2);
    const now = clone(then);
    now.map.insights.kpis[1]!.readings.push({ value: 25, date: '2026-12-05', source: 'survey' });
    const nps = reviewMap(then, now, '2026-12-05').kpis.find((k) => k.id === 'k-nps')!;
    expect(nps).toMatchObject({
      then: { value: 15, date: '2026-11-15' },
      now: { value: 25, date: '2026-12-05' },
      change: 10,
      readingsSince: 1,
    });
  });

  it('handles a KPI with no readings, one added since and one removed since', () => {
    const then = load(2);
    const now = clone(then);
    now.map.insights.kpis = now.map.insights.kpis.filter((k) => k.id !== 'k-nps');
    now.map.insights.kpis.push({
      id: 'k-new',
      name: 'CSAT',
      unit: '%',
      stageId: null,
      baseline: 70,
      target: 85,
      direction: 'higher',
      // Measured before the snapshot, entered after it: it counts as "then".
      readings: [
        { value: 72, date: '2026-11-30', source: 'survey' },
        { value: 80, date: '2026-12-10', source: 'survey' },
      ],
    });
    const review = reviewMap(then, now, '2026-12-15');
    const byId = new Map(review.kpis.map((k) => [k.id, k]));
    expect(byId.get('k-time')).toMatchObject({
      then: null,
      now: null,
      change: null,
      statusThen: 'no-readings',
      statusNow: 'no-readings',
      readingsSince: 0,
    });
    expect(byId.get('k-new')).toMatchObject({
      presence: 'added',
      then: { value: 72 },
      now: { value: 80 },
      change: 8,
    });
    expect(byId.get('k-nps')).toMatchObject({
      presence: 'removed',
      then: { value: 15 },
      now: null,
    });
  });

  it('compares the emotion curve per persona, line and stage; a renamed stage keeps its history', () => {
    const then = load(2);
    const now = clone(then);
    now.map.stages[0]!.name = 'Discovery'; // st1, renamed
    now.map.insights.ratings = now.map.insights.ratings.map((r) =>
      r.stageId === 'st3' && r.line === 'as-is' ? { ...r, value: 1 } : r,
    );
    now.map.insights.ratings.push({
      stageId: 'st5',
      personaId: 'p2',
      line: 'as-is',
      value: 2,
      department: null,
    });
    const review = reviewMap(then, now, '2026-12-15');
    const alexAsIs = review.emotions.find((l) => l.personaId === 'p1' && l.line === 'as-is')!;
    expect(alexAsIs.personaName).toBe('Alex, first-time customer');
    expect(alexAsIs.cells.map((c) => [c.stage.id, c.then?.mean, c.now?.mean, c.delta])).toEqual([
      ['st1', 1.5, 1.5, 0],
      ['st3', -2, 1, 3],
    ]);
    expect(alexAsIs.cells[0]!.stage).toMatchObject({ name: 'Discovery', formerName: 'Awareness' });
    const samAsIs = review.emotions.find((l) => l.personaId === 'p2' && l.line === 'as-is')!;
    expect(samAsIs.cells.find((c) => c.stage.id === 'st5')).toMatchObject({
      then: null,
      now: { mean: 2, count: 1 },
      delta: null,
    });
  });

  it('reviews ratings of the default persona when the map names none', () => {
    const then = load(2);
    then.map.insights.personas = [];
    then.map.insights.ratings = [
      { stageId: 'st2', personaId: 'default', line: 'as-is', value: -2, department: null },
    ];
    const now = clone(then);
    now.map.insights.ratings[0]!.value = 1;
    const lines = reviewMap(then, now, '2026-12-15').emotions;
    expect(lines.map((l) => [l.personaName, l.line, l.cells.map((c) => c.delta)])).toEqual([
      ['Customer', 'as-is', [3]],
    ]);
  });

  it('lists a stage removed since, with its notes and ratings on the "then" side only', () => {
    const then = load(2);
    const now = clone(then);
    now.map.stages = now.map.stages.filter((s) => s.id !== 'st3');
    now.map.notes = now.map.notes.filter((n) => n.stageId !== 'st3');
    now.map.insights.ratings = now.map.insights.ratings.filter((r) => r.stageId !== 'st3');
    now.map.insights.kpis = now.map.insights.kpis.map((k) =>
      k.stageId === 'st3' ? { ...k, stageId: null } : k,
    );
    const review = reviewMap(then, now, '2026-12-15');
    const removed = review.stages.find((s) => s.id === 'st3');
    expect(removed).toMatchObject({ name: 'Purchase', status: 'removed' });
    expect(review.stages.at(-1)).toBe(removed);
    const notes = review.notes.find((n) => n.stage.id === 'st3')!;
    expect(notes).toMatchObject({ then: 2, now: 0, removed: 2, added: 0 });
    const cell = review.emotions
      .find((l) => l.personaId === 'p1' && l.line === 'as-is')!
      .cells.find((c) => c.stage.id === 'st3');
    expect(cell).toMatchObject({ then: { mean: -2 }, now: null, delta: null });
  });

  it('counts notes added and removed per stage', () => {
    const then = load(2);
    const now = clone(then);
    const first = now.map.notes[0]!;
    now.map.notes.push({ ...first, id: 'n-new', importKey: 'b:n-new', stageId: 'st6' });
    now.map.notes = now.map.notes.filter((n) => n.id !== first.id);
    const review = reviewMap(then, now, '2026-12-15');
    const at = (id: string | null) => review.notes.find((n) => n.stage.id === id)!;
    expect(at(first.stageId)).toMatchObject({ removed: 1, added: 0 });
    expect(at('st6')).toMatchObject({ added: 1, removed: 0, now: at('st6').then + 1 });
  });

  it('reviews against a snapshot saved in format v1 (migrated, no insights of its own)', () => {
    const v1 = load(1);
    const then = clone(v1);
    then.map.insights = { personas: [], ratings: [], kpis: [], raci: [], departments: [] };
    const now = clone(v1);
    now.map.insights.personas = [{ id: 'p1', name: 'Alex', summary: '' }];
    now.map.insights.ratings = [
      {
        stageId: v1.map.stages[0]!.id,
        personaId: 'p1',
        line: 'as-is',
        value: -1,
        department: null,
      },
    ];
    now.map.insights.kpis.push({
      id: 'k1',
      name: 'NPS',
      unit: '',
      stageId: null,
      baseline: 10,
      target: 30,
      direction: 'higher',
      readings: [],
    });
    const review = reviewMap(then, now, '2026-12-15');
    expect(review.kpis.find((k) => k.id === 'k1')).toMatchObject({
      presence: 'added',
      then: null,
      statusNow: 'no-readings',
    });
    expect(review.emotions).toHaveLength(1);
    expect(review.emotions[0]!.cells).toEqual([
      expect.objectContaining({ then: null, now: { mean: -1, count: 1 }, delta: null }),
    ]);
    // A v1 file's metrics became KPIs on restore; reviewing it against itself sees them kept.
    const self = reviewMap(v1, clone(v1), '2026-12-15');
    expect(self.kpis.length).toBe(v1.map.insights.kpis.length);
    expect(self.kpis.every((k) => k.presence === 'kept')).toBe(true);
  });
});

describe('toReviewMarkdown', () => {
  it('writes actions, KPIs, the emotion curve and notes, with board text escaped', () => {
    const then = load(2);
    then.map.actions = [action('a1', { title: 'Fix the <b>ID</b> check' })];
    const now = clone(then);
    now.map.actions = [
      action('a1', { title: 'Fix the <b>ID</b> check', status: 'done' }),
      action('a2', { title: '# [click](http://x) | pipe', dueDate: '2026-12-01' }),
    ];
    now.map.insights.kpis[0]!.readings.push({ value: 76, date: '2026-12-12', source: 'x' });
    now.map.insights.ratings.push({
      stageId: 'st3',
      personaId: 'p1',
      line: 'as-is',
      value: 2,
      department: null,
    });
    const text = toReviewMarkdown(reviewMap(then, now, '2026-12-15'), {
      mapTitle: 'Onboarding *journey*',
      boardName: 'Bank',
      snapshotName: 'Snapshot 5 Dec (after workshop)',
    });
    expect(text).toContain('# Review: Onboarding \\*journey\\*');
    expect(text).toContain('### Done since\n\n- Fix the \\<b>ID\\</b> check (owner support)');
    expect(text).toContain(
      '### Late\n\n- \\# \\[click\\](http://x) \\| pipe (owner support, due 2026-12-01, 14 days late, todo)',
    );
    expect(text).toContain(
      '| Application completion (higher is better) | Purchase | 61 % | 75 % | 64 % (2026-12-01) | 76 % (2026-12-12) | +12 | on track → target met |',
    );
    expect(text).toContain(
      '| Alex, first-time customer | as-is | Purchase | -2.0 (1) | 0.0 (2) | +2.0 |',
    );
    expect(text).not.toMatch(/(^|[^\\])<b>/);
  });
});
