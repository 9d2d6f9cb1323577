import { countOf } from '../../domain/common';
import { useEffect, useState } from 'preact/hooks';
import { anonymityLimits, canRetract } from '../../app/voting/anonymity-limits';
import type { RoundView } from '../../app/voting/voting-view';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { controlValue } from '../components/Field';
import { Notice } from '../components/Notice';
import { useFocusOnMount } from '../components/use-focus';
import { ResultsChart } from './ResultsChart';
import type { VoteTabModel } from './vote-tab-model';

const PRIVACY_LABEL = {
  anonymous: 'Anonymous',
  'secret-until-reveal': 'Secret until reveal',
  open: 'Open',
};
export const STATUS_LABEL = { open: 'Open', ended: 'Ended', revealed: 'Revealed' };

export function RoundDetail({ model, view }: { model: VoteTabModel; view: RoundView }) {
  const { round, tally } = view;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [top, setTop] = useState('3');
  const busy = model.busy.value !== null;
  const textOf = (id: string) =>
    view.items.find((i) => i.id === id)?.text ?? 'A note no longer on the board';
  const other = model.other.value?.roundId === round.id ? model.other.value.sources : null;
  const budgetWord = round.weights ? 'pick' : 'vote';
  // A round this person just started: focus lands on it, once.
  const wantsFocus = model.focusRound.value === round.id;
  const heading = useFocusOnMount<HTMLHeadingElement>(wantsFocus);
  useEffect(() => {
    if (wantsFocus) model.focusRound.value = null;
  }, [model, wantsFocus]);
  return (
    <section class="tp-card tp-round" aria-labelledby="tp-round-heading">
      <div class="tp-round__head">
        <h3 id="tp-round-heading" class="tp-round__title" ref={heading} tabIndex={-1}>
          {round.title}
        </h3>
        <span class={`tp-chip tp-chip--${round.status}`}>{STATUS_LABEL[round.status]}</span>
      </div>
      <p class="tp-muted">
        {round.target.description} · {PRIVACY_LABEL[round.privacy]}
        {round.weights
          ? ` · ranked ${round.weights.join('-')}`
          : ` · ${countOf(round.votesPerPerson, 'vote')} each`}
        {round.weights
          ? ''
          : round.perItemCap === null
            ? ', stacking'
            : `, max ${round.perItemCap} per note`}
        {round.endsAt && round.status === 'open'
          ? ` · ends ${new Date(round.endsAt).toLocaleTimeString()}`
          : ''}
      </p>
      <p class="tp-muted">
        Started by {view.startedByMe ? 'you' : (view.starterName ?? 'someone')}
      </p>
      {round.anonymous && (
        <details class="tp-limits-details" open={round.anonymous.kind === 'legacy-hash'}>
          <summary>What anonymous means in this round</summary>
          <ul class="tp-limits" data-testid="round-anonymity-limits">
            {anonymityLimits(round.anonymous.kind).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}

      <p class="tp-round__progress" data-testid="round-progress">
        {round.recorded
          ? `${countOf(tally.votesCast, budgetWord)}, imported from a file`
          : round.anonymous?.kind === 'platform'
            ? // The platform counts voters per note only: say what is known.
              `${countOf(tally.votesCast, budgetWord)} cast, counted by the board`
            : `${tally.voters} ${tally.voters === 1 ? 'person' : 'people'} voted · ${countOf(tally.votesCast, budgetWord)} cast`}
      </p>
      {view.voters && view.voters.length > 0 && (
        <ul class="tp-voters" aria-label="Who has voted">
          {view.voters.map((v) => (
            <li key={v.voterKey}>
              {v.name ?? 'Someone'} <span class="tp-muted">· {v.remaining} left</span>
            </li>
          ))}
        </ul>
      )}

      {tally.perVoter && tally.perVoter.length > 0 && !tally.hidden && (
        <details class="tp-per-voter">
          <summary>Who voted for what</summary>
          <ul>
            {tally.perVoter.map((detail) => {
              const name =
                view.voters?.find((v) => v.voterKey === detail.voterKey)?.name ?? 'Someone';
              const picks =
                'ranking' in detail
                  ? detail.ranking.map((id, i) => `#${i + 1} ${textOf(id)}`)
                  : detail.votes.map(
                      (v) => `${textOf(v.itemId)}${v.count > 1 ? ` ×${v.count}` : ''}`,
                    );
              return (
                <li key={detail.voterKey}>
                  <strong>{name}</strong>: {picks.join('; ')}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      {view.startedByMe && (
        <div class="tp-actions tp-round__controls">
          {round.status === 'open' && (
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={() => void model.change(round.id, 'end')}
            >
              End voting
            </button>
          )}
          {round.status !== 'revealed' && (
            <button
              type="button"
              class="button button-primary button-small"
              disabled={busy}
              onClick={() => void model.change(round.id, 'reveal')}
            >
              Reveal results
            </button>
          )}
          {round.status !== 'open' && (
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={() => void model.change(round.id, 'reopen')}
            >
              Reopen
            </button>
          )}
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            onClick={() => setConfirmDelete(true)}
          >
            Delete…
          </button>
        </div>
      )}
      {confirmDelete && (
        <ConfirmDialog
          question={`Delete “${round.title}” and every ballot in it? This cannot be undone.`}
          confirm="Delete round"
          keep="Keep it"
          onConfirm={() => {
            setConfirmDelete(false);
            void model.remove(round.id);
          }}
          onKeep={() => setConfirmDelete(false)}
        />
      )}

      {view.open && <Ballot model={model} view={view} />}

      <h4 class="tp-section__title">Results</h4>
      {tally.hidden ? (
        <p class="tp-help">Totals stay hidden from everyone until the results are revealed.</p>
      ) : (
        <>
          <ResultsChart results={model.merged.value} textOf={textOf} />
          <GroupTotals model={model} view={view} />
          {tally.orphanVotes && tally.orphanVotes.votes > 0 && (
            <p class="tp-help">
              {countOf(tally.orphanVotes.votes, 'vote')} on notes no longer on the board, counted
              apart.
            </p>
          )}
          {other && (
            <p class="tp-help">
              {other.dots.length === 0
                ? 'No dot stickers on these notes.'
                : `Dot stickers counted on ${countOf(other.dots.length, 'note')}.`}
              {other.unplacedDots > 0
                ? ` ${countOf(other.unplacedDots, 'dot')} on no note, not counted.`
                : ''}
              {other.nativeAvailable ? '' : ' Native Miro voting is not available on this board.'}
            </p>
          )}
          <div class="tp-actions">
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={() => void model.loadOtherSources()}
            >
              {other ? 'Count dot stickers again' : 'Add dot stickers'}
            </button>
          </div>
          {view.startedByMe && (
            <div class="tp-row tp-round__top">
              <label for="tp-top-n">Top</label>
              <select
                id="tp-top-n"
                class="select"
                value={top}
                onChange={(e) => setTop(controlValue(e))}
              >
                {['1', '3', '5', '10'].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button button-secondary button-small"
                disabled={busy || model.merged.value.length === 0}
                onClick={() => void model.placeBadges(Number(top))}
              >
                Badges on board
              </button>
              <button
                type="button"
                class="button button-tertiary button-small"
                disabled={busy}
                onClick={() => void model.removeBadges()}
              >
                Remove badges
              </button>
            </div>
          )}
          {view.startedByMe && (
            <button
              type="button"
              class="button button-tertiary button-small"
              disabled={model.merged.value.length === 0}
              onClick={() => model.draftFromTop(Number(top))}
            >
              Draft actions from the top {top}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Ballot({ model, view }: { model: VoteTabModel; view: RoundView }) {
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
  const notice = model.voteNotice.value;
  const selected = model.ready.value?.selectedIds ?? [];
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
        disabled={selected.length === 0}
        onClick={() => void model.voteSelection()}
      >
        Vote for the selected {selected.length === 1 ? 'note' : 'notes'} ({selected.length})
      </button>
      {view.items.length === 0 ? (
        <p class="tp-help">None of this round's notes are on the board any more.</p>
      ) : (
        <ul class="tp-ballot__items">
          {view.items.map((item) => {
            const count = countOn(item.id);
            const label = item.text.trim() || 'Untitled note';
            return (
              <li
                key={item.id}
                class="tp-ballot__item"
                data-testid="ballot-item"
                data-item-id={item.id}
              >
                <span class="tp-ballot__text" title={label}>
                  {label}
                </span>
                <span
                  class="tp-ballot__count"
                  aria-label={`Your ${ranked ? 'pick' : 'votes'} on this note`}
                >
                  {ranked ? (count > 0 ? `#${pickOf(item.id)}` : '') : count > 0 ? count : ''}
                </span>
                <button
                  type="button"
                  class="tp-icon-button"
                  aria-label={`Take back a vote from: ${label}`}
                  title={canRetract(round) ? undefined : 'Votes in this round cannot be taken back'}
                  disabled={count === 0 || !canRetract(round)}
                  onClick={() => void model.vote(item.id, -1)}
                >
                  −
                </button>
                <button
                  type="button"
                  class="tp-icon-button tp-icon-button--plus"
                  aria-label={`Vote for: ${label}`}
                  onClick={() => void model.vote(item.id, 1)}
                >
                  +
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Totals per stage, lane and cluster (from the domain tally), where the round's notes have them. */
function GroupTotals({ model, view }: { model: VoteTabModel; view: RoundView }) {
  const context = model.ready.value?.context;
  if (!context || view.round.target.kind === 'clusters') return null;
  const rows: { label: string; groups: { name: string; score: number }[] }[] = [
    { label: 'By stage', totals: view.tally.byStage, names: context.stages },
    { label: 'By lane', totals: view.tally.byLane, names: context.lanes },
    {
      label: 'By cluster',
      totals: view.tally.byCluster,
      names: (context.clusters ?? []).map((c) => ({ id: c.id, name: c.text })),
    },
  ].map(({ label, totals, names }) => ({
    label,
    groups: (totals ?? []).flatMap((g) => {
      const name = g.id === null ? null : names.find((n) => n.id === g.id)?.name;
      return name && g.score > 0 ? [{ name, score: g.score }] : [];
    }),
  }));
  const shown = rows.filter((r) => r.groups.length > 0);
  if (shown.length === 0) return null;
  return (
    <dl class="tp-group-totals">
      {shown.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.groups.map((g) => `${g.name} ${g.score}`).join(' · ')}</dd>
        </div>
      ))}
    </dl>
  );
}
