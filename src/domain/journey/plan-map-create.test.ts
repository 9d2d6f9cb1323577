import { describe, expect, it } from 'vitest';
import { FRAME_KEY, layoutMap } from './layout';
import { MAP_RECORD_VERSION } from './map-record';
import type { MapSpec } from './map-spec';
import { intendedMapRecord, recordAfterCreate } from './plan-map-create';

const spec: MapSpec = {
  id: 'm1',
  title: 'Onboarding',
  presetId: 'blank',
  persona: null,
  stages: [
    { id: 'a', name: 'Awareness' },
    { id: 'b', name: 'Purchase' },
  ],
  lanes: [{ id: 'x', name: 'Doing', kind: 'actions' }],
};
const layout = layoutMap(spec, { x: 100, y: 200 });
const record = intendedMapRecord(spec, layout, '2026-01-01T00:00:00.000Z');
const titleOf = { a: 'Stage · Awareness', b: 'Stage · Purchase' };
const wanted = Object.values(titleOf);
const allIds = Object.fromEntries(layout.items.map((item, i) => [item.key, `id${i}`]));
const later = '2026-01-02T00:00:00.000Z';

describe('intendedMapRecord', () => {
  it('says where the map will be, with nothing made yet, incomplete', () => {
    expect(record).toEqual({
      version: MAP_RECORD_VERSION,
      spec,
      origin: layout.origin,
      size: layout.size,
      geometry: layout.geometry,
      itemIds: {},
      tagTitles: {},
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      incomplete: true,
    });
  });
});

describe('recordAfterCreate', () => {
  it('is complete when every item and tag was made', () => {
    const saved = recordAfterCreate(
      record,
      layout,
      { titleOf, wanted, made: new Set(wanted) },
      { ids: allIds, failed: 0, cancelled: false },
      later,
    );
    expect(saved).toEqual({
      ...record,
      itemIds: allIds,
      tagTitles: titleOf,
      updatedAt: later,
      incomplete: false,
    });
  });

  it('keeps only the layout items that got an id and the stages whose tag was made', () => {
    const saved = recordAfterCreate(
      record,
      layout,
      { titleOf, wanted, made: new Set(['Stage · Purchase']) },
      { ids: { [FRAME_KEY]: 'f1', 'not-a-layout-key': 'z' }, failed: 1, cancelled: false },
      later,
    );
    expect(saved.itemIds).toEqual({ [FRAME_KEY]: 'f1' });
    expect(saved.tagTitles).toEqual({ b: 'Stage · Purchase' });
    expect(saved.incomplete).toBe(true);
    expect(saved.createdAt).toBe(record.createdAt);
  });

  it.each([
    ['a tag was not made', { made: new Set(['Stage · Awareness']) }, {}],
    ['an op failed', {}, { failed: 1 }],
    ['the batch was cancelled', {}, { cancelled: true }],
    ['an item has no id', {}, { ids: { ...allIds, [FRAME_KEY]: undefined } }],
  ])('is incomplete when %s', (_, tagChange, itemChange) => {
    const ids = Object.fromEntries(
      Object.entries({ ...allIds, ...('ids' in itemChange ? itemChange.ids : {}) }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    );
    const saved = recordAfterCreate(
      record,
      layout,
      { titleOf, wanted, made: new Set(wanted), ...tagChange },
      { failed: 0, cancelled: false, ...itemChange, ids },
      later,
    );
    expect(saved.incomplete).toBe(true);
  });
});
