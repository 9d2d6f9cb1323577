import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLane, addStage, moveStage, removeLane, removeStage, renameStage } from './edit-spec';
import { cellKey, FRAME_KEY, laneKey, layoutMap, stageKey, type MapLayout } from './layout';
import type { MapSpec } from './map-spec';
import type { BoardItem, Rect } from '../board/board-item';
import {
  frameBatches,
  isPlanDone,
  notesInFrame,
  planMapUpdate,
  type MapPlanOp,
  type MapState,
  type PlacedNote,
} from './plan-map-update';

const spec: MapSpec = {
  id: 'm1',
  title: 'Onboarding',
  presetId: 'blank',
  persona: { name: 'Alex', summary: 'New customer' },
  stages: [
    { id: 'a', name: 'Awareness' },
    { id: 'b', name: 'Purchase' },
    { id: 'c', name: 'Retention' },
  ],
  lanes: [
    { id: 'x', name: 'Doing', kind: 'actions' },
    { id: 'y', name: 'Feeling', kind: 'emotions' },
  ],
};
const origin = { x: 100, y: 200 };

/** The state right after creating `s`: every key has an id `id:<key>`. */
function created(s: MapSpec): MapState {
  const layout = layoutMap(s, origin);
  return {
    spec: s,
    layout,
    itemIds: Object.fromEntries(layout.items.map((i) => [i.key, `id:${i.key}`])),
  };
}

function noteIn(layout: MapLayout, key: string, id = `n-${key}`): PlacedNote {
  const cell = layout.items.find((i) => i.key === key)!.rect;
  return { id, rect: { x: cell.x + 20, y: cell.y + 20, w: 200, h: 200 } };
}

const kinds = (ops: MapPlanOp[]) => ops.map((o) => `${o.op} ${'key' in o ? o.key : o.id}`);

/** What the board holds after the plan, by key (removes drop, creates add). */
function applyToIds(state: MapState, ops: MapPlanOp[]): Record<string, string> {
  const ids = { ...state.itemIds };
  let n = 0;
  for (const op of ops) {
    if (op.op === 'remove') {
      expect(ids[op.key]).toBe(op.id);
      delete ids[op.key];
    }
    if (op.op === 'create') {
      expect(ids[op.key], `duplicate ${op.key}`).toBeUndefined();
      ids[op.key] = `new${n++}`;
    }
  }
  return ids;
}

describe('planMapUpdate', () => {
  it('plans nothing when nothing changed', () => {
    const plan = planMapUpdate(created(spec), spec, []);
    expect(plan.ops).toEqual([]);
    expect(plan.tagRenames).toEqual([]);
    expect(plan.needsConfirmation).toEqual([]);
  });

  it('renames a stage: header text updated, tag renamed, nothing else', () => {
    const next = renameStage(spec, 'b', 'Buying');
    const plan = planMapUpdate(created(spec), next, []);
    expect(plan.ops).toEqual([
      { op: 'update', key: stageKey('b'), id: `id:${stageKey('b')}`, text: 'Buying' },
    ]);
    expect(plan.tagRenames).toEqual([
      { stageId: 'b', from: 'Stage · Purchase', to: 'Stage · Buying' },
    ]);
    expect(plan.tagsToEnsure).toEqual([]);
    expect(plan.tagTitles.b).toBe('Stage · Buying');
  });

  it('adds a lane: frame grows first, a label and one cell per stage are created', () => {
    const next = addLane(spec, { id: 'z', name: 'Pain points', kind: 'pain_points' });
    const state = created(spec);
    const plan = planMapUpdate(state, next, []);
    expect(kinds(plan.ops)).toEqual([
      `update ${FRAME_KEY}`,
      `create ${laneKey('z')}`,
      `create ${cellKey('a', 'z')}`,
      `create ${cellKey('b', 'z')}`,
      `create ${cellKey('c', 'z')}`,
    ]);
    const frameOp = plan.ops[0] as Extract<MapPlanOp, { op: 'update' }>;
    expect(frameOp.rect!.h).toBeGreaterThan(state.layout.size.h);
    expect(frameOp.rect).toEqual(plan.layout.geometry.frame);
    expect(Object.keys(applyToIds(state, plan.ops)).sort()).toEqual(
      plan.layout.items.map((i) => i.key).sort(),
    );
  });

  it('removes an empty stage: its header and cells go, later columns and their notes move left, frame shrinks last', () => {
    const state = created(spec);
    const note = noteIn(state.layout, cellKey('c', 'y'));
    const plan = planMapUpdate(state, removeStage(spec, 'b'), [note]);
    expect(plan.needsConfirmation).toEqual([]);
    const removed = plan.ops
      .filter((o) => o.op === 'remove')
      .map((o) => (o as { key: string }).key);
    expect(removed.sort()).toEqual([stageKey('b'), cellKey('b', 'x'), cellKey('b', 'y')].sort());
    const move = plan.ops.find((o) => o.op === 'move-note');
    expect(move).toEqual({
      op: 'move-note',
      id: note.id,
      rect: { ...note.rect, x: note.rect.x - 720 },
    });
    const last = plan.ops.at(-1) as Extract<MapPlanOp, { op: 'update' }>;
    expect(last.key).toBe(FRAME_KEY);
    expect(last.rect!.w).toBe(state.layout.size.w - 720);
    expect(plan.tagRenames).toEqual([]);
  });

  it('asks before removing a stage whose cells hold notes, and plans nothing meanwhile', () => {
    const state = created(spec);
    const notes = [
      noteIn(state.layout, cellKey('b', 'x'), 'n1'),
      noteIn(state.layout, cellKey('b', 'y'), 'n2'),
    ];
    const plan = planMapUpdate(state, removeStage(spec, 'b'), notes);
    expect(plan.needsConfirmation).toEqual([
      { kind: 'stage', stageId: 'b', name: 'Purchase', notes: 2 },
    ]);
    expect(plan.ops).toEqual([]);
  });

  it('asks before removing a lane with notes', () => {
    const state = created(spec);
    const plan = planMapUpdate(state, removeLane(spec, 'y'), [
      noteIn(state.layout, cellKey('a', 'y')),
    ]);
    expect(plan.needsConfirmation).toEqual([
      { kind: 'lane', laneId: 'y', name: 'Feeling', notes: 1 },
    ]);
  });

  it('once confirmed, removes the cells and parks their notes inside a wider frame', () => {
    const state = created(spec);
    const notes = [
      noteIn(state.layout, cellKey('c', 'x'), 'n1'),
      noteIn(state.layout, cellKey('c', 'y'), 'n2'),
    ];
    const plan = planMapUpdate(state, removeStage(spec, 'c'), notes, { confirmRemove: ['c'] });
    expect(plan.needsConfirmation).toEqual([]);
    const moves = plan.ops.filter((o) => o.op === 'move-note') as Extract<
      MapPlanOp,
      { op: 'move-note' }
    >[];
    expect(moves.map((m) => m.id)).toEqual(['n1', 'n2']);
    for (const m of moves) {
      expect(m.rect.x).toBeGreaterThanOrEqual(plan.layout.geometry.frame.x + plan.layout.size.w);
      expect(m.rect.x + m.rect.w).toBeLessThanOrEqual(plan.frame.x + plan.frame.w);
      expect(m.rect.y + m.rect.h).toBeLessThanOrEqual(plan.frame.y + plan.frame.h);
    }
    expect(plan.frame.w).toBeGreaterThan(plan.layout.size.w);
  });

  it('a reorder moves cells and the notes in them; nothing is created or removed', () => {
    const state = created(spec);
    const note = noteIn(state.layout, cellKey('a', 'x'));
    const plan = planMapUpdate(state, moveStage(spec, 'a', 2), [note]);
    expect(plan.ops.some((o) => o.op === 'create' || o.op === 'remove')).toBe(false);
    expect(plan.ops.find((o) => o.op === 'move-note')).toMatchObject({
      rect: { x: note.rect.x + 1440 },
    });
  });

  it('creates the keys a failed create left without ids, and ensures new stage tags', () => {
    const full = created(spec);
    const { [FRAME_KEY]: _frame, [cellKey('b', 'y')]: _cell, ...rest } = full.itemIds;
    const half: MapState = { ...full, itemIds: rest };
    const next = addStage(spec, { id: 'd', name: 'Advocacy' });
    const plan = planMapUpdate(
      {
        ...half,
        tagTitles: { a: 'Stage · Awareness', b: 'Stage · Purchase', c: 'Stage · Retention' },
      },
      next,
      [],
    );
    expect(plan.ops[0]).toMatchObject({ op: 'create', key: FRAME_KEY });
    expect(kinds(plan.ops)).toContain(`create ${cellKey('b', 'y')}`);
    expect(kinds(plan.ops)).toContain(`create ${stageKey('d')}`);
    expect(plan.tagsToEnsure).toEqual(['Stage · Advocacy']);
  });

  it('resync re-sends every existing item', () => {
    const state = created(spec);
    const plan = planMapUpdate(state, spec, [], { resync: true });
    expect(plan.ops.filter((o) => o.op === 'update')).toHaveLength(state.layout.items.length);
  });

  it('never duplicates a key and ends with exactly the next layout (property)', () => {
    const edit = fc.oneof(
      fc.record({ t: fc.constant('add-stage' as const), at: fc.nat(6) }),
      fc.record({ t: fc.constant('add-lane' as const), at: fc.nat(6) }),
      fc.record({ t: fc.constant('remove-stage' as const), at: fc.nat(6) }),
      fc.record({ t: fc.constant('remove-lane' as const), at: fc.nat(6) }),
      fc.record({ t: fc.constant('move-stage' as const), at: fc.nat(6), to: fc.nat(6) }),
      fc.record({ t: fc.constant('rename' as const), at: fc.nat(6) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.nat(6), (edits, noteCount) => {
        const state = created(spec);
        let next = spec;
        edits.forEach((e, i) => {
          const stage = next.stages[e.at % Math.max(1, next.stages.length)];
          const lane = next.lanes[e.at % Math.max(1, next.lanes.length)];
          if (e.t === 'add-stage') next = addStage(next, { id: `s${i}`, name: `New ${i}` }, e.at);
          if (e.t === 'add-lane')
            next = addLane(next, { id: `l${i}`, name: `New ${i}`, kind: 'other' }, e.at);
          if (e.t === 'remove-stage' && stage && next.stages.length > 1)
            next = removeStage(next, stage.id);
          if (e.t === 'remove-lane' && lane && next.lanes.length > 1)
            next = removeLane(next, lane.id);
          if (e.t === 'move-stage' && stage) next = moveStage(next, stage.id, e.to);
          if (e.t === 'rename' && stage) next = renameStage(next, stage.id, `Renamed ${i}`);
        });
        const cells = state.layout.items.filter((i) => i.role === 'cell');
        const notes = cells.slice(0, noteCount).map((c) => noteIn(state.layout, c.key));
        const all = [...spec.stages.map((s) => s.id), ...spec.lanes.map((l) => l.id)];
        const plan = planMapUpdate(state, next, notes, { confirmRemove: all });
        expect(plan.needsConfirmation).toEqual([]);
        const ids = applyToIds(state, plan.ops);
        expect(Object.keys(ids).sort()).toEqual(plan.layout.items.map((i) => i.key).sort());
        // Every note ends inside the final frame.
        const moved = new Map(
          plan.ops.flatMap((o) => (o.op === 'move-note' ? [[o.id, o.rect] as const] : [])),
        );
        for (const n of notes) {
          const r = moved.get(n.id) ?? n.rect;
          expect(r.x >= plan.frame.x && r.x + r.w <= plan.frame.x + plan.frame.w).toBe(true);
          expect(r.y >= plan.frame.y && r.y + r.h <= plan.frame.y + plan.frame.h).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('notesInFrame', () => {
  const item = (id: string, kind: BoardItem['kind'], rect: Rect, parentId: string | null = null) =>
    ({ id, kind, text: '', rect, color: null, tags: [], parentId, meta: null }) satisfies BoardItem;
  const frame = item('f', 'frame', { x: 0, y: 0, w: 1000, h: 500 });
  const far = { x: 5000, y: 5000, w: 100, h: 100 };

  it('takes the notes in the frame or centred inside it, as they are now', () => {
    const items = [
      frame,
      item('child', 'note', far, 'f'),
      item('over', 'note', { x: 940, y: 440, w: 100, h: 100 }),
      item('half-out', 'note', { x: 960, y: 0, w: 100, h: 100 }),
      item('outside', 'note', far),
      item('shape', 'shape', { x: 10, y: 10, w: 100, h: 100 }, 'f'),
    ];
    expect(notesInFrame(items, frame)).toEqual([
      { id: 'child', rect: far },
      { id: 'over', rect: { x: 940, y: 440, w: 100, h: 100 } },
    ]);
  });

  it('has none without a frame', () => {
    expect(notesInFrame([item('n', 'note', far, 'f')], undefined)).toEqual([]);
  });
});

describe('frameBatches', () => {
  const frameTo = (w: number): MapPlanOp => ({
    op: 'update',
    key: FRAME_KEY,
    id: 'frame',
    rect: { x: 0, y: 0, w, h: 100 },
  });
  const header: MapPlanOp = { op: 'remove', key: stageKey('b'), id: 'h' };
  const note: MapPlanOp = { op: 'move-note', id: 'n', rect: { x: 1, y: 1, w: 1, h: 1 } };

  it('puts the frame’s first step before the children and its last step after them', () => {
    expect(frameBatches([frameTo(2), header, note, frameTo(1)])).toEqual([
      [frameTo(2)],
      [header, note],
      [frameTo(1)],
    ]);
  });

  it('leaves the children in one batch when the frame does not change, and a lone frame first', () => {
    expect(frameBatches([header, note])).toEqual([[], [header, note], []]);
    expect(frameBatches([header, frameTo(1)])).toEqual([[], [header], [frameTo(1)]]);
    expect(frameBatches([frameTo(1)])).toEqual([[frameTo(1)], [], []]);
    expect(frameBatches([])).toEqual([[], [], []]);
  });
});

describe('isPlanDone', () => {
  const next = addStage(spec, { id: 'd', name: 'Advocacy' });
  const plan = planMapUpdate(created(spec), next, []);
  const allIds = Object.fromEntries(plan.layout.items.map((i) => [i.key, `id:${i.key}`]));

  it('is done when every layout item has an id and every stage its planned tag', () => {
    expect(isPlanDone(plan, next, allIds, plan.tagTitles)).toBe(true);
  });

  it('is not while an item has no id or a stage lacks its planned tag', () => {
    const { [stageKey('d')]: _made, ...lacking } = allIds;
    expect(isPlanDone(plan, next, lacking, plan.tagTitles)).toBe(false);
    const { d: _tag, ...untagged } = plan.tagTitles;
    expect(isPlanDone(plan, next, allIds, untagged)).toBe(false);
  });
});
