import { describe, expect, it } from 'vitest';
import { addStage, removeStage, renameStage } from './edit-spec';
import { cellKey, FRAME_KEY, LAYOUT, laneKey, layoutMap, stageKey, type MapLayout } from './layout';
import type { MapSpec } from './map-spec';
import { planItemSteps } from './plan-map-items';
import { sampleSpec } from './testing/sample-spec';

const spec: MapSpec = { ...sampleSpec, lanes: sampleSpec.lanes.slice(0, 1) };
const before = layoutMap(spec, { x: 0, y: 0 });
const byKey = (l: MapLayout) => new Map(l.items.map((i) => [i.key, i]));
const idsOf = (l: MapLayout) => Object.fromEntries(l.items.map((i) => [i.key, `id:${i.key}`]));
const item = (l: MapLayout, key: string) => l.items.find((i) => i.key === key)!;
const plan = (after: MapLayout, ids = idsOf(before), resync?: boolean) =>
  planItemSteps(ids, after, byKey(before), byKey(after), resync);

describe('planItemSteps', () => {
  it('plans nothing for an unchanged map, and re-sends every item but the frame on resync', () => {
    expect(plan(before)).toEqual({ removes: [], updates: [], creates: [] });
    const resync = plan(before, idsOf(before), true);
    expect(resync.updates).toEqual(
      before.items
        .filter((i) => i.key !== FRAME_KEY)
        .map((i) => ({
          op: 'update',
          key: i.key,
          id: `id:${i.key}`,
          rect: i.rect,
          text: i.text,
          fill: i.fill,
        })),
    );
    expect([resync.removes, resync.creates]).toEqual([[], []]);
  });

  it('moves shifted items, retexts a renamed one, and creates new keys in layout order', () => {
    const after = layoutMap(
      renameStage(addStage(spec, { id: 'n', name: 'New' }, 1), 'a', 'Aware'),
      before.origin,
    );
    const dx = LAYOUT.cellWidth + LAYOUT.gap;
    const moved = (key: string) => ({
      op: 'update',
      key,
      id: `id:${key}`,
      rect: item(after, key).rect,
    });
    expect(item(after, stageKey('b')).rect.x - item(before, stageKey('b')).rect.x).toBe(dx);
    expect(plan(after)).toEqual({
      removes: [],
      updates: [
        { op: 'update', key: stageKey('a'), id: `id:${stageKey('a')}`, text: 'Aware' },
        moved(stageKey('b')),
        moved(cellKey('b', 'x')),
      ],
      creates: [stageKey('n'), cellKey('n', 'x')].map((key) => ({
        op: 'create',
        key,
        item: item(after, key),
      })),
    });
  });

  it('removes the items of gone keys, and replaces a resized item', () => {
    const after = layoutMap(removeStage(spec, 'b'), before.origin);
    expect(plan(after)).toEqual({
      removes: [stageKey('b'), cellKey('b', 'x')].map((key) => ({
        op: 'remove',
        key,
        id: `id:${key}`,
      })),
      updates: [],
      creates: [],
    });
    const wider = {
      ...after,
      items: after.items.map((i) =>
        i.key === laneKey('x') ? { ...i, rect: { ...i.rect, w: 999 } } : i,
      ),
    };
    const replaced = planItemSteps(idsOf(after), wider, byKey(after), byKey(wider));
    expect(replaced).toEqual({
      removes: [{ op: 'remove', key: laneKey('x'), id: `id:${laneKey('x')}` }],
      updates: [],
      creates: [{ op: 'create', key: laneKey('x'), item: item(wider, laneKey('x')) }],
    });
  });

  it('creates a key with no id (a create that failed last time), never the frame', () => {
    const ids = idsOf(before);
    delete ids[cellKey('a', 'x')];
    delete ids[FRAME_KEY]; // the frame is plan-map-frame.ts's
    expect(plan(before, ids)).toEqual({
      removes: [],
      updates: [],
      creates: [{ op: 'create', key: cellKey('a', 'x'), item: item(before, cellKey('a', 'x')) }],
    });
  });
});
