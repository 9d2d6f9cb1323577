import { describe, expect, it } from 'vitest';
import { endRound, expireRound, reopenRound, revealRound } from './round-lifecycle';
import { T0, testRound } from './testing/test-round';
import { acceptsVotes } from './vote-round';

const T1 = '2026-11-22T10:05:00.000Z';
const T2 = '2026-11-22T10:20:00.000Z';

describe('round lifecycle', () => {
  it('ends an open round, then refuses to end it again', () => {
    const ended = endRound(testRound(), T1);
    expect(ended.ok && ended.round.status).toBe('ended');
    expect(ended.ok && ended.round.endedAt).toBe(T1);
    expect(ended.ok && endRound(ended.round, T2)).toEqual({
      ok: false,
      reason: 'The round has already ended.',
    });
  });

  it('reveals an ended round, keeping when it ended', () => {
    const ended = endRound(testRound(), T1);
    const revealed = ended.ok ? revealRound(ended.round, T2) : ended;
    expect(revealed.ok && revealed.round).toMatchObject({
      status: 'revealed',
      endedAt: T1,
      revealedAt: T2,
    });
    expect(revealed.ok && revealRound(revealed.round, T2).ok).toBe(false);
  });

  it('revealing an open round ends it too', () => {
    const r = revealRound(testRound(), T1);
    expect(r.ok && r.round).toMatchObject({ status: 'revealed', endedAt: T1, revealedAt: T1 });
  });

  it('reopening a revealed round clears the reveal and gives a time box its full duration', () => {
    const round = testRound({ durationMinutes: 10 });
    expect(round.endsAt).toBe('2026-11-22T10:10:00.000Z');
    const revealed = revealRound(round, T1);
    const reopened = revealed.ok ? reopenRound(revealed.round, T2) : revealed;
    expect(reopened.ok && reopened.round).toMatchObject({
      status: 'open',
      endedAt: null,
      revealedAt: null,
      endsAt: '2026-11-22T10:30:00.000Z',
    });
    expect(reopenRound(round, T2)).toEqual({ ok: false, reason: 'The round is already open.' });
  });

  it('expires a time-boxed round once endsAt has passed, not before', () => {
    const round = testRound({ durationMinutes: 10 });
    expect(expireRound(round, T1)).toBe(round);
    expect(acceptsVotes(round, T1)).toBe(true);
    expect(expireRound(round, T2)).toMatchObject({ status: 'ended', endedAt: round.endsAt });
    expect(acceptsVotes(round, T2)).toBe(false);
    const untimed = testRound();
    expect(expireRound(untimed, '2030-01-01T00:00:00.000Z')).toBe(untimed);
    expect(acceptsVotes(untimed, T0)).toBe(true);
  });
});
