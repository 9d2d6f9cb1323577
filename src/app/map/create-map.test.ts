import { describe, expect, it } from 'vitest';
import {
  createPlaygroundBoard,
  FACILITATOR,
  withFailingOps,
} from '../../../test/fakes/playground-board';
import type { Board, BoardItem } from '../../board/port';
import { cellKey, FRAME_KEY } from '../../domain/journey/layout';
import { stageTagTitle, type MapSpec } from '../../domain/journey/map-spec';
import { STAGE_TAG_COLORS } from '../../domain/journey/stage-tag-colors';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createMap } from './create-map';
import type { MapProgress } from './map-progress';
import { loadMaps, MAP_COLLECTION, MAP_INDEX_KEY } from './map-store';
import { updateMap } from './update-map';

const ids = () => {
  let n = 0;
  return () => `k${(n++).toString(36)}`;
};
const classic = (): MapSpec => createSpecFromPreset(findPreset('classic')!, ids());

const inside = (outer: BoardItem['rect'], inner: BoardItem['rect']) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.w <= outer.x + outer.w + 0.5 &&
  inner.y + inner.h <= outer.y + outer.h + 0.5;

async function mapItems(board: Board) {
  const items = await board.listItems();
  const frames = items.filter((i) => i.kind === 'frame');
  return { items, frames, children: items.filter((i) => i.parentId !== null) };
}

describe('createMap', () => {
  it('creates the classic map: a marked frame holding title, persona, headers, labels and 36 cells', async () => {
    const { board } = createPlaygroundBoard();
    const spec = classic();
    const outcome = await createMap(board, spec);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;

    const { frames, children } = await mapItems(board);
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.text).toBe('Customer journey map');
    expect(frame.meta).toEqual({ m: spec.id, r: 'frame' });
    expect(children).toHaveLength(1 + 1 + 6 + 6 + 36);
    for (const child of children) {
      expect(child.parentId).toBe(frame.id);
      expect(inside(frame.rect, child.rect), child.text).toBe(true);
    }
    const texts = children.map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Awareness', 'Advocacy', 'Pain points', 'Owning team']),
    );

    const record = outcome.record;
    expect(record.incomplete).toBe(false);
    expect(Object.keys(record.itemIds)).toHaveLength(51);
    expect(record.itemIds[FRAME_KEY]).toBe(frame.id);
    expect(record.tagTitles[spec.stages[0]!.id]).toBe('Stage · Awareness');
    expect(JSON.stringify(record).length).toBeLessThan(64_000);
  });

  it('makes one tag per stage and reuses a tag that already exists', async () => {
    const { local, board } = createPlaygroundBoard();
    local.human.createTag(stageTagTitle('Awareness'), 'red');
    local.human.createTag('Quick win');
    await createMap(board, classic());
    const titles = (await board.listTags()).map((t) => t.title).sort();
    expect(titles).toEqual(
      [
        'Quick win',
        ...['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'].map(
          stageTagTitle,
        ),
      ].sort(),
    );
  });

  it('gives each stage tag its own colour, in stage order, and leaves an existing tag as it is', async () => {
    const { local, board } = createPlaygroundBoard();
    local.human.createTag(stageTagTitle('Purchase'), 'gray');
    await createMap(board, classic());
    const colour = new Map((await board.listTags()).map((t) => [t.title, t.color]));
    const stages = classic().stages.map((s) => s.name);
    expect(stages).toHaveLength(6);
    expect(stages.map((s) => colour.get(stageTagTitle(s)))).toEqual([
      STAGE_TAG_COLORS[0],
      STAGE_TAG_COLORS[1],
      'gray',
      STAGE_TAG_COLORS[3],
      STAGE_TAG_COLORS[4],
      STAGE_TAG_COLORS[5],
    ]);
    expect(new Set(STAGE_TAG_COLORS.slice(0, 6)).size).toBe(6);
  });

  it('places the map in empty space near the view and zooms to it', async () => {
    const { local, board } = createPlaygroundBoard();
    const view = await board.viewport();
    local.human.addNote({
      x: view.x + view.w / 2,
      y: view.y + view.h / 2,
      content: 'Already here',
      by: FACILITATOR.id,
    });
    await createMap(board, classic());
    const { items, frames } = await mapItems(board);
    const note = items.find((i) => i.text === 'Already here')!;
    const frame = frames[0]!.rect;
    const overlaps =
      note.rect.x < frame.x + frame.w &&
      frame.x < note.rect.x + note.rect.w &&
      note.rect.y < frame.y + frame.h &&
      frame.y < note.rect.y + note.rect.h;
    expect(overlaps).toBe(false);
    expect(note.parentId).toBeNull();
    const after = await board.viewport();
    const centre = { x: frame.x + frame.w / 2, y: frame.y + frame.h / 2 };
    expect(centre.x).toBeGreaterThanOrEqual(after.x);
    expect(centre.x).toBeLessThanOrEqual(after.x + after.w);
    expect(centre.y).toBeGreaterThanOrEqual(after.y);
    expect(centre.y).toBeLessThanOrEqual(after.y + after.h);
  });

  it('stores the record and the index so another panel finds the map', async () => {
    const { board } = createPlaygroundBoard();
    const spec = classic();
    await createMap(board, spec);
    expect(await board.shared(MAP_COLLECTION).get(MAP_INDEX_KEY)).toEqual([spec.id]);
    const { maps, problems } = await loadMaps(board);
    expect(problems).toEqual([]);
    expect(maps.map((m) => m.spec)).toEqual([spec]);
  });

  it('reports progress through checking, writing to the last op, saving and done', async () => {
    const { board } = createPlaygroundBoard();
    const seen: MapProgress[] = [];
    await createMap(board, classic(), { onProgress: (p) => seen.push(p) });
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['checking', 'writing', 'saving', 'done']);
    const last = seen.filter((p) => p.phase === 'writing').at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(6 + 51);
  });

  describe('bad input writes nothing and says why', () => {
    const expectNothingWritten = async (board: Board) => {
      expect(await board.listItems()).toEqual([]);
      expect(await board.shared(MAP_COLLECTION).get(MAP_INDEX_KEY)).toBeUndefined();
    };

    it('a board that already holds 100 tags', async () => {
      const { local, board } = createPlaygroundBoard();
      for (let i = 0; i < 100; i++) local.human.createTag(`Tag ${i}`);
      const outcome = await createMap(board, classic());
      expect(outcome).toEqual({
        status: 'invalid',
        problems: [
          {
            field: 'tags',
            message: expect.stringContaining(
              'already has 100 tags and this map needs 6 new stage tags',
            ),
          },
        ],
      });
      await expectNothingWritten(board);
      expect(await board.listTags()).toHaveLength(100);
    });

    it('a stage name over the limit, 30 stages, duplicates', async () => {
      const { board } = createPlaygroundBoard();
      const base = classic();
      const long = { ...base, stages: [{ id: 'a', name: 'x'.repeat(121) }] };
      const many = {
        ...base,
        stages: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` })),
      };
      const dupes = {
        ...base,
        stages: [
          { id: 'a', name: 'Buy' },
          { id: 'b', name: 'buy' },
        ],
      };
      for (const spec of [long, many, dupes]) {
        const outcome = await createMap(board, spec);
        expect(outcome.status).toBe('invalid');
      }
      await expectNothingWritten(board);
    });

    it('creating the same map twice', async () => {
      const { board } = createPlaygroundBoard();
      const spec = classic();
      await createMap(board, spec);
      const again = await createMap(board, spec);
      expect(again).toMatchObject({ status: 'invalid', problems: [{ field: 'id' }] });
      expect((await mapItems(board)).frames).toHaveLength(1);
    });
  });

  it('a failure halfway leaves a record the next update completes, with one map', async () => {
    const { board } = createPlaygroundBoard();
    const spec = classic();
    const broken = new Set([
      cellKey(spec.stages[2]!.id, spec.lanes[1]!.id),
      cellKey(spec.stages[5]!.id, spec.lanes[5]!.id),
    ]);
    const flaky = withFailingOps(board, (op) => op.op === 'create' && broken.has(op.ref));
    const outcome = await createMap(flaky, spec);
    expect(outcome.status).toBe('incomplete');
    if (outcome.status !== 'incomplete') return;
    expect(outcome.messages).toHaveLength(2);
    expect(outcome.record.incomplete).toBe(true);
    expect(Object.keys(outcome.record.itemIds)).toHaveLength(49);
    expect((await mapItems(board)).children).toHaveLength(48);

    const fixed = await updateMap(board, spec.id, spec);
    expect(fixed.status).toBe('done');
    const { frames, children } = await mapItems(board);
    expect(frames).toHaveLength(1);
    expect(children).toHaveLength(50);
    if (fixed.status === 'done') expect(Object.keys(fixed.record.itemIds)).toHaveLength(51);
  });

  it('a cancel halfway leaves a record the next update completes, with one map', async () => {
    const { board } = createPlaygroundBoard();
    const spec = classic();
    const controller = new AbortController();
    const outcome = await createMap(board, spec, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.done >= 20) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ status: 'incomplete', cancelled: true });
    const partial = (await mapItems(board)).children.length;
    expect(partial).toBeLessThan(50);

    const fixed = await updateMap(board, spec.id, spec);
    expect(fixed.status).toBe('done');
    const { frames, children } = await mapItems(board);
    expect(frames).toHaveLength(1);
    expect(children).toHaveLength(50);
    expect((await board.listTags()).filter((t) => t.title.startsWith('Stage · '))).toHaveLength(6);
  });
});
