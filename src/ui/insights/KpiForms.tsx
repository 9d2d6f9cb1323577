/**
 * The KPI section's two forms: a reading for one of the KPIs, and a new KPI. Each keeps its draft
 * (strings, as typed) until the model accepts it; a refused one stays as typed, with the message.
 */
import { useState } from 'preact/hooks';
import { localIsoDate } from '../../domain/common';
import { Field, controlValue, type ControlEvent } from '../components/Field';
import type { InsightsMap, InsightsTabModel } from './insights-tab-model';

/** The handler that puts the value of the control it hears into `key` of a form's draft. */
function setsDraft<T extends Record<string, string>>(
  draft: T,
  setDraft: (next: T) => void,
  key: keyof T,
) {
  return (e: ControlEvent) => setDraft({ ...draft, [key]: controlValue(e) });
}

/** "Add a reading": a value on a date (today by default, never later) for one of the KPIs. */
export function ReadingForm({ model }: { model: InsightsTabModel }) {
  const rows = model.kpiRows.value;
  const [reading, setReading] = useState({
    kpiId: '',
    value: '',
    date: localIsoDate(),
    source: '',
  });
  const set = (key: keyof typeof reading) => setsDraft(reading, setReading, key);
  // The KPI chosen while it is listed (it may have been removed since), else the first.
  const kpiId = rows.some((r) => r.kpi.id === reading.kpiId) ? reading.kpiId : rows[0]?.kpi.id;
  return (
    <form
      class="tp-card tp-stack"
      aria-label="Add a reading"
      onSubmit={(e) => {
        e.preventDefault();
        void model
          .addReading({ ...reading, kpiId })
          .then((ok) => ok && setReading({ ...reading, value: '', source: '' }));
      }}
    >
      <Field id="tp-reading-kpi" label="Add a reading to">
        <select class="select" value={kpiId} onChange={set('kpiId')}>
          {rows.map(({ kpi }) => (
            <option key={kpi.id} value={kpi.id}>
              {kpi.name}
            </option>
          ))}
        </select>
      </Field>
      <div class="tp-row">
        <Field id="tp-reading-value" label="Value">
          <input class="input" inputMode="decimal" value={reading.value} onInput={set('value')} />
        </Field>
        <Field id="tp-reading-date" label="Date">
          <input
            class="input"
            type="date"
            max={localIsoDate()}
            value={reading.date}
            onInput={set('date')}
          />
        </Field>
      </div>
      <Field id="tp-reading-source" label="Source">
        <input
          class="input"
          placeholder="e.g. Q4 survey"
          value={reading.source}
          onInput={set('source')}
        />
      </Field>
      <div class="tp-actions">
        <button
          type="submit"
          class="button button-secondary button-small"
          disabled={model.busy.value}
        >
          Add reading
        </button>
      </div>
    </form>
  );
}

/**
 * "Add a KPI" and, once pressed, the "New KPI" form: name, baseline, target, unit, which way is
 * better, and the stage (or the whole journey). A cancelled draft is still there when it opens
 * again; a saved one leaves the direction and stage for the next.
 */
export function NewKpi({
  model,
  stages,
}: {
  model: InsightsTabModel;
  stages: InsightsMap['stages'];
}) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({
    name: '',
    unit: '',
    baseline: '',
    target: '',
    direction: 'higher',
    stageId: '',
  });
  const set = (key: keyof typeof form) => setsDraft(form, setForm, key);
  if (!adding) {
    return (
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => setAdding(true)}
      >
        Add a KPI
      </button>
    );
  }
  return (
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
      <Field id="tp-kpi-name" label="Name">
        <input class="input" placeholder="e.g. NPS" value={form.name} onInput={set('name')} />
      </Field>
      <div class="tp-row">
        <Field id="tp-kpi-baseline" label="Baseline">
          <input
            class="input"
            inputMode="decimal"
            value={form.baseline}
            onInput={set('baseline')}
          />
        </Field>
        <Field id="tp-kpi-target" label="Target">
          <input class="input" inputMode="decimal" value={form.target} onInput={set('target')} />
        </Field>
        <Field id="tp-kpi-unit" label="Unit">
          <input class="input" placeholder="%" value={form.unit} onInput={set('unit')} />
        </Field>
      </div>
      <div class="tp-row">
        <Field id="tp-kpi-direction" label="Better is">
          <select class="select" value={form.direction} onChange={set('direction')}>
            <option value="higher">Higher</option>
            <option value="lower">Lower</option>
          </select>
        </Field>
        <Field id="tp-kpi-stage" label="Stage">
          <select class="select" value={form.stageId} onChange={set('stageId')}>
            <option value="">Whole journey</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="tp-actions">
        <button
          type="submit"
          class="button button-primary button-small"
          disabled={model.busy.value}
        >
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
  );
}
