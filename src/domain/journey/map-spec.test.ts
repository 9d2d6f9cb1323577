import { describe, expect, it } from 'vitest';
import { shortMapName } from './map-spec';

describe('shortMapName', () => {
  it('keeps short names, cuts long ones with an ellipsis, names untitled maps', () => {
    expect(shortMapName('Café journey')).toBe('Café journey');
    expect(shortMapName('Mortgage application journey 2027')).toBe('Mortgage applicat…');
    expect([...shortMapName('Mortgage application journey 2027')]).toHaveLength(18);
    expect(shortMapName('   ')).toBe('Untitled map');
    // Characters outside the BMP count once and are never split.
    expect(shortMapName('🎉'.repeat(30), 5)).toBe('🎉🎉🎉🎉…');
  });
});
