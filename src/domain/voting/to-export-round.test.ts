import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v1.json';
import { randomVoterKey } from './anonymous-voter-key';
import { endRound, revealRound } from './round-lifecycle';
import { tallyVotes } from './tally-votes';
import { T0, testRound } from './testing/test-round';
import { toExportRound } from './to-export-round';
import { visibleTally } from './visible-tally';
import type { Privacy, VoteRound } from './vote-round';

const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(schema);
const validateRound = ajv.compile({ $ref: `${schema.$id}#/$defs/voteRound` });

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const T1 = '2026-11-22T10:05:00.000Z';

const withStatus = (round: VoteRound, status: VoteRound['status']): VoteRound => {
  if (status === 'open') return round;
  const r = status === 'ended' ? endRound(round, T1) : revealRound(round, T1);
  if (!r.ok) throw new Error(r.reason);
  return r.round;
};

describe('toExportRound', () => {
  const ballots = [
    { roundId: 'r1', voterKey: 'u1', updatedAt: T0, votes: [{ itemId: 'b', count: 2 }] },
    { roundId: 'r1', voterKey: 'u2', updatedAt: T0, votes: [{ itemId: 'a', count: 1 }] },
  ];

  it('writes settings, status and totals in the v1 shape', () => {
    const round = withStatus(
      testRound({
        target: {
          kind: 'stage',
          refId: 'st-2',
          description: 'Stage · Purchase',
          itemIds: ['a', 'b', 'c', 'd', 'e'],
        },
        perItemCap: 2,
      }),
      'ended',
    );
    const exported = toExportRound(round, tallyVotes(round, ballots, items));
    expect(exported).toEqual({
      id: 'r1',
      title: 'Biggest pain points',
      settings: {
        votesPerVoter: 5,
        maxVotesPerItem: 2,
        scope: 'stage',
        scopeIds: ['st-2'],
        anonymous: false,
      },
      startedAt: T0,
      endedAt: T1,
      totals: [
        { itemId: 'b', votes: 2 },
        { itemId: 'a', votes: 1 },
      ],
      status: 'ended',
    });
    expect(validateRound(exported), ajv.errorsText(validateRound.errors)).toBe(true);
  });

  it('includes per-voter ballots for an open round with open privacy, and only then', () => {
    const open = testRound({ privacy: 'open' });
    const exported = toExportRound(open, tallyVotes(open, ballots, items));
    expect(exported.status === 'open' && exported.ballots).toEqual([
      { voterId: 'u1', votes: [{ itemId: 'b', votes: 2 }] },
      { voterId: 'u2', votes: [{ itemId: 'a', votes: 1 }] },
    ]);
    const secret = testRound({ privacy: 'secret-until-reveal' });
    const hidden = toExportRound(secret, tallyVotes(secret, ballots, items));
    expect(hidden.status === 'open' && hidden.ballots).toEqual([]);
    expect(hidden.totals).toEqual([]);
    expect(JSON.stringify(hidden)).not.toMatch(/u1|u2/);
  });

  it('guards per-voter detail itself, even if handed a tally that has it', () => {
    const open = testRound({ privacy: 'open' });
    const tally = tallyVotes(open, ballots, items);
    for (const privacy of ['anonymous', 'secret-until-reveal'] as const) {
      const exported = toExportRound({ ...open, privacy }, tally);
      expect(exported.status === 'open' && exported.ballots).toEqual([]);
    }
  });

  it('writes weighted totals as scores, stacking as the whole budget, clusters as scope ids', () => {
    const round = withStatus(
      testRound({
        target: {
          kind: 'clusters',
          refId: null,
          description: 'Clusters',
          itemIds: ['a', 'b', 'c', 'd', 'e'],
        },
        votesPerPerson: 3,
        perItemCap: 1,
        weights: [3, 2, 1],
      }),
      'revealed',
    );
    const tally = tallyVotes(
      round,
      [{ roundId: 'r1', voterKey: 'u1', updatedAt: T0, ranking: ['c', 'a'] }],
      items,
    );
    const exported = toExportRound(round, tally);
    expect(exported.totals).toEqual([
      { itemId: 'c', votes: 3 },
      { itemId: 'a', votes: 2 },
    ]);
    expect(exported.settings).toMatchObject({
      scope: 'cluster',
      scopeIds: ['a', 'b', 'c', 'd', 'e'],
      maxVotesPerItem: 1,
    });
    const stacking = testRound({ perItemCap: null });
    expect(toExportRound(stacking, tallyVotes(stacking, [], items)).settings.maxVotesPerItem).toBe(
      5,
    );
  });
});

describe('privacy: no voter id, name or key in results or exports', () => {
  /** Voters with distinctive ids and names, so a substring match means a real leak. */
  const arbitraryVoters = fc.uniqueArray(
    fc.record({
      userId: fc.uuid().map((u) => `user-${u}`),
      name: fc.stringMatching(/^[A-Z][a-z]{5,10} [A-Z][a-z]{5,10}$/).map((n) => `Voter ${n}`),
      picks: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 10, selector: (v) => v.userId },
  );

  const keyOf = (i: number) => randomVoterKey(new Uint8Array(14).fill(i + 1));
  const ballotsOf = (
    round: VoteRound,
    voters: { userId: string; name: string; picks: string[] }[],
  ) =>
    voters.flatMap((v, i) => {
      const key = keyOf(i);
      const common = {
        roundId: round.id,
        updatedAt: T0,
        // Fields a careless panel might add; validation must drop them.
        voterName: v.name,
        userId: v.userId,
        votes: v.picks.map((itemId) => ({ itemId, count: 1, by: v.name })),
      };
      // The proper anonymous ballot, plus one from a panel that forgot to hash.
      return [
        { ...common, voterKey: key },
        { ...common, voterKey: v.userId },
      ];
    });

  it('an anonymous round, in every status and for every viewer', () => {
    fc.assert(
      fc.property(
        arbitraryVoters,
        fc.constantFrom<VoteRound['status']>('open', 'ended', 'revealed'),
        fc.boolean(),
        (voters, status, isFacilitator) => {
          const round = withStatus(testRound({ privacy: 'anonymous', perItemCap: null }), status);
          const ballots = ballotsOf(round, voters);
          const tally = tallyVotes(round, ballots, items);
          const outputs = [
            JSON.stringify(tally),
            JSON.stringify(visibleTally(tally, round, { isFacilitator })),
            JSON.stringify(toExportRound(round, tally)),
          ];
          const secrets = voters.flatMap((v, i) => [v.userId, v.name, keyOf(i)]);
          secrets.push(round.createdBy);
          for (const out of outputs) for (const s of secrets) expect(out).not.toContain(s);
          // The votes themselves were counted.
          expect(tally.voters).toBe(voters.filter((v) => v.picks.length > 0).length);
        },
      ),
    );
  });

  it('exports of anonymous and secret rounds hold no voter ids; open rounds only their ids', () => {
    fc.assert(
      fc.property(
        arbitraryVoters,
        fc.constantFrom<Privacy>('anonymous', 'secret-until-reveal', 'open'),
        fc.constantFrom<VoteRound['status']>('open', 'ended', 'revealed'),
        (voters, privacy, status) => {
          const round = withStatus(testRound({ privacy, perItemCap: null }), status);
          const ballots = ballotsOf(round, voters).filter((b) =>
            privacy === 'anonymous' ? b.voterKey !== b.userId : b.voterKey === b.userId,
          );
          const exported = JSON.stringify(toExportRound(round, tallyVotes(round, ballots, items)));
          expect(validateRound(JSON.parse(exported)), ajv.errorsText(validateRound.errors)).toBe(
            true,
          );
          for (const v of voters) {
            expect(exported).not.toContain(v.name);
            const idMayAppear = privacy === 'open' && status === 'open' && v.picks.length > 0;
            if (!idMayAppear) expect(exported).not.toContain(v.userId);
          }
        },
      ),
    );
  });
});
