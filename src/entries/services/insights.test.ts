import { describe, expect, it } from 'vitest';
import { createMap } from '../../app/map/create-map';
import { addFacilitator } from '../../app/roles/facilitators';
import { openWorkshop } from '../../app/workshop';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardUser } from '../../board/port';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { insightsUseCases } from './insights';

const ALEX: BoardUser = { id: 'u-alex', name: 'Alex' };

describe('the Insights tab services', () => {
  it('a KPI saved stays saved when the cards that follow it fail: saved, with a warning', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect(ALEX), { platform: 'playground' });
    await addFacilitator(board, ALEX, ALEX);
    let n = 0;
    const made = await createMap(
      board,
      createSpecFromPreset(findPreset('classic')!, () => `k${n++}`),
    );
    if (made.status !== 'done') throw new Error('no map');
    const spec = made.record.spec;
    const map = {
      id: spec.id,
      title: spec.title,
      stages: spec.stages.map((s) => ({ id: s.id, name: s.name })),
      emotionsLane: false,
      kpiLane: false,
    };
    const kpi = (id: string) => ({
      id,
      name: `KPI ${id}`,
      unit: '%',
      baseline: '10',
      target: '20',
      direction: 'higher',
      stageId: null,
    });
    const workshop = await openWorkshop(board, { db: null, problem: 'none' });
    expect(await insightsUseCases.saveKpi(workshop, map, kpi('k1'))).toMatchObject({ ok: true });
    expect(await insightsUseCases.showKpis(workshop, map.id)).toMatchObject({ ok: true });

    // The board stops answering writes of items (the cards) after the KPI is stored.
    const failing: Board = Object.assign(Object.create(board) as Board, {
      apply: () => Promise.reject(new Error('The board did not answer')),
    });
    const outcome = await insightsUseCases.saveKpi({ ...workshop, board: failing }, map, kpi('k2'));
    expect(outcome).toEqual({
      ok: true,
      warning: true,
      message: 'Saved, but the KPI cards on the board were not updated: The board did not answer',
    });
    const data = await insightsUseCases.load(workshop, map);
    expect(data.kpis.map((k) => k.id)).toEqual(['k1', 'k2']);
  });

  it('a participant asking to draw is told it is for facilitators, not that something was not saved', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect(ALEX), { platform: 'playground' });
    await addFacilitator(board, ALEX, ALEX);
    const sam = createMiroBoard(local.connect({ id: 'u-sam', name: 'Sam' }), {
      platform: 'playground',
    });
    const workshop = await openWorkshop(sam, { db: null, problem: 'none' });
    const outcome = await insightsUseCases.putRaci(workshop, 'no-map');
    expect(outcome).toMatchObject({ ok: false, title: 'Facilitators only' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/facilitators \(Alex\)/);
  });
});
