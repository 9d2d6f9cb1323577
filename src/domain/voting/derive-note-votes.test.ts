import { describe, expect, it } from 'vitest';
import { deriveNoteVotes } from './derive-note-votes';
import { endRound } from './round-lifecycle';
import { tallyVotes } from './tally-votes';
import { T0, testRound } from './testing/test-round';
import type { Privacy, VoteRound } from './vote-round';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ended = (round: VoteRound): VoteRound => {
  const r = endRound(round, T0);
  if (!r.ok) throw new Error(r.reason);
  return r.round;
};
const entry = (
  id: string,
  privacy: Privacy,
  status: 'open' | 'ended',
  votes: [string, number][],
) => {
  const base = testRound({ privacy }, { id });
  const round = status === 'ended' ? ended(base) : base;
  const ballots = [
    {
      roundId: id,
      voterKey: 'u1',
      updatedAt: T0,
      votes: votes.map(([itemId, count]) => ({ itemId, count })),
    },
  ];
  return { round, tally: tallyVotes(round, ballots, items) };
};

describe('deriveNoteVotes', () => {
  it('adds votes of ended rounds, skipping open rounds and unrevealed secret ones', () => {
    expect(
      deriveNoteVotes([
        entry('r1', 'open', 'ended', [
          ['a', 2],
          ['b', 1],
        ]),
        entry('r2', 'open', 'ended', [['a', 1]]),
        entry('r3', 'open', 'open', [['c', 4]]),
        entry('r4', 'secret-until-reveal', 'ended', [['d', 4]]),
      ]),
    ).toEqual({ a: 3, b: 1 });
  });
});
