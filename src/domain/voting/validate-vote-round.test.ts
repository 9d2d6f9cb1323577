import { describe, expect, it } from 'vitest';
import { testRound } from './testing/test-round';
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

  it('refuses a bad status, a missing id, bad dates and an anonymous round without its ballots', () => {
    const round = testRound({ privacy: 'anonymous' });
    const r = validateVoteRound({
      ...round,
      id: '',
      status: 'paused',
      createdAt: 'yesterday',
      endedAt: 'later',
      anonymous: { kind: 'places', places: 0 },
    });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual([
      'id',
      'status',
      'createdAt',
      'endedAt',
      'anonymous',
    ]);
  });

  it('reads each ballot design, and a salted round of an earlier version as legacy-hash', () => {
    const round = testRound({ privacy: 'anonymous' });
    const platform = { ...round, anonymous: { kind: 'platform', sessionId: 'vs-1' } };
    expect(validateVoteRound(platform)).toEqual({ ok: true, round: platform });
    const { anonymous: _, ...old } = round;
    const r = validateVoteRound({ ...old, voterKeySalt: 'pepper' });
    expect(r.ok && r.round.anonymous).toEqual({ kind: 'legacy-hash', salt: 'pepper' });
    expect(validateVoteRound({ ...round, anonymous: { kind: 'places', places: 201 } }).ok).toBe(
      false,
    );
    // An open round carries no ballot design, whatever is stored.
    const open = validateVoteRound({ ...testRound(), anonymous: { kind: 'places', places: 5 } });
    expect(open.ok && open.round.anonymous).toBe(null);
  });

  it('reports settings problems too, and refuses non-objects', () => {
    const r = validateVoteRound({ ...testRound(), votesPerPerson: 0 });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['votesPerPerson']);
    expect(validateVoteRound([]).ok).toBe(false);
  });
});
