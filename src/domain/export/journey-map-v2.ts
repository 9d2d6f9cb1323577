/**
 * Export format v2 — what Touchpoint writes (ARCHITECTURE.md §7, issue 14 §6): v1 plus the map's
 * journey insights (personas of the emotion curve, ratings, KPIs with readings, RACI, departments)
 * in `map.insights`; v1's unused `metrics` became KPIs (migration `KpisAndRatings`). Strict: every
 * field present unless marked optional; `public/schema/journey-map.v2.json` describes exactly this
 * shape. Once v2 ships, it only changes through a new version and a migration.
 *
 * Privacy: ratings carry a department, never who rated (no rater key, id or name); RACI names
 * departments, not people.
 */
import type { ExportSource, JourneyMapV1 } from './journey-map-v1';

export interface ExportCurvePersona {
  id: string;
  name: string;
  summary: string;
}

export type ExportCurveLine = 'as-is' | 'to-be';

/** One participant's rating of how a persona feels at a stage: −2 (very negative) … 2. */
export interface ExportRating {
  stageId: string;
  personaId: string;
  line: ExportCurveLine;
  value: -2 | -1 | 0 | 1 | 2;
  department: string | null;
}

export interface ExportKpiReading {
  value: number;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  source: string;
}

export interface ExportKpi {
  id: string;
  name: string;
  unit: string;
  /** Null for a KPI of the whole journey. */
  stageId: string | null;
  baseline: number;
  target: number;
  direction: 'higher' | 'lower';
  readings: ExportKpiReading[];
}

export interface ExportRaci {
  subject: { kind: 'stage' | 'action'; id: string };
  department: string;
  role: 'R' | 'A' | 'C' | 'I';
}

export interface ExportInsights {
  personas: ExportCurvePersona[];
  ratings: ExportRating[];
  kpis: ExportKpi[];
  raci: ExportRaci[];
  /** Departments that took part (picked by participants), sorted. */
  departments: string[];
}

export interface JourneyMapV2 extends Omit<JourneyMapV1, 'metrics'> {
  insights: ExportInsights;
}

export interface JourneyMapFileV2 {
  format: 'touchpoint.journey-map';
  version: 2;
  /** ISO 8601. */
  exportedAt: string;
  source: ExportSource;
  map: JourneyMapV2;
}

export const EMPTY_INSIGHTS: ExportInsights = {
  personas: [],
  ratings: [],
  kpis: [],
  raci: [],
  departments: [],
};
