import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../domain/board/board-item';
import { readsMarker, sdkTypesOf } from './list-query';

describe('sdkTypesOf', () => {
  it('names each SDK type once, frames always included', () => {
    expect(sdkTypesOf(new Set<ItemKind>(['note']))).toEqual(['sticky_note', 'frame']);
    expect(sdkTypesOf(new Set<ItemKind>(['shape', 'dot', 'text']))).toEqual([
      'shape',
      'text',
      'frame',
    ]);
    expect(sdkTypesOf(new Set<ItemKind>(['frame']))).toEqual(['frame']);
  });
});

describe('readsMarker', () => {
  const frames = new Set<ItemKind>(['frame']);

  it('reads the metadata kinds when every kind is listed', () => {
    expect(readsMarker('frame', frames, undefined)).toBe(true);
    expect(readsMarker('note', frames, undefined)).toBe(false);
  });

  it('reads only the metadata kinds that were asked for', () => {
    expect(readsMarker('frame', frames, new Set<ItemKind>(['note']))).toBe(false);
    expect(readsMarker('frame', frames, new Set<ItemKind>(['note', 'frame']))).toBe(true);
    expect(readsMarker('note', frames, new Set<ItemKind>(['note']))).toBe(false);
  });
});
