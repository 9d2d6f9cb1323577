import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOverlap, type Rect } from '../board/board-item';
import { groupColor, GROUP_COLORS } from './group-colors';
import { layoutGroups, measureGroups, type LayoutGroup } from './layout-groups';

const NOTE = { w: 180, h: 206 };
const group = (id: string, n: number, size = NOTE): LayoutGroup => ({
  id,
  notes: Array.from({ length: n }, (_, i) => ({ id: `${id}-${i}`, ...size })),
});
const inside = (outer: Rect, r: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.w <= outer.x + outer.w &&
  r.y + r.h <= outer.y + outer.h;

/** Every rectangle a layout draws: labels and notes. */
const drawn = (layout: ReturnType<typeof layoutGroups>): Rect[] =>
  layout.placements.flatMap((p) => [...(p.label ? [p.label] : []), ...p.notes.map((n) => n.rect)]);

describe('layoutGroups', () => {
  it('puts a lane’s groups in one row of single-row blocks, labels above', () => {
    const lane = { x: 0, y: 0, w: 3500, h: 500 };
    const layout = layoutGroups([group('a', 3), group('b', 5), group('c', 2), group('d', 2)], lane);
    expect(layout.fits).toBe(true);
    for (const p of layout.placements) {
      expect(inside(lane, p.block)).toBe(true);
      const top = Math.min(...p.notes.map((n) => n.rect.y));
      expect(p.label!.y + p.label!.h).toBeLessThanOrEqual(top);
      expect(p.label!.x).toBe(p.block.x);
    }
    expect(new Set(layout.placements.flatMap((p) => p.notes.map((n) => n.rect.y))).size).toBe(1);
  });

  it('says when the groups do not fit (two groups in one 700 × 500 cell)', () => {
    const cell = { x: 100, y: 100, w: 700, h: 500 };
    expect(layoutGroups([group('a', 3)], cell).fits).toBe(true);
    expect(layoutGroups([group('a', 3), group('b', 3)], cell).fits).toBe(false);
  });

  it('keeps clear of obstacles (pinned notes)', () => {
    const area = { x: 0, y: 0, w: 2000, h: 2000 };
    const pinned = { x: 300, y: 40, w: 180, h: 206 };
    const layout = layoutGroups([group('a', 4), group('b', 4), group('c', 1)], area, {
      obstacles: [pinned],
    });
    expect(layout.fits).toBe(true);
    for (const r of drawn(layout)) expect(rectsOverlap(r, pinned)).toBe(false);
  });

  it('is deterministic and skips empty groups', () => {
    const groups = [group('a', 7), group('empty', 0), group('b', 1)];
    const area = { x: 5, y: 5, w: 1800, h: 1800 };
    expect(layoutGroups(groups, area)).toEqual(layoutGroups(groups, area));
    expect(layoutGroups(groups, area).placements.map((p) => p.groupId)).toEqual(['a', 'b']);
  });

  it('fits in a rectangle of the measured size; no labels leaves no label strip', () => {
    const groups = [group('a', 9), group('b', 4), group('c', 1), group('d', 12)];
    const size = measureGroups(groups);
    const layout = layoutGroups(groups, { x: 1000, y: -400, ...size });
    expect(layout.fits).toBe(true);
    const bare = layoutGroups(groups, { x: 0, y: 0, ...size }, { labelHeight: 0 });
    expect(bare.placements.every((p) => p.label === null)).toBe(true);
  });

  it('property: no two drawn rectangles overlap, and a layout that fits stays inside', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              w: fc.integer({ min: 20, max: 400 }),
              h: fc.integer({ min: 20, max: 400 }),
            }),
            {
              maxLength: 12,
            },
          ),
          { minLength: 1, maxLength: 10 },
        ),
        fc.record({
          x: fc.integer({ min: -5000, max: 5000 }),
          y: fc.integer({ min: -5000, max: 5000 }),
          w: fc.integer({ min: 300, max: 5000 }),
          h: fc.integer({ min: 300, max: 5000 }),
        }),
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 3000 }),
            y: fc.integer({ min: 0, max: 3000 }),
            w: fc.integer({ min: 10, max: 300 }),
            h: fc.integer({ min: 10, max: 300 }),
          }),
          { maxLength: 4 },
        ),
        (sizes, area, offsets) => {
          const groups = sizes.map((notes, g) => ({
            id: `g${g}`,
            notes: notes.map((s, i) => ({ id: `g${g}-${i}`, ...s })),
          }));
          const obstacles = offsets.map((r) => ({ ...r, x: area.x + r.x, y: area.y + r.y }));
          const layout = layoutGroups(groups, area, { obstacles });
          const rects = drawn(layout);
          for (let i = 0; i < rects.length; i += 1) {
            for (let j = i + 1; j < rects.length; j += 1)
              expect(rectsOverlap(rects[i]!, rects[j]!)).toBe(false);
          }
          const blocks = layout.placements.map((p) => p.block);
          for (const b of blocks)
            for (const ob of obstacles) expect(rectsOverlap(b, ob)).toBe(false);
          if (layout.fits) for (const b of blocks) expect(inside(area, b)).toBe(true);
          // Every note of a non-empty group is placed exactly once.
          const placed = layout.placements.flatMap((p) => p.notes.map((n) => n.id)).sort();
          expect(placed).toEqual(groups.flatMap((g) => g.notes.map((n) => n.id)).sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('groupColor', () => {
  it('skips colours too dark for black text and cycles', () => {
    expect(GROUP_COLORS).not.toContain('black');
    expect(GROUP_COLORS.length).toBeGreaterThan(8);
    expect(groupColor(0)).toBe(GROUP_COLORS[0]);
    expect(groupColor(GROUP_COLORS.length)).toBe(GROUP_COLORS[0]);
  });
});
