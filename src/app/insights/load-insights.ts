/**
 * Everything the Insights tab shows for one map, read once: personas, ratings, KPIs and
 * readings, RACI rows for the map's stages and the plan's actions, departments, and what each
 * department contributed per stage (notes by their author's department).
 */
import type { Board, BoardUser } from '../../board/port';
import type { Contribution } from '../../domain/insights/departments';
import type { EmotionRating } from '../../domain/insights/emotion';
import type { KpiDefinition, KpiReading } from '../../domain/insights/kpi';
import type { CurvePersona } from '../../domain/insights/personas';
import type { RaciAssignment, RaciSubject } from '../../domain/insights/raci';
import {
  createStageContext,
  decideStage,
  isInMap,
  tagStageIds,
} from '../../domain/stages/decide-stage';
import { loadActions } from '../actions/action-store';
import { loadPlacedMaps } from '../map/load-placed-maps';
import { loadDepartments, loadKpis, loadPersonas, loadRaci, loadRatings } from './insights-store';

export interface MapInsights {
  personas: CurvePersona[];
  ratings: EmotionRating[];
  kpis: KpiDefinition[];
  readings: (KpiReading & { id: string })[];
  raci: RaciAssignment[];
  actions: { id: string; title: string }[];
  myDepartment: string | null;
  departments: string[];
  contributions: Contribution[];
  skipped: number;
}

/** Notes of the map (inside its frame, or tagged with one of its stages) by stage and author. */
export async function loadNoteContributions(
  board: Board,
  mapId: string,
  departmentOf: (userId: string) => string | null,
): Promise<Contribution[]> {
  const [placed, notes] = await Promise.all([loadPlacedMaps(board), board.listItems(['note'])]);
  const map = placed.find((p) => p.spec.id === mapId);
  if (!map) return [];
  const ctx = createStageContext(map);
  const out: Contribution[] = [];
  for (const note of notes) {
    if (!isInMap(note.rect, ctx) && tagStageIds(note, ctx).length === 0) continue;
    const { stageId } = decideStage(note, ctx);
    out.push({
      stageId,
      department: note.authorId ? departmentOf(note.authorId) : null,
      kind: 'note',
    });
  }
  return out;
}

export async function loadMapInsights(
  board: Board,
  user: BoardUser,
  mapId: string,
  stageIds: readonly string[],
): Promise<MapInsights> {
  const [personas, ratings, kpis, departments, actions] = await Promise.all([
    loadPersonas(board, mapId),
    loadRatings(board, mapId),
    loadKpis(board, mapId, stageIds),
    loadDepartments(board),
    loadActions(board),
  ]);
  const subjects: RaciSubject[] = [
    ...stageIds.map((id) => ({ kind: 'stage' as const, id })),
    ...actions.actions.map((a) => ({ kind: 'action' as const, id: a.id })),
  ];
  const [raci, contributions] = await Promise.all([
    loadRaci(board, mapId, subjects),
    loadNoteContributions(board, mapId, (id) => departments.get(id) ?? null),
  ]);
  return {
    personas: personas.values,
    ratings: ratings.values,
    kpis: kpis.values.kpis,
    readings: kpis.values.readings,
    raci,
    actions: actions.actions.map((a) => ({ id: a.id, title: a.title })),
    myDepartment: departments.get(user.id) ?? null,
    departments: [...new Set(departments.values())],
    contributions,
    skipped: personas.skipped + ratings.skipped + kpis.skipped,
  };
}
