/**
 * Adapts the insights use cases (app/insights) to what the Insights tab declares
 * (`InsightsUseCases`). The rater's device id comes from this browser's settings when it has a
 * store, else from this panel (two panels of one person then write two keys; readers merge).
 */
import { errorMessage, localIsoDate } from '../../domain/common';
import { loadMap, loadMaps } from '../../app/map/map-store';
import { updateMap } from '../../app/map/update-map';
import { addLane } from '../../domain/journey/edit-spec';
import { loadMapInsights } from '../../app/insights/load-insights';
import {
  addReading,
  removeReading,
  rateStage,
  removeKpi,
  savePersonas,
  saveKpi,
  setDepartment,
  setRaci,
  type Outcome,
} from '../../app/insights/insights-writes';
import { loadDepartments } from '../../app/insights/insights-store';
import { loadCurve } from '../../app/insights/curve-store';
import { drawCurve, removeCurve } from '../../app/insights/draw-curve';
import { guard, loadFacilitators } from '../../app/roles/facilitators';
import { mayAct } from '../../domain/roles/facilitators';
import { watchInsights } from '../../app/insights/watch-insights';
import { drawKpiCards, kpiCardsShown, removeKpiCards } from '../../app/insights/draw-kpi-cards';
import { drawRaciFrame, removeRaciFrame } from '../../app/insights/draw-raci-frame';
import type { Workshop } from '../../app/workshop';
import {
  cardsFollowed,
  curveOutcome,
  curveRemoved,
  drawn,
  afterLaneAdded,
  facilitatorsOnly,
  laneAddedOutcome,
  raciSaved,
} from '../../ui/insights/insights-messages';
import type { InsightsOutcome, InsightsUseCases } from '../../ui/insights/insights-tab-model';

const panelDevice = `d${Math.random().toString(36).slice(2, 10)}`;
const toOutcome = (outcome: Outcome<unknown>): InsightsOutcome =>
  outcome.ok ? { ok: true } : { ok: false, message: outcome.message };

async function asFacilitator(
  workshop: Workshop,
  run: () => Promise<InsightsOutcome>,
): Promise<InsightsOutcome> {
  const allowed = await guard(workshop.board, workshop.user, 'draw-insights');
  return allowed.ok ? run() : facilitatorsOnly(allowed.reason);
}

/**
 * After a KPI or reading is saved: the cards on the board follow, when they were put there and
 * this user may draw them (a participant's reading is saved; the cards follow the next time a
 * facilitator shows them).
 */
async function thenCards(
  workshop: Workshop,
  mapId: string,
  saved: InsightsOutcome,
): Promise<InsightsOutcome> {
  if (!saved.ok) return saved;
  try {
    if (!(await kpiCardsShown(workshop.board, mapId))) return saved;
    if (!(await guard(workshop.board, workshop.user, 'draw-insights')).ok) return saved;
    return cardsFollowed(drawn(await drawKpiCards(workshop.board, mapId), 'KPI cards'));
  } catch (error) {
    // The save stands whatever happens to the cards that follow it.
    return cardsFollowed({ ok: false, message: errorMessage(error) });
  }
}

/**
 * Adds the map's Emotions lane (at the bottom) or its KPI row (first, under the stage headers)
 * through "Update on board"; a map that has one is left as it is.
 */
async function addKindLane(
  workshop: Workshop,
  mapId: string,
  kind: 'emotions' | 'kpis',
): Promise<InsightsOutcome> {
  const allowed = await guard(workshop.board, workshop.user, 'update-map');
  if (!allowed.ok) return facilitatorsOnly(allowed.reason);
  const loaded = await loadMap(workshop.board, mapId);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  const { spec } = loaded.record;
  if (spec.lanes.some((l) => l.kind === kind)) return laneAddedOutcome(kind, 'already');
  const lane = { id: `${kind}-${Date.now().toString(36)}`, name: LANE_NAMES[kind], kind };
  const next = kind === 'kpis' ? addLane(spec, lane, 0) : addLane(spec, lane);
  return laneAddedOutcome(kind, await updateMap(workshop.board, mapId, next));
}

const LANE_NAMES = { emotions: 'Emotions', kpis: 'KPIs' } as const;

export const insightsUseCases: InsightsUseCases = {
  async loadMaps(workshop) {
    const { maps } = await loadMaps(workshop.board);
    return maps.map(({ spec }) => ({
      id: spec.id,
      title: spec.title,
      stages: spec.stages.map((s) => ({ id: s.id, name: s.name })),
      emotionsLane: spec.lanes.some((l) => l.kind === 'emotions'),
      kpiLane: spec.lanes.some((l) => l.kind === 'kpis'),
    }));
  },
  async load(workshop, map) {
    const [data, curve, facilitators, cardsShown] = await Promise.all([
      loadMapInsights(
        workshop.board,
        workshop.user,
        map.id,
        map.stages.map((s) => s.id),
      ),
      loadCurve(workshop.board, map.id),
      loadFacilitators(workshop.board),
      kpiCardsShown(workshop.board, map.id),
    ]);
    return {
      ...data,
      kpiCardsShown: cardsShown,
      curve: {
        drawn: curve !== null && Object.keys(curve.points).length > 0,
        basis: curve?.basis ?? '',
        incomplete: curve?.incomplete ?? false,
        canDraw: mayAct(facilitators, workshop.user.id),
        lines: workshop.board.limits.connectors,
      },
    };
  },
  watch: (workshop, map, fn) =>
    watchInsights(
      workshop.board,
      map.id,
      map.stages.map((s) => s.id),
      fn,
    ),
  async rate(workshop, input) {
    const departments = await loadDepartments(workshop.board);
    const rater = {
      userId: workshop.user.id,
      deviceId: panelDevice,
      department: departments.get(workshop.user.id) ?? null,
    };
    return toOutcome(await rateStage(workshop.board, rater, input, new Date().toISOString()));
  },
  savePersonas: async (workshop, mapId, personas) =>
    toOutcome(await savePersonas(workshop.board, mapId, personas)),
  saveKpi: async (workshop, map, input) =>
    thenCards(
      workshop,
      map.id,
      toOutcome(
        await saveKpi(
          workshop.board,
          map.id,
          map.stages.map((s) => s.id),
          input,
        ),
      ),
    ),
  removeKpi: async (workshop, mapId, kpiId) =>
    thenCards(workshop, mapId, toOutcome(await removeKpi(workshop.board, mapId, kpiId))),
  removeReading: async (workshop, mapId, kpiId, readingId) =>
    thenCards(
      workshop,
      mapId,
      toOutcome(await removeReading(workshop.board, mapId, kpiId, readingId)),
    ),
  addReading: async (workshop, mapId, input) =>
    thenCards(
      workshop,
      mapId,
      toOutcome(
        await addReading(
          workshop.board,
          mapId,
          input,
          localIsoDate(),
          () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
        ),
      ),
    ),
  showKpis: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await drawKpiCards(workshop.board, mapId), 'KPI cards'),
    ),
  removeKpiCards: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await removeKpiCards(workshop.board, mapId), 'KPI cards', 'removed'),
    ),
  putRaci: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await drawRaciFrame(workshop.board, mapId), 'RACI frame'),
    ),
  removeRaci: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await removeRaciFrame(workshop.board, mapId), 'RACI frame', 'removed'),
    ),
  async setRaci(workshop, change) {
    const outcome = await setRaci(
      workshop.board,
      change.mapId,
      change.subject,
      change.subjectName,
      change.department,
      change.role,
    );
    if (!outcome.ok) return { ok: false, message: outcome.message };
    return raciSaved(outcome.value.ownerTeam);
  },
  setDepartment: async (workshop, name) =>
    toOutcome(await setDepartment(workshop.board, workshop.user.id, name)),
  async drawCurve(workshop, mapId) {
    const allowed = await guard(workshop.board, workshop.user, 'draw-curve');
    if (!allowed.ok) return facilitatorsOnly(allowed.reason);
    const before = await loadCurve(workshop.board, mapId);
    const first = before === null || Object.keys(before.points).length === 0;
    return curveOutcome(await drawCurve(workshop.board, mapId), first);
  },
  addEmotionsLane: (workshop, mapId) => addKindLane(workshop, mapId, 'emotions'),
  async addKpiRow(workshop, mapId) {
    const added = await addKindLane(workshop, mapId, 'kpis');
    if (!added.ok || added.changed === false) return added;
    // The rows below moved down a row: what the insights drew in them follows.
    const follow: InsightsOutcome[] = [];
    if (await kpiCardsShown(workshop.board, mapId))
      follow.push(drawn(await drawKpiCards(workshop.board, mapId), 'KPI cards'));
    const curve = await loadCurve(workshop.board, mapId);
    if (curve !== null && Object.keys(curve.points).length > 0)
      follow.push(curveOutcome(await drawCurve(workshop.board, mapId), false));
    return afterLaneAdded(added, follow);
  },
  async removeCurve(workshop, mapId) {
    const allowed = await guard(workshop.board, workshop.user, 'draw-curve');
    if (!allowed.ok) return facilitatorsOnly(allowed.reason);
    return curveRemoved(await removeCurve(workshop.board, mapId));
  },
};
