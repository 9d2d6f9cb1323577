/**
 * What the Insights tab says after a board drawing (KPI cards, the RACI frame, the emotion curve):
 * the use cases' outcomes (app/insights) as the tab's `InsightsOutcome`s, every sentence in one
 * place beside the tab.
 */
import type { CurveOutcome, CurveSummary, RemoveCurveOutcome } from '../../app/insights/draw-curve';
import type { MapOutcome } from '../../app/map/map-progress';
import { departmentLabel } from '../../domain/insights/departments';
import type { DrawOutcome } from '../../app/insights/draw-kpi-cards';
import { countOf } from '../../domain/common';
import type { InsightsOutcome } from './insights-tab-model';

/** What a board drawing's outcome tells the facilitator. */
export function drawn(
  outcome: DrawOutcome | { status: 'empty'; message: string },
  what: string,
): InsightsOutcome {
  switch (outcome.status) {
    case 'done': {
      const counts = [
        [outcome.created, 'made'],
        [outcome.updated, 'updated'],
        [outcome.removed, 'removed'],
      ].flatMap(([n, word]) => (n === 0 ? [] : [`${n} ${word}`]));
      return {
        ok: true,
        changed: counts.length > 0,
        message:
          counts.length === 0
            ? `${what} on the board: already current, nothing changed.`
            : `${what} on the board: ${counts.join(', ')}.`,
      };
    }
    case 'incomplete':
      return { ok: false, message: outcome.messages.join(' ') };
    default:
      return { ok: false, message: outcome.message };
  }
}

const POINTS_ONLY =
  ' On MURAL the curve is points only: Touchpoint does not draw lines between widgets there yet.';

/** What a draw did, in the facilitator's words: what changed and what did not. */
function describeCurve(summary: CurveSummary, first: boolean): string {
  const lines = summary.linesSkipped ? '' : ` and ${countOf(summary.lines, 'line')}`;
  const changes = [
    summary.moved > 0 ? `${countOf(summary.moved, 'point')} moved` : '',
    summary.added > 0 ? `${summary.added} added` : '',
    summary.removed > 0 ? `${summary.removed} removed` : '',
    summary.linesDrawn > 0 && !first ? `${countOf(summary.linesDrawn, 'line')} redrawn` : '',
  ].filter(Boolean);
  const tail = summary.linesSkipped ? POINTS_ONLY : '';
  if (first) return `Curve drawn on the board: ${countOf(summary.points, 'point')}${lines}.${tail}`;
  if (changes.length === 0)
    return `The curve on the board is up to date (${countOf(summary.points, 'point')}${lines}); nothing changed.${tail}`;
  return `Curve updated: ${changes.join(', ')}; ${summary.unchanged} unchanged.${tail}`;
}

export function curveOutcome(outcome: CurveOutcome, first: boolean): InsightsOutcome {
  switch (outcome.status) {
    case 'done':
      return { ok: true, message: describeCurve(outcome.summary, first) };
    case 'incomplete':
      return {
        ok: false,
        message:
          `${outcome.cancelled ? 'Stopped: only part' : 'Only part'} of the curve was drawn; “Update curve” finishes it. ${outcome.messages.slice(0, 2).join(' ')}`.trim(),
      };
    case 'refused':
      return { ok: false, message: outcome.message };
    case 'failed':
      return { ok: false, message: outcome.message };
  }
}

export const curveRemoved = (outcome: RemoveCurveOutcome): InsightsOutcome =>
  outcome.status === 'done'
    ? {
        ok: true,
        message: `The curve was removed from the board (${countOf(outcome.removed, 'point')} and their lines).`,
      }
    : { ok: false, message: outcome.messages.join(' ') };

/** After a KPI or reading was saved and the KPI cards on the board were redrawn (`cards`). */
export const cardsFollowed = (cards: InsightsOutcome): InsightsOutcome =>
  cards.ok
    ? { ok: true, message: 'Saved; the KPI cards on the board are updated.' }
    : {
        ok: false,
        message: `Saved, but the KPI cards on the board were not updated: ${cards.message}`,
      };

/** A RACI change saved; `owner` is the action's owner team it set, if any. */
export const raciSaved = (owner: string | null): InsightsOutcome =>
  owner === null
    ? { ok: true }
    : {
        ok: true,
        message: `The action's owner team is now ${departmentLabel(owner)}, from its RACI row.`,
      };

/** "Add an Emotions lane": the map update's outcome, or `already` when the map has one. */
export function emotionsLaneOutcome(outcome: MapOutcome | 'already'): InsightsOutcome {
  if (outcome === 'already') return { ok: true, message: 'The map already has an Emotions lane.' };
  switch (outcome.status) {
    case 'done':
      return {
        ok: true,
        message: 'An Emotions lane was added at the bottom of the map; draw the curve in it now.',
      };
    case 'invalid':
      return { ok: false, message: outcome.problems.map((p) => p.message).join(' ') };
    case 'incomplete':
      return {
        ok: false,
        message:
          `The lane was added only in part; “Update on board” in the Map tab finishes it. ${outcome.messages.join(' ')}`.trim(),
      };
    case 'needs-confirmation':
      return { ok: false, message: 'The map changed meanwhile; look at it in the Map tab.' };
    default:
      return { ok: false, message: outcome.message };
  }
}
