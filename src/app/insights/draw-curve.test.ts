import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { connectPeer, createPlaygroundBoard } from '../../../test/fakes/playground-board';
import type { Board } from '../../board/port';
import type { LocalBoard, LocalShape } from '../../board/playground/sdk/local-board-types';
import { removeLane } from '../../domain/journey/edit-spec';
import type { MapSpec } from '../../domain/journey/map-spec';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createMap } from '../map/create-map';
import { removeMap } from '../map/remove-map';
import { loadCurve } from './curve-store';
import { drawCurve, removeCurve } from './draw-curve';
import { rateStage, savePersonas } from './insights-writes';

const NEAR = { x: 0, y: 0, w: 2000, h: 1500 };

function classic(): MapSpec {
  let n = 0;
  return createSpecFromPreset(findPreset('classic')!, () => `k${(n++).toString(36)}`);
}

async function mapOnBoard(spec = classic()) {
  const { local, board } = createPlaygroundBoard();
  const made = await createMap(board, spec, { near: NEAR });
  if (made.status !== 'done') throw new Error(made.status);
  return { local, board, record: made.record };
}

async function rate(
  board: Board,
  mapId: string,
  who: string,
  stageId: string,
  value: number,
  personaId = 'default',
  line: 'as-is' | 'to-be' = 'as-is',
) {
  const outcome = await rateStage(
    board,
    { userId: who, deviceId: 'd', department: null },
    { mapId, stageId, personaId, line, value },
    new Date().toISOString(),
  );
  if (!outcome.ok) throw new Error(outcome.message);
}

const curveItems = (local: LocalBoard) => ({
  points: local
    .items()
    .filter(
      (i): i is LocalShape => i.type === 'shape' && /^<p>\S+ ([+−]\d\.\d|0)<\/p>$/u.test(i.content),
    ),
  lines: local.items().filter((i) => i.type === 'connector'),
});

describe('drawCurve', () => {
  it('puts the points in the map’s frame, so a frame dragged by hand carries the curve along', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2] = record.spec.stages.map((s) => s.id);
    await rate(board, record.spec.id, 'ann', s1!, 2);
    await rate(board, record.spec.id, 'ann', s2!, -1);
    expect(await drawCurve(board, record.spec.id)).toMatchObject({ status: 'done' });
    const frameId = record.itemIds['frame']!;
    const before = curveItems(local).points.map((p) => local.absoluteRect(p.id));
    expect(curveItems(local).points.every((p) => p.parentId === frameId)).toBe(true);

    const frame = local.item(frameId)!;
    local.human.move(frameId, frame.x + 700, frame.y + 300);
    const after = curveItems(local).points.map((p) => local.absoluteRect(p.id));
    expect(after.map((r) => [r.x - 700, r.y - 300])).toEqual(before.map((r) => [r.x, r.y]));
    // Drawing again finds every point where the moved row puts it: nothing to change.
    expect(await drawCurve(board, record.spec.id)).toMatchObject({
      status: 'done',
      summary: { added: 0, moved: 0, removed: 0, unchanged: 2 },
    });
  });

  it('draws points in the Emotions row joined by lines, and updates them in place', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2, s3] = record.spec.stages.map((s) => s.id);
    await rate(board, record.spec.id, 'ann', s1!, 2);
    await rate(board, record.spec.id, 'ben', s1!, 1);
    await rate(board, record.spec.id, 'ann', s2!, -2);
    await rate(board, record.spec.id, 'ann', s3!, 0);

    const first = await drawCurve(board, record.spec.id);
    expect(first).toMatchObject({
      status: 'done',
      summary: { points: 3, lines: 2, added: 3, linesDrawn: 2, moved: 0, removed: 0 },
    });
    const drawn = curveItems(local);
    expect(drawn.points.map((p) => p.content)).toEqual([
      '<p>😄 +1.5</p>',
      '<p>😫 −2.0</p>',
      '<p>😐 0</p>',
    ]);
    expect(drawn.lines).toHaveLength(2);
    const emotions = record.geometry.rows.find(
      (r) => r.laneId === record.spec.lanes.find((l) => l.kind === 'emotions')!.id,
    )!;
    for (const p of drawn.points) {
      const box = local.absoluteRect(p.id);
      expect(box.y).toBeGreaterThanOrEqual(emotions.y);
      expect(box.y + box.height).toBeLessThanOrEqual(emotions.y + emotions.h);
    }

    // A changed rating moves its point (same item), the lines stay attached.
    const before = drawn.points[1]!;
    const y0 = local.absoluteRect(before.id).y;
    await rate(board, record.spec.id, 'ann', s2!, 2);
    const second = await drawCurve(board, record.spec.id);
    expect(second).toMatchObject({
      status: 'done',
      summary: { added: 0, moved: 1, removed: 0, unchanged: 2, linesDrawn: 0 },
    });
    expect(local.item(before.id)).toMatchObject({ content: '<p>😄 +2.0</p>' });
    expect(local.absoluteRect(before.id).y).toBeLessThan(y0);
    expect(curveItems(local).lines.map((l) => l.id)).toEqual(drawn.lines.map((l) => l.id));

    // Drawing again with nothing changed writes nothing.
    local.resetStats();
    expect(await drawCurve(board, record.spec.id)).toMatchObject({
      status: 'done',
      summary: { moved: 0, added: 0, unchanged: 3 },
    });
    expect(local.stats().callsByMethod.sync ?? 0).toBe(0);
    expect(local.stats().callsByMethod['storage.set'] ?? 0).toBe(0);
  });

  it('gives each persona its own as-is and to-be lines, dashed for to-be', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2] = record.spec.stages.map((s) => s.id);
    const saved = await savePersonas(board, record.spec.id, [
      { id: 'pa', name: 'Ana', summary: '' },
      { id: 'pb', name: 'Bo', summary: '' },
    ]);
    expect(saved.ok).toBe(true);
    for (const persona of ['pa', 'pb'])
      for (const line of ['as-is', 'to-be'] as const) {
        await rate(board, record.spec.id, 'ann', s1!, 1, persona, line);
        await rate(board, record.spec.id, 'ann', s2!, -1, persona, line);
      }
    const outcome = await drawCurve(board, record.spec.id);
    expect(outcome).toMatchObject({ status: 'done', summary: { points: 8, lines: 4 } });
    const lines = curveItems(local).lines;
    expect(lines.map((l) => (l.type === 'connector' ? l.style.strokeStyle : '')).sort()).toEqual([
      'dashed',
      'dashed',
      'normal',
      'normal',
    ]);
    expect(
      new Set(lines.map((l) => (l.type === 'connector' ? l.style.strokeColor : ''))).size,
    ).toBe(2);
  });

  it('removes the point of a stage no longer rated and joins its neighbours', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2, s3] = record.spec.stages.map((s) => s.id);
    await rate(board, record.spec.id, 'ann', s1!, 1);
    await rate(board, record.spec.id, 'ann', s2!, 1);
    await rate(board, record.spec.id, 'ann', s3!, 1);
    await drawCurve(board, record.spec.id);
    const cleared = await rateStage(
      board,
      { userId: 'ann', deviceId: 'd', department: null },
      { mapId: record.spec.id, stageId: s2!, personaId: 'default', line: 'as-is', value: null },
      new Date().toISOString(),
    );
    expect(cleared.ok).toBe(true);
    expect(await drawCurve(board, record.spec.id)).toMatchObject({
      status: 'done',
      summary: { points: 2, lines: 1, removed: 1, linesDrawn: 1 },
    });
    const { points, lines } = curveItems(local);
    expect(points).toHaveLength(2);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.type === 'connector' && [line.start.item, line.end.item]).toEqual(
      points.map((p) => p.id),
    );
  });

  it('refuses honestly: no Emotions lane, no ratings; nothing written', async () => {
    const spec = classic();
    const emotions = spec.lanes.find((l) => l.kind === 'emotions')!.id;
    const { local, board, record } = await mapOnBoard(removeLane(spec, emotions));
    local.resetStats();
    expect(await drawCurve(board, record.spec.id)).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('no Emotions lane'),
    });
    const other = await mapOnBoard();
    expect(await drawCurve(other.board, other.record.spec.id)).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('Nobody has rated'),
    });
    expect(curveItems(other.local).points).toHaveLength(0);
    expect(await loadCurve(other.board, other.record.spec.id)).toBeNull();
  });

  it('goes with "Remove curve" and with "Remove map"', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2] = record.spec.stages.map((s) => s.id);
    await rate(board, record.spec.id, 'ann', s1!, 1);
    await rate(board, record.spec.id, 'ann', s2!, -1);
    await drawCurve(board, record.spec.id);
    expect(await removeCurve(board, record.spec.id)).toEqual({ status: 'done', removed: 2 });
    expect(curveItems(local)).toEqual({ points: [], lines: [] });
    expect(await loadCurve(board, record.spec.id)).toBeNull();

    await drawCurve(board, record.spec.id);
    expect(curveItems(local).points).toHaveLength(2);
    expect(await removeMap(board, record.spec.id)).toMatchObject({ status: 'done' });
    expect(local.items()).toEqual([]);
    expect(await loadCurve(board, record.spec.id)).toBeNull();
  });

  it('two facilitators drawing at once: the next draw leaves one copy of each point', async () => {
    const { local, board, record } = await mapOnBoard();
    const [s1, s2, s3] = record.spec.stages.map((s) => s.id);
    await rate(board, record.spec.id, 'ann', s1!, 1);
    await rate(board, record.spec.id, 'ann', s2!, -1);
    await rate(board, record.spec.id, 'ann', s3!, 2);
    const peer = connectPeer(local);
    await Promise.all([drawCurve(board, record.spec.id), drawCurve(peer, record.spec.id)]);
    expect(curveItems(local).points.length).toBeGreaterThan(3);
    expect(await drawCurve(board, record.spec.id)).toMatchObject({ status: 'done' });
    const { points, lines } = curveItems(local);
    expect(points).toHaveLength(3);
    expect(lines).toHaveLength(2);
    expect(await drawCurve(peer, record.spec.id)).toMatchObject({
      status: 'done',
      summary: { added: 0, moved: 0, removed: 0, linesDrawn: 0 },
    });
  });
});
