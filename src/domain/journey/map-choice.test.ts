import { describe, expect, it } from 'vitest';
import { followedMapId } from './map-choice';

describe('followedMapId', () => {
  it('keeps the chosen map while it is on the board, edited or not', () => {
    expect(followedMapId(['a', 'b'], 'b', false)).toBe('keep');
    expect(followedMapId(['a', 'b'], 'b', true)).toBe('keep');
  });

  it('opens the first map when the chosen one is gone, even if it was edited', () => {
    expect(followedMapId(['a', 'b'], 'c', false)).toEqual({ id: 'a' });
    expect(followedMapId(['a', 'b'], 'c', true)).toEqual({ id: 'a' });
  });

  it('opens the first map on the first read, when nothing is chosen or edited', () => {
    expect(followedMapId(['a', 'b'], null, false)).toEqual({ id: 'a' });
  });

  it('keeps a new map being drafted', () => {
    expect(followedMapId(['a'], null, true)).toBe('keep');
  });

  it('starts a new draft when the board has no map', () => {
    expect(followedMapId([], 'c', true)).toEqual({ id: null });
    expect(followedMapId([], null, false)).toEqual({ id: null });
  });
});
