import { countOf } from '../../domain/common';
import type { ComponentChildren } from 'preact';
import type { MapComparison, NoteRef } from '../../domain/export/compare-maps';

/** Items shown per section; the rest are counted, so a big diff stays readable at 320 px. */
const SHOWN = 8;

const quote = (text: string) => (text.trim() === '' ? '(empty note)' : `“${text}”`);

function Section<T>({
  title,
  items,
  render,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => ComponentChildren;
}) {
  if (items.length === 0) return null;
  const hidden = items.length - SHOWN;
  return (
    <section class="tp-compare__section">
      <h4 class="tp-compare__heading">
        {title} <span class="tp-muted">({items.length})</span>
      </h4>
      <ul class="tp-compare__list">
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {hidden > 0 && <p class="tp-muted">and {hidden} more</p>}
    </section>
  );
}

const noteText = (n: NoteRef) => <span class="tp-compare__note">{quote(n.text)}</span>;

interface CompareViewProps {
  before: string;
  after: string;
  comparison: MapComparison;
  onClose: () => void;
}

/** What changed between two maps, older first: notes, stages, wording, votes, clusters, rounds. */
export function CompareView({ before, after, comparison: c, onClose }: CompareViewProps) {
  const counts: [string, number][] = [
    ['added', c.added.length],
    ['removed', c.removed.length],
    ['moved', c.moved.length],
    ['re-worded', c.reworded.length],
    ['votes', c.votesChanged.length],
    ['clusters', c.clusterChanged.length],
  ];
  const clusterEvents = [
    ...c.clusters.added.map((x) => `Added: ${x.label}`),
    ...c.clusters.removed.map((x) => `Removed: ${x.label}`),
    ...c.clusters.relabelled.map((x) => `Renamed: ${x.before} → ${x.after}`),
  ];
  const roundEvents = [
    ...c.voteRounds.added.map((x) => `Added: ${x.title}`),
    ...c.voteRounds.removed.map((x) => `Removed: ${x.title}`),
    ...c.voteRounds.statusChanged.map((x) => `${x.title}: ${x.before} → ${x.after}`),
  ];
  const nothing =
    counts.every(([, n]) => n === 0) && clusterEvents.length + roundEvents.length === 0;
  return (
    <section class="tp-compare" aria-labelledby="tp-compare-title">
      <h3 id="tp-compare-title" class="tp-compare__title">
        Changes
      </h3>
      <p class="tp-compare__between">
        <span>From {before}</span>
        <span>to {after}</span>
      </p>
      <ul class="tp-compare__counts" aria-label="Summary">
        {counts.map(([name, n]) => (
          <li key={name} class={n > 0 ? 'tp-chip tp-chip--on' : 'tp-chip'}>
            {n} {name}
          </li>
        ))}
      </ul>
      {nothing && <p>No changes to notes, stages, votes or clusters.</p>}
      <Section title="Added" items={c.added} render={noteText} />
      <Section title="Removed" items={c.removed} render={noteText} />
      <Section
        title="Moved between stages"
        items={c.moved}
        render={(m) => (
          <>
            {noteText(m.note)}
            <span class="tp-compare__change">
              {m.from.name || 'no stage'} → {m.to.name || 'no stage'}
            </span>
          </>
        )}
      />
      <Section
        title="Re-worded"
        items={c.reworded}
        render={(r) => (
          <>
            <del class="tp-compare__note">{quote(r.before)}</del>
            <ins class="tp-compare__note">{quote(r.after)}</ins>
          </>
        )}
      />
      <Section
        title="Votes"
        items={c.votesChanged}
        render={(v) => (
          <>
            {noteText(v.note)}
            <span class="tp-compare__change">
              {v.before} → {v.after} votes
            </span>
          </>
        )}
      />
      <Section
        title="Cluster changes"
        items={c.clusterChanged}
        render={(v) => (
          <>
            {noteText(v.note)}
            <span class="tp-compare__change">
              {v.before ?? 'no cluster'} → {v.after ?? 'no cluster'}
            </span>
          </>
        )}
      />
      <Section title="Clusters" items={clusterEvents} render={(t) => t} />
      <Section title="Vote rounds" items={roundEvents} render={(t) => t} />
      <p class="tp-muted">{countOf(c.unchanged, 'note')} unchanged.</p>
      <button type="button" class="button button-secondary button-small" onClick={onClose}>
        Close comparison
      </button>
    </section>
  );
}
