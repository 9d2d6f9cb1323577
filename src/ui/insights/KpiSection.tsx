import { useState } from 'preact/hooks';
import type { KpiStatusKind } from '../../domain/insights/kpi';
import type { InsightsTabModel } from './insights-tab-model';
import { OnBoardActions } from './OnBoardActions';
import { Sparkline } from './Sparkline';
import { countOf, localIsoDate } from '../../domain/common';

const STATUS_LABELS: Record<KpiStatusKind, string> = {
  'no-readings': 'No readings',
  met: 'Target met',
  'on-track': 'On track',
  'off-track': 'Off track',
};

const todayLocal = () => localIsoDate();

/** KPIs per stage and for the whole journey: status against the target and a sparkline. */
export function KpiSection({ model }: { model: InsightsTabModel }) {
  const map = model.map.value;
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({
    name: '',
    unit: '',
    baseline: '',
    target: '',
    direction: 'higher',
    stageId: '',
  });
  const [reading, setReading] = useState({ kpiId: '', value: '', date: todayLocal(), source: '' });
  if (!map) return null;
  const busy = model.busy.value;
  const rows = model.kpiRows.value;
  const readings = model.data.value?.readings ?? [];
  const stageName = (id: string | null) =>
    id === null ? 'Whole journey' : (map.stages.find((s) => s.id === id)?.name ?? 'Whole journey');
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section class="tp-section" aria-labelledby="tp-kpi-title">
      <h2 class="tp-section__title" id="tp-kpi-title">
        KPIs
      </h2>
      {rows.length === 0 && <p class="tp-muted">No KPIs yet: add what this journey should move.</p>}
      <ul class="tp-list tp-kpis">
        {rows.map(({ kpi, status }) => (
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
                disabled={busy}
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
      {rows.length > 0 && (
        <form
          class="tp-card tp-stack"
          aria-label="Add a reading"
          onSubmit={(e) => {
            e.preventDefault();
            void model
              .addReading({ ...reading, kpiId: reading.kpiId || rows[0]?.kpi.id })
              .then((ok) => ok && setReading({ ...reading, value: '', source: '' }));
          }}
        >
          <div class="tp-field">
            <label for="tp-reading-kpi">Add a reading to</label>
            <select
              id="tp-reading-kpi"
              class="select"
              value={reading.kpiId || rows[0]?.kpi.id}
              onChange={(e) =>
                setReading({ ...reading, kpiId: (e.currentTarget as HTMLSelectElement).value })
              }
            >
              {rows.map(({ kpi }) => (
                <option key={kpi.id} value={kpi.id}>
                  {kpi.name}
                </option>
              ))}
            </select>
          </div>
          <div class="tp-row">
            <div class="tp-field">
              <label for="tp-reading-value">Value</label>
              <input
                id="tp-reading-value"
                class="input"
                inputMode="decimal"
                value={reading.value}
                onInput={(e) =>
                  setReading({ ...reading, value: (e.currentTarget as HTMLInputElement).value })
                }
              />
            </div>
            <div class="tp-field">
              <label for="tp-reading-date">Date</label>
              <input
                id="tp-reading-date"
                class="input"
                type="date"
                max={todayLocal()}
                value={reading.date}
                onInput={(e) =>
                  setReading({ ...reading, date: (e.currentTarget as HTMLInputElement).value })
                }
              />
            </div>
          </div>
          <div class="tp-field">
            <label for="tp-reading-source">Source</label>
            <input
              id="tp-reading-source"
              class="input"
              placeholder="e.g. Q4 survey"
              value={reading.source}
              onInput={(e) =>
                setReading({ ...reading, source: (e.currentTarget as HTMLInputElement).value })
              }
            />
          </div>
          <div class="tp-actions">
            <button type="submit" class="button button-secondary button-small" disabled={busy}>
              Add reading
            </button>
          </div>
        </form>
      )}
      {adding ? (
        <form
          class="tp-card tp-stack"
          aria-label="New KPI"
          onSubmit={(e) => {
            e.preventDefault();
            const input = {
              ...form,
              id: `k${Date.now().toString(36)}`,
              stageId: form.stageId || null,
            };
            void model.saveKpi(input).then((ok) => {
              if (ok) {
                setAdding(false);
                setForm({ ...form, name: '', unit: '', baseline: '', target: '' });
              }
            });
          }}
        >
          <div class="tp-field">
            <label for="tp-kpi-name">Name</label>
            <input id="tp-kpi-name" class="input" placeholder="e.g. NPS" {...field('name')} />
          </div>
          <div class="tp-row">
            <div class="tp-field">
              <label for="tp-kpi-baseline">Baseline</label>
              <input
                id="tp-kpi-baseline"
                class="input"
                inputMode="decimal"
                {...field('baseline')}
              />
            </div>
            <div class="tp-field">
              <label for="tp-kpi-target">Target</label>
              <input id="tp-kpi-target" class="input" inputMode="decimal" {...field('target')} />
            </div>
            <div class="tp-field">
              <label for="tp-kpi-unit">Unit</label>
              <input id="tp-kpi-unit" class="input" placeholder="%" {...field('unit')} />
            </div>
          </div>
          <div class="tp-row">
            <div class="tp-field">
              <label for="tp-kpi-direction">Better is</label>
              <select
                id="tp-kpi-direction"
                class="select"
                value={form.direction}
                onChange={(e) =>
                  setForm({ ...form, direction: (e.currentTarget as HTMLSelectElement).value })
                }
              >
                <option value="higher">Higher</option>
                <option value="lower">Lower</option>
              </select>
            </div>
            <div class="tp-field">
              <label for="tp-kpi-stage">Stage</label>
              <select
                id="tp-kpi-stage"
                class="select"
                value={form.stageId}
                onChange={(e) =>
                  setForm({ ...form, stageId: (e.currentTarget as HTMLSelectElement).value })
                }
              >
                <option value="">Whole journey</option>
                {map.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="tp-actions">
            <button type="submit" class="button button-primary button-small" disabled={busy}>
              Save KPI
            </button>
            <button
              type="button"
              class="button button-tertiary button-small"
              onClick={() => setAdding(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => setAdding(true)}
        >
          Add a KPI
        </button>
      )}
      {rows.length > 0 && <OnBoardActions model={model} kind="kpi" />}
    </section>
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
