import { describe, expect, it } from 'vitest';
import { createPlaygroundBoard } from '../../../test/fakes/playground-board';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { addLane } from '../../domain/journey/edit-spec';
import { createMap } from '../map/create-map';
import { updateMap } from '../map/update-map';
import { removeMap } from '../map/remove-map';
import { drawKpiCards, kpiCardsShown, removeKpiCards } from './draw-kpi-cards';
import { drawRaciFrame, removeRaciFrame } from './draw-raci-frame';
import { addReading, saveKpi, setRaci } from './insights-writes';

async function setup() {
  const { local, board } = createPlaygroundBoard();
  let n = 0;
  const spec = createSpecFromPreset(findPreset('classic')!, () => `k${n++}`);
  const made = await createMap(board, spec);
  if (made.status !== 'done') throw new Error(made.status);
  const stageIds = spec.stages.map((s) => s.id);
  const s0 = spec.stages[0]!;
  let r = 0;
  const reading = (kpiId: string, value: string, date: string) =>
    addReading(board, spec.id, { kpiId, value, date, source: '' }, '2026-12-05', () => `r${r++}`);
  await saveKpi(board, spec.id, stageIds, {
    id: 'nps',
    name: 'NPS <b>',
    unit: 'pts',
    baseline: 20,
    target: 50,
    direction: 'higher',
    stageId: s0.id,
  });
  await reading('nps', '30', '2026-11-01');
  await reading('nps', '42', '2026-12-01');
  return { local, board, spec, record: made.record, stageIds, reading };
}

const shapes = async (board: Awaited<ReturnType<typeof setup>>['board']) =>
  (await board.listItems(['shape'])).filter(
    (i) => i.text.startsWith('KPIs ·') || i.text.startsWith('Journey KPIs'),
  );

describe('KPI cards', () => {
  it('puts a card above the stage column with the latest value, updates it in place, never covers a cell', async () => {
    const { board, spec, record, reading } = await setup();
    expect(await kpiCardsShown(board, spec.id)).toBe(false);
    expect(await drawKpiCards(board, spec.id)).toMatchObject({ status: 'done', created: 1 });
    const [card] = await shapes(board);
    expect(card!.text).toBe(
      `KPIs · ${spec.stages[0]!.name}\nNPS <b>: 42 pts (target 50 pts) · on track`,
    );
    const column = record.geometry.columns[0]!;
    expect(card!.rect.x).toBe(column.x);
    expect(card!.rect.y + card!.rect.h).toBeLessThanOrEqual(record.geometry.frame.y);
    expect(await kpiCardsShown(board, spec.id)).toBe(true);

    await reading('nps', '55', '2026-12-04');
    expect(await drawKpiCards(board, spec.id)).toMatchObject({
      status: 'done',
      created: 0,
      updated: 1,
    });
    const after = await shapes(board);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(card!.id);
    expect(after[0]!.text).toContain('55 pts (target 50 pts) · target met');
    // Nothing changed: nothing written.
    expect(await drawKpiCards(board, spec.id)).toEqual({
      status: 'done',
      created: 0,
      updated: 0,
      removed: 0,
    });
  });

  it('with a KPI row under the headers, puts each card in its cell, inside the frame, moving with it', async () => {
    const { local, board, spec, record } = await setup();
    await drawKpiCards(board, spec.id);
    const above = (await shapes(board))[0]!;
    // The facilitator adds the KPI row (Insights tab): the first lane, right under the headers.
    const next = addLane(spec, { id: 'kpi-row', name: 'KPIs', kind: 'kpis' }, 0);
    expect(await updateMap(board, spec.id, next)).toMatchObject({ status: 'done' });
    expect(await drawKpiCards(board, spec.id)).toMatchObject({ status: 'done', updated: 1 });
    const [card] = await shapes(board);
    const frameId = record.itemIds['frame']!;
    expect(card!.parentId).toBe(frameId);
    expect(card!.id).not.toBe(above.id); // replaced: a shape cannot move into a frame by update
    const header = (await board.listItems(['shape'])).find((i) => i.text === spec.stages[0]!.name)!;
    // Under the first stage's header, inside its column.
    expect(card!.rect.y).toBeGreaterThan(header.rect.y + header.rect.h);
    expect(card!.rect.y).toBeLessThan(header.rect.y + header.rect.h + 100);
    expect(card!.rect.x).toBeGreaterThanOrEqual(header.rect.x);
    expect(card!.rect.x + card!.rect.w).toBeLessThanOrEqual(header.rect.x + header.rect.w);

    // Dragged with the frame: drawing again finds it in place.
    const frame = local.item(frameId)!;
    local.human.move(frameId, frame.x + 500, frame.y + 200);
    const moved = (await shapes(board))[0]!;
    expect([moved.rect.x, moved.rect.y]).toEqual([card!.rect.x + 500, card!.rect.y + 200]);
    expect(await drawKpiCards(board, spec.id)).toEqual({
      status: 'done',
      created: 0,
      updated: 0,
      removed: 0,
    });
    // "Remove map" takes the cards and the frame (the cards are not others' items).
    expect(await removeMap(board, spec.id)).toEqual({ status: 'done', keptFrame: null });
    expect(await shapes(board)).toHaveLength(0);
  });

  it('adds a journey card and removes a stage card when the stage has no KPIs left', async () => {
    const { board, spec, stageIds } = await setup();
    await drawKpiCards(board, spec.id);
    await saveKpi(board, spec.id, stageIds, {
      id: 'nps',
      name: 'NPS',
      unit: '',
      baseline: 20,
      target: 50,
      direction: 'higher',
      stageId: null,
    });
    expect(await drawKpiCards(board, spec.id)).toMatchObject({
      status: 'done',
      created: 1,
      removed: 1,
    });
    const texts = (await shapes(board)).map((s) => s.text);
    expect(texts).toEqual(['Journey KPIs\nNPS: 42 (target 50) · on track']);
  });

  it('goes with the map, and "Remove KPI cards" removes only them', async () => {
    const { board, spec } = await setup();
    await drawKpiCards(board, spec.id);
    expect(await removeKpiCards(board, spec.id)).toMatchObject({ status: 'done', removed: 1 });
    expect(await shapes(board)).toHaveLength(0);
    expect(await kpiCardsShown(board, spec.id)).toBe(false);
    expect((await board.listItems(['frame'])).length).toBe(1);
    await drawKpiCards(board, spec.id);
    await drawRaciFrame(board, spec.id); // empty: nothing drawn
    await setRaci(board, spec.id, { kind: 'stage', id: spec.stages[0]!.id }, 'x', 'marketing', 'A');
    await drawRaciFrame(board, spec.id);
    expect(await removeMap(board, spec.id)).toEqual({ status: 'done', keptFrame: null });
    expect(await board.listItems()).toEqual([]);
  });
});

describe('RACI frame', () => {
  it('says so when there is nothing to draw, draws the matrix beside the map, updates it in place', async () => {
    const { board, spec, record, local } = await setup();
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'empty' });
    expect(await board.listItems(['frame'])).toHaveLength(1);
    const s0 = { kind: 'stage' as const, id: spec.stages[0]!.id };
    const s1 = { kind: 'stage' as const, id: spec.stages[1]!.id };
    await setRaci(board, spec.id, s0, 'Awareness', 'marketing', 'A');
    await setRaci(board, spec.id, s0, 'Awareness', 'sales', 'R');
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    const frames = await board.listItems(['frame']);
    const raci = frames.find((f) => f.text.startsWith('RACI'))!;
    expect(raci.rect.x).toBeGreaterThan(record.geometry.frame.x + record.geometry.frame.w);
    const inside = () => board.listItems().then((all) => all.filter((i) => i.parentId === raci.id));
    const cells = (await inside())
      .filter((i) => i.text.length === 1)
      .map((i) => i.text)
      .sort();
    expect(cells).toEqual(['A', 'R']);
    const count = (await inside()).length;

    await setRaci(board, spec.id, s1, 'Consideration', 'support <i>', 'C');
    await setRaci(board, spec.id, s0, 'Awareness', 'sales', 'I');
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    const after = await inside();
    expect(after.length).toBe(count + 2); // a column and a cell more
    expect(
      after
        .filter((i) => i.text.length === 1)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['A', 'C', 'I']);
    expect(after.some((i) => i.text === 'support <i>')).toBe(true);
    // Plain text on the board: the playground stores Miro's HTML, escaped.
    expect(JSON.stringify(local.items())).toContain('support &lt;i&gt;');
    expect(
      (await board.listItems(['frame'])).filter((f) => f.text.startsWith('RACI')),
    ).toHaveLength(1);

    expect(await removeRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    expect((await board.listItems(['frame'])).map((f) => f.text)).toEqual([spec.title]);
  });

  it('shrinks the frame when a department column goes, moving the cells left first', async () => {
    const { board, spec } = await setup();
    const s0 = { kind: 'stage' as const, id: spec.stages[0]!.id };
    await setRaci(board, spec.id, s0, 'Awareness', 'marketing', 'A');
    await setRaci(board, spec.id, s0, 'Awareness', 'sales', 'R');
    await setRaci(board, spec.id, s0, 'Awareness', 'support', 'C');
    await drawRaciFrame(board, spec.id);
    const raci = async () =>
      (await board.listItems(['frame'])).find((f) => f.text.startsWith('RACI'))!;
    const wide = await raci();
    await setRaci(board, spec.id, s0, 'Awareness', 'sales', null);
    expect(await drawRaciFrame(board, spec.id)).toMatchObject({ status: 'done' });
    const narrow = await raci();
    expect(narrow.id).toBe(wide.id);
    expect(narrow.rect.w).toBeLessThan(wide.rect.w);
    const inside = (await board.listItems()).filter((i) => i.parentId === narrow.id);
    expect(
      inside
        .map((i) => i.text)
        .filter((t) => t.length === 1)
        .sort(),
    ).toEqual(['A', 'C']);
    for (const item of inside)
      expect(item.rect.x + item.rect.w).toBeLessThanOrEqual(narrow.rect.x + narrow.rect.w);
  });
});
