import { describe, expect, it } from 'vitest';
import type { CreateSpec } from '../port';
import { createdLike } from './earlier-attempts';
import type { SdkItem } from './sdk';

/** An SDK item as the board answers it: centre x/y, no methods (the comparison calls none). */
const item = (fields: Record<string, unknown>): SdkItem =>
  ({ id: 'i1', parentId: null, width: 200, height: 100, ...fields }) as unknown as SdkItem;

// Top-left (0, 0), 200 × 100: the centre is (100, 50).
const rect = { x: 0, y: 0, w: 200, h: 100 };
const note: CreateSpec = { kind: 'note', text: 'Hello', rect, color: 'yellow' };

describe('createdLike', () => {
  it('finds an item of the same type, text and centre (within half a unit), in no frame', () => {
    const like = { type: 'sticky_note', content: '<p>Hello</p>', x: 100.4, y: 49.6 };
    expect(createdLike(item(like), note)).toBe(true);
    expect(createdLike(item({ ...like, x: 100.6 }), note)).toBe(false);
    expect(createdLike(item({ ...like, y: 49.4 }), note)).toBe(false);
    expect(createdLike(item({ ...like, parentId: 'F' }), note)).toBe(false);
    expect(createdLike(item({ ...like, content: '<p>Hello!</p>' }), note)).toBe(false);
    expect(createdLike(item({ ...like, type: 'shape' }), note)).toBe(false);
  });

  it('compares a frame by title, shapes and texts by content', () => {
    const at = { x: 100, y: 50 };
    const frame: CreateSpec = { kind: 'frame', title: 'Journey', rect };
    expect(createdLike(item({ ...at, type: 'frame', title: 'Journey' }), frame)).toBe(true);
    expect(createdLike(item({ ...at, type: 'frame', title: 'Other' }), frame)).toBe(false);
    const shape: CreateSpec = { kind: 'shape', text: 'Stage', rect };
    expect(createdLike(item({ ...at, type: 'shape', content: '<p>Stage</p>' }), shape)).toBe(true);
    expect(createdLike(item({ ...at, type: 'text', content: '<p>Stage</p>' }), shape)).toBe(false);
    const text: CreateSpec = { kind: 'text', text: 'Stage', rect };
    expect(createdLike(item({ ...at, type: 'text', content: '<p>Stage</p>' }), text)).toBe(true);
  });
});
