import { describe, expect, it } from 'vitest';
import { rectContains, rectsOverlap, type BoardItem, type Rect } from '../board/board-item';
import type { PreviewGroup } from '../clustering/grouping-preview';
import { groupColor } from './group-colors';
import {
  freeSpaceFor,
  groupMoves,
  placeGroupsAt,
  placeGroupsInArea,
  samePosition,
  type GroupArea,
  type GroupMovesInput,
} from './plan-group-moves';

const item = (id: string, x: number, y: number, over: Partial<BoardItem> = {}): BoardItem => ({
  id,
  kind: 'note',
  text: id,
  rect: { x, y, w: 100, h: 100 },
  color: 'light_pink',
  tags: [],
  parentId: null,
  meta: null,
  ...over,
});

const group = (id: string, noteIds: string[], over: Partial<PreviewGroup> = {}): PreviewGroup => ({
  id,
  label: `Group ${id}`,
  keywords: [],
  noteIds,
  unsorted: false,
  pinned: false,
  ...over,
});

const input = (
  groups: PreviewGroup[],
  notes: BoardItem[],
  over: Partial<GroupMovesInput> = {},
): GroupMovesInput => ({
  groups,
  pinned: new Set(),
  notes,
  settings: { color: true, labels: true },
  ...over,
});

/** A lane of three 500 × 500 cells, with the strips between them. */
const lane: GroupArea = {
  rect: { x: 0, y: 0, w: 1520, h: 500 },
  dividers: [
    { x: 500, y: 0, w: 10, h: 500 },
    { x: 1010, y: 0, w: 10, h: 500 },
  ],
};

const cellOf = (r: Rect) => Math.floor((r.x + r.w / 2) / 510);

describe('placeGroupsInArea', () => {
  it('places groups inside the area, clear of the strips between cells, a block in one cell', () => {
    const notes = ['a', 'b', 'c', 'd'].map((id, i) => item(id, 2000 + i * 150, 2000));
    const placed = placeGroupsInArea(
      input([group('g1', ['a', 'b']), group('g2', ['c', 'd'])], notes),
      lane,
    );
    expect(placed?.placedIn).toBe('area');
    for (const p of placed!.layout.placements) {
      expect(rectContains(lane.rect, { x: p.block.x, y: p.block.y })).toBe(true);
      for (const divider of lane.dividers) expect(rectsOverlap(p.block, divider)).toBe(false);
      expect(new Set(p.notes.map((n) => cellOf(n.rect))).size).toBe(1);
    }
  });

  it('splits a group bigger than a cell holds over the next cells; the later parts are labelled "(cont.)"', () => {
    // A cell holds 4 × 4 of these notes.
    const ids = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const notes = ids.map((id, i) => item(id, 3000 + i * 120, 3000));
    const moves = input([group('big', ids)], notes);
    const placed = placeGroupsInArea(moves, lane)!;
    expect(placed.layout.placements.length).toBeGreaterThan(1);
    const cells = placed.layout.placements.map((p) => new Set(p.notes.map((n) => cellOf(n.rect))));
    for (const cell of cells) expect(cell.size).toBe(1);
    const { notes: moved, labels } = groupMoves(moves, placed);
    expect(moved.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(labels.map((l) => l.text)).toEqual([
      'Group big',
      ...Array.from({ length: labels.length - 1 }, () => 'Group big (cont.)'),
    ]);
    expect(labels.every((l) => l.groupId === 'big')).toBe(true);
  });

  it('says null when the groups do not fit even split; they then go to the free space found', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const notes = ids.map((id, i) => item(id, i * 120, 5000));
    const moves = input([group('g', ids)], notes);
    const small: GroupArea = { rect: { x: 0, y: 0, w: 300, h: 300 }, dividers: [] };
    expect(placeGroupsInArea(moves, small)).toBeNull();
    const size = freeSpaceFor(moves);
    expect(size.w).toBeGreaterThan(300);
    const placed = placeGroupsAt(moves, { x: 9000, y: 9000 });
    expect(placed.placedIn).toBe('free-space');
    expect(placed.layout.fits).toBe(true);
    const at = { x: 9000, y: 9000, ...size };
    for (const p of placed.layout.placements)
      for (const n of p.notes) expect(rectContains(at, n.rect)).toBe(true);
  });
});

describe('groupMoves', () => {
  it('colours each group from left to right, keeps Unsorted’s colours, and leaves pinned notes and their group unlabelled', () => {
    const notes = [
      item('a', 0, 900),
      item('b', 150, 900),
      item('p', 2000, 40),
      item('u', 300, 900),
    ];
    const moves = input(
      [
        group('g', ['a', 'b']),
        group('team', ['p'], { pinned: true }),
        group('rest', ['u'], { unsorted: true, label: 'Unsorted' }),
      ],
      notes,
      { pinned: new Set(['p']) },
    );
    const placed = placeGroupsAt(moves, { x: 2000, y: 2000 });
    const { notes: moved, labels } = groupMoves(moves, placed);
    const byId = new Map(moved.map((n) => [n.id, n]));
    expect(byId.has('p')).toBe(false);
    expect(byId.get('a')!.after.color).toBe(groupColor(0));
    expect(byId.get('b')!.after.color).toBe(groupColor(0));
    expect(byId.get('u')!.after.color).toBe('light_pink');
    expect(byId.get('a')!.before).toEqual({ x: 0, y: 900, color: 'light_pink' });
    expect(labels.map((l) => l.groupId).sort()).toEqual(['g', 'rest']);
  });

  it('leaves alone a note already where and as it should be, and asks for its stage tag only when moved', () => {
    const notes = [item('a', 0, 0), item('b', 0, 0)];
    const moves = input([group('g', ['a', 'b'])], notes, {
      settings: { color: false, labels: false },
    });
    const placed = placeGroupsAt(moves, { x: 0, y: 0 });
    const spotOfA = placed.layout.placements[0]!.notes.find((n) => n.id === 'a')!.rect;
    const settled = moves.notes.map((n) =>
      n.id === 'a' ? { ...n, rect: { ...n.rect, x: spotOfA.x + 0.3, y: spotOfA.y } } : n,
    );
    const { notes: moved } = groupMoves({ ...moves, notes: settled }, placed, {
      stageTagFor: (note) => (note.id === 'b' ? 'Stage · Purchase' : null),
    });
    expect(moved.map((n) => n.id)).toEqual(['b']);
    expect(moved[0]!.stageTag).toBe('Stage · Purchase');
  });

  it('moves the dots on a moved note by the same offset, and counts the marks it cannot move', () => {
    const notes = [item('a', 0, 0), item('b', 500, 0)];
    const dot = item('dot', 10, 10, { kind: 'dot', rect: { x: 10, y: 10, w: 20, h: 20 } });
    const stray = item('far', 3000, 3000, {
      kind: 'dot',
      rect: { x: 3000, y: 3000, w: 20, h: 20 },
    });
    const emoji = item('emoji', 560, 40, { kind: 'other', rect: { x: 560, y: 40, w: 30, h: 30 } });
    const moves = input([group('g', ['a', 'b'])], notes);
    const placed = placeGroupsAt(moves, { x: 1000, y: 1000 });
    const { notes: moved, fixedLeft } = groupMoves(moves, placed, {
      dots: [dot, stray],
      fixed: [emoji],
    });
    const a = moved.find((n) => n.id === 'a')!;
    const d = moved.find((n) => n.id === 'dot')!;
    expect(d.on).toBe('a');
    expect(d.after.x - d.before.x).toBe(a.after.x - a.before.x);
    expect(d.after.y - d.before.y).toBe(a.after.y - a.before.y);
    expect(d.after.color).toBeNull();
    expect(moved.some((n) => n.id === 'far')).toBe(false);
    expect(fixedLeft).toBe(1);
  });
});

describe('samePosition', () => {
  it('is under half a unit apart on each axis', () => {
    expect(samePosition({ x: 1, y: 1 }, { x: 1.49, y: 0.51 })).toBe(true);
    expect(samePosition({ x: 1, y: 1 }, { x: 1.5, y: 1 })).toBe(false);
    expect(samePosition({ x: 1, y: 1 }, { x: 1, y: 0.5 })).toBe(false);
  });
});
