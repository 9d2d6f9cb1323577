import { describe, expect, it } from 'vitest';
import { muralUrl, parseMuralUrl } from './connect';

describe('mural URLs', () => {
  it('reads the mural id from a pasted URL', () => {
    expect(parseMuralUrl('https://app.mural.co/t/acme/m/acme/1712345678901/5c2f1a?sender=u1')).toBe(
      'acme.1712345678901',
    );
    expect(parseMuralUrl('https://app.mural.co/t/acme/m/acme/17')).toBe('acme.17');
    expect(parseMuralUrl(' acme.42 ')).toBe('acme.42');
    expect(parseMuralUrl('https://app.mural.co/t/acme/r/123')).toBeNull();
    expect(parseMuralUrl('hello')).toBeNull();
  });

  it('builds the URL back from the id', () => {
    expect(muralUrl('https://app.mural.co/', 'acme.17')).toBe(
      'https://app.mural.co/t/acme/m/acme/17/',
    );
    expect(parseMuralUrl(muralUrl('https://app.mural.co', 'my-team.99'))).toBe('my-team.99');
  });
});
