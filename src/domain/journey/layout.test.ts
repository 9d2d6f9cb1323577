import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOverlap as overlap, type Rect } from '../board/board-item';
import { cellAt, cellKey, deriveMapSize, LAYOUT, layoutMap, type MapLayout } from './layout';
import type { LaneKind, MapSpec } from './map-spec';
import { createSpecFromPreset, PRESETS } from './presets';

const KINDS: LaneKind[] = ['actions', 'emotions', 'pain_points', 'opportunities', 'owner', 'other'];

const specArb: fc.Arbitrary<MapSpec> = fc
  .record({
    stages: fc.integer({ min: 1, max: 20 }),
    lanes: fc.integer({ min: 1, max: 12 }),
    kind: fc.constantFrom(...KINDS),
    persona: fc.boolean(),
    title: fc.string({ minLength: 1, maxLength: 200 }),
  })
  .map(({ stages, lanes, kind, persona, title }) => ({
    id: 'm',
    title,
    presetId: 'blank',
    persona: persona ? { name: 'Alex', summary: 'New customer' } : null,
    stages: Array.from({ length: stages }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` })),
    lanes: Array.from({ length: lanes }, (_, j) => ({ id: `l${j}`, name: `Lane ${j}`, kind })),
  }));

const originArb = fc.record({
  x: fc.integer({ min: -100_000, max: 100_000 }),
  y: fc.integer({ min: -100_000, max: 100_000 }),
});

const inside = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

function checkLayout(spec: MapSpec, layout: MapLayout): void {
  const [frame, ...children] = layout.items;
  expect(frame?.role).toBe('frame');
  expect(frame?.rect).toEqual({ ...layout.origin, ...layout.size });
  const keys = layout.items.map((i) => i.key);
  expect(new Set(keys).size).toBe(keys.length);
  const bad = children.filter(
    (item) =>
      !inside(frame!.rect, item.rect) ||
      item.rect.w <= 0 ||
      item.rect.h <= 0 ||
      (item.fontSize !== undefined && (item.fontSize < 10 || item.fontSize > 288)),
  );
  expect(bad.map((i) => i.key)).toEqual([]);
  // Nothing overlaps: cells, headers, labels, title and persona each own their space.
  const clashes: string[] = [];
  for (let a = 0; a < children.length; a++)
    for (let b = a + 1; b < children.length; b++)
      if (overlap(children[a]!.rect, children[b]!.rect))
        clashes.push(`${children[a]!.key} × ${children[b]!.key}`);
  expect(clashes).toEqual([]);
  const cells = children.filter((i) => i.role === 'cell');
  expect(cells).toHaveLength(spec.stages.length * spec.lanes.length);
  expect(children.filter((i) => i.role === 'stage-header')).toHaveLength(spec.stages.length);
  expect(children.filter((i) => i.role === 'lane-label')).toHaveLength(spec.lanes.length);
  expect(children.filter((i) => i.role === 'persona')).toHaveLength(spec.persona ? 1 : 0);
}

describe('layoutMap', () => {
  it('lays out the classic map: frame, title, persona, 6 headers, 6 labels, 36 cells', () => {
    const spec = createSpecFromPreset(
      PRESETS[0]!,
      (() => {
        let n = 0;
        return () => `i${n++}`;
      })(),
    );
    const layout = layoutMap(spec, { x: 1000, y: -500 });
    expect(layout.items).toHaveLength(1 + 1 + 1 + 6 + 6 + 36);
    checkLayout(spec, layout);
    const first = layout.items.find(
      (i) => i.key === cellKey(spec.stages[0]!.id, spec.lanes[0]!.id),
    );
    expect(first?.rect).toMatchObject({ w: LAYOUT.cellWidth, h: LAYOUT.cellHeight });
    // Cells hold six 200 px notes (3 × 2).
    expect(LAYOUT.cellWidth).toBeGreaterThanOrEqual(3 * 200);
    expect(LAYOUT.cellHeight).toBeGreaterThanOrEqual(2 * 200);
  });

  it('places header columns and lane rows in spec order', () => {
    const spec = createSpecFromPreset(
      PRESETS[4]!,
      (() => {
        let n = 0;
        return () => `i${n++}`;
      })(),
    );
    const layout = layoutMap(spec, { x: 0, y: 0 });
    const headers = layout.items.filter((i) => i.role === 'stage-header');
    expect(headers.map((h) => h.text)).toEqual(['Stage 1', 'Stage 2', 'Stage 3']);
    expect(headers[0]!.rect.x).toBeLessThan(headers[1]!.rect.x);
    const labels = layout.items.filter((i) => i.role === 'lane-label');
    expect(labels[0]!.rect.y).toBeLessThan(labels[1]!.rect.y);
  });

  it('holds for any 1–20 stages × 1–12 lanes at any origin (property)', () => {
    fc.assert(
      fc.property(specArb, originArb, (spec, origin) => {
        const layout = layoutMap(spec, origin);
        checkLayout(spec, layout);
        expect(layout.size).toEqual(deriveMapSize(spec.stages.length, spec.lanes.length));
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and keys do not depend on the origin', () => {
    fc.assert(
      fc.property(specArb, originArb, originArb, (spec, a, b) => {
        expect(layoutMap(spec, a)).toEqual(layoutMap(spec, a));
        expect(layoutMap(spec, a).items.map((i) => i.key)).toEqual(
          layoutMap(spec, b).items.map((i) => i.key),
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe('cellAt', () => {
  it('finds the stage and lane of the centre of every cell, and null elsewhere (property)', () => {
    fc.assert(
      fc.property(specArb, originArb, (spec, origin) => {
        const layout = layoutMap(spec, origin);
        for (const item of layout.items.filter((i) => i.role === 'cell')) {
          const centre = { x: item.rect.x + item.rect.w / 2, y: item.rect.y + item.rect.h / 2 };
          expect(cellAt(layout.geometry, centre)).toEqual({
            stageId: item.stageId,
            laneId: item.laneId,
          });
        }
        for (const item of layout.items.filter((i) => i.role !== 'cell' && i.role !== 'frame')) {
          expect(cellAt(layout.geometry, { x: item.rect.x + 1, y: item.rect.y + 1 })).toBeNull();
        }
        expect(cellAt(layout.geometry, { x: origin.x - 1, y: origin.y - 1 })).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('follows a frame that was moved since the layout', () => {
    const spec: MapSpec = {
      id: 'm',
      title: 't',
      presetId: 'blank',
      persona: null,
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      lanes: [{ id: 'x', name: 'X', kind: 'other' }],
    };
    const layout = layoutMap(spec, { x: 0, y: 0 });
    const cellB = layout.items.find((i) => i.key === cellKey('b', 'x'))!.rect;
    const point = { x: cellB.x + 10 + 5000, y: cellB.y + 10 - 300 };
    expect(cellAt(layout.geometry, point)).toBeNull();
    expect(cellAt(layout.geometry, point, { x: 5000, y: -300 })).toEqual({
      stageId: 'b',
      laneId: 'x',
    });
  });
});
