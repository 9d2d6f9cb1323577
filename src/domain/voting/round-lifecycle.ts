/**
 * A round's lifecycle as pure transitions: open → ended → revealed, reopen back to open, delete.
 * A refused transition is a value with a reason, never an exception.
 *
 * Reveal matters for secret-until-reveal rounds (totals hidden until then); for the other modes
 * it marks the results as presented. Revealing an open round ends it too: totals shown while
 * votes still move would invite bandwagon voting.
 *
 * Reopening a revealed round takes it back to 'open' and clears the reveal: votes can change
 * again, so in a secret round the old totals are hidden again until the next reveal.
 */
import { deriveEndsAt, type VoteRound } from './vote-round';

export type RoundTransition = { ok: true; round: VoteRound } | { ok: false; reason: string };

export function endRound(round: VoteRound, now: string): RoundTransition {
  if (round.status !== 'open') return { ok: false, reason: 'The round has already ended.' };
  return { ok: true, round: { ...round, status: 'ended', endedAt: now } };
}

export function revealRound(round: VoteRound, now: string): RoundTransition {
  if (round.status === 'revealed')
    return { ok: false, reason: 'The results are already revealed.' };
  return {
    ok: true,
    round: {
      ...round,
      status: 'revealed',
      endedAt: round.status === 'open' ? now : round.endedAt,
      revealedAt: now,
    },
  };
}

export function reopenRound(round: VoteRound, now: string): RoundTransition {
  if (round.status === 'open') return { ok: false, reason: 'The round is already open.' };
  return {
    ok: true,
    round: {
      ...round,
      status: 'open',
      endedAt: null,
      revealedAt: null,
      // A time-boxed round gets its full duration again; an expired endsAt would close it at once.
      endsAt: deriveEndsAt(now, round.durationMinutes),
    },
  };
}

/**
 * Ends a time-boxed round whose `endsAt` has passed, so every panel converges on 'ended' even if
 * the facilitator's panel was closed when the timer ran out. Unchanged otherwise.
 */
export function expireRound(round: VoteRound, now: string): VoteRound {
  if (round.status !== 'open' || round.endsAt === null) return round;
  const t = Date.parse(now);
  const end = Date.parse(round.endsAt);
  if (Number.isNaN(t) || Number.isNaN(end) || t < end) return round;
  return { ...round, status: 'ended', endedAt: round.endsAt };
}
