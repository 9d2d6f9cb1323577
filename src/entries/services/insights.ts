/**
 * Adapts the insights use cases (app/insights) to what the Insights tab declares
 * (`InsightsUseCases`). The rater's device id comes from this browser's settings when it has a
 * store, else from this panel (two panels of one person then write two keys; readers merge).
 */
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
import {
  drawCurve,
  removeCurve,
  type CurveOutcome,
  type CurveSummary,
} from '../../app/insights/draw-curve';
import { guard, loadFacilitators } from '../../app/roles/facilitators';
import { countOf } from '../../domain/common';
import { mayAct } from '../../domain/roles/facilitators';
import { watchInsights } from '../../app/insights/watch-insights';
import {
  drawKpiCards,
  kpiCardsShown,
  removeKpiCards,
  type DrawOutcome,
} from '../../app/insights/draw-kpi-cards';
import { drawRaciFrame, removeRaciFrame } from '../../app/insights/draw-raci-frame';
import type { Workshop } from '../../app/workshop';
import { departmentLabel } from '../../domain/insights/departments';
import type { InsightsOutcome, InsightsUseCases } from '../../ui/insights/insights-tab-model';

const panelDevice = `d${Math.random().toString(36).slice(2, 10)}`;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const toOutcome = (outcome: Outcome<unknown>): InsightsOutcome =>
  outcome.ok ? { ok: true } : { ok: false, message: outcome.message };

/** What a board drawing's outcome tells the facilitator. */
function drawn(
  outcome: DrawOutcome | { status: 'empty'; message: string },
  what: string,
): InsightsOutcome {
  switch (outcome.status) {
    case 'done': {
      const counts = [
        [outcome.created, 'made'],
        [outcome.updated, 'updated'],
        [outcome.removed, 'removed'],
      ].flatMap(([n, word]) => (n === 0 ? [] : [`${n} ${word}`]));
      return {
        ok: true,
        message:
          counts.length === 0
            ? `${what} on the board: already current, nothing changed.`
            : `${what} on the board: ${counts.join(', ')}.`,
      };
    }
    case 'incomplete':
      return { ok: false, message: outcome.messages.join(' ') };
    default:
      return { ok: false, message: outcome.message };
  }
}

const POINTS_ONLY =
  ' On MURAL the curve is points only: Touchpoint does not draw lines between widgets there yet.';

/** What a draw did, in the facilitator's words: what changed and what did not. */
function describeCurve(summary: CurveSummary, first: boolean): string {
  const lines = summary.linesSkipped ? '' : ` and ${countOf(summary.lines, 'line')}`;
  const changes = [
    summary.moved > 0 ? `${countOf(summary.moved, 'point')} moved` : '',
    summary.added > 0 ? `${summary.added} added` : '',
    summary.removed > 0 ? `${summary.removed} removed` : '',
    summary.linesDrawn > 0 && !first ? `${countOf(summary.linesDrawn, 'line')} redrawn` : '',
  ].filter(Boolean);
  const tail = summary.linesSkipped ? POINTS_ONLY : '';
  if (first) return `Curve drawn on the board: ${countOf(summary.points, 'point')}${lines}.${tail}`;
  if (changes.length === 0)
    return `The curve on the board is up to date (${countOf(summary.points, 'point')}${lines}); nothing changed.${tail}`;
  return `Curve updated: ${changes.join(', ')}; ${summary.unchanged} unchanged.${tail}`;
}

function curveOutcome(outcome: CurveOutcome, first: boolean): InsightsOutcome {
  switch (outcome.status) {
    case 'done':
      return { ok: true, message: describeCurve(outcome.summary, first) };
    case 'incomplete':
      return {
        ok: false,
        message:
          `${outcome.cancelled ? 'Stopped: only part' : 'Only part'} of the curve was drawn; “Update curve” finishes it. ${outcome.messages.slice(0, 2).join(' ')}`.trim(),
      };
    case 'refused':
      return { ok: false, message: outcome.message };
    case 'failed':
      return { ok: false, message: outcome.message };
  }
}

async function asFacilitator(
  workshop: Workshop,
  run: () => Promise<InsightsOutcome>,
): Promise<InsightsOutcome> {
  const allowed = await guard(workshop.board, workshop.user, 'draw-insights');
  return allowed.ok ? run() : { ok: false, message: allowed.reason };
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
  if (!saved.ok || !(await kpiCardsShown(workshop.board, mapId))) return saved;
  if (!(await guard(workshop.board, workshop.user, 'draw-insights')).ok) return saved;
  const cards = drawn(await drawKpiCards(workshop.board, mapId), 'KPI cards');
  return cards.ok
    ? { ok: true, message: 'Saved; the KPI cards on the board are updated.' }
    : {
        ok: false,
        message: `Saved, but the KPI cards on the board were not updated: ${cards.message}`,
      };
}

export const insightsUseCases: InsightsUseCases = {
  async loadMaps(workshop) {
    const { maps } = await loadMaps(workshop.board);
    return maps.map(({ spec }) => ({
      id: spec.id,
      title: spec.title,
      stages: spec.stages.map((s) => ({ id: s.id, name: s.name })),
      emotionsLane: spec.lanes.some((l) => l.kind === 'emotions'),
    }));
  },
  async load(workshop, map) {
    const [data, curve, facilitators] = await Promise.all([
      loadMapInsights(
        workshop.board,
        workshop.user,
        map.id,
        map.stages.map((s) => s.id),
      ),
      loadCurve(workshop.board, map.id),
      loadFacilitators(workshop.board),
    ]);
    return {
      ...data,
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
          today(),
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
      drawn(await removeKpiCards(workshop.board, mapId), 'KPI cards'),
    ),
  putRaci: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await drawRaciFrame(workshop.board, mapId), 'RACI frame'),
    ),
  removeRaci: (workshop, mapId) =>
    asFacilitator(workshop, async () =>
      drawn(await removeRaciFrame(workshop.board, mapId), 'RACI frame'),
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
    const owner = outcome.value.ownerTeam;
    return owner === null
      ? { ok: true }
      : {
          ok: true,
          message: `The action's owner team is now ${departmentLabel(owner)}, from its RACI row.`,
        };
  },
  setDepartment: async (workshop, name) =>
    toOutcome(await setDepartment(workshop.board, workshop.user.id, name)),
  async drawCurve(workshop, mapId) {
    const allowed = await guard(workshop.board, workshop.user, 'draw-curve');
    if (!allowed.ok) return { ok: false, message: allowed.reason };
    const before = await loadCurve(workshop.board, mapId);
    const first = before === null || Object.keys(before.points).length === 0;
    return curveOutcome(await drawCurve(workshop.board, mapId), first);
  },
  async addEmotionsLane(workshop, mapId) {
    const allowed = await guard(workshop.board, workshop.user, 'update-map');
    if (!allowed.ok) return { ok: false, message: allowed.reason };
    const loaded = await loadMap(workshop.board, mapId);
    if (!loaded.ok) return { ok: false, message: loaded.message };
    const { spec } = loaded.record;
    if (spec.lanes.some((l) => l.kind === 'emotions'))
      return { ok: true, message: 'The map already has an Emotions lane.' };
    const lane = {
      id: `emotions-${Date.now().toString(36)}`,
      name: 'Emotions',
      kind: 'emotions' as const,
    };
    const outcome = await updateMap(workshop.board, mapId, addLane(spec, lane));
    switch (outcome.status) {
      case 'done':
        return {
          ok: true,
          message: 'An Emotions lane was added at the bottom of the map; draw the curve in it now.',
        };
      case 'invalid':
        return { ok: false, message: outcome.problems.map((p) => p.message).join(' ') };
      case 'incomplete':
        return {
          ok: false,
          message:
            `The lane was added only in part; “Update on board” in the Map tab finishes it. ${outcome.messages.join(' ')}`.trim(),
        };
      case 'needs-confirmation':
        return { ok: false, message: 'The map changed meanwhile; look at it in the Map tab.' };
      default:
        return { ok: false, message: outcome.message };
    }
  },
  async removeCurve(workshop, mapId) {
    const allowed = await guard(workshop.board, workshop.user, 'draw-curve');
    if (!allowed.ok) return { ok: false, message: allowed.reason };
    const outcome = await removeCurve(workshop.board, mapId);
    return outcome.status === 'done'
      ? {
          ok: true,
          message: `The curve was removed from the board (${countOf(outcome.removed, 'point')} and their lines).`,
        }
      : { ok: false, message: outcome.messages.join(' ') };
  },
};
