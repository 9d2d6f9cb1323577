import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardUser } from '../../board/port';
import { deriveStageEmotions } from '../../domain/insights/emotion';
import { kpiStatus } from '../../domain/insights/kpi';
import { loadActions, saveAction } from '../actions/action-store';
import { watchInsights } from './watch-insights';
import {
  encodeReading,
  insights,
  keys,
  loadDepartments,
  loadKpis,
  loadPersonas,
  loadRaci,
  loadRatings,
} from './insights-store';
import {
  addReading,
  rateStage,
  removeKpi,
  removeReading,
  savePersonas,
  saveKpi,
  setDepartment,
  setRaci,
} from './insights-writes';

const MAP = 'm1';
const STAGES = ['s1', 's2', 's3'];
const T = (minute: number) => `2026-12-04T10:${String(minute).padStart(2, '0')}:00.000Z`;

function setup(latencyMs = 0) {
  const local = createLocalBoard({ latencyMs });
  const connect = (user: BoardUser): Board =>
    createMiroBoard(local.connect(user), { platform: 'playground' });
  return { local, connect, board: connect({ id: 'u-fac', name: 'Fran' }) };
}

const cell = { mapId: MAP, personaId: 'p1', line: 'as-is' as const };

describe('ratings', () => {
  it('keeps one rating per person and stage, across devices, the latest winning', async () => {
    const { connect } = setup();
    const ann = connect({ id: 'u-ann', name: 'Ann' });
    const ben = connect({ id: 'u-ben', name: 'Ben' });
    const annLaptop = { userId: 'u-ann', deviceId: 'laptop', department: 'sales' };
    const annPhone = { userId: 'u-ann', deviceId: 'phone', department: 'sales' };
    expect((await rateStage(ann, annLaptop, { ...cell, stageId: 's1', value: -2 }, T(1))).ok).toBe(
      true,
    );
    await rateStage(ann, annPhone, { ...cell, stageId: 's1', value: 1 }, T(2));
    await rateStage(ann, annLaptop, { ...cell, stageId: 's2', value: 2 }, T(3));
    await rateStage(
      ben,
      { userId: 'u-ben', deviceId: 'd', department: null },
      { ...cell, stageId: 's1', value: -1 },
      T(4),
    );

    const { values, skipped } = await loadRatings(ben, MAP);
    expect(skipped).toBe(0);
    const stats = deriveStageEmotions(values, STAGES, 'p1', 'as-is');
    expect(stats.map((s) => [s.count, s.mean])).toEqual([
      [2, 0],
      [1, 2],
      [0, null],
    ]);
  });

  it('refuses a rating off the scale and writes nothing', async () => {
    const { board, local } = setup();
    const result = await rateStage(
      board,
      { userId: 'u', deviceId: 'd', department: null },
      { ...cell, stageId: 's1', value: 7 },
      T(1),
    );
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('from -2 (very negative) to 2'),
    });
    expect(await insights(board).get(keys.raters(MAP) + '0')).toBeUndefined();
    expect(local).toBeDefined();
  });

  it('clears a rating with null', async () => {
    const { board } = setup();
    const me = { userId: 'u', deviceId: 'd', department: null };
    await rateStage(board, me, { ...cell, stageId: 's1', value: 1 }, T(1));
    await rateStage(board, me, { ...cell, stageId: 's1', value: null }, T(2));
    expect((await loadRatings(board, MAP)).values).toEqual([]);
  });

  it('loses no rater when ten rate at once (latency interleaves their writes)', async () => {
    const { connect } = setup(2);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const user = { id: `u${i}`, name: `P${i}` };
        return rateStage(
          connect(user),
          { userId: user.id, deviceId: 'd', department: null },
          { ...cell, stageId: 's1', value: 1 },
          T(i),
        );
      }),
    );
    const { values } = await loadRatings(connect({ id: 'x', name: 'X' }), MAP);
    expect(new Set(values.map((r) => r.raterKey)).size).toBe(10);
  });

  it('skips and counts a corrupt stored entry', async () => {
    const { board } = setup();
    await insights(board).set(`${keys.raters(MAP)}0`, 'u-x/d');
    await insights(board).set(keys.rating(MAP, 'u-x/d'), { ratings: [{ value: 'lots' }] });
    expect(await loadRatings(board, MAP)).toEqual({ values: [], skipped: 1 });
  });
});

describe('KPIs', () => {
  const nps = {
    id: 'k1',
    name: 'NPS',
    unit: '',
    baseline: 10,
    target: 30,
    direction: 'higher',
    stageId: 's2',
  };

  it('saves definitions and readings and derives the status', async () => {
    const { board } = setup();
    expect((await saveKpi(board, MAP, STAGES, nps)).ok).toBe(true);
    let n = 0;
    const id = () => `r${(n += 1)}`;
    await addReading(
      board,
      MAP,
      { kpiId: 'k1', value: '12', date: '2026-10-01', source: 'Q3' },
      '2026-12-04',
      id,
    );
    await addReading(
      board,
      MAP,
      { kpiId: 'k1', value: 24, date: '2026-11-01', source: 'Q4' },
      '2026-12-04',
      id,
    );
    const { values } = await loadKpis(board, MAP, STAGES);
    expect(values.kpis.map((k) => k.name)).toEqual(['NPS']);
    expect(values.readings.map((r) => r.value)).toEqual([12, 24]);
    expect(kpiStatus(values.kpis[0]!, values.readings)).toMatchObject({
      kind: 'on-track',
      progress: 0.7,
    });

    await removeReading(board, MAP, 'k1', 'r2');
    expect((await loadKpis(board, MAP, STAGES)).values.readings.map((r) => r.id)).toEqual(['r1']);
    await removeKpi(board, MAP, 'k1');
    expect((await loadKpis(board, MAP, STAGES)).values.kpis).toEqual([]);
  });

  it('a reading taken back on one panel is gone on another, which is told at once', async () => {
    const { connect } = setup();
    const fran = connect({ id: 'u-fac', name: 'Fran' });
    const alex = connect({ id: 'u-alex', name: 'Alex' });
    await saveKpi(fran, MAP, STAGES, nps);
    const input = { kpiId: 'k1', value: '12', date: '2026-10-01', source: 'Q3' };
    await addReading(fran, MAP, input, '2026-12-04', () => 'r1');
    await addReading(fran, MAP, { ...input, value: '99' }, '2026-12-04', () => 'r-typo');
    let calls = 0;
    const stop = watchInsights(alex, MAP, STAGES, () => (calls += 1), 20);
    await new Promise((r) => setTimeout(r, 60));
    const before = calls;
    expect((await removeReading(fran, MAP, 'k1', 'r-typo')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toBe(before + 1);
    const seen = await loadKpis(alex, MAP, STAGES);
    expect(seen.values.readings.map((r) => r.id)).toEqual(['r1']);
    // The removal is not a damaged entry.
    expect(seen.skipped).toBe(0);
    stop();
  });

  it('refuses a value that is not a number and a future date, writing nothing', async () => {
    const { board } = setup();
    await saveKpi(board, MAP, STAGES, nps);
    const bad = await addReading(
      board,
      MAP,
      { kpiId: 'k1', value: 'soon', date: '2027-01-01' },
      '2026-12-04',
      () => 'r',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/must be a number.*in the future/);
    expect((await loadKpis(board, MAP, STAGES)).values.readings).toEqual([]);
  });

  it('keeps a KPI whose stage was removed, as a whole-journey one', async () => {
    const { board } = setup();
    await saveKpi(board, MAP, STAGES, nps);
    const { values } = await loadKpis(board, MAP, ['s1']);
    expect(values.kpis[0]?.stageId).toBeNull();
  });

  it('skips a reading slot that is not a reading', async () => {
    const { board } = setup();
    await saveKpi(board, MAP, STAGES, nps);
    const shared = insights(board);
    await shared.set(`${keys.readings(MAP, 'k1')}0`, '{not json');
    await shared.set(
      `${keys.readings(MAP, 'k1')}1`,
      encodeReading({ id: 'r', kpiId: 'k1', value: 3, date: '2026-01-01', source: '' }),
    );
    const loaded = await loadKpis(board, MAP, STAGES);
    expect(loaded.skipped).toBe(1);
    expect(loaded.values.readings.map((r) => r.value)).toEqual([3]);
  });
});

describe('RACI, personas and departments', () => {
  it('refuses a second Accountable across two facilitators’ panels', async () => {
    const { connect } = setup();
    const a = connect({ id: 'u-a', name: 'A' });
    const b = connect({ id: 'u-b', name: 'B' });
    const stage = { kind: 'stage' as const, id: 's1' };
    expect((await setRaci(a, MAP, stage, 'Onboarding', 'Product', 'A')).ok).toBe(true);
    const second = await setRaci(b, MAP, stage, 'Onboarding', 'sales', 'A');
    expect(second).toEqual({
      ok: false,
      message: expect.stringContaining('Product is already Accountable for Onboarding'),
    });
    await setRaci(b, MAP, stage, 'Onboarding', 'it', 'R');
    expect(await loadRaci(a, MAP, [stage])).toEqual([
      { subject: stage, department: 'product', role: 'A' },
      { subject: stage, department: 'it', role: 'R' },
    ]);
  });

  it('refuses a 500-character department and six personas', async () => {
    const { board } = setup();
    const long = await setDepartment(board, 'u', 'x'.repeat(500));
    expect(long).toEqual({ ok: false, message: expect.stringContaining('limit is 60') });
    expect((await loadDepartments(board)).size).toBe(0);
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, summary: '' }));
    expect((await savePersonas(board, MAP, six)).ok).toBe(false);
    expect((await loadPersonas(board, MAP)).values).toEqual([]);
  });

  it('stores each member’s department', async () => {
    const { connect } = setup();
    await setDepartment(connect({ id: 'u1', name: 'A' }), 'u1', 'Support');
    await setDepartment(connect({ id: 'u2', name: 'B' }), 'u2', 'Legal');
    expect([...(await loadDepartments(connect({ id: 'x', name: 'X' })))]).toEqual([
      ['u1', 'support'],
      ['u2', 'Legal'],
    ]);
  });
});

describe('RACI and the action plan', () => {
  it('gives an action the owner team its RACI row names', async () => {
    const { board } = setup();
    const saved = await saveAction(board, {
      id: 'a1',
      title: 'Explain card delivery times',
      ownerTeam: 'marketing',
      dueDate: '2027-01-15',
      impact: 4,
      feasibility: 3,
      status: 'todo',
      sourceItemIds: [],
      createdAt: '2026-12-04T10:00:00.000Z',
    });
    expect(saved.ok).toBe(true);
    const action = { kind: 'action' as const, id: 'a1' };
    const accountable = await setRaci(
      board,
      MAP,
      action,
      'Explain card delivery times',
      'leadership',
      'A',
    );
    expect(accountable).toEqual({ ok: true, value: { ownerTeam: 'leadership' } });
    const responsible = await setRaci(board, MAP, action, 'Explain card delivery times', 'IT', 'R');
    expect(responsible).toEqual({ ok: true, value: { ownerTeam: 'it' } });
    expect((await loadActions(board)).actions[0]?.ownerTeam).toBe('it');
    // A stage row changes no action.
    await setRaci(board, MAP, { kind: 'stage', id: 's1' }, 'Sign-up', 'sales', 'R');
    expect((await loadActions(board)).actions[0]?.ownerTeam).toBe('it');
  });
});

describe('board refusals', () => {
  it('come back as a message, not a throw', async () => {
    const { board } = setup();
    const broken: Board = {
      ...board,
      shared: () => ({
        get: () => Promise.reject(new Error('rate limited')),
        set: () => Promise.reject(new Error('rate limited')),
        remove: () => Promise.reject(new Error('rate limited')),
        watch: () => () => undefined,
      }),
    };
    const result = await setDepartment(broken, 'u', 'it');
    expect(result).toEqual({ ok: false, message: 'Your department was not saved: rate limited' });
  });
});

describe('watchInsights', () => {
  it('calls back once per burst when another participant rates or picks a department', async () => {
    const { connect } = setup();
    const mine = connect({ id: 'u-fac', name: 'Fran' });
    let calls = 0;
    const stop = watchInsights(mine, MAP, STAGES, () => (calls += 1), 20);
    await new Promise((r) => setTimeout(r, 60));
    const start = calls;
    const ann = connect({ id: 'u-ann', name: 'Ann' });
    await rateStage(
      ann,
      { userId: 'u-ann', deviceId: 'd', department: null },
      { ...cell, stageId: 's1', value: 1 },
      T(1),
    );
    await setDepartment(ann, 'u-ann', 'Sales');
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toBe(start + 1);
    await rateStage(
      ann,
      { userId: 'u-ann', deviceId: 'd', department: null },
      { ...cell, stageId: 's2', value: -1 },
      T(2),
    );
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toBe(start + 2);
    stop();
    await setDepartment(ann, 'u-ann', 'IT');
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toBe(start + 2);
  });
});
