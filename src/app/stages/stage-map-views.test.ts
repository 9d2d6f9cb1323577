import { describe, expect, it } from 'vitest';
import type { BoardItem, Rect } from '../../domain/board/board-item';
import { laidOutRecord } from '../../domain/journey/testing/laid-out-record';
import { createStageMapViews } from './stage-map-views';

const record = (id: string, x: number) => laidOutRecord(id, 'blank', { x, y: 0 });

const item = (id: string, kind: BoardItem['kind'], rect: Rect): BoardItem => ({
  id,
  kind,
  text: '',
  rect,
  color: null,
  tags: [],
  parentId: null,
  meta: null,
});

/** The notes and frames as a view keeps them. */
function board(items: BoardItem[]) {
  const byId = new Map(items.map((i) => [i.id, i]));
  return { item: (id: string) => byId.get(id), items: () => [...byId.values()] };
}

describe('createStageMapViews', () => {
  const map = record('a', 0);
  const frame = item('a-frame', 'frame', map.geometry.frame);
  const cell = map.geometry;
  const inFirstCell = item('n1', 'note', {
    x: cell.columns[0]!.x + 10,
    y: cell.rows[0]!.y + 10,
    w: 20,
    h: 20,
  });

  it('builds each map’s context once, and its summary from the notes of each call', () => {
    const views = createStageMapViews();
    const first = views([map], board([frame]));
    const second = views([map], board([frame, inFirstCell]));
    expect(second[0]!.context).toBe(first[0]!.context);
    expect(first[0]!.summary.notesInMap).toBe(0);
    expect(second[0]!.summary.notesInMap).toBe(1);
    expect(second[0]!.summary.perStage[0]!.count).toBe(1);
  });

  it('builds the contexts again when a record or a map’s frame changed, placed where the frame is', () => {
    const views = createStageMapViews();
    const first = views([map], board([frame]));
    const moved = { ...frame, rect: { ...frame.rect, x: frame.rect.x + 500 } };
    const [again] = views([map], board([moved, inFirstCell]));
    expect(again!.context).not.toBe(first[0]!.context);
    expect(again!.placed.frameRect.x).toBe(frame.rect.x + 500);
    expect(again!.summary.notesInMap).toBe(0);
    const other = record('b', 5_000);
    const both = views([map, other], board([moved]));
    expect(both.map((v) => v.record.spec.id)).toEqual(['a', 'b']);
    expect(both[0]!.context).not.toBe(again!.context);
  });
});
