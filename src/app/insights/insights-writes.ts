/**
 * Writing journey insights (issue 14): ratings, personas, KPIs and readings, RACI rows and
 * departments. Each use case validates first (nothing is written on bad input), then writes the
 * smallest key it owns; an entry's slot is claimed before its value is written, so a panel that
 * closes between the two leaves an empty slot that readers skip, never a value nobody can find.
 * Results are values, never throws: a board refusal comes back as a message.
 */
import { errorMessage } from '../../domain/common';
import type { Board } from '../../board/port';
import { validateDepartment } from '../../domain/insights/departments';
import { validateRating, type EmotionRating } from '../../domain/insights/emotion';
import {
  validateKpi,
  validateReading,
  type KpiDefinition,
  type KpiReading,
} from '../../domain/insights/kpi';
import { validatePersonas, type CurvePersona } from '../../domain/insights/personas';
import {
  ownerFromRaci,
  setRaciRole,
  type RaciRole,
  type RaciSubject,
} from '../../domain/insights/raci';
import { loadActions, saveAction } from '../actions/action-store';
import { claimSlot } from '../voting/slot-list';
import {
  encodeReading,
  encodeReadingRemoval,
  insights,
  keys,
  raterOf,
  readRaciRow,
  readRaterRatings,
} from './insights-store';

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const reason = errorMessage(error);
    return fail(`${what} was not saved: ${reason}`);
  }
}

export interface Rater {
  userId: string;
  /** This browser's id (kept in its local store); two devices of one person write two keys. */
  deviceId: string;
  department: string | null;
}

export interface RatingInput {
  mapId: string;
  stageId: string;
  personaId: string;
  line: EmotionRating['line'];
  value: unknown;
}

/** Sets (or with `value` null, clears) this rater's rating of one stage for one persona's line. */
export async function rateStage(
  board: Board,
  rater: Rater,
  input: RatingInput,
  now: string,
): Promise<Outcome<EmotionRating | null>> {
  const raterKey = raterOf(rater.userId, rater.deviceId);
  const next =
    input.value === null
      ? null
      : validateRating({ ...input, raterKey, department: rater.department, updatedAt: now });
  if (next && !next.ok) return fail(next.message);
  const rating = next?.rating ?? null;
  const sameCell = (r: EmotionRating) =>
    r.stageId === input.stageId && r.personaId === input.personaId && r.line === input.line;
  return attempt('Your rating', async () => {
    const shared = insights(board);
    await claimSlot(shared, keys.raters(input.mapId), raterKey);
    const key = keys.rating(input.mapId, raterKey);
    // Only this rater on this device writes this key, so read-modify-write cannot race.
    const own = readRaterRatings((await shared.get(key)) ?? { ratings: [] }).values;
    const ratings = own.filter((r) => !sameCell(r));
    if (rating) ratings.push(rating);
    await shared.set(key, { ratings });
    return rating;
  });
}

export async function savePersonas(
  board: Board,
  mapId: string,
  personas: unknown,
): Promise<Outcome<CurvePersona[]>> {
  const checked = validatePersonas(personas);
  if (!checked.ok) return fail(checked.messages.join(' '));
  return attempt('The personas', async () => {
    await insights(board).set(keys.personas(mapId), checked.personas);
    return checked.personas;
  });
}

export async function saveKpi(
  board: Board,
  mapId: string,
  stageIds: readonly string[],
  input: unknown,
): Promise<Outcome<KpiDefinition>> {
  const checked = validateKpi(input, stageIds);
  if (!checked.ok) return fail(checked.problems.map((p) => p.message).join(' '));
  const { kpi } = checked;
  return attempt(`The KPI "${kpi.name}"`, async () => {
    const shared = insights(board);
    await claimSlot(shared, keys.kpis(mapId), kpi.id);
    await shared.set(keys.kpi(mapId, kpi.id), kpi);
    return kpi;
  });
}

/** Removes the definition; its readings stay stored but are no longer found. */
export async function removeKpi(board: Board, mapId: string, kpiId: string): Promise<Outcome> {
  return attempt('Removing the KPI', async () => {
    await insights(board).remove(keys.kpi(mapId, kpiId));
  });
}

export async function addReading(
  board: Board,
  mapId: string,
  input: unknown,
  today: string,
  newId: () => string,
): Promise<Outcome<KpiReading & { id: string }>> {
  const checked = validateReading(input, today);
  if (!checked.ok) return fail(checked.problems.map((p) => p.message).join(' '));
  const reading = { ...checked.reading, id: newId() };
  return attempt('The reading', async () => {
    await claimSlot(insights(board), keys.readings(mapId, reading.kpiId), encodeReading(reading));
    return reading;
  });
}

/** Takes a reading back (a typo, a wrong date); the KPI's other readings stay. */
export async function removeReading(
  board: Board,
  mapId: string,
  kpiId: string,
  readingId: string,
): Promise<Outcome> {
  return attempt('Removing the reading', async () => {
    await claimSlot(insights(board), keys.readings(mapId, kpiId), encodeReadingRemoval(readingId));
  });
}

/**
 * One department's role in one row. Refuses a second Accountable (the row is read fresh, so a
 * colleague's change a moment ago counts). For an action's row, the action's owner team follows
 * the row (its one Responsible department, else its Accountable one), so the plan and the matrix
 * never disagree; the outcome says when the owner changed.
 */
export async function setRaci(
  board: Board,
  mapId: string,
  subject: RaciSubject,
  subjectName: string,
  department: string,
  role: RaciRole | null,
): Promise<Outcome<{ ownerTeam: string | null }>> {
  const name = validateDepartment(department);
  if (!name.ok) return fail(name.message);
  const shared = insights(board);
  const key = keys.raci(mapId, subject);
  let row;
  try {
    row = readRaciRow(subject, await shared.get(key));
  } catch (error) {
    return fail(`The RACI matrix could not be read: ${errorMessage(error)}`);
  }
  const change = setRaciRole(row, subject, name.department, role, subjectName);
  if (!change.ok) return fail(change.message);
  const saved = await attempt('The RACI change', async () => {
    await shared.set(
      key,
      Object.fromEntries(change.assignments.map((a) => [a.department, a.role])),
    );
  });
  if (!saved.ok || subject.kind !== 'action')
    return saved.ok ? { ok: true, value: { ownerTeam: null } } : saved;
  const owner = ownerFromRaci(change.assignments, subject);
  if (owner === null) return { ok: true, value: { ownerTeam: null } };
  return attempt(`The RACI row was saved, but the owner team of “${subjectName}”`, async () => {
    const action = (await loadActions(board)).actions.find((a) => a.id === subject.id);
    if (!action || action.ownerTeam === owner) return { ownerTeam: null };
    const result = await saveAction(board, { ...action, ownerTeam: owner });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    return { ownerTeam: result.action.ownerTeam };
  });
}

/** The participant's department on this board (once; changing it is allowed). */
export async function setDepartment(
  board: Board,
  userId: string,
  department: unknown,
): Promise<Outcome<string>> {
  const checked = validateDepartment(department);
  if (!checked.ok) return fail(checked.message);
  return attempt('Your department', async () => {
    const shared = insights(board);
    await claimSlot(shared, keys.members, userId);
    await shared.set(keys.department(userId), checked.department);
    return checked.department;
  });
}
