/**
 * What the Group tab says after a run, a split, apply, resume and undo: the use cases' outcomes
 * (app/grouping) as the tab's messages, every sentence in one place.
 */
import type { ApplyOutcome, ResumeOutcome, UndoOutcome } from '../../app/grouping/apply-groups';
import { countOf, errorMessage } from '../../domain/common';
import { failureSummary, noSnapshotNote } from '../failure-summary';
import type { TabMessage } from '../components/action-runner';

const notes = (n: number) => countOf(n, 'note');
const failures = failureSummary;

export function applyMessage(outcome: ApplyOutcome, snapshotSkipped: string | null): TabMessage {
  const extra = snapshotSkipped ? ` ${noSnapshotNote(snapshotSkipped)}` : '';
  switch (outcome.status) {
    case 'nothing-to-do':
      return { tone: 'info', title: 'Every note is already where its group puts it.' };
    case 'refused':
      return { tone: 'error', title: 'Nothing was moved', body: outcome.message };
    case 'cancelled':
      return {
        tone: 'info',
        title: 'Stopped partway.',
        body: `“Resume” finishes the grouping; “Undo grouping” puts the notes back.${extra}`,
      };
    case 'partial':
      // Every write went through, but the grouping could not be recorded (a notice says why).
      if (outcome.failed.length === 0)
        return {
          tone: 'warning',
          title: `Grouped ${notes(outcome.moved)} on the board; not recorded yet`,
          body: `${outcome.notices.join(' ')}${extra}`,
        };
      return {
        tone: 'warning',
        title: `Moved ${outcome.moved} of ${notes(outcome.planned)}; the board stopped some writes`,
        body: `${failures(outcome.failed)} “Resume” finishes the grouping; “Undo grouping” puts the notes back.${extra}`,
      };
    case 'done': {
      const undo = outcome.journalId === null ? '' : ' “Undo grouping” puts them back.';
      return {
        tone: 'success',
        title: `Grouped ${notes(outcome.moved)} on the board.`,
        body: `${outcome.notices.join(' ')}${undo}${extra}`.trim() || undefined,
      };
    }
  }
}

export function resumeMessage(outcome: ResumeOutcome): TabMessage {
  switch (outcome.status) {
    case 'nothing-to-resume':
      return { tone: 'info', title: 'There is no unfinished grouping.' };
    case 'cancelled':
      return { tone: 'info', title: 'Stopped. Press “Resume” again to finish.' };
    case 'partial':
      return {
        tone: 'warning',
        title: 'The grouping is still not finished',
        body: `${failures(outcome.failed)} Press “Resume” again in a minute.`,
      };
    case 'done':
      return { tone: 'success', title: 'Grouping finished.' };
  }
}

export function undoMessage(outcome: UndoOutcome): TabMessage {
  switch (outcome.status) {
    case 'nothing-to-undo':
      return { tone: 'info', title: 'There is no grouping to undo.' };
    case 'cancelled':
      return { tone: 'info', title: 'Undo stopped. Press “Undo grouping” again to finish.' };
    case 'partial':
      return {
        tone: 'warning',
        title: `Put back ${notes(outcome.restored)}; some could not be restored yet`,
        body: `${failures(outcome.failed)} Press “Undo grouping” again to finish.`,
      };
    case 'done':
      return {
        tone: 'success',
        title: `Put ${notes(outcome.restored)} back where they were.`,
        body:
          outcome.removedLabels > 0
            ? `Removed ${countOf(outcome.removedLabels, 'label')}.`
            : undefined,
      };
  }
}

/** Meaning mode fell back to shared words; the notice says why. */
export const sharedWordsMessage = (notice: string): TabMessage => ({
  tone: 'warning',
  title: 'Grouped by shared words',
  body: notice,
});

/** A run that ended without a preview: stopped, or failed. */
export const groupingFailedMessage = (error: unknown): TabMessage =>
  error instanceof Error && error.name === 'ClusterCancelledError'
    ? { tone: 'info', title: 'Grouping stopped.' }
    : { tone: 'error', title: 'Grouping failed', body: errorMessage(error) };

export const cannotSplitMessage: TabMessage = {
  tone: 'info',
  title: 'This group cannot be split further.',
};

export const splitFailedMessage = (error: unknown): TabMessage => ({
  tone: 'error',
  title: 'Splitting failed',
  body: errorMessage(error),
});
