import { describe, expect, it } from 'vitest';
import { fromItemMarker, markerBytes, markerSizeError, toItemMarker } from './item-marker';

describe('item marker', () => {
  it('reads a well-formed marker and rejects anything else', () => {
    expect(toItemMarker({ m: 'map1', r: 'cell', k: 's1.l2' })).toEqual({
      m: 'map1',
      r: 'cell',
      k: 's1.l2',
    });
    expect(toItemMarker({ m: 'map1', r: 'frame' })).toEqual({ m: 'map1', r: 'frame' });
    expect(toItemMarker({ m: 'map1', r: 'frame', extra: 1 })).toEqual({ m: 'map1', r: 'frame' });
    for (const bad of [
      undefined,
      null,
      'tp',
      3,
      {},
      { m: 1, r: 'x' },
      { m: 'a' },
      { m: 'a', r: 'b', k: 2 },
    ]) {
      expect(toItemMarker(bad)).toBeNull();
    }
  });

  it('measures UTF-8 bytes of the stored metadata', () => {
    expect(markerBytes({ m: 'a', r: 'b' })).toBe(JSON.stringify({ tp: { m: 'a', r: 'b' } }).length);
    // 'é' is two bytes in UTF-8.
    expect(markerBytes({ m: 'é', r: 'b' })).toBe(markerBytes({ m: 'e', r: 'b' }) + 1);
  });

  it('allows 256 bytes and refuses 257 with a clear message', () => {
    const overhead = markerBytes({ m: '', r: 'x' });
    expect(markerSizeError({ m: 'a'.repeat(256 - overhead), r: 'x' })).toBeNull();
    expect(markerSizeError({ m: 'a'.repeat(257 - overhead), r: 'x' })).toMatch(/257 bytes.*256/);
  });

  it('leaves an absent key out of the stored value', () => {
    expect(Object.keys(fromItemMarker({ m: 'a', r: 'b' }))).toEqual(['m', 'r']);
    expect(fromItemMarker({ m: 'a', r: 'b', k: 'c' })).toEqual({ m: 'a', r: 'b', k: 'c' });
  });
});
