import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotKey, ballotKeyPrefix, roundKey } from './vote-storage-keys';

describe('vote storage keys', () => {
  it('names rounds and ballots apart', () => {
    expect(roundKey('r1')).toBe('round:r1');
    expect(ballotKey('r1', 'u1')).toBe('ballot:r1:u1');
  });

  it('gives every (round, voter) pair its own key, found by its round prefix only', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (r1, v1, r2, v2) => {
        fc.pre(r1 !== r2 || v1 !== v2);
        expect(ballotKey(r1, v1)).not.toBe(ballotKey(r2, v2));
        expect(ballotKey(r1, v1).startsWith(ballotKeyPrefix(r1))).toBe(true);
        if (r1 !== r2) expect(ballotKey(r1, v1).startsWith(ballotKeyPrefix(r2))).toBe(false);
      }),
    );
    expect(ballotKey('a:b', 'c')).not.toBe(ballotKey('a', 'b:c'));
  });
});
