/**
 * Issue 14 §1, §2 and §4 on MURAL: the emotion curve (point shapes joined by arrows), the KPI
 * cards and the RACI frame drawn on a mural through the local MURAL server (shapes, a text, arrows
 * and an area with widgets inside it), updated in place when drawn again, and removed with the map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawCurve, removeCurve } from '../../src/app/insights/draw-curve';
import { drawKpiCards } from '../../src/app/insights/draw-kpi-cards';
import { drawRaciFrame } from '../../src/app/insights/draw-raci-frame';
import { addReading, rateStage, saveKpi, setRaci } from '../../src/app/insights/insights-writes';
import { createMap } from '../../src/app/map/create-map';
import { removeMap } from '../../src/app/map/remove-map';
import type { Board } from '../../src/board/port';
import { lineBetween } from '../../src/domain/board/board-item';
import { createSpecFromPreset, findPreset } from '../../src/domain/journey/presets';
import { muralPanel } from '../mural-server/panel';
import { startMuralServer, type MuralServer, type WidgetRecord } from '../mural-server/server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

/** A fresh panel on the mural: its own client and adapter, nothing seen yet. */
const panelOn = (muralId: string): Board => muralPanel(server, muralId);

describe('the emotion curve on MURAL', () => {
  /** The curve's widgets as the server holds them, absolute, with each arrow's path. */
  function curveOnServer(muralId: string) {
    const all = server.widgets(muralId);
    const byId = new Map(all.map((w) => [w.id, w]));
    const abs = (w: WidgetRecord) => {
      let { x, y } = w;
      for (let p = w.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
        x += byId.get(p)!.x;
        y += byId.get(p)!.y;
      }
      return { x, y, w: w.width, h: w.height };
    };
    const points = all.filter((w) => w.type === 'shape' && /^\S+ ([+−]\d\.\d|0)$/u.test(w.text));
    const arrows = all
      .filter((w) => w.type === 'arrow')
      .map((w) => {
        const at = abs(w);
        const [from, to] = (w.points ?? []).map((p) => ({ x: at.x + p.x, y: at.y + p.y }));
        return { w, from: from!, to: to! };
      });
    return { points, arrows, abs, byId };
  }

  /** Each arrow joins two curve points, border to border, where they are now. */
  function expectArrowsOnPoints(muralId: string) {
    const { points, arrows, abs, byId } = curveOnServer(muralId);
    const ids = new Set(points.map((p) => p.id));
    for (const { w, from, to } of arrows) {
      expect(ids.has(w.startRefId!) && ids.has(w.endRefId!)).toBe(true);
      const line = lineBetween(abs(byId.get(w.startRefId!)!), abs(byId.get(w.endRefId!)!));
      expect(from.x).toBeCloseTo(line.from.x, 6);
      expect(from.y).toBeCloseTo(line.from.y, 6);
      expect(to.x).toBeCloseTo(line.to.x, 6);
      expect(to.y).toBeCloseTo(line.to.y, 6);
      expect(w).toMatchObject({ arrowType: 'straight', tip: 'no tip' });
    }
  }

  it('joins the points with arrows in the map’s area, draws them again where moved points are, and removes them from a fresh panel', async () => {
    const muralId = server.createMural('Curve');
    const board = panelOn(muralId);
    let n = 0;
    const spec = createSpecFromPreset(findPreset('classic')!, () => `c${n++}`);
    const made = await createMap(board, spec);
    if (made.status !== 'done') throw new Error(made.status);
    const [s1, s2, s3] = spec.stages.map((s) => s.id);
    const rate = async (stageId: string, value: number) => {
      const outcome = await rateStage(
        board,
        { userId: 'ann', deviceId: 'd', department: null },
        { mapId: spec.id, stageId, personaId: 'default', line: 'as-is', value },
        new Date().toISOString(),
      );
      if (!outcome.ok) throw new Error(outcome.message);
    };
    await rate(s1!, 2);
    await rate(s2!, -1);
    await rate(s3!, 1);
    expect(await drawCurve(board, spec.id)).toMatchObject({
      status: 'done',
      summary: { points: 3, lines: 2, added: 3, linesDrawn: 2, linesSkipped: false },
    });
    const frameId = made.record.itemIds['frame']!;
    let drawn = curveOnServer(muralId);
    expect(drawn.points).toHaveLength(3);
    expect(drawn.arrows).toHaveLength(2);
    // In the map's area, with the line's style: solid, as-is, 4 px (MURAL takes 1 to 7).
    for (const { w } of drawn.arrows) {
      expect(w.parentId).toBe(frameId);
      expect(w.style).toMatchObject({ strokeStyle: 'solid', strokeWidth: 4 });
    }
    expectArrowsOnPoints(muralId);

    // Ann changes her mind on the middle stage: its point moves, both its lines are drawn again.
    await rate(s2!, 2);
    expect(await drawCurve(board, spec.id)).toMatchObject({
      status: 'done',
      summary: { moved: 1, unchanged: 2, linesDrawn: 2 },
    });
    drawn = curveOnServer(muralId);
    expect(drawn.arrows).toHaveLength(2);
    expectArrowsOnPoints(muralId);

    // The area dragged by hand carries points and arrows along: nothing to draw again.
    const area = server.widgets(muralId).find((w) => w.id === frameId)!;
    area.x += 400;
    area.y += 120;
    const fresh = panelOn(muralId);
    expect(await drawCurve(fresh, spec.id)).toMatchObject({
      status: 'done',
      summary: { moved: 0, added: 0, linesDrawn: 0 },
    });
    expectArrowsOnPoints(muralId);

    // A stage no longer rated loses its point; the arrow to it goes with it.
    await rate(s3!, 0);
    expect((await removeCurve(panelOn(muralId), spec.id)).status).toBe('done');
    expect(curveOnServer(muralId)).toMatchObject({ points: [], arrows: [] });

    expect(await drawCurve(board, spec.id)).toMatchObject({ status: 'done' });
    expect(curveOnServer(muralId).arrows).toHaveLength(2);
    expect(await removeMap(panelOn(muralId), spec.id)).toEqual({ status: 'done', keptFrame: null });
    expect(await panelOn(muralId).listItems()).toEqual([]);
  }, 60_000);
});

describe('KPI cards and RACI frame on MURAL', () => {
  it('draws both, updates them in place, and removes them with the map', async () => {
    const muralId = server.createMural('Insights');
    const board = panelOn(muralId);
    let n = 0;
    const spec = createSpecFromPreset(findPreset('classic')!, () => `k${n++}`);
    expect((await createMap(board, spec)).status).toBe('done');
    const stageIds = spec.stages.map((s) => s.id);
    await saveKpi(board, spec.id, stageIds, {
      id: 'csat',
      name: 'CSAT & <more>',
      unit: '%',
      baseline: 60,
      target: 80,
      direction: 'higher',
      stageId: stageIds[1],
    });
    let r = 0;
    const reading = (value: number, date: string) =>
      addReading(
        board,
        spec.id,
        { kpiId: 'csat', value, date, source: '' },
        '2026-12-05',
        () => `r${r++}`,
      );
    await reading(65, '2026-11-01');
    await reading(70, '2026-12-01');
    expect(await drawKpiCards(board, spec.id)).toMatchObject({ status: 'done', created: 1 });
    const card = async () =>
      (await board.listItems(['shape'])).filter((s) => s.text.startsWith('KPIs ·'));
    const [first] = await card();
    expect(first!.text).toBe(
      `KPIs · ${spec.stages[1]!.name}\nCSAT & <more>: 70% (target 80%) · on track`,
    );
    await reading(58, '2026-12-04');
    expect(await drawKpiCards(board, spec.id)).toMatchObject({ status: 'done', updated: 1 });
    const after = await card();
    expect(after.map((c) => c.id)).toEqual([first!.id]);
    expect(after[0]!.text).toContain('58% (target 80%) · off track');

    await setRaci(board, spec.id, { kind: 'stage', id: stageIds[0]! }, 'x', 'marketing', 'A');
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    await setRaci(board, spec.id, { kind: 'stage', id: stageIds[0]! }, 'x', 'sales', 'R');
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    const frames = (await board.listItems(['frame'])).filter((f) => f.text.startsWith('RACI'));
    expect(frames).toHaveLength(1);
    const inside = (await board.listItems()).filter((i) => i.parentId === frames[0]!.id);
    expect(
      inside
        .filter((i) => i.text.length === 1)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['A', 'R']);

    expect(await removeMap(board, spec.id)).toEqual({ status: 'done', keptFrame: null });
    expect(await board.listItems()).toEqual([]);
  }, 60_000);
});
