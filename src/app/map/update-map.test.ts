import { describe, expect, it } from 'vitest';
import {
  connectPeer,
  createPlaygroundBoard,
  FACILITATOR,
} from '../../../test/fakes/playground-board';
import type { Board, BoardItem } from '../../board/port';
import { addLane, addStage, removeStage, renameStage } from '../../domain/journey/edit-spec';
import { cellKey, FRAME_KEY, laneKey, stageKey } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { stageTagColor } from '../../domain/journey/stage-tag-colors';
import { createMap } from './create-map';
import { loadMap, saveMap } from './map-store';
import { updateMap } from './update-map';

async function setup() {
  const { local, board } = createPlaygroundBoard();
  let n = 0;
  const spec: MapSpec = createSpecFromPreset(
    findPreset('classic')!,
    () => `k${(n++).toString(36)}`,
  );
  const outcome = await createMap(board, spec);
  if (outcome.status !== 'done') throw new Error(`setup: ${outcome.status}`);
  return { local, board, spec, record: outcome.record };
}

/** A second classic map, "Café opening", far to the right of the first. */
async function addCafeMap(board: Board) {
  let n = 0;
  const other: MapSpec = {
    ...createSpecFromPreset(findPreset('classic')!, () => `o${(n++).toString(36)}`),
    title: 'Café opening',
  };
  const made = await createMap(board, other, { near: { x: 20_000, y: 0, w: 1, h: 1 } });
  if (made.status !== 'done') throw new Error(made.status);
  return { other, made };
}

const byId = async (board: Board) => new Map((await board.listItems()).map((i) => [i.id, i]));

const rectOf = (items: Map<string, BoardItem>, record: MapRecord, key: string) =>
  items.get(record.itemIds[key]!)!.rect;

/** Drops a participant's note in the middle of a cell. */
function noteInCell(
  local: ReturnType<typeof createPlaygroundBoard>['local'],
  record: MapRecord,
  stageId: string,
  laneId: string,
  text: string,
) {
  const col = record.geometry.columns.find((c) => c.stageId === stageId)!;
  const row = record.geometry.rows.find((r) => r.laneId === laneId)!;
  return local.human.addNote({
    x: col.x + col.w / 2,
    y: row.y + row.h / 2,
    content: text,
    by: FACILITATOR.id,
  });
}

describe('updateMap', () => {
  it('renames a stage in place: header text and tag renamed, tagged notes keep the tag, one map', async () => {
    const { local, board, spec, record } = await setup();
    const stage = spec.stages[2]!;
    const note = noteInCell(local, record, stage.id, spec.lanes[0]!.id, 'Card declined');
    const tag = local.tags().find((t) => t.title === 'Stage · Purchase')!;
    local.human.toggleTag(note.id, tag.id);

    const outcome = await updateMap(board, spec.id, renameStage(spec, stage.id, 'Checkout'));
    expect(outcome.status).toBe('done');
    const items = await byId(board);
    expect(items.get(record.itemIds[stageKey(stage.id)]!)!.text).toBe('Checkout');
    const titles = (await board.listTags()).map((t) => t.title);
    expect(titles).toContain('Stage · Checkout');
    expect(titles).not.toContain('Stage · Purchase');
    expect(titles).toHaveLength(6);
    expect(items.get(note.id)!.tags).toEqual(['Stage · Checkout']);
    expect([...items.values()].filter((i) => i.kind === 'frame')).toHaveLength(1);
    expect(items.size).toBe(51 + 1);
  });

  it('a second map with the same stage names gets its own tags; renaming a stage of one never touches the other', async () => {
    const { local, board, spec, record } = await setup();
    const { other, made } = await addCafeMap(board);
    expect(made.record.tagTitles[other.stages[2]!.id]).toBe('Café · Purchase');
    const tagOf = (title: string) => local.tags().find((t) => t.title === title)!;
    const mine = noteInCell(local, record, spec.stages[2]!.id, spec.lanes[0]!.id, 'Card declined');
    const theirs = noteInCell(local, made.record, other.stages[2]!.id, other.lanes[0]!.id, 'Slow');
    local.human.toggleTag(mine.id, tagOf('Stage · Purchase').id);
    local.human.toggleTag(theirs.id, tagOf('Café · Purchase').id);

    const outcome = await updateMap(
      board,
      spec.id,
      renameStage(spec, spec.stages[2]!.id, 'Checkout'),
    );
    expect(outcome.status).toBe('done');
    const items = await byId(board);
    expect(items.get(mine.id)!.tags).toEqual(['Stage · Checkout']);
    expect(items.get(theirs.id)!.tags).toEqual(['Café · Purchase']);
    const after = await loadMap(board, other.id);
    expect(after.ok && after.record.tagTitles).toEqual(made.record.tagTitles);
  });

  it('a board from before per-map tags: the newer map moves its own notes to its own tags on update', async () => {
    const { local, board, spec, record } = await setup();
    const { other, made } = await addCafeMap(board);
    // What the previous version stored: both maps hold `Stage · <name>`.
    const legacy = Object.fromEntries(other.stages.map((s) => [s.id, `Stage · ${s.name}`]));
    await saveMap(board, { ...made.record, tagTitles: legacy });
    const purchase = local.tags().find((t) => t.title === 'Stage · Purchase')!;
    const mine = noteInCell(local, record, spec.stages[2]!.id, spec.lanes[0]!.id, 'Card declined');
    const theirs = noteInCell(local, made.record, other.stages[2]!.id, other.lanes[0]!.id, 'Slow');
    local.human.toggleTag(mine.id, purchase.id);
    local.human.toggleTag(theirs.id, purchase.id);

    const outcome = await updateMap(board, other.id, other);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.record.tagTitles[other.stages[2]!.id]).toBe('Café · Purchase');
    const items = await byId(board);
    expect(items.get(theirs.id)!.tags).toEqual(['Café · Purchase']);
    expect(items.get(mine.id)!.tags).toEqual(['Stage · Purchase']);
    const first = await loadMap(board, spec.id);
    expect(first.ok && first.record.tagTitles).toEqual(record.tagTitles);
  });

  it('renaming a stage to a title whose tag exists reuses that tag instead of failing', async () => {
    const { local, board, spec } = await setup();
    local.human.createTag('Stage · Checkout');
    const stage = spec.stages[2]!;
    const outcome = await updateMap(board, spec.id, renameStage(spec, stage.id, 'Checkout'));
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.record.tagTitles[stage.id]).toBe('Stage · Checkout');
    const titles = (await board.listTags()).map((t) => t.title);
    expect(titles.filter((t) => t === 'Stage · Checkout')).toHaveLength(1);
    // The old tag stays on the board: notes may carry it.
    expect(titles).toContain('Stage · Purchase');
  });

  it('two stages swapping names end with both headers and tags right', async () => {
    const { board, spec, record } = await setup();
    const [a, b] = spec.stages;
    const swapped = renameStage(renameStage(spec, a!.id, b!.name), b!.id, a!.name);
    const outcome = await updateMap(board, spec.id, swapped);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const items = await byId(board);
    expect(items.get(record.itemIds[stageKey(a!.id)]!)!.text).toBe(b!.name);
    expect(outcome.record.tagTitles).toMatchObject({
      [a!.id]: `Stage · ${b!.name}`,
      [b!.id]: `Stage · ${a!.name}`,
    });
    expect(await board.listTags()).toHaveLength(6);
  });

  it('adds a lane: the frame grows and a label and six cells appear inside it', async () => {
    const { board, spec, record } = await setup();
    const next = addLane(spec, { id: 'metrics', name: 'Metrics', kind: 'other' });
    const outcome = await updateMap(board, spec.id, next);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const after = outcome.record;
    const items = await byId(board);
    const frame = rectOf(items, after, FRAME_KEY);
    expect(frame.h).toBeGreaterThan(record.size.h);
    expect(after.itemIds[FRAME_KEY]).toBe(record.itemIds[FRAME_KEY]);
    for (const key of [laneKey('metrics'), ...spec.stages.map((s) => cellKey(s.id, 'metrics'))]) {
      const item = items.get(after.itemIds[key]!)!;
      expect(item.parentId).toBe(after.itemIds[FRAME_KEY]);
      expect(item.rect.y + item.rect.h).toBeLessThanOrEqual(frame.y + frame.h);
    }
    expect(items.size).toBe(51 + 7);
  });

  it('adds a stage and ensures its tag', async () => {
    const { board, spec } = await setup();
    const outcome = await updateMap(
      board,
      spec.id,
      addStage(spec, { id: 'loyal', name: 'Loyalty' }, 5),
    );
    expect(outcome.status).toBe('done');
    const tag = (await board.listTags()).find((t) => t.title === 'Stage · Loyalty');
    // The sixth stage's colour, as the panel's stage chip shows it.
    expect(tag?.color).toBe(stageTagColor(5));
    expect((await board.listItems()).length).toBe(51 + 7);
  });

  it('removes an empty stage: its header and cells go, notes in later stages move with their cells', async () => {
    const { local, board, spec, record } = await setup();
    const [, gone, next] = spec.stages;
    const note = noteInCell(local, record, next!.id, spec.lanes[3]!.id, 'Too many emails');
    const before = await byId(board);
    const cellBefore = rectOf(before, record, cellKey(next!.id, spec.lanes[3]!.id));
    const noteBefore = before.get(note.id)!.rect;

    const outcome = await updateMap(board, spec.id, removeStage(spec, gone!.id));
    expect(outcome.status === 'incomplete' ? outcome.messages : []).toEqual([]);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const items = await byId(board);
    expect(items.has(record.itemIds[stageKey(gone!.id)]!)).toBe(false);
    expect(items.has(record.itemIds[cellKey(gone!.id, spec.lanes[0]!.id)]!)).toBe(false);
    expect(items.size).toBe(51 - 7 + 1);
    const cellAfter = rectOf(items, outcome.record, cellKey(next!.id, spec.lanes[3]!.id));
    const noteAfter = items.get(note.id)!.rect;
    expect(noteAfter.x - cellAfter.x).toBeCloseTo(noteBefore.x - cellBefore.x);
    expect(noteAfter.y - cellAfter.y).toBeCloseTo(noteBefore.y - cellBefore.y);
    expect(rectOf(items, outcome.record, FRAME_KEY).w).toBe(record.size.w - 720);
    // Its tag stays: notes may carry it.
    expect((await board.listTags()).map((t) => t.title)).toContain(`Stage · ${gone!.name}`);
  });

  it('asks before removing a stage that holds notes, and changes nothing until confirmed', async () => {
    const { local, board, spec, record } = await setup();
    const stage = spec.stages[1]!;
    const note = noteInCell(local, record, stage.id, spec.lanes[2]!.id, 'Comparing fees');
    const next = removeStage(spec, stage.id);

    const asked = await updateMap(board, spec.id, next);
    expect(asked).toEqual({
      status: 'needs-confirmation',
      items: [{ kind: 'stage', stageId: stage.id, name: 'Consideration', notes: 1 }],
    });
    expect((await board.listItems()).length).toBe(52);
    const stored = await loadMap(board, spec.id);
    expect(stored.ok && stored.record.spec).toEqual(spec);

    const confirmed = await updateMap(board, spec.id, next, { confirmRemove: [stage.id] });
    expect(confirmed.status).toBe('done');
    const items = await byId(board);
    expect(items.has(record.itemIds[stageKey(stage.id)]!)).toBe(false);
    const kept = items.get(note.id)!;
    expect(kept.text).toBe('Comparing fees');
    const frame = items.get(record.itemIds[FRAME_KEY]!)!;
    expect(kept.parentId).toBe(frame.id);
    expect(kept.rect.x + kept.rect.w).toBeLessThanOrEqual(frame.rect.x + frame.rect.w);
  });

  it('follows a frame moved by hand', async () => {
    const { local, board, spec, record } = await setup();
    const frameId = record.itemIds[FRAME_KEY]!;
    const f = record.geometry.frame;
    local.human.move(frameId, f.x + f.w / 2 + 3000, f.y + f.h / 2 - 1000);
    const outcome = await updateMap(
      board,
      spec.id,
      renameStage(spec, spec.stages[0]!.id, 'Discovery'),
    );
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.record.origin).toEqual({ x: f.x + 3000, y: f.y - 1000 });
    const items = await byId(board);
    const header = rectOf(items, outcome.record, stageKey(spec.stages[0]!.id));
    expect(header.x).toBe(outcome.record.geometry.columns[0]!.x);
  });

  it('re-creates an item someone deleted', async () => {
    const { local, board, spec, record } = await setup();
    local.human.remove([record.itemIds[stageKey(spec.stages[0]!.id)]!]);
    const outcome = await updateMap(board, spec.id, spec);
    expect(outcome.status).toBe('done');
    const items = await board.listItems();
    expect(items).toHaveLength(51);
    expect(items.filter((i) => i.text === 'Awareness')).toHaveLength(1);
  });

  it('another participant sees the updated spec', async () => {
    const { local, board, spec } = await setup();
    await updateMap(board, spec.id, renameStage(spec, spec.stages[0]!.id, 'Discovery'));
    const peer = await loadMap(connectPeer(local), spec.id);
    expect(peer.ok && peer.record.spec.stages[0]!.name).toBe('Discovery');
  });

  it('refuses an invalid spec and a map that is not there', async () => {
    const { board, spec } = await setup();
    const bad = await updateMap(board, spec.id, { ...spec, stages: [] });
    expect(bad).toMatchObject({ status: 'invalid', problems: [{ field: 'stages' }] });
    expect(await updateMap(board, 'nope', spec)).toMatchObject({ status: 'not-found' });
  });
});
