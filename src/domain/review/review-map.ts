/**
 * Review sessions (issue 14 §5): the board now against a chosen snapshot. Both are export files
 * of the current format (a snapshot is migrated on restore), so this is a pure comparison of two
 * `JourneyMapFile`s with an injected "today" (YYYY-MM-DD, the facilitator's calendar).
 */
import { compareMaps } from '../export/compare-maps';
import type {
  ActionStatus,
  ExportAction,
  ExportKpi,
  ExportKpiReading,
  ExportRating,
  JourneyMap,
  JourneyMapFile,
} from '../export/journey-map';
import { kpiStatus, type KpiStatusKind } from '../insights/kpi';
import { DEFAULT_PERSONA } from '../insights/personas';

export interface ReviewStage {
  /** Null: notes without a stage. */
  id: string | null;
  name: string;
  /** The name in the snapshot when the stage was renamed since. */
  formerName: string | null;
  status: 'kept' | 'added' | 'removed';
}

export interface ReviewAction {
  id: string;
  title: string;
  ownerTeam: string | null;
  dueDate: string | null;
  then: ActionStatus | null;
  now: ActionStatus | null;
}

export interface ActionsReview {
  /** Done now, not done in the snapshot (new actions already done included). */
  done: ReviewAction[];
  /** Not done, due date before today. */
  late: (ReviewAction & { daysLate: number })[];
  added: ReviewAction[];
  removed: ReviewAction[];
  /** Done in the snapshot, not done now. */
  reopened: ReviewAction[];
  /** Actions on the board now that are not done. */
  open: number;
}

export interface KpiPoint {
  value: number;
  date: string;
}

export interface KpiReview {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** Null for the whole journey. */
  stage: ReviewStage | null;
  baseline: number;
  target: number;
  /** Latest reading the snapshot held, or entered since but dated before the snapshot's day. */
  then: KpiPoint | null;
  /** Latest reading now. */
  now: KpiPoint | null;
  /** now − then, when both exist. */
  change: number | null;
  statusThen: KpiStatusKind;
  statusNow: KpiStatusKind;
  /** Readings now that the "then" side does not have. */
  readingsSince: number;
  presence: 'kept' | 'added' | 'removed';
}

export interface EmotionCell {
  stage: ReviewStage;
  then: { mean: number; count: number } | null;
  now: { mean: number; count: number } | null;
  /** now − then, when both have ratings. */
  delta: number | null;
}

export interface EmotionLineReview {
  personaId: string;
  personaName: string;
  line: 'as-is' | 'to-be';
  cells: EmotionCell[];
}

export interface StageNotes {
  stage: ReviewStage;
  then: number;
  now: number;
  added: number;
  removed: number;
}

export interface MapReview {
  /** The snapshot's day (YYYY-MM-DD) and today. */
  since: string;
  today: string;
  stages: ReviewStage[];
  actions: ActionsReview;
  kpis: KpiReview[];
  emotions: EmotionLineReview[];
  notes: StageNotes[];
}

const dayOf = (iso: string): string => iso.slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Stages of now in their order, then those the snapshot had and the board no longer has. */
function reviewStages(then: JourneyMap, now: JourneyMap): ReviewStage[] {
  const before = new Map(then.stages.map((s) => [s.id, s.name]));
  const current = new Set(now.stages.map((s) => s.id));
  return [
    ...now.stages.map((s): ReviewStage => {
      const old = before.get(s.id);
      return {
        id: s.id,
        name: s.name,
        formerName: old !== undefined && old !== s.name ? old : null,
        status: old === undefined ? 'added' : 'kept',
      };
    }),
    ...then.stages
      .filter((s) => !current.has(s.id))
      .map((s): ReviewStage => ({ id: s.id, name: s.name, formerName: null, status: 'removed' })),
  ];
}

const reviewAction = (a: ExportAction | undefined, b: ExportAction | undefined): ReviewAction => {
  const latest = (b ?? a) as ExportAction;
  return {
    id: latest.id,
    title: latest.title,
    ownerTeam: latest.ownerTeam,
    dueDate: latest.dueDate,
    then: a?.status ?? null,
    now: b?.status ?? null,
  };
};

function reviewActions(then: JourneyMap, now: JourneyMap, today: string): ActionsReview {
  const before = new Map(then.actions.map((a) => [a.id, a]));
  const current = new Set(now.actions.map((a) => a.id));
  const out: ActionsReview = { done: [], late: [], added: [], removed: [], reopened: [], open: 0 };
  for (const action of now.actions) {
    const old = before.get(action.id);
    const row = reviewAction(old, action);
    if (!old) out.added.push(row);
    if (action.status === 'done' && old?.status !== 'done') out.done.push(row);
    if (action.status !== 'done' && old?.status === 'done') out.reopened.push(row);
    if (action.status !== 'done') {
      out.open += 1;
      if (action.dueDate !== null && action.dueDate < today)
        out.late.push({ ...row, daysLate: daysBetween(action.dueDate, today) });
    }
  }
  for (const action of then.actions)
    if (!current.has(action.id)) out.removed.push(reviewAction(action, undefined));
  out.late.sort((a, b) => b.daysLate - a.daysLate);
  return out;
}

const point = (r: ExportKpiReading | undefined): KpiPoint | null =>
  r ? { value: r.value, date: r.date } : null;

/** Readings by date, oldest first; on one date the later list wins (the board now). */
function mergeReadings(...lists: readonly ExportKpiReading[][]): ExportKpiReading[] {
  const byDate = new Map<string, ExportKpiReading>();
  for (const list of lists) for (const r of list) byDate.set(r.date, r);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function statusOf(kpi: ExportKpi, readings: readonly ExportKpiReading[]): KpiStatusKind {
  return kpiStatus(
    { ...kpi },
    readings.map((r) => ({ ...r, kpiId: kpi.id })),
  ).kind;
}

function reviewKpis(
  then: JourneyMap,
  now: JourneyMap,
  since: string,
  stages: readonly ReviewStage[],
): KpiReview[] {
  const before = new Map(then.insights.kpis.map((k) => [k.id, k]));
  const current = new Set(now.insights.kpis.map((k) => k.id));
  const stageOf = (id: string | null) =>
    id === null ? null : (stages.find((s) => s.id === id) ?? null);
  const review = (kpi: ExportKpi, old: ExportKpi | undefined, presence: KpiReview['presence']) => {
    const current = presence === 'removed' ? [] : kpi.readings;
    // "Then" is what the snapshot knew, plus readings entered since but dated before its day
    // (a reading dated on the snapshot's day and not in it was entered after it).
    const upToThen = mergeReadings(
      current.filter((r) => r.date < since),
      old?.readings ?? [],
    );
    const known = new Set(upToThen.map((r) => `${r.date}\u0000${r.value}`));
    const thenPoint = point(upToThen.at(-1));
    const nowPoint = point(current.at(-1));
    return {
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      stage: stageOf(kpi.stageId),
      baseline: kpi.baseline,
      target: kpi.target,
      then: thenPoint,
      now: nowPoint,
      change: thenPoint && nowPoint ? nowPoint.value - thenPoint.value : null,
      statusThen: statusOf(kpi, upToThen),
      statusNow: presence === 'removed' ? statusOf(kpi, upToThen) : statusOf(kpi, current),
      readingsSince: current.filter((r) => !known.has(`${r.date}\u0000${r.value}`)).length,
      presence,
    } satisfies KpiReview;
  };
  return [
    ...now.insights.kpis.map((k) => {
      const old = before.get(k.id);
      return review(k, old, old ? 'kept' : 'added');
    }),
    ...then.insights.kpis.filter((k) => !current.has(k.id)).map((k) => review(k, k, 'removed')),
  ];
}

function meanAt(
  ratings: readonly ExportRating[],
  personaId: string,
  line: string,
  stageId: string | null,
): { mean: number; count: number } | null {
  let sum = 0;
  let count = 0;
  for (const r of ratings)
    if (r.personaId === personaId && r.line === line && r.stageId === stageId) {
      sum += r.value;
      count += 1;
    }
  return count === 0 ? null : { mean: sum / count, count };
}

function reviewEmotions(
  then: JourneyMap,
  now: JourneyMap,
  stages: readonly ReviewStage[],
): EmotionLineReview[] {
  const names = new Map<string, string>();
  for (const p of [...then.insights.personas, ...now.insights.personas]) names.set(p.id, p.name);
  // Ratings for a map with no named persona are for the default one, which is not stored.
  names.set(DEFAULT_PERSONA.id, names.get(DEFAULT_PERSONA.id) ?? DEFAULT_PERSONA.name);
  const order = [
    ...now.insights.personas.map((p) => p.id),
    ...then.insights.personas.map((p) => p.id),
    ...[...now.insights.ratings, ...then.insights.ratings].map((r) => r.personaId),
  ];
  const rated = new Set(
    [...then.insights.ratings, ...now.insights.ratings].map((r) => `${r.personaId}\u0000${r.line}`),
  );
  const out: EmotionLineReview[] = [];
  for (const personaId of new Set(order))
    for (const line of ['as-is', 'to-be'] as const) {
      if (!rated.has(`${personaId}\u0000${line}`)) continue;
      const cells = stages
        .filter((s) => s.id !== null)
        .map((stage): EmotionCell => {
          const a = meanAt(then.insights.ratings, personaId, line, stage.id);
          const b = meanAt(now.insights.ratings, personaId, line, stage.id);
          return { stage, then: a, now: b, delta: a && b ? b.mean - a.mean : null };
        })
        .filter((c) => c.then !== null || c.now !== null);
      out.push({ personaId, personaName: names.get(personaId) ?? personaId, line, cells });
    }
  return out;
}

function reviewNotes(
  then: JourneyMap,
  now: JourneyMap,
  stages: readonly ReviewStage[],
): StageNotes[] {
  const diff = compareMaps(then, now);
  const stageThen = new Map(then.notes.map((n) => [n.id, n.stageId]));
  const stageNow = new Map(now.notes.map((n) => [n.id, n.stageId]));
  const known = new Set(stages.map((s) => s.id));
  const key = (id: string | null | undefined) => (id != null && known.has(id) ? id : null);
  const rows = new Map<string | null, StageNotes>();
  const row = (id: string | null): StageNotes => {
    let r = rows.get(id);
    if (!r) {
      const stage = stages.find((s) => s.id === id) ?? {
        id: null,
        name: 'No stage',
        formerName: null,
        status: 'kept' as const,
      };
      r = { stage, then: 0, now: 0, added: 0, removed: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const s of stages) row(s.id);
  for (const n of then.notes) row(key(n.stageId)).then += 1;
  for (const n of now.notes) row(key(n.stageId)).now += 1;
  for (const n of diff.added) row(key(stageNow.get(n.id))).added += 1;
  for (const n of diff.removed) row(key(stageThen.get(n.id))).removed += 1;
  return [...rows.values()];
}

const mapOf = (f: JourneyMapFile | JourneyMap): JourneyMap =>
  'map' in f && 'format' in f ? f.map : (f as JourneyMap);

/**
 * What happened between the snapshot (`then`, its day from `exportedAt`) and the board now:
 * actions done, late, new, removed; KPIs then and now against baseline and target; the emotion
 * curve's means per persona, line and stage; notes added and removed per stage. Stages are
 * matched by id, so a renamed stage keeps its history (with its former name) and a removed one
 * is listed as removed.
 */
export function reviewMap(
  then: JourneyMapFile,
  nowInput: JourneyMapFile | JourneyMap,
  today: string,
): MapReview {
  const before = then.map;
  const now = mapOf(nowInput);
  const since = dayOf(then.exportedAt);
  const stages = reviewStages(before, now);
  return {
    since,
    today,
    stages,
    actions: reviewActions(before, now, today),
    kpis: reviewKpis(before, now, since, stages),
    emotions: reviewEmotions(before, now, stages),
    notes: reviewNotes(before, now, stages),
  };
}
