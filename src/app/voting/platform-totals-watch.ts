/** A platform round's totals (MURAL's voting session), read while the round is open. */
import type { Unsubscribe } from '../../board/port';
import { roundKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import type { RoundFollowContext } from './round-follow';
import type { RoundWatch } from './round-watch';
import { readRound } from './vote-store';

/**
 * Reads the platform's totals now, then every `platformTotalsMs` while the round is open: one
 * read at a time, and one timer. A read asked for while one runs (an own vote, the round's end)
 * is made once, right after it; starting another would run two polling chains from then on.
 */
export function followTotals(
  { board, shared, now, platformTotalsMs, schedule }: RoundFollowContext,
  id: string,
  watch: RoundWatch,
  first: VoteRound,
): Unsubscribe {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let reading = false;
  let readAgain = false;
  const sessionId = first.anonymous?.kind === 'platform' ? first.anonymous.sessionId : '';
  const read = async () => {
    reading = true;
    try {
      watch.totals = (await board.platformVoting?.totals(sessionId)) ?? [];
      schedule();
    } catch {
      // Kept as last read; the next read may work.
    }
    reading = false;
    if (stopped) return;
    if (readAgain) {
      readAgain = false;
      void read();
      return;
    }
    const round = readRound(watch.value, now());
    if (round?.status === 'open') timer = setTimeout(() => void read(), platformTotalsMs);
  };
  const again = () => {
    if (stopped) return;
    clearTimeout(timer);
    if (reading) readAgain = true;
    else void read();
  };
  // An own vote or the round's end shows at once rather than at the next read.
  watch.readTotals = again;
  const stopRound = shared.watch(roundKey(id), again);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopRound();
  };
}
