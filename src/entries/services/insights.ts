/**
 * Adapts the insights use cases (app/insights) to what the Insights tab declares
 * (`InsightsUseCases`). The rater's device id comes from this browser's settings when it has a
 * store, else from this panel (two panels of one person then write two keys; readers merge).
 */
import { loadMaps } from '../../app/map/map-store';
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
import { watchInsights } from '../../app/insights/watch-insights';
import { departmentLabel } from '../../domain/insights/departments';
import type { InsightsOutcome, InsightsUseCases } from '../../ui/insights/insights-tab-model';

const panelDevice = `d${Math.random().toString(36).slice(2, 10)}`;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const toOutcome = (outcome: Outcome<unknown>): InsightsOutcome =>
  outcome.ok ? { ok: true } : { ok: false, message: outcome.message };

export const insightsUseCases: InsightsUseCases = {
  async loadMaps(workshop) {
    const { maps } = await loadMaps(workshop.board);
    return maps.map(({ spec }) => ({
      id: spec.id,
      title: spec.title,
      stages: spec.stages.map((s) => ({ id: s.id, name: s.name })),
    }));
  },
  load: (workshop, map) =>
    loadMapInsights(
      workshop.board,
      workshop.user,
      map.id,
      map.stages.map((s) => s.id),
    ),
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
    toOutcome(
      await saveKpi(
        workshop.board,
        map.id,
        map.stages.map((s) => s.id),
        input,
      ),
    ),
  removeKpi: async (workshop, mapId, kpiId) =>
    toOutcome(await removeKpi(workshop.board, mapId, kpiId)),
  removeReading: async (workshop, mapId, kpiId, readingId) =>
    toOutcome(await removeReading(workshop.board, mapId, kpiId, readingId)),
  addReading: async (workshop, mapId, input) =>
    toOutcome(
      await addReading(
        workshop.board,
        mapId,
        input,
        today(),
        () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      ),
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
};
