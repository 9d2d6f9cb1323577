/**
 * What the Map tab says after a map job: the use cases' outcomes (app/map) as the tab's
 * `JobOutcome`s, every sentence in one place beside the tab.
 */
import type { MapOutcome } from '../../app/map/map-progress';
import type { RemoveMapOutcome } from '../../app/map/remove-map';
import { countOf, errorMessage } from '../../domain/common';
import type { TabMessage } from '../components/action-runner';
import type { JobOutcome } from './map-tab-model';

/** What the Map tab says when a map was written in full. */
export const MAP_DONE = {
  created: 'Map created on the board.',
  updated: 'Map updated on the board.',
} as const;

/** A facilitator the board gives no name. */
export const UNNAMED_PERSON = 'Someone';

/** Said of a map written only in part: "Update on board" writes the rest. */
const WRITTEN_IN_PART = 'Part of the map was written';
const UPDATE_FINISHES = 'Press “Update on board” to finish it.';

/** A create or update outcome; `done` is the sentence for a job that finished. */
export function mapJobOutcome(outcome: MapOutcome, done: string): JobOutcome {
  switch (outcome.status) {
    case 'done':
      return { status: 'done', message: done };
    case 'invalid':
      return { status: 'refused', problems: outcome.problems };
    case 'incomplete':
      return outcome.cancelled
        ? {
            status: 'cancelled',
            message: 'Stopped. What was written stays; “Update on board” finishes the map.',
          }
        : {
            status: 'partial',
            title: WRITTEN_IN_PART,
            message: `${outcome.messages.join(' ')} ${UPDATE_FINISHES}`,
          };
    case 'needs-confirmation':
      return {
        status: 'needs-confirmation',
        items: outcome.items.map((item) =>
          item.kind === 'stage'
            ? { id: item.stageId, kind: 'stage', name: item.name, notes: item.notes }
            : { id: item.laneId, kind: 'lane', name: item.name, notes: item.notes },
        ),
      };
    case 'not-found':
      return { status: 'refused', problems: [{ field: 'map', message: outcome.message }] };
    case 'failed':
      return outcome.changed
        ? {
            status: 'partial',
            title: WRITTEN_IN_PART,
            message: `${outcome.message} ${UPDATE_FINISHES}`,
          }
        : { status: 'refused', problems: [{ field: 'map', message: outcome.message }] };
  }
}

/** What "Remove map from board" did. */
export function removalOutcome(outcome: RemoveMapOutcome): JobOutcome {
  switch (outcome.status) {
    case 'done':
      return {
        status: 'done',
        message: outcome.keptFrame
          ? `Map removed. Its frame stays because it holds ${countOf(outcome.keptFrame.items, 'other item')}.`
          : 'Map removed from the board.',
      };
    case 'incomplete':
      return outcome.cancelled
        ? { status: 'cancelled', message: 'Stopped. Press “Remove map” again to finish.' }
        : // Its messages say that "Remove map" again finishes (not "Update on board").
          {
            status: 'partial',
            title: 'Part of the map was removed',
            message: outcome.messages.join(' '),
          };
    case 'not-found':
      return { status: 'refused', problems: [{ field: 'map', message: outcome.message }] };
  }
}

/**
 * What the tab shows after a job: each ending takes focus, as the outcome of what the facilitator
 * just did; a job that needs a confirmation asks for it instead (null).
 */
export function jobMessage(outcome: JobOutcome): TabMessage | null {
  switch (outcome.status) {
    case 'done':
      return { tone: 'success', title: outcome.message, focus: true };
    case 'partial':
      return { tone: 'warning', title: outcome.title, body: outcome.message, focus: true };
    case 'cancelled':
      return { tone: 'info', title: outcome.message, focus: true };
    case 'needs-confirmation':
      return null;
    case 'refused':
      return {
        tone: 'error',
        title: 'Nothing was changed on the board',
        body: outcome.problems.map((p) => p.message).join(' '),
        focus: true,
      };
  }
}

/** A read of the board that failed. */
export const couldNotRead = (error: unknown): TabMessage => ({
  tone: 'error',
  title: 'Could not read the board',
  body: errorMessage(error),
});
