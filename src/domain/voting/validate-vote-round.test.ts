import { describe, expect, it } from 'vitest';
import { testRound } from './test-round';
import { validateVoteRound } from './validate-vote-round';

describe('validateVoteRound', () => {
  it('reads back a round that went through JSON, as the shared collection stores it', () => {
    const round = testRound({ privacy: 'anonymous', durationMinutes: 5 });
    expect(validateVoteRound(JSON.parse(JSON.stringify(round)))).toEqual({ ok: true, round });
  });

  it('drops fields it does not know', () => {
    const round = testRound();
    const r = validateVoteRound({ ...round, voterNames: ['Ada'] });
    expect(r.ok && 'voterNames' in r.round).toBe(false);
  });

  it('refuses a bad status, a missing id, bad dates and an anonymous round without salt', () => {
    const round = testRound({ privacy: 'anonymous' });
    const r = validateVoteRound({
      ...round,
      id: '',
      status: 'paused',
      createdAt: 'yesterday',
      endedAt: 'later',
      voterKeySalt: null,
    });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual([
      'id',
      'status',
      'createdAt',
      'endedAt',
      'voterKeySalt',
    ]);
  });

  it('reports settings problems too, and refuses non-objects', () => {
    const r = validateVoteRound({ ...testRound(), votesPerPerson: 0 });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['votesPerPerson']);
    expect(validateVoteRound([]).ok).toBe(false);
  });
});
