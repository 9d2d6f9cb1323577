/**
 * Adapts the grouping use cases (app/grouping) to what the Group tab declares (`GroupUseCases`):
 * one session per opened tab, outcomes turned into the tab's messages (ui/group/group-messages.ts),
 * and the automatic snapshot of
 * app/export taken before "Apply to board".
 */
import { mayProceed, takeAutoSnapshot } from '../../app/export/snapshots';
import { guard } from '../../app/roles/facilitators';
import { createGroupingSession, type GroupingSession } from '../../app/grouping/grouping-session';
import type { StageViewState } from '../../app/stages/stage-view';
import type { Workshop } from '../../app/workshop';
import { applyMessage, resumeMessage, undoMessage } from '../../ui/group/group-messages';
import type { GroupConnection, GroupSnapshot, GroupUseCases } from '../../ui/group/group-tab-model';

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

export function openGroup(workshop: Workshop): GroupConnection {
  let snapshotSkipped: string | null = null;
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
      if (!mayProceed(result)) throw new Error(result.message);
      snapshotSkipped = result.status === 'unavailable' ? result.message : null;
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
      snapshotSkipped = null;
      const allowed = await guard(workshop.board, workshop.user, 'apply-groups');
      if (!allowed.ok) return applyMessage({ status: 'refused', message: allowed.reason }, null);
      return applyMessage(
        await session.apply(scope, preview, settings, hooksOf(hooks)),
        snapshotSkipped,
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
