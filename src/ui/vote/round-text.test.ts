import { describe, expect, it } from 'vitest';
import type { VoteContext } from '../../app/voting/vote-items';
import type { VisibleTally } from '../../domain/voting/visible-tally';
import type { VoteRound } from '../../domain/voting/vote-round';
import {
  dotStickersLine,
  groupTotalLines,
  roundProgressLine,
  roundSettingsLine,
  votedForLine,
} from './round-text';

const round = {
  target: { description: 'Whole map (3 notes)' },
  privacy: 'open',
  weights: null,
  votesPerPerson: 3,
  perItemCap: 1,
  endsAt: null,
  status: 'open',
  recorded: null,
  anonymous: null,
} as unknown as VoteRound;
const at = (iso: string) => `at ${iso.slice(11, 16)}`;

describe('the words a round is described in', () => {
  it('says what the round counts and how: budget, cap or stacking, ranked weights', () => {
    expect(roundSettingsLine(round, at)).toBe(
      'Whole map (3 notes) · Open · 3 votes each, max 1 per note',
    );
    expect(roundSettingsLine({ ...round, perItemCap: null, votesPerPerson: 1 }, at)).toBe(
      'Whole map (3 notes) · Open · 1 vote each, stacking',
    );
    expect(
      roundSettingsLine({ ...round, privacy: 'secret-until-reveal', weights: [3, 2, 1] }, at),
    ).toBe('Whole map (3 notes) · Secret until reveal · ranked 3-2-1');
  });

  it('says when a time-boxed round ends while it is open, and not after', () => {
    const timed = { ...round, privacy: 'anonymous' as const, endsAt: '2026-11-22T10:30:00.000Z' };
    expect(roundSettingsLine(timed, at)).toBe(
      'Whole map (3 notes) · Anonymous · 3 votes each, max 1 per note · ends at 10:30',
    );
    expect(roundSettingsLine({ ...timed, status: 'ended' }, at)).not.toContain('ends');
    expect(roundSettingsLine({ ...timed, status: 'revealed' }, at)).not.toContain('ends');
  });

  it('says how far a round has come, as far as is known', () => {
    const tally = { voters: 1, votesCast: 2 };
    expect(roundProgressLine(round, tally)).toBe('1 person voted · 2 votes cast');
    expect(roundProgressLine({ ...round, weights: [2, 1] }, { voters: 2, votesCast: 1 })).toBe(
      '2 people voted · 1 pick cast',
    );
    const platform = { ...round, anonymous: { kind: 'platform' as const, sessionId: 's' } };
    expect(roundProgressLine(platform, tally)).toBe('2 votes cast, counted by the board');
    expect(roundProgressLine({ ...round, recorded: [] }, tally)).toBe(
      '2 votes, imported from a file',
    );
  });

  it('lists what one voter voted for, ranked picks numbered and stacked votes counted', () => {
    const textOf = (id: string) => ({ n1: 'Slow checkout', n2: 'Fees' })[id] ?? '?';
    expect(votedForLine({ voterKey: 'u', ranking: ['n2', 'n1'] }, textOf)).toBe(
      '#1 Fees; #2 Slow checkout',
    );
    const votes = [
      { itemId: 'n1', count: 2 },
      { itemId: 'n2', count: 1 },
    ];
    expect(votedForLine({ voterKey: 'u', votes }, textOf)).toBe('Slow checkout ×2; Fees');
  });

  it('says what counting the dot stickers found', () => {
    const none = { dots: [], unplacedDots: 0, native: [], nativeAvailable: true };
    expect(dotStickersLine(none)).toBe('No dot stickers on these notes.');
    const some = {
      dots: [{ itemId: 'n1', count: 2 }],
      unplacedDots: 3,
      native: [],
      nativeAvailable: false,
    };
    expect(dotStickersLine({ ...none, unplacedDots: 1 })).toBe(
      'No dot stickers on these notes. 1 dot on no note, not counted.',
    );
    expect(dotStickersLine(some)).toBe(
      'Dot stickers counted on 1 note. 3 dots on no note, not counted. Native Miro voting is not available on this board.',
    );
  });

  it('totals the named groups that scored, by stage, lane and cluster, and leaves out the rest', () => {
    const context = {
      stages: [
        { id: 's1', name: 'Awareness' },
        { id: 's2', name: 'Purchase' },
      ],
      lanes: [{ id: 'l1', name: 'Pains' }],
      clusters: [{ id: 'c1', text: 'Pricing' }],
    } as unknown as VoteContext;
    const tally = {
      byStage: [
        { id: 's2', votes: 3, score: 3 },
        { id: 's1', votes: 1, score: 1 },
        { id: null, votes: 4, score: 4 },
      ],
      byLane: [{ id: 'l1', votes: 0, score: 0 }],
      byCluster: [
        { id: 'c1', votes: 2, score: 2 },
        { id: 'gone', votes: 1, score: 1 },
      ],
    } as Pick<VisibleTally, 'byStage' | 'byLane' | 'byCluster'>;
    expect(groupTotalLines(tally, context)).toEqual([
      { label: 'By stage', line: 'Purchase 3 · Awareness 1' },
      { label: 'By cluster', line: 'Pricing 2' },
    ]);
    expect(groupTotalLines({ byStage: null, byLane: null, byCluster: null }, context)).toEqual([]);
  });
});
