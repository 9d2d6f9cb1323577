import type { Action } from '../../domain/actions/action';
import { deriveImpactFeasibilityGrid } from '../../domain/actions/derive-impact-feasibility-grid';
import { QUADRANT_ORDER, QUADRANTS } from '../../domain/actions/quadrant-of';

/** The impact × feasibility 2 × 2: top row high impact, left column easy to do. */
export function ImpactGrid({ actions }: { actions: readonly Action[] }) {
  const grid = deriveImpactFeasibilityGrid(actions);
  return (
    <div class="tp-grid2" role="group" aria-label="Impact and feasibility">
      <span class="tp-grid2__axis tp-grid2__axis--y" aria-hidden="true">
        Impact ↑
      </span>
      <div class="tp-grid2__cells">
        {QUADRANT_ORDER.map((q) => (
          <section
            key={q}
            class={`tp-grid2__cell tp-grid2__cell--${q}`}
            aria-label={QUADRANTS[q].label}
            title={QUADRANTS[q].advice}
          >
            <h5>
              {QUADRANTS[q].label} <span class="tp-muted">({grid[q].length})</span>
            </h5>
            <ul>
              {grid[q].map((a) => (
                <li
                  key={a.id}
                  title={`${a.title} — impact ${a.impact}, feasibility ${a.feasibility}`}
                >
                  {a.title}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <span class="tp-grid2__axis tp-grid2__axis--x" aria-hidden="true">
        ← Easier to do
      </span>
    </div>
  );
}
