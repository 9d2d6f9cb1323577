/**
 * Issue 14 §2 and §4 on MURAL: the KPI cards and the RACI frame drawn on a mural through the
 * local MURAL server (shapes, a text and an area with widgets inside it), updated in place when
 * drawn again, and removed with the map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawKpiCards } from '../../src/app/insights/draw-kpi-cards';
import { drawRaciFrame } from '../../src/app/insights/draw-raci-frame';
import { addReading, saveKpi, setRaci } from '../../src/app/insights/insights-writes';
import { createMap } from '../../src/app/map/create-map';
import { removeMap } from '../../src/app/map/remove-map';
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import { createSpecFromPreset, findPreset } from '../../src/domain/journey/presets';
import { startMuralServer, type MuralServer } from '../mural-server/server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

describe('KPI cards and RACI frame on MURAL', () => {
  it('draws both, updates them in place, and removes them with the map', async () => {
    const muralId = server.createMural('Insights');
    const { accessToken } = server.issueToken({ id: 'u-m', firstName: 'M', lastName: 'F' });
    const client = createMuralClient({
      apiBase: server.apiBase,
      tokens: {
        accessToken: () => Promise.resolve(accessToken),
        refresh: () => Promise.reject(new Error('no')),
      },
    });
    const board = createMuralBoard(client, muralId);
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
