import { countOf } from '../../domain/common';
import { departmentLabel } from '../../domain/insights/departments';
import type { InsightsTabModel } from './insights-tab-model';

/** Department × stage: who has spoken for which stage, and who has been silent. */
export function CoverageSection({ model }: { model: InsightsTabModel }) {
  const map = model.map.value;
  const coverage = model.coverage.value;
  if (!map) return null;
  const stageName = (id: string) => map.stages.find((s) => s.id === id)?.name ?? id;
  return (
    <section class="tp-section" aria-labelledby="tp-coverage-title">
      <h2 class="tp-section__title" id="tp-coverage-title">
        Who has spoken
      </h2>
      {coverage.departments.length === 0 ? (
        <p class="tp-muted">Nobody has picked a department yet.</p>
      ) : (
        <div class="tp-coverage__scroll">
          <table class="tp-coverage">
            <caption class="tp-sr-only">Notes and votes per department and stage</caption>
            <thead>
              <tr>
                <th scope="col">Department</th>
                {coverage.stageIds.map((id) => (
                  <th key={id} scope="col" title={stageName(id)}>
                    <span class="tp-coverage__stage">{stageName(id)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage.departments.map((department, d) => (
                <tr key={department}>
                  <th scope="row">{departmentLabel(department)}</th>
                  {coverage.stageIds.map((id, s) => {
                    const cell = coverage.cells[d]?.[s] ?? { notes: 0, votes: 0 };
                    const empty = cell.notes === 0 && cell.votes === 0;
                    return (
                      <td
                        key={id}
                        class={empty ? 'tp-coverage__empty' : undefined}
                        aria-label={`${countOf(cell.notes, 'note')}, ${countOf(cell.votes, 'vote')}`}
                      >
                        {empty ? '·' : `${cell.notes}/${cell.votes}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="tp-help">Notes / votes (votes of anonymous rounds are not counted here).</p>
      {coverage.silent.length > 0 && (
        <p class="tp-insights__silent">
          Not heard yet: {coverage.silent.map(departmentLabel).join(', ')} — invite them in.
        </p>
      )}
      {coverage.departments.length > 0 && coverage.unheardStages.length > 0 && (
        <p class="tp-insights__silent">
          No department has added notes for: {coverage.unheardStages.map(stageName).join(', ')}.
        </p>
      )}
    </section>
  );
}
