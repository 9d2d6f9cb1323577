import { describe, expect, it } from 'vitest';
import { rectCenter, rectContains } from '../board/board-item';
import type { ExportNote } from './journey-map';
import type { MapCell } from '../stages/placed-map';
import { packGrid, placeImportedNotes } from './place-imported-notes';
import { exportNote } from './testing/export-note';

const cell = (stageId: string, laneId: string, x: number, y: number): MapCell => ({
  stageId,
  laneId,
  rect: { x, y, w: 700, h: 500 },
});

const note = (i: number, over: Partial<ExportNote> = {}): ExportNote =>
  exportNote(`b:n${i}`, { id: `n${i}`, text: `Note ${i}`, ...over });

describe('placeImportedNotes', () => {
  const cells = [cell('s1', 'l1', 0, 0), cell('s2', 'l1', 720, 0)];

  it.each([1, 6, 7, 40, 300])('keeps the centre of each of %i notes inside its cell', (n) => {
    const notes = Array.from({ length: n }, (_, i) => note(i, i % 2 ? { stageId: 's2' } : {}));
    const placed = placeImportedNotes({ notes, cells, beside: { x: 2000, y: 0 } });
    expect(placed).toHaveLength(n);
    for (const p of placed) {
      const target = cells.find((c) => c.stageId === p.note.stageId)!;
      expect(p.inCell).toBe(true);
      expect(rectContains(target.rect, rectCenter(p.rect))).toBe(true);
    }
  });

  it('puts loose notes and notes in no cell beside the map, at their own size', () => {
    const notes = [
      note(1, { loose: true, laneId: null }),
      note(2, { stageId: 'gone' }),
      note(3, { position: { x: 0, y: 0, w: 350, h: 228 }, loose: true }),
    ];
    const placed = placeImportedNotes({ notes, cells, beside: { x: 2000, y: 100 } });
    expect(placed.every((p) => !p.inCell && p.rect.x >= 2000 && p.rect.y >= 100)).toBe(true);
    expect(placed.map((p) => p.rect.w)).toEqual([199, 199, 350]);
  });

  it('packs after the notes a cell already holds', () => {
    const first = packGrid({ x: 0, y: 0, w: 700, h: 500 }, 2, { w: 199, h: 228 });
    const after = packGrid({ x: 0, y: 0, w: 700, h: 500 }, 2, { w: 199, h: 228 }, 2);
    expect(after[0]).not.toEqual(first[0]);
    expect(after[0]!.x).toBeGreaterThan(first[1]!.x);
  });
});
