/** Which stored ballot is this browser's own in an anonymous round (pure). */
import { isRecord } from './guards';
import type { VoteRound } from './vote-round';

/**
 * In a round with places: the stored ballot carrying the browser's random voter key, if it is
 * stored; else (or when not found) the copy the browser kept, or undefined before the first vote.
 */
export function ownBallotValue(
  round: VoteRound,
  stored: Iterable<unknown>,
  own: { voterKey: string; ballot: unknown },
): unknown {
  if (round.anonymous?.kind === 'places') {
    for (const value of stored)
      if (isRecord(value) && value.voterKey === own.voterKey) return value;
  }
  return own.ballot ?? undefined;
}
