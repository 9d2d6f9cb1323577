import type { ExportNote } from '../journey-map';

/** A file note in stage s1, lane l1, placed by position; `over` sets the rest. */
export const exportNote = (importKey: string, over: Partial<ExportNote> = {}): ExportNote => ({
  id: importKey,
  kind: 'note',
  importKey,
  text: importKey,
  stageId: 's1',
  stageSource: 'position',
  laneId: 'l1',
  laneSource: 'position',
  loose: false,
  clusterId: null,
  votes: 0,
  color: null,
  tags: [],
  position: { x: 0, y: 0, w: 199, h: 228 },
  ...over,
});
