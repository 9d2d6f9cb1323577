/**
 * Vote tab › how far the shown round has come: the votes cast, who has voted and how many votes
 * each has left, and in open rounds who voted for what.
 */
import type { VoterProgress } from '../../app/voting/voting-view';
import type { VoterDetail } from '../../domain/voting/tally-votes';
import type { VisibleTally } from '../../domain/voting/visible-tally';
import type { VoteRound } from '../../domain/voting/vote-round';
import { roundProgressLine, votedForLine } from './round-text';

export function RoundProgress({
  round,
  tally,
  voters,
  textOf,
}: {
  round: Pick<VoteRound, 'weights' | 'recorded' | 'anonymous'>;
  tally: VisibleTally;
  /** Who has voted, where this viewer may see it. */
  voters: readonly VoterProgress[] | null;
  /** A note's text, by id. */
  textOf: (itemId: string) => string;
}) {
  return (
    <>
      <p class="tp-round__progress" data-testid="round-progress">
        {roundProgressLine(round, tally)}
      </p>
      {voters && voters.length > 0 && <VoterList voters={voters} />}
      {tally.perVoter && tally.perVoter.length > 0 && !tally.hidden && (
        <VotesByVoter perVoter={tally.perVoter} voters={voters} textOf={textOf} />
      )}
    </>
  );
}

/** Who has voted, with the votes each has left. */
function VoterList({ voters }: { voters: readonly VoterProgress[] }) {
  return (
    <ul class="tp-voters" aria-label="Who has voted">
      {voters.map((v) => (
        <li key={v.voterKey}>
          {v.name ?? 'Someone'} <span class="tp-muted">· {v.remaining} left</span>
        </li>
      ))}
    </ul>
  );
}

/** Who voted for what (open rounds only), folded away. */
function VotesByVoter({
  perVoter,
  voters,
  textOf,
}: {
  perVoter: readonly VoterDetail[];
  voters: readonly VoterProgress[] | null;
  textOf: (itemId: string) => string;
}) {
  return (
    <details class="tp-per-voter">
      <summary>Who voted for what</summary>
      <ul>
        {perVoter.map((detail) => {
          const name = voters?.find((v) => v.voterKey === detail.voterKey)?.name ?? 'Someone';
          return (
            <li key={detail.voterKey}>
              <strong>{name}</strong>: {votedForLine(detail, textOf)}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
