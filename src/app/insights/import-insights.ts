/**
 * The import hook (issue 9 §3, issue 14 §6): a file's insights put back on a board, idempotently —
 * what is already there is left as it is, ids come from the file, so importing again (the repair
 * of an interrupted import) adds only what is missing.
 *
 * Ratings came without their raters (files never say who rated): they are stored under rater keys
 * `imported/<n>`, the n-th rating of each cell under the n-th key, so every cell keeps each
 * rating and a participant's own ratings stay their own.
 */
import type { ExportInsights } from '../../domain/export/journey-map';
import { validateRating, type EmotionRating } from '../../domain/insights/emotion';
import { claimSlot } from '../voting/slot-list';
import {
  encodeReading,
  insights,
  keys,
  loadKpis,
  loadPersonas,
  raterOf,
  readRaciRow,
} from './insights-store';
import { saveKpi, savePersonas } from './insights-writes';
import type { Board } from '../../board/port';

export interface ImportedInsights {
  personas: number;
  ratings: number;
  kpis: number;
  raci: number;
  warnings: string[];
}

export async function importInsights(
  board: Board,
  mapId: string,
  stageIds: readonly string[],
  data: ExportInsights,
  now: string,
): Promise<ImportedInsights> {
  const out: ImportedInsights = { personas: 0, ratings: 0, kpis: 0, raci: 0, warnings: [] };
  const shared = insights(board);

  if (data.personas.length > 0 && (await loadPersonas(board, mapId)).values.length === 0) {
    const saved = await savePersonas(board, mapId, data.personas);
    if (saved.ok) out.personas = saved.value.length;
    else out.warnings.push(saved.message);
  }

  // Ratings: the n-th of each cell goes to rater `imported/<n>`.
  const byRater = new Map<string, EmotionRating[]>();
  const seen = new Map<string, number>();
  for (const r of data.ratings) {
    const cell = `${r.stageId}\u0000${r.personaId}\u0000${r.line}`;
    const n = seen.get(cell) ?? 0;
    seen.set(cell, n + 1);
    const raterKey = raterOf('imported', String(n + 1));
    const checked = validateRating({ ...r, mapId, raterKey, updatedAt: now });
    if (!checked.ok) continue;
    byRater.set(raterKey, [...(byRater.get(raterKey) ?? []), checked.rating]);
  }
  for (const [raterKey, ratings] of byRater) {
    const key = keys.rating(mapId, raterKey);
    await claimSlot(shared, keys.raters(mapId), raterKey);
    if ((await shared.get(key)) !== undefined) continue;
    await shared.set(key, { ratings });
    out.ratings += ratings.length;
  }

  const present = new Set((await loadKpis(board, mapId, stageIds)).values.kpis.map((k) => k.id));
  for (const kpi of data.kpis) {
    if (!present.has(kpi.id)) {
      const { readings: _readings, ...definition } = kpi;
      const saved = await saveKpi(board, mapId, stageIds, definition);
      if (!saved.ok) {
        out.warnings.push(saved.message);
        continue;
      }
      out.kpis += 1;
    }
    // Readings have ids from the file's position, so a repeat claims the same entries.
    for (const [i, reading] of kpi.readings.entries())
      await claimSlot(
        shared,
        keys.readings(mapId, kpi.id),
        encodeReading({ ...reading, kpiId: kpi.id, id: `imp-${kpi.id}-${i + 1}` }),
      );
  }

  const rows = new Map<string, ExportInsights['raci']>();
  for (const r of data.raci) {
    const k = `${r.subject.kind}\u0000${r.subject.id}`;
    rows.set(k, [...(rows.get(k) ?? []), r]);
  }
  for (const row of rows.values()) {
    const subject = row[0]!.subject;
    const key = keys.raci(mapId, subject);
    if (readRaciRow(subject, await shared.get(key)).length > 0) continue;
    await shared.set(key, Object.fromEntries(row.map((r) => [r.department, r.role])));
    out.raci += row.length;
  }
  return out;
}
