import { describe, expect, it } from 'vitest';
import { layoutMap } from './layout';
import { parseMapRecord, type MapRecord } from './map-record';
import { createSpecFromPreset, PRESETS } from './presets';

let n = 0;
const spec = createSpecFromPreset(PRESETS[0]!, () => `i${n++}`);
const layout = layoutMap(spec, { x: 10, y: 20 });
const record: MapRecord = {
  version: 1,
  spec,
  origin: layout.origin,
  size: layout.size,
  geometry: layout.geometry,
  itemIds: Object.fromEntries(layout.items.map((i) => [i.key, `3458764${i.key.length}00000000`])),
  tagTitles: { [spec.stages[0]!.id]: 'Stage · Awareness' },
  createdAt: '2026-11-22T18:00:00.000Z',
  updatedAt: '2026-11-22T18:00:00.000Z',
  incomplete: false,
};

describe('parseMapRecord', () => {
  it('reads back what was stored through JSON, and the classic map stays well under 64 KB', () => {
    const json = JSON.stringify(record);
    expect(json.length).toBeLessThan(16_000);
    expect(parseMapRecord(JSON.parse(json))).toEqual({ ok: true, value: record });
  });

  it('refuses a newer version with a clear reason', () => {
    expect(parseMapRecord({ ...record, version: 7 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer Touchpoint \(record version 7\)/),
    });
  });

  it('names what is wrong', () => {
    expect(parseMapRecord(null)).toEqual({
      ok: false,
      reason: 'Stored map: bad or missing record.',
    });
    expect(parseMapRecord({ ...record, itemIds: { frame: 5 } })).toEqual({
      ok: false,
      reason: 'Stored map: bad or missing item ids.',
    });
    expect(parseMapRecord({ ...record, spec: { ...spec, stages: [{ id: 1 }] } })).toEqual({
      ok: false,
      reason: 'Stored map: bad or missing stage 1.',
    });
  });

  it('reads an unknown lane kind as a custom lane', () => {
    const lanes = [{ id: 'l', name: 'Metrics', kind: 'metrics' }];
    const parsed = parseMapRecord({ ...record, spec: { ...spec, lanes } });
    expect(parsed.ok && parsed.value.spec.lanes).toEqual([
      { id: 'l', name: 'Metrics', kind: 'other' },
    ]);
  });
});
