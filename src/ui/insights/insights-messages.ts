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
import type { TabMessage } from '../components/action-runner';
import type { InsightsOutcome } from './insights-tab-model';

/** A change whose use case failed outright: the board did not confirm it, and why. */
export const notConfirmed = (why: string): TabMessage => ({
  tone: 'error',
  title: 'Not confirmed',
  body: `The board did not confirm the change (${why}). What it holds now is shown.`,
});

/** A change the board or the rules refused: nothing was saved, and why. */
export const notSaved = (why: string): TabMessage => ({
  tone: 'error',
  title: 'Not saved',
  body: why,
});

/** A failed change: what did not happen (a refused save unless the outcome says), and why. */
export const notDone = (outcome: { message: string; title?: string }): TabMessage =>
  outcome.title === undefined
    ? notSaved(outcome.message)
    : { tone: 'error', title: outcome.title, body: outcome.message };

/**
 * What the tab says after a change: a failure's notice, a warning the use case gave, or its own
 * message (else `success`); null when there is nothing to say.
 */
export function outcomeMessage(outcome: InsightsOutcome, success?: string): TabMessage | null {
  if (!outcome.ok) return notDone(outcome);
  if (outcome.warning && outcome.message) return { tone: 'warning', title: outcome.message };
  const title = outcome.message ?? success;
  return title ? { tone: 'success', title } : null;
}

/** Who may draw on the board or change the map refused this user: the refusal says who may. */
export const facilitatorsOnly = (reason: string): InsightsOutcome => ({
  ok: false,
  title: 'Facilitators only',
  message: reason,
});

/**
 * The KPI cards a facilitator's open panel redraws by itself (after a participant's reading) could
 * not follow: nothing the facilitator did was refused, the cards on the board are behind. `why` is
 * a sentence.
 */
export const cardsBehind = (why: string): TabMessage => ({
  tone: 'warning',
  title: 'KPI cards not updated',
  body: `${why} “Show KPIs on the board” draws them again.`,
});

/** What a board drawing's outcome tells the facilitator; `done` is what the use case did. */
export function drawn(
  outcome: DrawOutcome | { status: 'empty'; message: string },
  what: string,
  done: 'drawn' | 'removed' = 'drawn',
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
      return { ok: false, title: `${what} ${done} in part`, message: outcome.messages.join(' ') };
    default:
      return { ok: false, title: `${what} not ${done}`, message: outcome.message };
  }
}

/** Said where the board draws no lines (`limits.connectors` false), after a sentence. */
export const POINTS_ONLY =
  ' This board draws no lines between items, so the curve is drawn as points only.';

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
        title: 'Curve drawn in part',
        message:
          `${outcome.cancelled ? 'Stopped: only part' : 'Only part'} of the curve was drawn; “Update curve” finishes it. ${outcome.messages.slice(0, 2).join(' ')}`.trim(),
      };
    case 'refused':
    case 'failed':
      return { ok: false, title: 'Curve not drawn', message: outcome.message };
  }
}

export const curveRemoved = (outcome: RemoveCurveOutcome): InsightsOutcome =>
  outcome.status === 'done'
    ? {
        ok: true,
        message: `The curve was removed from the board (${countOf(outcome.removed, 'point')} and their lines).`,
      }
    : { ok: false, title: 'Curve removed in part', message: outcome.messages.join(' ') };

/** After a KPI or reading was saved and the KPI cards on the board were redrawn (`cards`). */
export const cardsFollowed = (cards: InsightsOutcome): InsightsOutcome =>
  cards.ok
    ? { ok: true, message: 'Saved; the KPI cards on the board are updated.' }
    : {
        // The KPI or reading is saved: the form is done with it, a second save would add another.
        ok: true,
        warning: true,
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

const LANE_WORDS = {
  emotions: {
    already: 'The map already has an Emotions lane.',
    done: 'An Emotions lane was added at the bottom of the map; draw the curve in it now.',
    what: 'The lane',
    name: 'Emotions lane',
  },
  kpis: {
    already: 'The map already has a KPI row.',
    done: 'A KPI row was added under the stage headers; the KPI cards go in it.',
    what: 'The KPI row',
    name: 'KPI row',
  },
} as const;

/**
 * "Add an Emotions lane" / "Add a KPI row": the map update's outcome, or `already` when the map
 * has one (`changed: false`).
 */
export function laneAddedOutcome(
  kind: keyof typeof LANE_WORDS,
  outcome: MapOutcome | 'already',
): InsightsOutcome {
  const words = LANE_WORDS[kind];
  const notAdded = `${words.name} not added`;
  if (outcome === 'already') return { ok: true, changed: false, message: words.already };
  switch (outcome.status) {
    case 'done':
      return { ok: true, message: words.done };
    case 'invalid':
      return {
        ok: false,
        title: notAdded,
        message: outcome.problems.map((p) => p.message).join(' '),
      };
    case 'incomplete':
      return {
        ok: false,
        title: `${words.name} added in part`,
        message:
          `${words.what} was added only in part; “Update on board” in the Map tab finishes it. ${outcome.messages.join(' ')}`.trim(),
      };
    case 'needs-confirmation':
      return {
        ok: false,
        title: notAdded,
        message: 'The map changed meanwhile; look at it in the Map tab.',
      };
    default:
      return { ok: false, title: notAdded, message: outcome.message };
  }
}

/** A lane added, then what the insights drew in the rows that moved (cards, the curve) redrawn. */
export function afterLaneAdded(
  added: InsightsOutcome,
  follow: readonly InsightsOutcome[],
): InsightsOutcome {
  const failed = follow.find((f) => !f.ok);
  if (failed)
    return {
      ok: false,
      title: 'Drawings not moved',
      message:
        `${added.message ?? ''} The drawings below it did not all follow: ${failed.message} Draw them again.`.trim(),
    };
  const moved = follow.some((f) => f.ok && f.changed !== false);
  return moved
    ? { ...added, message: `${added.message ?? ''} What was drawn below it moved along.`.trim() }
    : added;
}
