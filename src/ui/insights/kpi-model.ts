/**
 * The Insights tab's KPI part: each KPI with its status, its definition and readings, the KPI row
 * on the map, and the KPI cards on the board, kept current from a facilitator's open panel.
 */
import { computed } from '@preact/signals';
import { kpiStatus } from '../../domain/insights/kpi';
import { errorMessage } from '../../domain/common';
import { cardsBehind } from './insights-messages';
import type { InsightsContext, InsightsPart } from './insights-context';

export function createKpiModel(ctx: InsightsContext) {
  const { workshop, useCases, data } = ctx;
  const kpiRows = computed(() =>
    (data.value?.kpis ?? []).map((kpi) => ({
      kpi,
      status: kpiStatus(kpi, data.value?.readings ?? []),
    })),
  );
  /** What the KPI cards show: the KPIs and their readings. */
  const kpiBasis = computed(() =>
    JSON.stringify([data.value?.kpis ?? [], (data.value?.readings ?? []).map((r) => r.id)]),
  );

  // A facilitator's open panel keeps KPI cards on the board current too: a participant's reading
  // is saved by their panel, which may not draw; this one redraws once per new set of KPIs and
  // readings, after a pause, and says something only when the board changed or could not.
  const redraw = ctx.redrawTimer();
  let cardsBasis: string | null = null;
  function scheduleCards(): void {
    const current = ctx.map.value;
    const d = data.value;
    if (ctx.stopped() || !current || !d?.kpiCardsShown || !d.curve.canDraw) return;
    if (cardsBasis === kpiBasis.value) return;
    redraw.set(() => {
      if (ctx.stopped() || ctx.map.value?.id !== current.id) return;
      if (ctx.busy.value) return scheduleCards();
      const basis = kpiBasis.value;
      // Tried once per basis, whatever the answer: the next change of KPIs or readings tries again.
      void useCases.showKpis(workshop, current.id).then(
        (outcome) => {
          cardsBasis = basis;
          if (!outcome.ok) ctx.message.value = cardsBehind(outcome.message);
          else if (outcome.message && outcome.changed !== false)
            ctx.message.value = { tone: 'success', title: outcome.message };
        },
        (error: unknown) => {
          cardsBasis = basis;
          ctx.message.value = cardsBehind(errorMessage(error));
        },
      );
    });
  }

  const part: InsightsPart = {
    afterLoad: scheduleCards,
    stop: redraw.clear,
  };
  const view = {
    kpiRows,
    saveKpi: (input: Record<string, unknown>) =>
      ctx.onMap((map) => useCases.saveKpi(workshop, map, input), 'KPI saved.'),
    removeKpi: (kpiId: string) =>
      ctx.onMap((map) => useCases.removeKpi(workshop, map.id, kpiId), 'KPI removed.'),
    addReading: (input: Record<string, unknown>) =>
      ctx.onMap((map) => useCases.addReading(workshop, map.id, input), 'Reading added.'),
    removeReading: (kpiId: string, readingId: string) =>
      ctx.onMap(
        (map) => useCases.removeReading(workshop, map.id, kpiId, readingId),
        'Reading removed.',
      ),
    addKpiRow: () => ctx.changeLanes((map) => useCases.addKpiRow(workshop, map.id)),
  };
  return { part, view };
}
