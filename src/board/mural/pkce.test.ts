import { describe, expect, it } from 'vitest';
import { base64Url, challengeS256, createState, createVerifier } from './pkce';

describe('PKCE', () => {
  it("derives RFC 7636 Appendix B's challenge from its verifier", async () => {
    // The RFC's own figure; node:crypto agrees (sha256 → base64url).
    expect(await challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('makes verifiers of unreserved characters at the asked length', () => {
    const verifier = createVerifier(43);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(createVerifier()).not.toBe(createVerifier());
    expect(() => createVerifier(42)).toThrow(RangeError);
    expect(() => createVerifier(129)).toThrow(RangeError);
  });

  it('skips biased bytes', () => {
    // 255 is above 3 × 66 and must never pick a character.
    let call = 0;
    const verifier = createVerifier(43, (b) => b.fill(call++ === 0 ? 255 : 1));
    expect(verifier).toBe('B'.repeat(43));
  });

  it('makes distinct states', () => {
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createState()).not.toBe(createState());
  });
});
