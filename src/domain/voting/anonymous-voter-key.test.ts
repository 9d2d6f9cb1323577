import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymousVoterKey, isAnonymousVoterKey, voterKeyFor } from './anonymous-voter-key';
import { testRound } from './test-round';

describe('anonymousVoterKey', () => {
  it('is stable for the same round, user and salt', () => {
    expect(anonymousVoterKey('r1', 'user-1', 's')).toBe(anonymousVoterKey('r1', 'user-1', 's'));
    expect(isAnonymousVoterKey(anonymousVoterKey('r1', 'user-1', 's'))).toBe(true);
  });

  it('differs by round, by user and by salt, so keys do not link rounds', () => {
    const k = anonymousVoterKey('r1', 'user-1', 's');
    expect(anonymousVoterKey('r2', 'user-1', 's')).not.toBe(k);
    expect(anonymousVoterKey('r1', 'user-2', 's')).not.toBe(k);
    expect(anonymousVoterKey('r1', 'user-1', 't')).not.toBe(k);
    // The separators keep shifted boundaries apart.
    expect(anonymousVoterKey('r1', 'ab', 'c')).not.toBe(anonymousVoterKey('r1', 'a', 'bc'));
  });

  it('never contains the user id and always has the anonymous format', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), fc.string(), (roundId, userId, salt) => {
        const key = anonymousVoterKey(roundId, userId, salt);
        return isAnonymousVoterKey(key) && !key.includes(userId);
      }),
    );
  });

  it('gives distinct keys to distinct users of a round', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 200 }),
        (users) => {
          const keys = new Set(users.map((u) => anonymousVoterKey('r1', u, 'salt')));
          return keys.size === users.length;
        },
      ),
    );
  });

  it('voterKeyFor uses the hash only in anonymous rounds', () => {
    expect(voterKeyFor(testRound({ privacy: 'open' }), 'user-1')).toBe('user-1');
    expect(voterKeyFor(testRound({ privacy: 'secret-until-reveal' }), 'user-1')).toBe('user-1');
    const anon = testRound({ privacy: 'anonymous' });
    expect(voterKeyFor(anon, 'user-1')).toBe(anonymousVoterKey('r1', 'user-1', 'salt-1'));
  });
});
