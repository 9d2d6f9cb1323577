/**
 * Vote tab › the shown round's results: hidden until the reveal in a secret round, else the chart,
 * the totals per stage, lane and cluster, votes on notes gone from the board, the dot stickers
 * counted in and, for the starter, the top results as badges on the board or as drafted actions.
 */
import { useState } from 'preact/hooks';
import type { VoteContext } from '../../app/voting/vote-items';
import type { RoundView } from '../../app/voting/voting-view';
import { countOf } from '../../domain/common';
import type { VisibleTally } from '../../domain/voting/visible-tally';
import { controlValue } from '../components/Field';
import { ResultsChart } from './ResultsChart';
import { dotStickersLine, groupTotalLines } from './round-text';
import type { VoteTabModel } from './vote-tab-model';

const TOP_CHOICES = ['1', '3', '5', '10'];

export function RoundResults({
  model,
  view,
  textOf,
}: {
  model: Pick<
    VoteTabModel,
    | 'busy'
    | 'merged'
    | 'other'
    | 'ready'
    | 'loadOtherSources'
    | 'placeBadges'
    | 'removeBadges'
    | 'draftFromTop'
  >;
  view: Pick<RoundView, 'round' | 'tally' | 'startedByMe'>;
  /** A note's text, by id. */
  textOf: (itemId: string) => string;
}) {
  const { round, tally } = view;
  // How many of the top results the starter turns into badges or drafts; kept while the round shows.
  const [top, setTop] = useState('3');
  const busy = model.busy.value !== null;
  const results = model.merged.value;
  const other = model.other.value?.roundId === round.id ? model.other.value.sources : null;
  const context = model.ready.value?.context;
  return (
    <>
      <h4 class="tp-section__title">Results</h4>
      {tally.hidden ? (
        <p class="tp-help">Totals stay hidden from everyone until the results are revealed.</p>
      ) : (
        <>
          <ResultsChart results={results} textOf={textOf} />
          {context && round.target.kind !== 'clusters' && (
            <GroupTotals tally={tally} context={context} />
          )}
          {tally.orphanVotes && tally.orphanVotes.votes > 0 && (
            <p class="tp-help">
              {countOf(tally.orphanVotes.votes, 'vote')} on notes no longer on the board, counted
              apart.
            </p>
          )}
          {other && <p class="tp-help">{dotStickersLine(other)}</p>}
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
            <TopResults
              top={top}
              onTop={setTop}
              busy={busy}
              hasResults={results.length > 0}
              onPlaceBadges={() => void model.placeBadges(Number(top))}
              onRemoveBadges={() => void model.removeBadges()}
              onDraft={() => model.draftFromTop(Number(top))}
            />
          )}
        </>
      )}
    </>
  );
}

/** Totals per stage, lane and cluster (from the domain tally), where the round's notes have them. */
function GroupTotals({ tally, context }: { tally: VisibleTally; context: VoteContext }) {
  const lines = groupTotalLines(tally, context);
  if (lines.length === 0) return null;
  return (
    <dl class="tp-group-totals">
      {lines.map(({ label, line }) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{line}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The starter's top N: count badges on the board (and off it), or actions drafted from them. */
function TopResults({
  top,
  onTop,
  busy,
  hasResults,
  onPlaceBadges,
  onRemoveBadges,
  onDraft,
}: {
  /** How many of the top results, as the select holds it. */
  top: string;
  onTop: (top: string) => void;
  busy: boolean;
  hasResults: boolean;
  onPlaceBadges: () => void;
  onRemoveBadges: () => void;
  onDraft: () => void;
}) {
  return (
    <>
      <div class="tp-row tp-round__top">
        <label for="tp-top-n">Top</label>
        <select id="tp-top-n" class="select" value={top} onChange={(e) => onTop(controlValue(e))}>
          {TOP_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy || !hasResults}
          onClick={onPlaceBadges}
        >
          Badges on board
        </button>
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={onRemoveBadges}
        >
          Remove badges
        </button>
      </div>
      <button
        type="button"
        class="button button-tertiary button-small"
        disabled={!hasResults}
        onClick={onDraft}
      >
        Draft actions from the top {top}
      </button>
    </>
  );
}
