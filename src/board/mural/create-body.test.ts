import { describe, expect, it } from 'vitest';
import { OpError } from '../batch-engine';
import { MuralApiError } from './client';
import { createBodies, fieldToDrop, refusedPatch, requestBody, type CreateOp } from './create-body';

const rect = { x: 150, y: 80, w: 200, h: 100 };
const create = (item: CreateOp['item']): CreateOp => ({ op: 'create', ref: 'r', item });
const noTags = (title: string): string => {
  throw new OpError(`Tag "${title}" is missing.`);
};

describe('createBodies', () => {
  it('places each item relative to the origin, in the parent area, with documented fields', () => {
    const ops = [
      create({ kind: 'frame', title: 'Stage', rect, fill: '#abc' }),
      create({
        kind: 'shape',
        text: 'Box',
        rect,
        ...{ fill: '#ffffff', border: '#000', textColor: '#ff0000', fontSize: 18, align: 'left' },
      }),
      create({ kind: 'text', text: 'Title', rect, fontSize: 24, textColor: '#ff0000' }),
    ];
    expect(createBodies(ops, { x: 100, y: 50 }, 'area-1', noTags)).toEqual([
      {
        ...{ x: 50, y: 30, width: 200, height: 100 },
        title: 'Stage',
        style: { backgroundColor: '#AABBCCFF' },
        parentId: 'area-1',
      },
      {
        ...{ x: 50, y: 30, width: 200, height: 100 },
        shape: 'rectangle',
        text: 'Box',
        style: {
          backgroundColor: '#FFFFFFFF',
          borderColor: '#000000FF',
          fontColor: '#FF0000FF',
          fontSize: 18,
          textAlign: 'left',
        },
        parentId: 'area-1',
      },
      // A textbox has no font colour in MURAL: none is sent.
      {
        ...{ x: 50, y: 30, width: 200, height: 100 },
        text: 'Title',
        style: { fontSize: 24 },
        parentId: 'area-1',
      },
    ]);
  });

  it("gives a note its tags' ids once each, and no parentId or style it does not have", () => {
    const ids = new Map([
      ['Pain', 't1'],
      ['Gain', 't2'],
    ]);
    const idOf = (title: string) => ids.get(title) ?? noTags(title);
    const ops = [
      create({ kind: 'note', text: 'Idea', rect, color: 'light_yellow', tags: ['Pain', 'Pain'] }),
      create({ kind: 'shape', text: '', rect }),
      create({ kind: 'shape', text: '', rect, border: '#000000', fontSize: 12 }),
    ];
    expect(createBodies(ops, { x: 0, y: 0 }, null, idOf)).toEqual([
      {
        ...{ x: 150, y: 80, width: 200, height: 100 },
        text: 'Idea',
        shape: 'rectangle',
        style: { backgroundColor: '#FFF9B1FF' },
        tags: ['t1'],
      },
      { ...{ x: 150, y: 80, width: 200, height: 100 }, shape: 'rectangle', text: '' },
      {
        ...{ x: 150, y: 80, width: 200, height: 100 },
        shape: 'rectangle',
        text: '',
        style: { borderColor: '#000000FF', fontSize: 12 },
      },
    ]);
    const missing = [create({ kind: 'note', text: '', rect, color: 'blue', tags: ['Lost'] })];
    expect(() => createBodies(missing, { x: 0, y: 0 }, null, idOf)).toThrow('Tag "Lost"');
  });
});

describe('requestBody', () => {
  const full = [
    { x: 1, text: 'a', style: { fontSize: 9 }, parentId: 'p', tags: ['t'] },
    { x: 2, text: 'b', parentId: 'p' },
  ];

  it('sends every body as an array, without the refused fields, leaving the bodies whole', () => {
    expect(requestBody('sticky note', full, ['style', 'tags'])).toEqual([
      { x: 1, text: 'a', parentId: 'p' },
      { x: 2, text: 'b', parentId: 'p' },
    ]);
    expect(full[0]).toHaveProperty('tags', ['t']);
    expect(requestBody('shape', full, [])).toEqual(full);
  });

  it('sends an area as one object', () => {
    expect(requestBody('area', [{ x: 0, title: 'S', parentId: 'p' }], ['parentId'])).toEqual({
      x: 0,
      title: 'S',
    });
  });
});

describe('fieldToDrop', () => {
  const refusal = (message: string, status = 400) =>
    new MuralApiError(message, status, 'BAD_REQUEST');
  const body = { x: 0, style: {}, tags: ['t'] };

  it('drops a field a 400 names, when the bodies have it and this request still sent it', () => {
    expect(fieldToDrop(refusal('"style" is not allowed'), [], body)).toBe('style');
    expect(fieldToDrop(refusal('tags: not allowed'), ['style'], body)).toBe('tags');
  });

  it('fails on anything else', () => {
    // Sent without it already: MURAL refusing it again is not about that field.
    expect(fieldToDrop(refusal('"style" is not allowed'), ['style'], body)).toBeNull();
    expect(fieldToDrop(refusal('"parentId" is not allowed'), [], body)).toBeNull();
    expect(fieldToDrop(refusal('"style" is not allowed', 422), [], body)).toBeNull();
    expect(fieldToDrop(new Error('"style"'), [], body)).toBeNull();
    expect(fieldToDrop(refusal('"style" is not allowed'), [], undefined)).toBeNull();
  });
});

describe('refusedPatch', () => {
  it('carries the refused fields the body has, or nothing', () => {
    const body = { x: 0, style: { fontSize: 9 }, parentId: 'p' };
    expect(refusedPatch(body, ['style', 'tags'])).toEqual({ style: { fontSize: 9 } });
    expect(refusedPatch(body, ['tags'])).toBeNull();
    expect(refusedPatch(body, [])).toBeNull();
  });
});
