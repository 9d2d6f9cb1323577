import type { InsightsTabModel } from './insights-tab-model';

const LABELS = {
  kpi: {
    show: 'Show KPIs on the board',
    remove: 'Remove KPI cards',
    help: 'A card above each stage with KPIs, and one for the whole journey; saving a KPI or a reading updates them. Facilitators only.',
    helpInRow:
      'A card under each stage header with KPIs, in the KPI row, and one for the whole journey above the map; saving a KPI or a reading updates them. Facilitators only.',
  },
  raci: {
    show: 'Put RACI on the board',
    remove: 'Remove RACI from board',
    help: 'A frame beside the map with the matrix; put it again to update it. Facilitators only.',
    helpInRow: '',
  },
} as const;

/** The facilitator's board drawings of one section: draw (or update) and remove. */
export function OnBoardActions({ model, kind }: { model: InsightsTabModel; kind: 'kpi' | 'raci' }) {
  const busy = model.busy.value;
  const labels = LABELS[kind];
  const kpiRow = kind === 'kpi' && model.map.value?.kpiLane === true;
  return (
    <div class="tp-stack">
      <div class="tp-actions">
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          onClick={() => void model.onBoard(kind === 'kpi' ? 'showKpis' : 'putRaci')}
        >
          {labels.show}
        </button>
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={() => void model.onBoard(kind === 'kpi' ? 'removeKpiCards' : 'removeRaci')}
        >
          {labels.remove}
        </button>
      </div>
      <p class="tp-help">{kpiRow ? labels.helpInRow : labels.help}</p>
      {kind === 'kpi' && !kpiRow && (
        <>
          <div class="tp-actions">
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={() => void model.addKpiRow()}
            >
              Add a KPI row under the stage headers
            </button>
          </div>
          <p class="tp-help">
            The cards then sit in it, under each stage header, and move with the map; the rows below
            move down one.
          </p>
        </>
      )}
    </div>
  );
}
