import { countOf } from '../../domain/common';
import type { KpiStatusKind } from '../../domain/insights/kpi';
import type { InsightsMap, InsightsTabModel } from './insights-tab-model';
import { NewKpi, ReadingForm } from './KpiForms';
import { OnBoardActions } from './OnBoardActions';
import { Sparkline } from './Sparkline';

const STATUS_LABELS: Record<KpiStatusKind, string> = {
  'no-readings': 'No readings',
  met: 'Target met',
  'on-track': 'On track',
  'off-track': 'Off track',
};

/** KPIs per stage and for the whole journey: the list, a reading for one, a new one, the cards. */
export function KpiSection({ model }: { model: InsightsTabModel }) {
  const map = model.map.value;
  if (!map) return null;
  const some = model.kpiRows.value.length > 0;
  return (
    <section class="tp-section" aria-labelledby="tp-kpi-title">
      <h2 class="tp-section__title" id="tp-kpi-title">
        KPIs
      </h2>
      {!some && <p class="tp-muted">No KPIs yet: add what this journey should move.</p>}
      <KpiList model={model} stages={map.stages} />
      {some && <ReadingForm model={model} />}
      <NewKpi model={model} stages={map.stages} />
      {some && <OnBoardActions model={model} kind="kpi" />}
    </section>
  );
}

/** Each KPI: its status against the target, a sparkline, its latest reading, its readings. */
function KpiList({ model, stages }: { model: InsightsTabModel; stages: InsightsMap['stages'] }) {
  const readings = model.data.value?.readings ?? [];
  const stageName = (id: string | null) =>
    id === null ? 'Whole journey' : (stages.find((s) => s.id === id)?.name ?? 'Whole journey');
  return (
    <ul class="tp-list tp-kpis">
      {model.kpiRows.value.map(({ kpi, status }) => (
        <li key={kpi.id} class="tp-kpi">
          <div class="tp-kpi__head">
            <strong class="tp-ellipsis" title={kpi.name}>
              {kpi.name}
            </strong>
            <span class={`tp-chip tp-kpi__status tp-kpi__status--${status.kind}`}>
              {STATUS_LABELS[status.kind]}
            </span>
          </div>
          <div class="tp-kpi__body">
            <Sparkline kpi={kpi} readings={readings} />
            <span class="tp-muted">
              {status.latest ? `${status.latest.value}${kpi.unit ? ` ${kpi.unit}` : ''}` : '–'} ·
              target {kpi.target}
              {kpi.unit ? ` ${kpi.unit}` : ''} ({kpi.direction} is better) ·{' '}
              {stageName(kpi.stageId)}
            </span>
            <button
              type="button"
              class="tp-icon-button"
              aria-label={`Remove KPI ${kpi.name}`}
              disabled={model.busy.value}
              onClick={() => void model.removeKpi(kpi.id)}
            >
              ×
            </button>
          </div>
          <ReadingList
            model={model}
            kpiId={kpi.id}
            unit={kpi.unit}
            readings={readings.filter((r) => r.kpiId === kpi.id)}
          />
        </li>
      ))}
    </ul>
  );
}

/** A KPI's readings, newest first, each with the way to take it back (a typo, a wrong date). */
function ReadingList(props: {
  model: InsightsTabModel;
  kpiId: string;
  unit: string;
  readings: readonly { id: string; value: number; date: string; source: string }[];
}) {
  const { model, kpiId, unit, readings } = props;
  if (readings.length === 0) return null;
  // Newest first; of two on one date, the one added last (the list is in the order added).
  const sorted = readings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.date.localeCompare(a.r.date) || b.i - a.i)
    .map(({ r }) => r);
  const shown = (r: { value: number }) => `${r.value}${unit ? ` ${unit}` : ''}`;
  return (
    <details class="tp-kpi__readings">
      <summary>{countOf(readings.length, 'reading')}</summary>
      <ul class="tp-list">
        {sorted.map((r) => (
          <li key={r.id} class="tp-kpi__reading">
            <span class="tp-ellipsis" title={r.source || undefined}>
              {shown(r)} · {r.date}
              {r.source ? ` · ${r.source}` : ''}
            </span>
            <button
              type="button"
              class="tp-icon-button"
              aria-label={`Remove reading ${shown(r)} of ${r.date}`}
              disabled={model.busy.value}
              onClick={() => void model.removeReading(kpiId, r.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
