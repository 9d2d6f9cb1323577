/**
 * The Insights tab's emotion part: personas, the as-is / to-be line, this participant's ratings
 * and the team's, and the emotion curve on the board (drawn, removed, kept current).
 */
import { computed, signal } from '@preact/signals';
import { deriveStageEmotions, type CurveLine } from '../../domain/insights/emotion';
import { curveBasis, deriveCurveLines } from '../../domain/insights/curve-layout';
import { DEFAULT_PERSONA, MAX_PERSONAS, personasOrDefault } from '../../domain/insights/personas';
import { notSaved } from './insights-messages';
import type { InsightsContext, InsightsPart } from './insights-context';

export function createEmotionModel(ctx: InsightsContext) {
  const { workshop, useCases, data, stageIds } = ctx;
  const personaId = signal<string>(DEFAULT_PERSONA.id);
  const line = signal<CurveLine>('as-is');

  const personas = computed(() => personasOrDefault(data.value?.personas ?? []));
  const persona = computed(
    () =>
      personas.value.find((p) => p.id === personaId.value) ?? personas.value[0] ?? DEFAULT_PERSONA,
  );
  const emotions = computed(() =>
    deriveStageEmotions(data.value?.ratings ?? [], stageIds.value, persona.value.id, line.value),
  );
  /** This participant's own rating per stage for the chosen persona and line. */
  const myRatings = computed(() => {
    const mine = new Map<string, number>();
    for (const r of data.value?.ratings ?? [])
      if (
        r.raterKey === workshop.user.id &&
        r.personaId === persona.value.id &&
        r.line === line.value
      )
        mine.set(r.stageId, r.value);
    return mine;
  });
  const curve = computed(() => data.value?.curve ?? null);
  /** `curveBasis` of the ratings and personas now. */
  const basisNow = computed(() =>
    curveBasis(
      deriveCurveLines(data.value?.personas ?? [], data.value?.ratings ?? [], stageIds.value),
    ),
  );
  /** The drawn curve no longer shows the ratings (or a run stopped halfway). */
  const curveStale = computed(() => {
    const c = curve.value;
    return c !== null && c.drawn && (c.incomplete || c.basis !== basisNow.value);
  });

  // A facilitator's open panel keeps a drawn curve current: once per new basis, after a pause.
  const redraw = ctx.redrawTimer();
  let triedBasis: string | null = null;
  function scheduleRedraw(): void {
    const current = ctx.map.value;
    if (ctx.stopped() || !current || !curve.value?.canDraw || !curveStale.value) return;
    if (triedBasis === basisNow.value) return;
    redraw.set(() => {
      if (ctx.stopped() || ctx.map.value?.id !== current.id || !curveStale.value) return;
      if (ctx.busy.value) return scheduleRedraw();
      triedBasis = basisNow.value;
      void ctx.run(() => useCases.drawCurve(workshop, current.id), undefined, { background: true });
    });
  }

  const part: InsightsPart = {
    afterLoad: scheduleRedraw,
    stop: redraw.clear,
  };
  const view = {
    personas,
    persona,
    line,
    emotions,
    myRatings,
    curve,
    curveStale,
    choosePersona(id: string) {
      personaId.value = id;
    },
    chooseLine(next: CurveLine) {
      line.value = next;
    },
    rate(stageId: string, value: number | null) {
      return ctx.onMap((map) =>
        useCases.rate(workshop, {
          mapId: map.id,
          stageId,
          personaId: persona.value.id,
          line: line.value,
          value,
        }),
      );
    },
    async addPersona(name: string) {
      const own = data.value?.personas ?? [];
      if (!ctx.map.value) return false;
      if (own.length >= MAX_PERSONAS) {
        ctx.message.value = notSaved(`A map has at most ${MAX_PERSONAS} personas.`);
        return false;
      }
      const id = `p${Date.now().toString(36)}`;
      const ok = await ctx.onMap(
        (map) => useCases.savePersonas(workshop, map.id, [...own, { id, name, summary: '' }]),
        `Persona “${name.trim()}” added.`,
      );
      if (ok) personaId.value = id;
      return ok;
    },
    removePersona(id: string) {
      const rest = (data.value?.personas ?? []).filter((p) => p.id !== id);
      return ctx.onMap((map) => useCases.savePersonas(workshop, map.id, rest), 'Persona removed.');
    },
    drawCurve: () => ctx.onMap((map) => useCases.drawCurve(workshop, map.id)),
    removeCurve: () => ctx.onMap((map) => useCases.removeCurve(workshop, map.id)),
    addEmotionsLane: () => ctx.changeLanes((map) => useCases.addEmotionsLane(workshop, map.id)),
  };
  return { part, view };
}
