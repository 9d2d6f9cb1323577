import { useState } from 'preact/hooks';
import { DEPARTMENTS, departmentLabel } from '../../domain/insights/departments';
import { RACI_ROLE_NAMES, RACI_ROLES, subjectKey, type RaciRole } from '../../domain/insights/raci';
import { Field, controlValue } from '../components/Field';
import type { InsightsTabModel } from './insights-tab-model';
import { OnBoardActions } from './OnBoardActions';

/** RACI per stage and per action: one row at a time, so it fits the panel's width. */
export function RaciSection({ model }: { model: InsightsTabModel }) {
  const subjects = model.raciSubjects.value;
  const [chosen, setChosen] = useState<string>('');
  const subject = subjects.find((s) => subjectKey(s) === chosen) ?? subjects[0];
  if (!subject) return null;
  const busy = model.busy.value;
  const assignments = (model.data.value?.raci ?? []).filter(
    (a) => subjectKey(a.subject) === subjectKey(subject),
  );
  const departments = [
    ...new Set([
      ...DEPARTMENTS,
      ...(model.data.value?.departments ?? []),
      ...assignments.map((a) => a.department),
    ]),
  ];
  const findings = model.raciFindings.value;
  const own = findings.filter((f) => subjectKey(f.subject) === subjectKey(subject));
  const others = findings.length - own.length;

  return (
    <section class="tp-section" aria-labelledby="tp-raci-title">
      <h2 class="tp-section__title" id="tp-raci-title">
        RACI
      </h2>
      <Field id="tp-raci-subject" label="Stage or action">
        <select
          class="select"
          value={subjectKey(subject)}
          onChange={(e) => setChosen(controlValue(e))}
        >
          {subjects.map((s) => (
            <option key={subjectKey(s)} value={subjectKey(s)}>
              {s.kind === 'stage' ? 'Stage: ' : 'Action: '}
              {model.subjectName(s)}
            </option>
          ))}
        </select>
      </Field>
      <table class="tp-raci">
        <caption class="tp-sr-only">Roles for {model.subjectName(subject)}</caption>
        <tbody>
          {departments.map((department) => {
            const role = assignments.find((a) => a.department === department)?.role ?? '';
            const id = `tp-raci-${subjectKey(subject)}-${department}`.replace(
              /[^a-zA-Z0-9_-]/g,
              '_',
            );
            return (
              <tr key={department}>
                <th scope="row">
                  <label for={id}>{departmentLabel(department)}</label>
                </th>
                <td>
                  <select
                    id={id}
                    class="select"
                    value={role}
                    disabled={busy}
                    onChange={(e) => {
                      const next = controlValue(e);
                      void model.setRaci(
                        subject,
                        department,
                        next === '' ? null : (next as RaciRole),
                      );
                    }}
                  >
                    <option value="">—</option>
                    {RACI_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r} · {RACI_ROLE_NAMES[r]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {own.length > 0 && (
        <ul class="tp-insights__findings">
          {own.map((f) => (
            <li key={f.message} class={`tp-insights__finding--${f.severity}`}>
              {f.severity === 'error' ? 'Error: ' : 'Check: '}
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {others > 0 && <p class="tp-help">{others} more to check in other stages and actions.</p>}
      <OnBoardActions model={model} kind="raci" />
    </section>
  );
}
