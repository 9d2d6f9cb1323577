/** Builds rounds for tests in voting/ and actions/; not used by the app. */
import { createVoteRound, type RoundSettings, type VoteRound } from '../vote-round';

export const T0 = '2026-11-22T10:00:00.000Z';

export function testRound(
  settings: Partial<RoundSettings> = {},
  extra: Partial<VoteRound> = {},
): VoteRound {
  const round = createVoteRound(
    {
      title: 'Biggest pain points',
      target: {
        kind: 'map',
        refId: null,
        description: 'Whole map',
        itemIds: ['a', 'b', 'c', 'd', 'e'],
      },
      votesPerPerson: 5,
      perItemCap: null,
      weights: null,
      privacy: 'open',
      durationMinutes: null,
      ...settings,
    },
    {
      id: 'r1',
      now: T0,
      createdBy: 'facilitator-1',
      anonymous: { kind: 'places', places: 24 },
    },
  );
  return { ...round, ...extra };
}
