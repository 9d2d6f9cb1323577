/**
 * Anonymous rounds on the platform's voting session (MURAL, `Board.platformVoting`): one
 * platform vote per click; this browser keeps its own ballot to show what is left (the platform
 * enforces the budget too). The board keeps no ballot.
 */
import type { Board } from '../../board/port';
import { errorMessage } from '../../domain/common';
import { createBallot, sealAnonymous } from '../../domain/voting/ballot';
import type { VoteRound } from '../../domain/voting/vote-round';
import { ownRecord, type OwnBallots } from './anonymous-ballots';
import { accepted, changeVote, readMyBallot, refused, type VoteResult } from './my-ballot';

export const PLATFORM_NO_RETRACT =
  'Votes in this round are cast in the board platform’s own voting session, which Touchpoint cannot take back. Remove the vote on the board itself if you need to.';

export interface PlatformBallots {
  /** One vote on the platform (none taken back); a failure is the answer, not an exception. */
  apply(store: OwnBallots, round: VoteRound, itemId: string, delta: 1 | -1): Promise<VoteResult>;
}

export interface PlatformBallotsDeps {
  /** CSPRNG bytes for this browser's voter key of the round. */
  randomBytes: (n: number) => Uint8Array;
  /** Told when this browser's own ballot of a round changed. */
  onOwnChange?: ((roundId: string) => void) | undefined;
}

export function createPlatformBallots(board: Board, deps: PlatformBallotsDeps): PlatformBallots {
  async function applyPlatform(
    store: OwnBallots,
    round: VoteRound,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const voting = board.platformVoting;
    if (!voting) return refused('This board cannot run the platform’s voting session.');
    if (delta < 0) return refused(PLATFORM_NO_RETRACT);
    const record = await ownRecord(store, round, deps.randomBytes);
    const mine = readMyBallot(record.ballot, round);
    const ballot = mine.ballot ?? createBallot(round, record.voterKey, round.createdAt);
    const changed = changeVote(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    await voting.vote(itemId);
    await store.put({ ...record, ballot: sealAnonymous(changed.ballot, round, mine.ballot) });
    deps.onOwnChange?.(round.id);
    return accepted(changed.ballot, round);
  }

  return {
    async apply(store, round, itemId, delta) {
      try {
        return await applyPlatform(store, round, itemId, delta);
      } catch (error) {
        return refused(`Your vote was not cast: ${errorMessage(error)}`);
      }
    },
  };
}
