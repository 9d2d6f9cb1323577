import { describe, expect, it } from 'vitest';
import type { ExportVoteRound } from '../export/journey-map';
import { roundFromExport } from './from-export-round';
import { validateVoteRound } from './validate-vote-round';

const base = {
  id: 'vr1',
  title: 'Biggest pain',
  startedAt: '2026-11-01T10:00:00.000Z',
  endedAt: null,
  totals: [
    { itemId: 'n1', votes: 3 },
    { itemId: 'gone', votes: 1 },
    { itemId: 'n2', votes: 0 },
  ],
};
const ctx = {
  id: 'imp-x',
  mapId: 'm1',
  createdBy: 'u-fac',
  now: '2026-12-05T09:00:00.000Z',
  itemIdOf: (id: string) => ({ n1: 'b1', n2: 'b2' })[id],
};

describe('roundFromExport', () => {
  it('makes an open round of the file closed history on this board, its totals on the new notes', () => {
    const exported: ExportVoteRound = {
      ...base,
      status: 'open',
      ballots: [{ voterId: 'u-someone', votes: [{ itemId: 'n1', votes: 3 }] }],
      settings: {
        votesPerVoter: 3,
        maxVotesPerItem: 3,
        scope: 'map',
        scopeIds: [],
        anonymous: false,
      },
    };
    const made = roundFromExport(exported, ctx);
    if (!made.ok) throw new Error(made.reason);
    expect(made.round).toMatchObject({
      id: 'imp-x',
      status: 'ended',
      privacy: 'open',
      perItemCap: null,
      target: { kind: 'map', refId: 'm1', itemIds: ['b1', 'gone'] },
      createdAt: base.startedAt,
      endedAt: ctx.now,
      recorded: [
        { itemId: 'b1', votes: 3 },
        { itemId: 'gone', votes: 1 },
      ],
      anonymous: null,
    });
    // No ballot or voter id came along, and the stored round reads back.
    expect(JSON.stringify(made.round)).not.toContain('u-someone');
    expect(validateVoteRound(JSON.parse(JSON.stringify(made.round)))).toEqual({
      ok: true,
      round: made.round,
    });
  });

  it('keeps an anonymous round anonymous (recorded totals only) and cluster ids as they are', () => {
    const made = roundFromExport(
      {
        ...base,
        status: 'revealed',
        endedAt: '2026-11-01T11:00:00.000Z',
        totals: [{ itemId: 'c-fees', votes: 2 }],
        settings: {
          votesPerVoter: 2,
          maxVotesPerItem: 1,
          scope: 'cluster',
          scopeIds: ['c-fees', 'c-app'],
          anonymous: true,
        },
      },
      ctx,
    );
    if (!made.ok) throw new Error(made.reason);
    expect(made.round).toMatchObject({
      status: 'revealed',
      privacy: 'anonymous',
      anonymous: { kind: 'recorded' },
      perItemCap: 1,
      target: { kind: 'clusters', itemIds: ['c-fees', 'c-app'] },
      revealedAt: '2026-11-01T11:00:00.000Z',
    });
    expect(validateVoteRound(JSON.parse(JSON.stringify(made.round))).ok).toBe(true);
  });
});
