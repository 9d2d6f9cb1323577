/**
 * What the Stages tab says after tagging, tagging by position, undo and settling a conflict: the
 * use cases' outcomes (app/stages) as the tab's messages, every sentence in one place.
 */
import type { TagByPositionOutcome, UndoOutcome } from '../../app/stages/tag-by-position';
import type { TagOutcome } from '../../app/stages/tag-notes';
import { failureSummary, noSnapshotNote } from '../failure-summary';
import type { TabMessage } from '../components/action-runner';
import { notes } from './stages-text';

const failures = failureSummary;

/** How a message names a stage that is gone from its map. */
export const UNKNOWN_STAGE = 'the stage';

export function tagMessage(outcome: TagOutcome, stageName: string): TabMessage {
  if (outcome.cancelled) return { tone: 'info', title: 'Stopped.' };
  if (outcome.failed.length > 0)
    return {
      tone: 'warning',
      title: `Tagged ${notes(outcome.changed)} as ${stageName}; some could not be tagged`,
      body: failures(outcome.failed),
    };
  if (outcome.changed === 0 && outcome.unchanged === 0)
    return { tone: 'info', title: 'Select sticky notes on the board first.' };
  if (outcome.changed === 0)
    return { tone: 'info', title: `Already tagged ${stageName}: nothing changed.` };
  return {
    tone: 'success',
    title: `Tagged ${notes(outcome.changed)} as ${stageName}.`,
    body: outcome.unchanged > 0 ? `${notes(outcome.unchanged)} already were.` : undefined,
  };
}

export function tagByPositionMessage(
  outcome: TagByPositionOutcome,
  snapshotSkipped: string | null,
) {
  const undoNote = (journalId: number | null) =>
    journalId === null ? '' : ' “Undo tag by position” puts their tags back.';
  const extra = snapshotSkipped ? ` ${noSnapshotNote(snapshotSkipped)}` : '';
  switch (outcome.status) {
    case 'nothing-to-do':
      return { tone: 'info', title: 'No untagged notes sit in a cell.' } as const;
    case 'refused':
      return { tone: 'error', title: 'Nothing was tagged', body: outcome.message } as const;
    case 'cancelled':
      return {
        tone: 'info',
        title: `Stopped after tagging about ${notes(outcome.tagged)}.`,
        body: (undoNote(outcome.journalId) + extra).trim() || undefined,
      } as const;
    case 'partial':
      return {
        tone: 'warning',
        title: `Tagged ${outcome.tagged} of ${notes(outcome.planned)} by position`,
        body: `${failures(outcome.failed)}${undoNote(outcome.journalId)}${extra}`,
      } as const;
    case 'done':
      return {
        tone: 'success',
        title: `Tagged ${notes(outcome.tagged)} by position.`,
        body: (undoNote(outcome.journalId) + extra).trim() || undefined,
      } as const;
  }
}

export function undoMessage(outcome: UndoOutcome): TabMessage {
  switch (outcome.status) {
    case 'nothing-to-undo':
      return { tone: 'info', title: 'There is no tag by position to undo.' };
    case 'blocked':
      return { tone: 'warning', title: 'Nothing was undone.', body: outcome.message };
    case 'cancelled':
      return {
        tone: 'info',
        title: 'Undo stopped.',
        body: 'Some notes have their tags back; press Undo again to finish.',
      };
    case 'partial':
      return {
        tone: 'warning',
        title: `Restored the tags of ${notes(outcome.restored)}; some could not be restored`,
        body: `${failures(outcome.failed)} Undo stays available for the rest.`,
      };
    case 'done':
      return { tone: 'success', title: `Restored the tags of ${notes(outcome.restored)}.` };
  }
}

export function conflictMessage(outcome: TagOutcome): TabMessage {
  if (outcome.failed.length > 0)
    return {
      tone: 'warning',
      title: 'The conflict is not settled',
      body: failures(outcome.failed),
    };
  return outcome.changed > 0
    ? { tone: 'success', title: 'Conflict settled.' }
    : { tone: 'info', title: 'Nothing needed changing.' };
}
