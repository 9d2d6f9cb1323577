import { useState } from 'preact/hooks';
import { DEPARTMENTS, departmentLabel } from '../../domain/insights/departments';
import { controlValue } from '../components/Field';
import type { InsightsTabModel } from './insights-tab-model';

const OTHER = '__other';

/** Each participant picks their department once per board; notes and ratings then carry it. */
export function DepartmentPicker({ model }: { model: InsightsTabModel }) {
  const mine = model.data.value?.myDepartment ?? null;
  const known = (DEPARTMENTS as readonly string[]).includes(mine ?? '');
  const [choice, setChoice] = useState(mine === null ? '' : known ? mine : OTHER);
  const [custom, setCustom] = useState(known || mine === null ? '' : mine);
  const busy = model.busy.value;

  return (
    <section class="tp-section" aria-labelledby="tp-dept-title">
      <h2 class="tp-section__title" id="tp-dept-title">
        Your department
      </h2>
      <form
        class="tp-row tp-insights__dept"
        onSubmit={(e) => {
          e.preventDefault();
          void model.setDepartment(choice === OTHER ? custom : choice);
        }}
      >
        <label class="tp-sr-only" for="tp-dept">
          Department
        </label>
        <select
          id="tp-dept"
          class="select"
          value={choice}
          onChange={(e) => setChoice(controlValue(e))}
        >
          <option value="">Choose…</option>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {departmentLabel(d)}
            </option>
          ))}
          <option value={OTHER}>Other…</option>
        </select>
        {choice === OTHER && (
          <>
            <label class="tp-sr-only" for="tp-dept-other">
              Department name
            </label>
            <input
              id="tp-dept-other"
              class="input"
              value={custom}
              placeholder="e.g. Legal"
              onInput={(e) => setCustom(controlValue(e))}
            />
          </>
        )}
        <button
          type="submit"
          class="button button-secondary button-small"
          disabled={busy || choice === ''}
        >
          Save
        </button>
      </form>
      <p class="tp-help">
        {mine === null
          ? 'Pick it once for this board: your notes, votes in open rounds and ratings count for it.'
          : `Saved as ${departmentLabel(mine)}. Never shown with anonymous votes.`}
      </p>
    </section>
  );
}
