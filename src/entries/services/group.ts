/**
 * Adapts the grouping use cases (app/grouping) to what the Group tab declares (`GroupUseCases`):
 * one session per opened tab, outcomes turned into messages, and the automatic snapshot of
 * app/export taken before "Apply to board".
 */
import { countOf } from '../../domain/common';
import { takeAutoSnapshot } from '../../app/export/snapshots';
import type { ApplyOutcome, ResumeOutcome, UndoOutcome } from '../../app/grouping/apply-groups';
import { guard } from '../../app/roles/facilitators';
import { createGroupingSession, type GroupingSession } from '../../app/grouping/grouping-session';
import type { StageViewState } from '../../app/stages/stage-view';
import type { Workshop } from '../../app/workshop';
import type {
  GroupConnection,
  GroupOutcome,
  GroupSnapshot,
  GroupUseCases,
} from '../../ui/group/group-tab-model';

const notes = (n: number) => countOf(n, 'note');
const failures = (failed: readonly { message: string }[]) =>
  failed
    .slice(0, 3)
    .map((f) => f.message)
    .join(' ') + (failed.length > 3 ? ` …and ${failed.length - 3} more.` : '');

function toSnapshot(state: StageViewState): GroupSnapshot {
  if (state.status !== 'ready') return state;
  return {
    status: 'ready',
    maps: state.maps.map(({ record: { spec } }) => ({
      id: spec.id,
      title: spec.title,
      stages: spec.stages.map(({ id, name }) => ({ id, name })),
      lanes: spec.lanes.map(({ id, name }) => ({ id, name })),
    })),
    selectedNotes: state.selectedNoteIds.length,
  };
}

export function applyMessage(outcome: ApplyOutcome, snapshotNote: string | null): GroupOutcome {
  const extra = snapshotNote ? ` ${snapshotNote}` : '';
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

function resumeMessage(outcome: ResumeOutcome): GroupOutcome {
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

function undoMessage(outcome: UndoOutcome): GroupOutcome {
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

export function openGroup(workshop: Workshop): GroupConnection {
  let snapshotNote: string | null = null;
  const session: GroupingSession = createGroupingSession(workshop.board, {
    boardId: workshop.info.id,
    db: workshop.local.db,
    storageProblem: workshop.local.problem,
    async beforeApply(noteIds, mapId) {
      // Kept in the history of the map it protects: the scope's map, or the maps of the
      // selected notes (issue 9 §4).
      const result = await takeAutoSnapshot(workshop, 'before applying groups', {
        items: session.view.items(),
        ...(mapId === null ? { noteIds } : { mapId }),
      });
      // A full disk stops the change before its first write; history being off does not.
      if (result.status === 'failed') throw new Error(result.message);
      snapshotNote =
        result.status === 'unavailable' ? `No automatic snapshot: ${result.message}` : null;
    },
  });
  const hooksOf = (hooks: { signal: AbortSignal; onProgress: (d: number, t: number) => void }) => ({
    signal: hooks.signal,
    onProgress: (p: { done: number; total: number }) => hooks.onProgress(p.done, p.total),
  });
  return {
    subscribe(fn) {
      fn(toSnapshot(session.view.state()));
      return session.view.subscribe((state) => fn(toSnapshot(state)));
    },
    notes: (scope) => session.notes(scope).map((n) => ({ id: n.id, text: n.text })),
    handMadePins: (scope) => session.handMadePins(scope),
    group: (scope, request) => session.group(scope, request),
    split: (preview, groupId) => session.split(preview, groupId),
    async apply(scope, preview, settings, hooks) {
      snapshotNote = null;
      const allowed = await guard(workshop.board, workshop.user, 'apply-groups');
      if (!allowed.ok) return { tone: 'error', title: 'Nothing was moved', body: allowed.reason };
      return applyMessage(
        await session.apply(scope, preview, settings, hooksOf(hooks)),
        snapshotNote,
      );
    },
    async resume(hooks) {
      return resumeMessage(await session.resume(hooksOf(hooks)));
    },
    async undo(hooks) {
      return undoMessage(await session.undo(hooksOf(hooks)));
    },
    undoStatus: () => session.undoStatus(),
    close: () => session.close(),
  };
}

export const groupUseCases: GroupUseCases = { open: openGroup };
