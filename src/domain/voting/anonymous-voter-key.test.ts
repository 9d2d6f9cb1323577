import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ballotPlaceCount,
  isAnonymousVoterKey,
  legacyVoterKey,
  pickFreePlace,
  randomVoterKey,
  voterKeyFor,
} from './anonymous-voter-key';
import { testRound } from './testing/test-round';

describe('randomVoterKey', () => {
  it('has the anonymous format for any 14 bytes, and distinct bytes give distinct keys', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 14, maxLength: 14 }),
        fc.uint8Array({ minLength: 14, maxLength: 14 }),
        (a, b) => {
          const ka = randomVoterKey(a);
          expect(isAnonymousVoterKey(ka)).toBe(true);
          expect(ka === randomVoterKey(b)).toBe(a.every((x, i) => x === b[i]));
        },
      ),
    );
    expect(randomVoterKey(new Uint8Array(14).fill(255))).toMatch(/^anon-[0-9a-z]{22}$/);
    expect(() => randomVoterKey(new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('voterKeyFor', () => {
  it('is the user id in open and secret rounds', () => {
    expect(voterKeyFor(testRound({ privacy: 'open' }), 'user-1')).toBe('user-1');
    expect(voterKeyFor(testRound({ privacy: 'secret-until-reveal' }), 'user-1')).toBe('user-1');
  });

  it('cannot be computed from the user id in anonymous rounds of today', () => {
    expect(voterKeyFor(testRound({ privacy: 'anonymous' }), 'user-1')).toBe(null);
    const platform = testRound(
      { privacy: 'anonymous' },
      { anonymous: { kind: 'platform', sessionId: 's1' } },
    );
    expect(voterKeyFor(platform, 'user-1')).toBe(null);
  });

  it('is the salted hash in rounds of earlier versions (which is why they are weak)', () => {
    const legacy = testRound(
      { privacy: 'anonymous' },
      { anonymous: { kind: 'legacy-hash', salt: 'salt-1' } },
    );
    const key = voterKeyFor(legacy, 'user-1');
    expect(key).toBe(legacyVoterKey('r1', 'user-1', 'salt-1'));
    expect(isAnonymousVoterKey(key ?? '')).toBe(true);
    expect(legacyVoterKey('r1', 'ab', 'c')).not.toBe(legacyVoterKey('r1', 'a', 'bc'));
  });
});

describe('ballot places', () => {
  it('gives three places a member, at least 24, at most the maximum', () => {
    expect(ballotPlaceCount(0, 200)).toBe(24);
    expect(ballotPlaceCount(10, 200)).toBe(30);
    expect(ballotPlaceCount(500, 200)).toBe(200);
  });

  it('picks only free places, each free place as likely as another', () => {
    const taken = new Set([0, 2, 4]);
    const seen = new Map<number, number>();
    let r = 0;
    for (let i = 0; i < 700; i += 1) {
      r = (r + 0.6180339887) % 1;
      const place = pickFreePlace(10, taken, () => r);
      expect(place).not.toBe(null);
      expect(taken.has(place!)).toBe(false);
      seen.set(place!, (seen.get(place!) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([1, 3, 5, 6, 7, 8, 9]);
    for (const count of seen.values()) expect(count).toBeGreaterThan(80);
    expect(pickFreePlace(3, new Set([0, 1, 2]), () => 0.5)).toBe(null);
    expect(pickFreePlace(3, new Set(), () => 0.9999999)).toBe(2);
  });
});
