/**
 * Vote tab › this person's ballot in an open round: the votes left, why some were not counted,
 * how the last vote went, a vote on each selected note, and + / − on each of the round's notes.
 */
import { canRetract } from '../../app/voting/anonymity-limits';
import type { RoundView } from '../../app/voting/voting-view';
import type { TabMessage } from '../components/action-runner';
import { Notice } from '../components/Notice';

export function Ballot({
  view,
  notice,
  selectedCount,
  onVote,
  onVoteSelection,
}: {
  view: Pick<RoundView, 'round' | 'items' | 'mine' | 'remaining'>;
  /** How the last vote went. */
  notice: TabMessage | null;
  /** How many notes are selected on the board. */
  selectedCount: number;
  onVote: (itemId: string, delta: 1 | -1) => void;
  onVoteSelection: () => void;
}) {
  const { round } = view;
  const ranked = round.weights !== null;
  const mine = view.mine.ballot;
  const countOn = (id: string): number =>
    mine?.votes
      ? (mine.votes.find((v) => v.itemId === id)?.count ?? 0)
      : mine?.ranking?.includes(id)
        ? 1
        : 0;
  const pickOf = (id: string): number => (mine?.ranking ? mine.ranking.indexOf(id) + 1 : 0);
  return (
    <div class="tp-ballot" aria-label="Your ballot" role="group">
      <p class="tp-ballot__budget" data-testid="budget">
        <strong>{view.remaining}</strong> of {round.votesPerPerson} {ranked ? 'picks' : 'votes'}{' '}
        left
      </p>
      {view.mine.notices.map((n) => (
        <Notice key={n.code} tone="warning">
          {n.message}
        </Notice>
      ))}
      {notice && (
        <Notice tone={notice.tone} title={notice.title}>
          {notice.body}
        </Notice>
      )}
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={selectedCount === 0}
        onClick={onVoteSelection}
      >
        Vote for the selected {selectedCount === 1 ? 'note' : 'notes'} ({selectedCount})
      </button>
      {view.items.length === 0 ? (
        <p class="tp-help">None of this round's notes are on the board any more.</p>
      ) : (
        <ul class="tp-ballot__items">
          {view.items.map((item) => (
            <BallotItem
              key={item.id}
              itemId={item.id}
              label={item.text.trim() || 'Untitled note'}
              ranked={ranked}
              count={countOn(item.id)}
              pick={pickOf(item.id)}
              retractable={canRetract(round)}
              onVote={(delta) => onVote(item.id, delta)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One note of the ballot: its text, this person's votes or pick on it, − and +. */
function BallotItem({
  itemId,
  label,
  ranked,
  count,
  pick,
  retractable,
  onVote,
}: {
  itemId: string;
  label: string;
  ranked: boolean;
  /** This person's votes on the note (1 once picked in a ranked round). */
  count: number;
  /** Its place in this person's ranking; 0 when not picked or not ranked. */
  pick: number;
  /** Whether votes in this round may be taken back. */
  retractable: boolean;
  onVote: (delta: 1 | -1) => void;
}) {
  return (
    <li class="tp-ballot__item" data-testid="ballot-item" data-item-id={itemId}>
      <span class="tp-ballot__text" title={label}>
        {label}
      </span>
      <span class="tp-ballot__count" aria-label={`Your ${ranked ? 'pick' : 'votes'} on this note`}>
        {ranked ? (count > 0 ? `#${pick}` : '') : count > 0 ? count : ''}
      </span>
      <button
        type="button"
        class="tp-icon-button"
        aria-label={`Take back a vote from: ${label}`}
        title={retractable ? undefined : 'Votes in this round cannot be taken back'}
        disabled={count === 0 || !retractable}
        onClick={() => onVote(-1)}
      >
        −
      </button>
      <button
        type="button"
        class="tp-icon-button tp-icon-button--plus"
        aria-label={`Vote for: ${label}`}
        onClick={() => onVote(1)}
      >
        +
      </button>
    </li>
  );
}
