/**
 * Adapts the stage use cases (app/stages) to what the Stages tab declares (`StagesUseCases`):
 * one session per opened tab, outcomes turned into the tab's messages (ui/stages/stages-messages.ts),
 * and the automatic snapshot of
 * app/export taken before "Tag by position".
 */
import { mayProceed, takeAutoSnapshot } from '../../app/export/snapshots';
import type { StageMapView, StageViewState } from '../../app/stages/stage-view';
import { createStagesSession, type StagesSession } from '../../app/stages/stages-session';
import type { Workshop } from '../../app/workshop';
import {
  conflictMessage,
  tagByPositionMessage,
  tagMessage,
  undoMessage,
  UNKNOWN_STAGE,
} from '../../ui/stages/stages-messages';
import type {
  StagesConnection,
  StagesMap,
  StagesSnapshot,
  StagesUseCases,
} from '../../ui/stages/stages-tab-model';

function toStagesMap(map: StageMapView, session: StagesSession): StagesMap {
  const { spec } = map.record;
  const stageNames = new Map(spec.stages.map((s) => [s.id, s.name]));
  const named = (id: string) => ({ id, name: stageNames.get(id) ?? id });
  const { summary } = map;
  return {
    id: spec.id,
    title: spec.title,
    stages: summary.perStage.map(({ stageId, name, count, byTag, byPosition }) => ({
      id: stageId,
      name,
      count,
      byTag,
      byPosition,
    })),
    notesInMap: summary.notesInMap,
    undecided: summary.undecidedInMap.length,
    outsideFrame: summary.outsideFrame.length,
    otherMapsNotes: summary.otherMapsNotes.length,
    untaggedIds: summary.untaggedInMap,
    // Undecided notes are untagged ones outside every cell.
    untaggedInCells: summary.untaggedInMap.length - summary.undecidedInMap.length,
    conflicts: summary.conflicts.map((c) => ({
      noteId: c.itemId,
      text: session.view.item(c.itemId)?.text ?? '',
      kind: c.conflict,
      tagStages: c.tagStageIds.map(named),
      positionStage: c.positionStageId === null ? null : named(c.positionStageId),
    })),
  };
}

function toSnapshot(state: StageViewState, session: StagesSession): StagesSnapshot {
  if (state.status !== 'ready') return state;
  return {
    status: 'ready',
    maps: state.maps.map((m) => toStagesMap(m, session)),
    selectedNotes: state.selectedNoteIds.length,
  };
}

export function openStages(workshop: Workshop): StagesConnection {
  // Why the last automatic snapshot was skipped (history off): said after the change.
  let snapshotSkipped: string | null = null;
  const session = createStagesSession(workshop.board, {
    boardId: workshop.info.id,
    db: workshop.local.db,
    storageProblem: workshop.local.problem,
    async beforeBulkChange(change) {
      // Kept in the history of the map it protects (issue 9 §4).
      const result = await takeAutoSnapshot(workshop, change.reason, {
        items: session.view.items(),
        mapId: change.mapId,
      });
      // A full disk stops the change before its first write; history being off does not.
      if (!mayProceed(result)) throw new Error(result.message);
      snapshotSkipped = result.status === 'unavailable' ? result.message : null;
    },
  });
  const stageName = (mapId: string, stageId: string) =>
    session.view.map(mapId)?.record.spec.stages.find((s) => s.id === stageId)?.name ??
    UNKNOWN_STAGE;

  return {
    subscribe(fn) {
      fn(toSnapshot(session.view.state(), session));
      return session.view.subscribe((state) => fn(toSnapshot(state, session)));
    },
    async tagSelection(mapId, stageId) {
      return tagMessage(await session.tagSelection(mapId, stageId), stageName(mapId, stageId));
    },
    async fixConflict(mapId, noteId, choice) {
      return conflictMessage(await session.fixConflict(mapId, noteId, choice));
    },
    selectNotes: (ids) => session.selectNotes(ids),
    async tagByPosition(mapId, hooks) {
      snapshotSkipped = null;
      const outcome = await session.tagByPosition(mapId, {
        signal: hooks.signal,
        onProgress: (p) => hooks.onProgress(p.done, p.total),
      });
      return tagByPositionMessage(outcome, snapshotSkipped);
    },
    undoStatus: (mapId) => session.undoStatus(mapId),
    async undoTagByPosition(mapId, hooks) {
      return undoMessage(
        await session.undoTagByPosition(
          { signal: hooks.signal, onProgress: (p) => hooks.onProgress(p.done, p.total) },
          mapId,
        ),
      );
    },
    close: () => session.close(),
  };
}

export const stagesUseCases: StagesUseCases = { open: openStages };
