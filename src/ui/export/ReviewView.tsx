import { countOf } from '../../domain/common';
import type { ComponentChildren } from 'preact';
import type {
  EmotionCell,
  KpiReview,
  MapReview,
  ReviewAction,
} from '../../domain/review/review-map';
import { kpiPointText, stageLabel, STATUS_WORDS } from '../../domain/review/review-markdown';
import { Face } from '../insights/Face';

/** Rows shown per list; the rest are counted, so a long plan stays readable at 320 px. */
const SHOWN = 6;
const LINE_LABELS = { 'as-is': 'As is', 'to-be': 'To be' } as const;
const signed = (n: number, digits = 1) => (n > 0 ? `+${n.toFixed(digits)}` : n.toFixed(digits));

function List<T>(props: {
  title: string;
  items: readonly T[];
  render: (item: T) => ComponentChildren;
}) {
  if (props.items.length === 0) return null;
  const hidden = props.items.length - SHOWN;
  return (
    <section class="tp-compare__section" aria-label={props.title}>
      <h4 class="tp-compare__heading">
        {props.title} <span class="tp-muted">({props.items.length})</span>
      </h4>
      <ul class="tp-compare__list">
        {props.items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{props.render(item)}</li>
        ))}
      </ul>
      {hidden > 0 && <p class="tp-muted">and {hidden} more</p>}
    </section>
  );
}

const actionRow = (a: ReviewAction, extra?: string) => (
  <>
    <span class="tp-compare__note">{a.title || '(untitled)'}</span>
    <span class="tp-compare__change">
      {[a.ownerTeam ?? 'no owner', a.dueDate ? `due ${a.dueDate}` : null, extra ?? null]
        .filter(Boolean)
        .join(' · ')}
    </span>
  </>
);

function KpiRow({ kpi }: { kpi: KpiReview }) {
  const moved = kpi.statusThen !== kpi.statusNow;
  return (
    <li class="tp-review__kpi">
      <span class="tp-compare__note">
        {kpi.name}
        {kpi.presence !== 'kept' && <span class="tp-muted"> ({kpi.presence})</span>}
      </span>
      <span class="tp-compare__change">
        {stageLabel(kpi.stage)} · baseline {kpi.baseline}, target {kpi.target}
        {kpi.unit ? ` ${kpi.unit}` : ''} ({kpi.direction} is better)
      </span>
      <span class="tp-review__then-now">
        {kpiPointText(kpi, 'then')} → {kpiPointText(kpi, 'now')}
        {kpi.change !== null && kpi.change !== 0 && (
          <strong> ({signed(kpi.change, 2).replace(/\.?0+$/, '')})</strong>
        )}
      </span>
      <span class={`tp-review__status tp-review__status--${kpi.statusNow}`}>
        {moved
          ? `${STATUS_WORDS[kpi.statusThen]} → ${STATUS_WORDS[kpi.statusNow]}`
          : STATUS_WORDS[kpi.statusNow]}
      </span>
    </li>
  );
}

function Mean({ side }: { side: { mean: number; count: number } | null }) {
  if (!side) return <span class="tp-muted">–</span>;
  return (
    <span class="tp-review__mean" title={`${countOf(side.count, 'rating')}`}>
      <Face value={side.mean} size={14} /> {signed(side.mean)}
    </span>
  );
}

function EmotionRow({ cell }: { cell: EmotionCell }) {
  const label = stageLabel(cell.stage);
  const delta = cell.delta;
  return (
    <li
      class="tp-review__emotion"
      aria-label={`${label}: ${cell.then ? signed(cell.then.mean) : 'no ratings'} then, ${cell.now ? signed(cell.now.mean) : 'no ratings'} now`}
    >
      <span class="tp-ellipsis tp-review__stage" title={label}>
        {label}
      </span>
      <Mean side={cell.then} />
      <span aria-hidden="true">→</span>
      <Mean side={cell.now} />
      <span
        class={
          delta === null || delta === 0
            ? 'tp-muted tp-review__delta'
            : delta > 0
              ? 'tp-review__delta tp-review__delta--up'
              : 'tp-review__delta tp-review__delta--down'
        }
      >
        {delta === null ? '' : signed(delta)}
      </span>
    </li>
  );
}

interface ReviewViewProps {
  snapshotName: string;
  review: MapReview;
  onDownload: () => void;
  onClose: () => void;
}

/**
 * The board now against a snapshot (issue 14 §5): actions, KPIs, the emotion curve and notes per
 * stage. Board text is rendered as text.
 */
export function ReviewView({ snapshotName, review: r, onDownload, onClose }: ReviewViewProps) {
  const a = r.actions;
  const counts: [string, number][] = [
    ['done', a.done.length],
    ['late', a.late.length],
    ['new', a.added.length],
    ['removed', a.removed.length],
    ['open', a.open],
  ];
  const notes = r.notes.filter((n) => n.added + n.removed > 0 || n.stage.status !== 'kept');
  return (
    <section class="tp-compare tp-review" aria-labelledby="tp-review-title">
      <h3 id="tp-review-title" class="tp-compare__title">
        Review since {r.since}
      </h3>
      <p class="tp-compare__between">
        <span>The board now ({r.today})</span>
        <span>against {snapshotName}</span>
      </p>
      <h4 class="tp-compare__heading">Actions</h4>
      <ul class="tp-compare__counts" aria-label="Actions summary">
        {counts.map(([name, n]) => (
          <li
            key={name}
            class={n > 0 && name !== 'open' ? `tp-chip tp-chip--on tp-chip--${name}` : 'tp-chip'}
          >
            {n} {name}
          </li>
        ))}
      </ul>
      <List title="Done since" items={a.done} render={(x) => actionRow(x)} />
      <List
        title="Late"
        items={a.late}
        render={(x) => actionRow(x, `${countOf(x.daysLate, 'day')} late`)}
      />
      <List title="New" items={a.added} render={(x) => actionRow(x, x.now ?? undefined)} />
      <List title="Reopened" items={a.reopened} render={(x) => actionRow(x)} />
      <List title="Removed" items={a.removed} render={(x) => actionRow(x)} />

      {r.kpis.length > 0 && (
        <section class="tp-compare__section" aria-label="KPIs">
          <h4 class="tp-compare__heading">KPIs</h4>
          <ul class="tp-compare__list tp-review__kpis">
            {r.kpis.map((k) => (
              <KpiRow key={k.id} kpi={k} />
            ))}
          </ul>
        </section>
      )}

      {r.emotions.length > 0 && (
        <section class="tp-compare__section" aria-label="Emotion curve">
          <h4 class="tp-compare__heading">Emotion curve, then → now</h4>
          {r.emotions.map((line) => (
            <div key={`${line.personaId}:${line.line}`} class="tp-review__line">
              <p class="tp-review__persona">
                {line.personaName} · {LINE_LABELS[line.line]}
              </p>
              <ul class="tp-review__emotions">
                {line.cells.map((c) => (
                  <EmotionRow key={c.stage.id} cell={c} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      <List
        title="Notes per stage"
        items={notes}
        render={(n) => (
          <>
            <span class="tp-compare__note">{stageLabel(n.stage)}</span>
            <span class="tp-compare__change">
              {n.then} → {n.now} notes · {n.added} added · {n.removed} removed
            </span>
          </>
        )}
      />
      <div class="tp-actions">
        <button type="button" class="button button-primary button-small" onClick={onDownload}>
          Download review report
        </button>
        <button type="button" class="button button-tertiary button-small" onClick={onClose}>
          Close review
        </button>
      </div>
    </section>
  );
}
