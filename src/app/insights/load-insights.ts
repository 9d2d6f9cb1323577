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
import { validateBallot } from '../../domain/voting/validate-ballot';
import { loadActions } from '../actions/action-store';
import { loadBallots, loadRounds } from '../voting/vote-store';
import { loadPlacedMaps } from '../map/load-placed-maps';
import { loadDepartments, loadKpis, loadPersonas, loadRaci, loadRatings } from './insights-store';

export interface MapInsights {
  personas: CurvePersona[];
  ratings: EmotionRating[];
  kpis: KpiDefinition[];
  readings: (KpiReading & { id: string })[];
  raci: RaciAssignment[];
  actions: { id: string; title: string }[];
  /** This participant's department, if picked. */
  myDepartment: string | null;
  /** Departments picked on this board by anyone. */
  departments: string[];
  contributions: Contribution[];
  /** Stored entries left out because they were unreadable. */
  skipped: number;
}

/** A note of the map with its stage and author. */
interface MapNote {
  id: string;
  stageId: string | null;
  authorId: string | null;
}

/** Notes of the map (inside its frame, or tagged with one of its stages) by stage and author. */
export async function loadMapNotes(board: Board, mapId: string): Promise<MapNote[]> {
  const [placed, notes] = await Promise.all([loadPlacedMaps(board), board.listItems(['note'])]);
  const map = placed.find((p) => p.spec.id === mapId);
  if (!map) return [];
  const ctx = createStageContext(map);
  const out: MapNote[] = [];
  for (const note of notes) {
    if (!isInMap(note.rect, ctx) && tagStageIds(note, ctx).length === 0) continue;
    out.push({
      id: note.id,
      stageId: decideStage(note, ctx).stageId,
      authorId: note.authorId ?? null,
    });
  }
  return out;
}

/**
 * Votes on the map's notes by the voter's department, from open and secret rounds only: an
 * anonymous round's ballots carry no user, and its votes are never attributed to anyone.
 */
export async function loadVoteContributions(
  board: Board,
  notes: readonly MapNote[],
  departmentOf: (userId: string) => string | null,
  now: string,
): Promise<Contribution[]> {
  const stageOf = new Map(notes.map((n) => [n.id, n.stageId]));
  const rounds = (await loadRounds(board, now)).filter((r) => r.privacy !== 'anonymous');
  const out: Contribution[] = [];
  for (const round of rounds) {
    for (const stored of await loadBallots(board, round)) {
      const checked = validateBallot(stored, round);
      if (!checked.ok) continue;
      const { ballot } = checked;
      const department = departmentOf(ballot.voterKey);
      const cast = ballot.votes ?? ballot.ranking.map((itemId) => ({ itemId, count: 1 }));
      for (const vote of cast) {
        if (!stageOf.has(vote.itemId)) continue;
        for (let i = 0; i < vote.count; i += 1)
          out.push({ stageId: stageOf.get(vote.itemId) ?? null, department, kind: 'vote' });
      }
    }
  }
  return out;
}

export async function loadMapInsights(
  board: Board,
  user: BoardUser,
  mapId: string,
  stageIds: readonly string[],
  now: string = new Date().toISOString(),
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
  const departmentOf = (id: string) => departments.get(id) ?? null;
  const [raci, notes] = await Promise.all([
    loadRaci(board, mapId, subjects),
    loadMapNotes(board, mapId),
  ]);
  const votes = await loadVoteContributions(board, notes, departmentOf, now);
  const contributions: Contribution[] = [
    ...notes.map((n) => ({
      stageId: n.stageId,
      department: n.authorId ? departmentOf(n.authorId) : null,
      kind: 'note' as const,
    })),
    ...votes,
  ];
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
