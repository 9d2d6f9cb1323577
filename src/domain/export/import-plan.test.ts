import { describe, expect, it } from 'vitest';
import type { BoardItem, Rect } from '../board/board-item';
import type { PlacedMap } from '../stages/placed-map';
import { deriveImportKey, IMPORTED_NOTE_ROLE } from './derive-journey-map';
import {
  besideBlockNear,
  importNeeds,
  moveBesideBlock,
  placeImport,
  planEntries,
  planRect,
  planToken,
  type ImportIndex,
} from './import-plan';
import { besideBlockSize, type Placement } from './place-imported-notes';
import type { ExportNote } from './journey-map';
import { exportNote } from './testing/export-note';

const fileNote = (key: string, over: Partial<ExportNote> = {}): ExportNote =>
  exportNote(key, { position: { x: 0, y: 0, w: 100, h: 100 }, ...over });

const boardNote = (id: string, rect: Rect, parentId: string | null = 'frame'): BoardItem => ({
  id,
  kind: 'note',
  text: id,
  rect,
  color: null,
  tags: [],
  parentId,
  meta: null,
});

const FRAME: Rect = { x: 1000, y: 500, w: 800, h: 600 };

describe('planToken', () => {
  it('names a place relative to the frame, rounded, and reads back', () => {
    const token = planToken({ x: 1100.4, y: 620.6, w: 100, h: 99.5 }, FRAME);
    expect(token).toBe('@100,121,100,100');
    expect(planRect(token)).toEqual({ x: 100, y: 121, w: 100, h: 100 });
    expect(planRect('3458764000000000001')).toBeUndefined();
    expect(planRect('@1,2,x,4')).toBeUndefined();
  });
});

describe('importNeeds', () => {
  const at = (x: number, y: number): Rect => ({ x: FRAME.x + x, y: FRAME.y + y, w: 100, h: 100 });

  it('finds the notes there by id, by planned place and by marker; the rest are to make, once each', () => {
    const index: ImportIndex = new Map([
      ['id-a', { mapId: 'm', key: 'a' }],
      [planToken(at(200, 0), FRAME), { mapId: 'm', key: 'b' }],
    ]);
    const notes = [
      boardNote('id-a', at(0, 0)),
      boardNote('lost-b', at(200, 0)),
      boardNote('marked', at(400, 0), 'frame'),
    ];
    notes[2] = { ...notes[2]!, meta: { m: 'm', r: IMPORTED_NOTE_ROLE, k: 'c' } };
    const needs = importNeeds({
      fileNotes: [
        fileNote('a'),
        fileNote('b'),
        fileNote(deriveImportKey(notes[2]!, 'board')),
        fileNote('d'),
        fileNote('d'),
      ],
      notes,
      index,
      mapId: 'm',
      boardId: 'board',
      frame: { rect: FRAME, id: 'frame' },
    });
    expect(needs.toCreate.map((n) => n.importKey)).toEqual(['d']);
    expect(needs.strays).toEqual([]);
    expect(needs.plan.get('b')).toEqual({ x: 200, y: 0, w: 100, h: 100 });
  });

  it('takes a note made at its planned place but never put in the frame for a stray, to make again', () => {
    const index: ImportIndex = new Map([[planToken(at(200, 0), FRAME), { mapId: 'm', key: 'b' }]]);
    const loose = boardNote('loose-b', at(200, 0), null);
    const moved = boardNote('moved', at(260, 40), null);
    const needs = importNeeds({
      fileNotes: [fileNote('b')],
      notes: [loose, moved],
      index,
      mapId: 'm',
      boardId: 'board',
      frame: { rect: FRAME, id: 'frame' },
    });
    expect(needs.strays).toEqual([loose]);
    expect(needs.toCreate.map((n) => n.importKey)).toEqual(['b']);
  });

  it('reads only this map’s plan, and sees no strays while the map’s frame is not recorded', () => {
    const scan = (mapId: string, frameId: string | undefined) =>
      importNeeds({
        fileNotes: [fileNote('b')],
        notes: [boardNote('loose', at(200, 0), null)],
        index: new Map([[planToken(at(200, 0), FRAME), { mapId, key: 'b' }]]),
        mapId: 'm',
        boardId: 'board',
        frame: { rect: FRAME, id: frameId },
      });
    expect(scan('other', 'frame').plan.size).toBe(0);
    expect(scan('m', 'frame').strays.map((n) => n.id)).toEqual(['loose']);
    expect(scan('m', undefined).strays).toEqual([]);
  });
});

describe('placeImport', () => {
  const placed: PlacedMap = {
    spec: {
      id: 'm',
      title: 'm',
      presetId: 'blank',
      persona: null,
      stages: [{ id: 's1', name: 'One' }],
      lanes: [{ id: 'l1', name: 'Lane', kind: 'other' }],
    },
    frameRect: FRAME,
    cells: [{ stageId: 's1', laneId: 'l1', rect: { x: 1000, y: 500, w: 800, h: 600 } }],
  };

  it('puts a planned note where it was planned, and the others in their cell or beside the map', () => {
    const { placements, fresh } = placeImport({
      toCreate: [fileNote('planned'), fileNote('cell'), fileNote('loose', { loose: true })],
      plan: new Map([['planned', { x: 50, y: 60, w: 100, h: 100 }]]),
      placed,
      notesThere: [],
    });
    expect(placements.map((p) => p.note.importKey)).toEqual([
      'planned',
      ...fresh.map((p) => p.note.importKey),
    ]);
    expect(placements[0]).toMatchObject({ rect: { x: 1050, y: 560 }, inCell: true });
    const cell = fresh.find((p) => p.note.importKey === 'cell')!;
    expect(cell.inCell).toBe(true);
    const centre = { x: cell.rect.x + cell.rect.w / 2, y: cell.rect.y + cell.rect.h / 2 };
    expect(centre.x).toBeGreaterThan(FRAME.x);
    expect(centre.x).toBeLessThan(FRAME.x + FRAME.w);
    expect(fresh.find((p) => p.note.importKey === 'loose')!.inCell).toBe(false);
  });

  it('fills a cell after the notes already in it', () => {
    const inCell = (notesThere: BoardItem[]) =>
      placeImport({ toCreate: [fileNote('x')], plan: new Map(), placed, notesThere }).fresh[0]!
        .rect;
    const empty = inCell([]);
    const busy = inCell([boardNote('there', { ...empty })]);
    expect(busy).not.toEqual(empty);
  });
});

describe('the block beside the map', () => {
  const put = (key: string, x: number, inCell: boolean): Placement => ({
    note: fileNote(key),
    rect: { x, y: 10.4, w: 100, h: 100 },
    inCell,
  });
  const planned = put('planned', 3000, false);
  const cell = put('cell', 1100, true);
  const loose = [put('a', 20.4, false), put('b', 140, false)];

  it('is looked for 100 to the right of the frame, at its size; not at all when all have a cell', () => {
    const size = besideBlockSize(2);
    expect(besideBlockNear(FRAME, [cell, ...loose])).toEqual({
      x: FRAME.x + FRAME.w + 100,
      y: FRAME.y,
      w: size.w,
      h: size.h,
    });
    expect(besideBlockNear(FRAME, [cell])).toBeUndefined();
  });

  it('moves only the fresh notes with no cell, rounded, in placements and fresh alike', () => {
    const fresh = [cell, ...loose];
    const moved = moveBesideBlock({ placements: [planned, ...fresh], fresh }, { x: 2000, y: 500 });
    expect(moved.placements.map((p) => [p.note.importKey, p.rect.x, p.rect.y])).toEqual([
      ['planned', 3000, 10.4],
      ['cell', 1100, 10.4],
      ['a', 2020, 510],
      ['b', 2140, 510],
    ]);
    expect(moved.fresh).toEqual(moved.placements.slice(1));
    expect(loose[0]!.rect.x).toBe(20.4);
  });

  it('records each fresh note’s place relative to the frame', () => {
    const at = put('k', FRAME.x + 40, true);
    expect(planEntries([at], FRAME)).toEqual([[planToken(at.rect, FRAME), 'k']]);
    expect(planRect(planEntries([at], FRAME)[0]![0])).toMatchObject({ x: 40, y: 10 - FRAME.y });
  });
});
