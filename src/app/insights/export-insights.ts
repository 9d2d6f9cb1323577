/**
 * The export hook for the Export tab (issue 14 §6): one map's insights in the v2 shape. Ratings
 * carry a department, never who rated; the departments list is those participants picked.
 */
import type { ExportInsights } from '../../domain/export/journey-map';
import type { RaciSubject } from '../../domain/insights/raci';
import type { Workshop } from '../workshop';
import { loadDepartments, loadKpis, loadPersonas, loadRaci, loadRatings } from './insights-store';

export async function exportInsights(
  workshop: Pick<Workshop, 'board'>,
  map: { id: string; stageIds: readonly string[]; actionIds: readonly string[] },
): Promise<ExportInsights> {
  const { board } = workshop;
  const subjects: RaciSubject[] = [
    ...map.stageIds.map((id) => ({ kind: 'stage' as const, id })),
    ...map.actionIds.map((id) => ({ kind: 'action' as const, id })),
  ];
  const [personas, ratings, kpis, raci, departments] = await Promise.all([
    loadPersonas(board, map.id),
    loadRatings(board, map.id),
    loadKpis(board, map.id, map.stageIds),
    loadRaci(board, map.id, subjects),
    loadDepartments(board),
  ]);
  const readingsOf = (kpiId: string) =>
    kpis.values.readings
      .filter((r) => r.kpiId === kpiId)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ value, date, source }) => ({ value, date, source }));
  return {
    personas: personas.values.map(({ id, name, summary }) => ({ id, name, summary })),
    ratings: ratings.values.map(({ stageId, personaId, line, value, department }) => ({
      stageId,
      personaId,
      line,
      value,
      department,
    })),
    kpis: kpis.values.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      stageId: k.stageId,
      baseline: k.baseline,
      target: k.target,
      direction: k.direction,
      readings: readingsOf(k.id),
    })),
    raci: raci.map(({ subject, department, role }) => ({
      subject: { ...subject },
      department,
      role,
    })),
    departments: [...new Set(departments.values())].sort((a, b) => a.localeCompare(b)),
  };
}
