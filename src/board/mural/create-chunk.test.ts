import { describe, expect, it } from 'vitest';
import { CREATE_CHUNK, joinsChunk, parentKeyOf } from './create-chunk';

const chunk = (items: number, type = 'sticky note', parent = '') => ({
  type,
  parent,
  items: Array.from({ length: items }, (_, i) => i),
});

describe('parentKeyOf', () => {
  it('tells an area made in the batch, one on the mural and none apart', () => {
    expect(parentKeyOf({ ref: 'a' })).toBe('ref:a');
    expect(parentKeyOf({ id: 'a' })).toBe('id:a');
    expect(parentKeyOf(undefined)).toBe('');
  });
});

describe('joinsChunk', () => {
  it('takes a create of the same type and parent until the chunk holds CREATE_CHUNK', () => {
    expect(joinsChunk(chunk(1), 'sticky note', '')).toBe(true);
    expect(joinsChunk(chunk(CREATE_CHUNK - 1), 'sticky note', '')).toBe(true);
    expect(joinsChunk(chunk(CREATE_CHUNK), 'sticky note', '')).toBe(false);
  });

  it('starts a new request for another type or parent', () => {
    expect(joinsChunk(chunk(1), 'shape', '')).toBe(false);
    expect(joinsChunk(chunk(1, 'sticky note', 'ref:a'), 'sticky note', 'id:a')).toBe(false);
    expect(joinsChunk(chunk(1, 'sticky note', 'ref:a'), 'sticky note', 'ref:a')).toBe(true);
  });

  it('creates an area alone', () => {
    expect(joinsChunk(chunk(1, 'area'), 'area', '')).toBe(false);
  });
});
