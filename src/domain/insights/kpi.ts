/**
 * KPIs per stage and for the whole journey (issue 14 §2): a definition with baseline, target and
 * which direction is better, and readings over time. The status compares the latest reading
 * with the target; the sparkline is a pure projection of the readings for the panel and board.
 */
import { checkDueDate } from '../actions/validate-action';
import { isRecord } from '../voting/guards';

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const MAX_KPI_NAME = 80;
export const MAX_KPI_UNIT = 20;
export const MAX_READING_SOURCE = 120;

export interface KpiDefinition {
  id: string;
  name: string;
  /** '%', 'days', 'NPS', … — free text, shown after the numbers. */
  unit: string;
  baseline: number;
  target: number;
  direction: KpiDirection;
  /** The stage it measures, or null for the whole journey. */
  stageId: string | null;
}

export interface KpiReading {
  kpiId: string;
  value: number;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** Where the number came from ("Q3 survey", "CRM export"). */
  source: string;
}

export interface FieldProblem<F extends string> {
  field: F;
  message: string;
}

export type KpiValidation =
  | { ok: true; kpi: KpiDefinition }
  | { ok: false; problems: FieldProblem<keyof KpiDefinition | ''>[] };

/**
 * Reads a number typed in a form or stored on the board. Accepts numbers and numeric strings
 * ("12.5", "1e3"; a decimal comma is read as a point); anything else is null.
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

export function validateKpi(input: unknown, stageIds: readonly string[]): KpiValidation {
  if (!isRecord(input))
    return { ok: false, problems: [{ field: '', message: 'A KPI must be an object.' }] };
  const problems: FieldProblem<keyof KpiDefinition | ''>[] = [];
  const id = typeof input.id === 'string' ? input.id : '';
  if (id === '') problems.push({ field: 'id', message: 'The KPI has no id.' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') problems.push({ field: 'name', message: 'Name the KPI.' });
  else if (name.length > MAX_KPI_NAME)
    problems.push({
      field: 'name',
      message: `The name is ${name.length} characters; the limit is ${MAX_KPI_NAME}.`,
    });
  const unit = typeof input.unit === 'string' ? input.unit.trim() : '';
  if (unit.length > MAX_KPI_UNIT)
    problems.push({
      field: 'unit',
      message: `The unit is longer than ${MAX_KPI_UNIT} characters.`,
    });
  const baseline = readNumber(input.baseline);
  if (baseline === null)
    problems.push({
      field: 'baseline',
      message: `The baseline must be a number; got "${String(input.baseline)}".`,
    });
  const target = readNumber(input.target);
  if (target === null)
    problems.push({
      field: 'target',
      message: `The target must be a number; got "${String(input.target)}".`,
    });
  const direction = input.direction;
  if (!KPI_DIRECTIONS.includes(direction as KpiDirection))
    problems.push({ field: 'direction', message: 'Say whether higher or lower is better.' });
  const stageId = input.stageId ?? null;
  if (stageId !== null && (typeof stageId !== 'string' || !stageIds.includes(stageId)))
    problems.push({ field: 'stageId', message: 'The KPI names a stage this map does not have.' });
  if (
    baseline !== null &&
    target !== null &&
    baseline !== target &&
    (direction === 'higher' ? target < baseline : direction === 'lower' && target > baseline)
  )
    problems.push({
      field: 'target',
      message: `With ${direction} is better, the target ${target} is worse than the baseline ${baseline}.`,
    });
  if (problems.length > 0 || baseline === null || target === null) return { ok: false, problems };
  return {
    ok: true,
    kpi: {
      id,
      name,
      unit,
      baseline,
      target,
      direction: direction as KpiDirection,
      stageId: stageId as string | null,
    },
  };
}

export type ReadingValidation =
  | { ok: true; reading: KpiReading }
  | { ok: false; problems: FieldProblem<keyof KpiReading | ''>[] };

/** `today` is YYYY-MM-DD in the facilitator's calendar: a reading cannot come from the future. */
export function validateReading(input: unknown, today: string): ReadingValidation {
  if (!isRecord(input))
    return { ok: false, problems: [{ field: '', message: 'A reading must be an object.' }] };
  const problems: FieldProblem<keyof KpiReading | ''>[] = [];
  const kpiId = typeof input.kpiId === 'string' ? input.kpiId : '';
  if (kpiId === '') problems.push({ field: 'kpiId', message: 'The reading names no KPI.' });
  const value = readNumber(input.value);
  if (value === null)
    problems.push({
      field: 'value',
      message: `The value must be a number; got "${String(input.value)}".`,
    });
  const dateProblem = checkDueDate(input.date)?.replace(/due date/g, 'date');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else if ((input.date as string) > today)
    problems.push({
      field: 'date',
      message: `The date ${String(input.date)} is in the future; record a reading once it is measured.`,
    });
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source.length > MAX_READING_SOURCE)
    problems.push({
      field: 'source',
      message: `The source is longer than ${MAX_READING_SOURCE} characters.`,
    });
  if (problems.length > 0 || value === null) return { ok: false, problems };
  return { ok: true, reading: { kpiId, value, date: input.date as string, source } };
}

export type KpiStatusKind = 'no-readings' | 'met' | 'on-track' | 'off-track';

export interface KpiStatus {
  kind: KpiStatusKind;
  latest: KpiReading | null;
  /**
   * How far the latest reading has come from the baseline towards the target: 0 at the
   * baseline, 1 at the target, below 0 when it went the wrong way. Null without readings or when
   * baseline and target are equal.
   */
  progress: number | null;
}

/** Readings of one KPI, oldest first; on one date the later entry in the list wins. */
export function readingsOf(kpiId: string, readings: readonly KpiReading[]): KpiReading[] {
  const byDate = new Map<string, KpiReading>();
  for (const reading of readings) if (reading.kpiId === kpiId) byDate.set(reading.date, reading);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * On track when the latest reading is better than the baseline (or at the target), off track
 * when it is at or worse than the baseline; met when it reaches the target.
 */
export function kpiStatus(kpi: KpiDefinition, readings: readonly KpiReading[]): KpiStatus {
  const own = readingsOf(kpi.id, readings);
  const latest = own.at(-1) ?? null;
  if (!latest) return { kind: 'no-readings', latest: null, progress: null };
  const better = (a: number, b: number) => (kpi.direction === 'higher' ? a > b : a < b);
  const span = kpi.target - kpi.baseline;
  const progress = span === 0 ? null : (latest.value - kpi.baseline) / span;
  const met = latest.value === kpi.target || better(latest.value, kpi.target);
  if (met) return { kind: 'met', latest, progress };
  return { kind: better(latest.value, kpi.baseline) ? 'on-track' : 'off-track', latest, progress };
}

export interface Sparkline {
  /** Points in a `width` × `height` box, y down, oldest reading on the left. */
  points: { x: number; y: number }[];
  /** Where the target sits in the same box (a dashed line in the panel). */
  targetY: number;
}

/**
 * Projects a KPI's readings into a small box. Time runs left to right by date (not by index),
 * values bottom to top over the range of readings, baseline and target together.
 */
export function deriveSparkline(
  kpi: KpiDefinition,
  readings: readonly KpiReading[],
  width: number,
  height: number,
): Sparkline {
  const own = readingsOf(kpi.id, readings);
  const values = [kpi.baseline, kpi.target, ...own.map((r) => r.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = (value: number) =>
    high === low ? height / 2 : ((high - value) / (high - low)) * height;
  const days = own.map((r) => Date.parse(`${r.date}T00:00:00Z`) / 86_400_000);
  const first = days[0] ?? 0;
  const last = days.at(-1) ?? 0;
  const x = (day: number) =>
    last === first ? width / 2 : ((day - first) / (last - first)) * width;
  return {
    points: own.map((reading, i) => ({ x: x(days[i] ?? first), y: y(reading.value) })),
    targetY: y(kpi.target),
  };
}
