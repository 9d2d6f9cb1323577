/**
 * Journey insights in the board's shared collection `touchpoint-insights` (issue 14). The
 * collection is last-write-wins and cannot list its keys (see app/voting/CONTEXT.md), so:
 * - what many people write at once gets a key per writer and an append-only slot list to find
 *   it: ratings `rating:<map>:<rater>` listed in `raters:<map>:<n>` (a rater is one user on one
 *   device, `<userId>/<deviceId>`, so two devices of one person never overwrite each other;
 *   readers keep each person's latest rating per cell), departments `department:<userId>` listed
 *   in `members:<n>`, KPI readings as entries of `readings:<map>:<kpi>:<n>`;
 * - what the facilitator edits gets a key per thing: `personas:<map>`, `kpi:<map>:<kpi>` (ids in
 *   `kpis:<map>:<n>`), `raci:<map>:<subject>` (one row of the matrix).
 * Everything read back is `unknown` until a domain validator has checked it; unreadable entries
 * are skipped and counted, never allowed to break the panel.
 */
import type { Board, SharedCollection } from '../../board/port';
import { validateRating, type EmotionRating } from '../../domain/insights/emotion';
import type { KpiDefinition, KpiReading } from '../../domain/insights/kpi';
import { validateKpi, validateReading } from '../../domain/insights/kpi';
import { validatePersonas, type CurvePersona } from '../../domain/insights/personas';
import {
  RACI_ROLES,
  subjectKey,
  type RaciAssignment,
  type RaciRole,
  type RaciSubject,
} from '../../domain/insights/raci';
import { isRecord } from '../../domain/voting/guards';
import { readSlots } from '../voting/slot-list';

export const INSIGHTS_COLLECTION = 'touchpoint-insights';
export const insights = (board: Board): SharedCollection => board.shared(INSIGHTS_COLLECTION);

const part = encodeURIComponent;
export const keys = {
  personas: (mapId: string) => `personas:${part(mapId)}`,
  rating: (mapId: string, rater: string) => `rating:${part(mapId)}:${part(rater)}`,
  raters: (mapId: string) => `raters:${part(mapId)}:`,
  kpi: (mapId: string, kpiId: string) => `kpi:${part(mapId)}:${part(kpiId)}`,
  kpis: (mapId: string) => `kpis:${part(mapId)}:`,
  readings: (mapId: string, kpiId: string) => `readings:${part(mapId)}:${part(kpiId)}:`,
  raci: (mapId: string, subject: RaciSubject) => `raci:${part(mapId)}:${part(subjectKey(subject))}`,
  department: (userId: string) => `department:${part(userId)}`,
  members: 'members:',
} as const;

/** A rater: one user on one device. */
export const raterOf = (userId: string, deviceId: string): string => `${userId}/${deviceId}`;
export const userOfRater = (rater: string): string => rater.slice(0, rater.lastIndexOf('/'));

export interface Loaded<T> {
  values: T;
  /** Stored entries that did not pass validation and were left out. */
  skipped: number;
}

export async function loadPersonas(board: Board, mapId: string): Promise<Loaded<CurvePersona[]>> {
  const value = await insights(board).get(keys.personas(mapId));
  if (value === undefined || value === null) return { values: [], skipped: 0 };
  const checked = validatePersonas(value);
  return checked.ok ? { values: checked.personas, skipped: 0 } : { values: [], skipped: 1 };
}

/** The stored cells of one rater's key. */
export function readRaterRatings(value: unknown): Loaded<EmotionRating[]> {
  if (!isRecord(value) || !Array.isArray(value.ratings)) return { values: [], skipped: 1 };
  const values: EmotionRating[] = [];
  let skipped = 0;
  for (const entry of value.ratings as unknown[]) {
    const checked = validateRating(entry);
    if (checked.ok) values.push(checked.rating);
    else skipped += 1;
  }
  return { values, skipped };
}

/**
 * Every rating of the map, with `raterKey` set to the user (not the device), so the domain's
 * "one rating per person and cell, the latest wins" holds across devices.
 */
export async function loadRatings(board: Board, mapId: string): Promise<Loaded<EmotionRating[]>> {
  const shared = insights(board);
  const raters = await readSlots(shared, keys.raters(mapId));
  const stored = await Promise.all(raters.map((rater) => shared.get(keys.rating(mapId, rater))));
  const values: EmotionRating[] = [];
  let skipped = 0;
  stored.forEach((value, i) => {
    if (value === undefined || value === null) return;
    const read = readRaterRatings(value);
    const user = userOfRater(raters[i] ?? '');
    skipped += read.skipped;
    for (const rating of read.values)
      if (rating.mapId === mapId) values.push({ ...rating, raterKey: user });
  });
  return { values, skipped };
}

export interface KpiData {
  kpis: KpiDefinition[];
  readings: (KpiReading & { id: string })[];
}

/** A reading as stored in its slot: one JSON text, so the slot list's dedupe works on it. */
export const encodeReading = (reading: KpiReading & { id: string }): string =>
  JSON.stringify({
    id: reading.id,
    kpiId: reading.kpiId,
    value: reading.value,
    date: reading.date,
    source: reading.source,
  });

/**
 * A reading taken back: an entry in the same slot list as the readings, so every panel that
 * follows the list sees the removal as it sees a new reading.
 */
export const encodeReadingRemoval = (readingId: string): string =>
  JSON.stringify({ removed: readingId });

function decodeReadingRemoval(entry: string): string | null {
  try {
    const parsed: unknown = JSON.parse(entry);
    return isRecord(parsed) && typeof parsed.removed === 'string' ? parsed.removed : null;
  } catch {
    return null;
  }
}

export function decodeReading(entry: string): (KpiReading & { id: string }) | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || typeof parsed.id !== 'string' || parsed.id === '') return null;
  // Stored readings were checked against the writer's date; "the future" cannot apply on read.
  const checked = validateReading(parsed, '9999-12-31');
  return checked.ok ? { ...checked.reading, id: parsed.id } : null;
}

export async function loadKpis(
  board: Board,
  mapId: string,
  stageIds: readonly string[],
): Promise<Loaded<KpiData>> {
  const shared = insights(board);
  const ids = await readSlots(shared, keys.kpis(mapId));
  let skipped = 0;
  const kpis: KpiDefinition[] = [];
  const readings: KpiData['readings'] = [];
  await Promise.all(
    ids.map(async (id) => {
      const value = await shared.get(keys.kpi(mapId, id));
      if (value === undefined || value === null) return; // removed
      // A stage removed since keeps its KPI, as a whole-journey one.
      const checked = validateKpi(value, stageIds);
      const fallback = checked.ok
        ? checked
        : validateKpi(isRecord(value) ? { ...value, stageId: null } : value, stageIds);
      if (!fallback.ok) return void (skipped += 1);
      kpis.push(fallback.kpi);
      const entries = await readSlots(shared, keys.readings(mapId, id));
      const removed = new Set(entries.map(decodeReadingRemoval).filter((r) => r !== null));
      for (const entry of entries) {
        if (decodeReadingRemoval(entry) !== null) continue;
        const reading = decodeReading(entry);
        if (!reading || reading.kpiId !== id) {
          skipped += 1;
          continue;
        }
        if (!removed.has(reading.id)) readings.push(reading);
      }
    }),
  );
  const order = new Map(ids.map((id, i) => [id, i]));
  kpis.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { values: { kpis, readings }, skipped };
}

/** One matrix row as stored: department → role. */
export function readRaciRow(subject: RaciSubject, value: unknown): RaciAssignment[] {
  if (!isRecord(value)) return [];
  const out: RaciAssignment[] = [];
  for (const [department, role] of Object.entries(value))
    if (department !== '' && RACI_ROLES.includes(role as RaciRole))
      out.push({ subject, department, role: role as RaciRole });
  return out;
}

export async function loadRaci(
  board: Board,
  mapId: string,
  subjects: readonly RaciSubject[],
): Promise<RaciAssignment[]> {
  const shared = insights(board);
  const rows = await Promise.all(
    subjects.map(async (subject) =>
      readRaciRow(subject, await shared.get(keys.raci(mapId, subject))),
    ),
  );
  return rows.flat();
}

/** Every member's department, by user id. */
export async function loadDepartments(board: Board): Promise<Map<string, string>> {
  const shared = insights(board);
  const users = await readSlots(shared, keys.members);
  const out = new Map<string, string>();
  await Promise.all(
    users.map(async (user) => {
      const value = await shared.get(keys.department(user));
      if (typeof value === 'string' && value !== '') out.set(user, value);
    }),
  );
  return out;
}
