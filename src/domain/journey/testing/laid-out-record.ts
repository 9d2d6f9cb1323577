import { FRAME_KEY, layoutMap } from '../layout';
import type { MapRecord } from '../map-record';
import { createSpecFromPreset, findPreset } from '../presets';

/**
 * The record of a map of `presetId` laid out at `origin`, as `createMap` stores it but without a
 * board: its frame is `<id>-frame`, no other item is recorded. Tests use it.
 */
export function laidOutRecord(
  id: string,
  presetId: string,
  origin: { x: number; y: number } = { x: 0, y: 0 },
): MapRecord {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`No preset ${presetId}`);
  let n = 0;
  const spec = { ...createSpecFromPreset(preset, () => `${id}${n++}`), id };
  const layout = layoutMap(spec, origin);
  return {
    version: 1,
    spec,
    origin: layout.origin,
    size: layout.size,
    geometry: layout.geometry,
    itemIds: { [FRAME_KEY]: `${id}-frame` },
    tagTitles: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    incomplete: false,
  };
}
