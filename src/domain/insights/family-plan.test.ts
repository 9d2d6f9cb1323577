import { describe, expect, it } from 'vitest';
import type { BoardItem, Rect } from '../board/board-item';
import {
  planFamilyWrite,
  plannedOf,
  readFamilyRecord,
  reconcileFamily,
  type FamilyItem,
} from './family-plan';

const FRAME: FamilyItem = {
  key: 'frame',
  spec: { kind: 'frame', title: 'RACI', rect: { x: 0, y: 0, w: 400, h: 200 } },
};
const cell = (key: string, text: string, rect: Rect): FamilyItem => ({
  key,
  spec: { kind: 'shape', text, rect },
  parentKey: 'frame',
});
const A = cell('a', 'Sales · R', { x: 10, y: 10, w: 100, h: 40 });
const B = cell('b', 'Care · A', { x: 120, y: 10, w: 100, h: 40 });

/** A board item as the board would report `item` made with `id`, inside `parentId`. */
const onBoard = (item: FamilyItem, id: string, parentId: string | null = null): BoardItem => ({
  id,
  kind: item.spec.kind,
  text: item.spec.kind === 'frame' ? item.spec.title : item.spec.text,
  rect: item.spec.rect,
  color: null,
  tags: [],
  parentId,
  meta: null,
});

describe('planning a family of items beside a map', () => {
  it('makes the frame first, then its children inside it by the frame’s ref', () => {
    const write = planFamilyWrite([], {}, [], [FRAME, A, B]);
    expect(write.ops).toEqual([
      { op: 'create', ref: 'frame', item: FRAME.spec },
      { op: 'create', ref: 'a', item: A.spec, parent: { ref: 'frame' } },
      { op: 'create', ref: 'b', item: B.spec, parent: { ref: 'frame' } },
    ]);
    expect([write.created, write.updated, write.removed]).toEqual([3, 0, 0]);
  });

  it('writes nothing when the board shows the family as wanted', () => {
    const items = [onBoard(FRAME, 'F'), onBoard(A, 'IA', 'F'), onBoard(B, 'IB', 'F')];
    const write = planFamilyWrite(items, { frame: 'F', a: 'IA', b: 'IB' }, [], [FRAME, A, B]);
    expect(write.ops).toEqual([]);
  });

  it('grows a moved frame before its children move, shrinks it last; a resized child is made again', () => {
    const items = [onBoard(FRAME, 'F'), onBoard(A, 'IA', 'F'), onBoard(B, 'IB', 'F')];
    const frame = { ...FRAME, spec: { ...FRAME.spec, rect: { x: 200, y: 0, w: 400, h: 200 } } };
    const a = cell('a', 'Sales · R', { x: 210, y: 10, w: 100, h: 40 });
    const b = cell('b', 'Care · A', { x: 320, y: 10, w: 160, h: 40 });
    const write = planFamilyWrite(items, { frame: 'F', a: 'IA', b: 'IB' }, [], [frame, a, b]);
    expect(write.ops).toEqual([
      { op: 'update', id: 'F', patch: { rect: { x: 0, y: 0, w: 600, h: 200 }, text: 'RACI' } },
      { op: 'update', id: 'IA', patch: { text: 'Sales · R', rect: { x: 210, y: 10 } } },
      { op: 'remove', id: 'IB' },
      { op: 'create', ref: 'b', item: b.spec, parent: { id: 'F' } },
      { op: 'update', id: 'F', patch: { rect: frame.spec.rect } },
    ]);
    expect(write.itemIds).toEqual({ frame: 'F', a: 'IA' });
    expect([write.created, write.updated, write.removed]).toEqual([0, 3, 0]);
  });

  it('makes again a child that was made but never put in its frame', () => {
    const items = [onBoard(FRAME, 'F'), onBoard(A, 'IA', null)];
    const write = planFamilyWrite(items, { frame: 'F', a: 'IA' }, [], [FRAME, A]);
    expect(write.ops).toEqual([
      { op: 'remove', id: 'IA' },
      { op: 'create', ref: 'a', item: A.spec, parent: { id: 'F' } },
    ]);
  });

  it('removes extra copies first and what is no longer wanted, frames after their children', () => {
    const items = [
      onBoard(FRAME, 'F'),
      onBoard(A, 'IA', 'F'),
      onBoard(B, 'IB', 'F'),
      onBoard(A, 'copy', 'F'),
    ];
    const write = planFamilyWrite(items, { frame: 'F', a: 'IA', b: 'IB' }, ['copy'], []);
    expect(write.ops).toEqual([
      { op: 'remove', id: 'copy' },
      { op: 'remove', id: 'IA' },
      { op: 'remove', id: 'IB' },
      { op: 'remove', id: 'F' },
    ]);
    expect(write.itemIds).toEqual({});
    expect(write.removed).toBe(4);
  });

  it('leaves the record it was given as it was', () => {
    const recorded = { frame: 'F', a: 'IA' };
    planFamilyWrite([onBoard(FRAME, 'F'), onBoard(A, 'IA', null)], recorded, [], []);
    expect(recorded).toEqual({ frame: 'F', a: 'IA' });
  });
});

describe('the family’s items on the board', () => {
  it('adopts an item a cut-off run made as planned, and takes a second copy for a stray', () => {
    const items = [onBoard(FRAME, 'F'), onBoard(A, 'made', 'F'), onBoard(A, 'again', 'F')];
    const record = { itemIds: { frame: 'F', gone: 'not-on-board' }, planned: [plannedOf(A)] };
    expect(reconcileFamily(items, record, [])).toEqual({
      itemIds: { frame: 'F', a: 'made' },
      strays: ['again'],
    });
  });

  it('recognises an item by what is wanted now even without a plan on record', () => {
    const items = [onBoard(B, 'IB', 'F')];
    expect(reconcileFamily(items, { itemIds: {}, planned: [] }, [plannedOf(B)]).itemIds).toEqual({
      b: 'IB',
    });
  });

  it('reads a stored record, leaving out what is not well formed', () => {
    expect(readFamilyRecord('nonsense')).toEqual({ itemIds: {}, planned: [] });
    expect(
      readFamilyRecord({
        itemIds: { a: 'IA', b: 7 },
        planned: [
          plannedOf(A),
          { key: 'x', kind: 'note', text: '', rect: A.spec.rect },
          { key: 'y', kind: 'shape', text: '', rect: { x: 0 } },
        ],
      }),
    ).toEqual({ itemIds: { a: 'IA' }, planned: [plannedOf(A)] });
  });
});
