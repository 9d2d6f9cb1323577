/**
 * What the Map tab says after a map job: the use cases' outcomes (app/map) as the tab's
 * `JobOutcome`s, every sentence in one place beside the tab.
 */
import type { MapOutcome } from '../../app/map/map-progress';
import type { RemoveMapOutcome } from '../../app/map/remove-map';
import { countOf } from '../../domain/common';
import type { JobOutcome } from './map-tab-model';

/** A create or update outcome; `done` is the sentence for a job that finished. */
/** What the Map tab says when a map was written in full. */
export const MAP_DONE = {
  created: 'Map created on the board.',
  updated: 'Map updated on the board.',
} as const;

/** A facilitator the board gives no name. */
export const UNNAMED_PERSON = 'Someone';

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
        : { status: 'partial', message: outcome.messages.join(' ') };
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
        ? { status: 'partial', message: outcome.message }
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
        : { status: 'partial', message: outcome.messages.join(' ') };
    case 'not-found':
      return { status: 'refused', problems: [{ field: 'map', message: outcome.message }] };
  }
}
