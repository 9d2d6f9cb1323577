import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomVoterKey } from './anonymous-voter-key';
import { createBallot, type Ballot } from './ballot';
import { castVote } from './cast-vote';
import { tallyPlatformTotals, tallyVotes, type TallyItem } from './tally-votes';
import { T0, testRound } from './testing/test-round';
import type { VoteRound } from './vote-round';

const items: TallyItem[] = [
  { id: 'a', stageId: 's1', laneId: 'l1', clusterId: 'k1' },
  { id: 'b', stageId: 's1', laneId: 'l2', clusterId: 'k1' },
  { id: 'c', stageId: 's2', laneId: 'l1', clusterId: null },
  { id: 'd', stageId: 's2', laneId: 'l2' },
  { id: 'e' },
];

const votes = (voterKey: string, entries: [string, number][], updatedAt = T0) => ({
  roundId: 'r1',
  voterKey,
  updatedAt,
  votes: entries.map(([itemId, count]) => ({ itemId, count })),
});

const ranked = (voterKey: string, ranking: string[]) => ({
  roundId: 'r1',
  voterKey,
  updatedAt: T0,
  ranking,
});

const scores = (t: ReturnType<typeof tallyVotes>) =>
  Object.fromEntries(t.items.map((i) => [i.itemId, i.score]));
const ranks = (t: ReturnType<typeof tallyVotes>) => t.items.map((i) => [i.itemId, i.rank]);

describe('tallyVotes', () => {
  it('totals per item, stage, lane and cluster, and counts voters', () => {
    const t = tallyVotes(
      testRound(),
      [
        votes('u1', [
          ['a', 2],
          ['c', 1],
        ]),
        votes('u2', [
          ['a', 1],
          ['b', 1],
          ['d', 3],
        ]),
      ],
      items,
    );
    expect(scores(t)).toEqual({ a: 3, b: 1, c: 1, d: 3, e: 0 });
    expect(t.items.find((i) => i.itemId === 'a')?.voters).toBe(2);
    expect(t.voters).toBe(2);
    expect(t.votesCast).toBe(8);
    expect(t.byStage).toEqual([
      { id: 's1', votes: 4, score: 4 },
      { id: 's2', votes: 4, score: 4 },
      { id: null, votes: 0, score: 0 },
    ]);
    expect(t.byLane).toEqual([
      { id: 'l1', votes: 4, score: 4 },
      { id: 'l2', votes: 4, score: 4 },
      { id: null, votes: 0, score: 0 },
    ]);
    expect(t.byCluster).toEqual([
      { id: 'k1', votes: 4, score: 4 },
      { id: null, votes: 4, score: 4 },
    ]);
  });

  it('shares ranks between ties and skips after them (1, 1, 3, 3, 5)', () => {
    const t = tallyVotes(
      testRound(),
      [
        votes('u1', [
          ['a', 2],
          ['c', 1],
        ]),
        votes('u2', [
          ['a', 1],
          ['b', 1],
          ['d', 3],
        ]),
      ],
      items,
    );
    // Ties keep the round's item order.
    expect(ranks(t)).toEqual([
      ['a', 1],
      ['d', 1],
      ['b', 3],
      ['c', 3],
      ['e', 5],
    ]);
  });

  it('enforces the budget and the cap in the tally, whatever the panel sent', () => {
    const round = testRound({ votesPerPerson: 3, perItemCap: 2 });
    const t = tallyVotes(
      round,
      [
        votes('u1', [
          ['a', 5],
          ['b', 5],
        ]),
      ],
      items,
    );
    expect(scores(t)).toMatchObject({ a: 2, b: 1 });
    expect(t.uncounted).toEqual({ ballots: 0, votes: 7 });
  });

  it('lets a voter stack the whole budget on one item when stacking is allowed', () => {
    const t = tallyVotes(testRound({ perItemCap: null }), [votes('u1', [['e', 5]])], items);
    expect(t.items[0]).toEqual({ itemId: 'e', votes: 5, score: 5, rank: 1, voters: 1 });
  });

  it('applies weights to ranked picks', () => {
    const round = testRound({ votesPerPerson: 3, perItemCap: 1, weights: [3, 2, 1] });
    const t = tallyVotes(round, [ranked('u1', ['c', 'a', 'b']), ranked('u2', ['a', 'c'])], items);
    expect(scores(t)).toEqual({ a: 5, b: 1, c: 5, d: 0, e: 0 });
    expect(t.items.find((i) => i.itemId === 'a')).toMatchObject({ votes: 2, score: 5, rank: 1 });
    expect(t.byStage[0]).toEqual({ id: 's1', votes: 3, score: 6 });
    expect(t.weighted).toBe(true);
  });

  it('sets aside votes on items that no longer exist, and counts them', () => {
    const t = tallyVotes(
      testRound(),
      [
        votes('u1', [
          ['a', 1],
          ['b', 2],
        ]),
        votes('u2', [['b', 1]]),
      ],
      items.filter((i) => i.id !== 'b'),
    );
    expect(t.items.map((i) => i.itemId)).toEqual(['a', 'c', 'd', 'e']);
    expect(t.orphanVotes).toEqual({ votes: 3, score: 3, itemIds: ['b'] });
    expect(t.votesCast).toBe(4);
    expect(t.voters).toBe(2);
  });

  it('ignores items outside the round and counts refused ballots', () => {
    const t = tallyVotes(
      testRound(),
      [votes('u1', [['a', 1]]), { junk: true }, votes('u2', [['a', 1]], 'not a date')],
      [...items, { id: 'outside' }],
    );
    expect(t.items.map((i) => i.itemId)).not.toContain('outside');
    expect(t.uncounted.ballots).toBe(2);
    expect(t.voters).toBe(1);
  });

  it('counts only the latest of two copies of one voter ballot', () => {
    const t = tallyVotes(
      testRound(),
      [votes('u1', [['a', 1]], '2026-11-22T10:05:00.000Z'), votes('u1', [['b', 2]], T0)],
      items,
    );
    expect(scores(t)).toMatchObject({ a: 1, b: 0 });
    expect(t.voters).toBe(1);
  });

  it('does not count a voter who took every vote back', () => {
    const t = tallyVotes(testRound(), [votes('u1', [])], items);
    expect(t.voters).toBe(0);
    expect(t.voterKeys).toEqual([]);
  });

  it('lists who voted and what, in open rounds only', () => {
    const open = tallyVotes(testRound(), [votes('u2', [['a', 1]]), votes('u1', [['b', 1]])], items);
    expect(open.voterKeys).toEqual(['u1', 'u2']);
    expect(open.perVoter).toEqual([
      { voterKey: 'u1', votes: [{ itemId: 'b', count: 1 }] },
      { voterKey: 'u2', votes: [{ itemId: 'a', count: 1 }] },
    ]);
    const secret = tallyVotes(
      testRound({ privacy: 'secret-until-reveal' }),
      [votes('u1', [['a', 1]])],
      items,
    );
    expect(secret.voterKeys).toEqual(['u1']);
    expect(secret.perVoter).toBe(null);
    const anonRound = testRound({ privacy: 'anonymous' });
    const key = randomVoterKey(new Uint8Array(14).fill(7));
    const anon = tallyVotes(anonRound, [votes(key, [['a', 1]])], items);
    expect(anon.voters).toBe(1);
    expect(anon.voterKeys).toBe(null);
    expect(anon.perVoter).toBe(null);
    expect(JSON.stringify(anon)).not.toContain(key);
  });
});

describe('tallyVotes: ten participants voting at once', () => {
  /** Ten voters' ballots, built through castVote as their panels would. */
  const arbitraryBallots = (round: VoteRound) =>
    fc
      .array(fc.array(fc.constantFrom(...round.target.itemIds), { maxLength: 8 }), {
        minLength: 10,
        maxLength: 10,
      })
      .map((perVoter) =>
        perVoter.map((picks, v) =>
          picks.reduce<Ballot>(
            (b, itemId) => {
              const r = castVote(b, itemId, round, T0);
              return r.ok ? r.ballot : b;
            },
            createBallot(round, `voter-${v}`, T0),
          ),
        ),
      );

  for (const round of [
    testRound({ votesPerPerson: 5, perItemCap: 2 }),
    testRound({ votesPerPerson: 3, perItemCap: 1, weights: [3, 2, 1] }),
  ]) {
    it(`gives the same tally in any arrival order (${round.weights ? 'weighted' : 'capped'})`, () => {
      fc.assert(
        fc.property(
          arbitraryBallots(round).chain((ballots) =>
            fc.tuple(
              fc.constant(ballots),
              fc.shuffledSubarray(ballots, { minLength: ballots.length }),
            ),
          ),
          ([ballots, shuffled]) => {
            expect(tallyVotes(round, shuffled, items)).toEqual(tallyVotes(round, ballots, items));
          },
        ),
      );
    });

    it(`loses no vote: the total equals every vote the panels accepted (${round.weights ? 'weighted' : 'capped'})`, () => {
      fc.assert(
        fc.property(arbitraryBallots(round), (ballots) => {
          const cast = ballots.reduce(
            (sum, b) =>
              sum + (b.ranking ? b.ranking.length : b.votes.reduce((s, v) => s + v.count, 0)),
            0,
          );
          const t = tallyVotes(round, ballots, items);
          expect(t.votesCast).toBe(cast);
          expect(t.uncounted).toEqual({ ballots: 0, votes: 0 });
          expect(t.voters).toBe(ballots.filter((b) => (b.ranking ?? b.votes).length > 0).length);
        }),
      );
    });
  }
});

describe('anonymous ballots with places', () => {
  it('counts the copy with the higher change count when a lost race left two', () => {
    const round = testRound({ privacy: 'anonymous' });
    const key = randomVoterKey(new Uint8Array(14).fill(3));
    const older = { ...votes(key, [['a', 1]]), seq: 1 };
    const newer = { ...votes(key, [['b', 2]]), seq: 2 };
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const t = tallyVotes(round, order, items);
      expect(t.voters).toBe(1);
      expect(scores(t)).toMatchObject({ a: 0, b: 2 });
    }
  });
});

describe('tallyPlatformTotals', () => {
  it('ranks the platform totals, sets aside votes on gone items, and holds no voter keys', () => {
    const round = testRound({ privacy: 'anonymous' });
    const t = tallyPlatformTotals(
      round,
      [
        { itemId: 'b', votes: 4, voters: 3 },
        { itemId: 'a', votes: 1, voters: 1 },
        { itemId: 'zz', votes: 2, voters: 2 },
        { itemId: 'c', votes: -5, voters: 1 },
      ],
      items.filter((i) => i.id !== 'a'),
    );
    expect(ranks(t)[0]).toEqual(['b', 1]);
    expect(t.orphanVotes).toEqual({ votes: 1, score: 1, itemIds: ['a'] });
    expect(t.votesCast).toBe(5);
    expect(t.uncounted).toEqual({ ballots: 0, votes: 2 });
    expect(t.voters).toBe(3);
    expect(t.voterKeys).toBe(null);
    expect(t.perVoter).toBe(null);
    expect(t.byStage.find((g) => g.id === 's1')?.votes).toBe(4);
  });
});

describe('a voter’s parts from several devices', () => {
  it('merge into one ballot, checked against the budget and cap as a whole', () => {
    const round = testRound({ votesPerPerson: 3, perItemCap: 2 });
    const laptop = { ...votes('u1', [['a', 2]], '2026-11-22T10:00:00.000Z'), part: 'laptop' };
    const phone = {
      ...votes(
        'u1',
        [
          ['a', 1],
          ['b', 1],
        ],
        '2026-11-22T10:01:00.000Z',
      ),
      part: 'phone',
    };
    const t = tallyVotes(round, [phone, laptop], items);
    expect(t.voters).toBe(1);
    // a: 2 + 1 = 3 is over the cap of 2; the earliest votes are kept.
    expect(scores(t)).toMatchObject({ a: 2, b: 1 });
    expect(t.uncounted.votes).toBe(1);
    // Without parts, two ballots of one voter are copies: the newer counts.
    const { part: _l, ...oldLaptop } = laptop;
    const { part: _p, ...oldPhone } = phone;
    expect(scores(tallyVotes(round, [oldLaptop, oldPhone], items))).toMatchObject({ a: 1, b: 1 });
  });
});
