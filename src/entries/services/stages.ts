/**
 * Adapts the stage use cases (app/stages) to what the Stages tab declares (`StagesUseCases`):
 * one session per opened tab, outcomes turned into messages, and the automatic snapshot of
 * app/export taken before "Tag by position".
 */
import { countOf } from '../../domain/common';
import { takeAutoSnapshot } from '../../app/export/snapshots';
import type { StageMapView, StageViewState } from '../../app/stages/stage-view';
import { createStagesSession, type StagesSession } from '../../app/stages/stages-session';
import type { TagByPositionOutcome, UndoOutcome } from '../../app/stages/tag-by-position';
import type { TagOutcome } from '../../app/stages/tag-notes';
import type { Workshop } from '../../app/workshop';
import type {
  StagesConnection,
  StagesMap,
  StagesOutcome,
  StagesSnapshot,
  StagesUseCases,
} from '../../ui/stages/stages-tab-model';

const notes = (n: number) => countOf(n, 'note');
const failures = (failed: readonly { message: string }[]) =>
  failed
    .slice(0, 3)
    .map((f) => f.message)
    .join(' ') + (failed.length > 3 ? ` …and ${failed.length - 3} more.` : '');

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

function tagMessage(outcome: TagOutcome, stageName: string): StagesOutcome {
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

function tagByPositionMessage(outcome: TagByPositionOutcome, snapshotNote: string | null) {
  const undoNote = (journalId: number | null) =>
    journalId === null ? '' : ' “Undo tag by position” puts their tags back.';
  const extra = snapshotNote ? ` ${snapshotNote}` : '';
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

function undoMessage(outcome: UndoOutcome): StagesOutcome {
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

export function openStages(workshop: Workshop): StagesConnection {
  // Why the last automatic snapshot was skipped (history off): said after the change.
  let snapshotNote: string | null = null;
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
      if (result.status === 'failed') throw new Error(result.message);
      snapshotNote =
        result.status === 'unavailable' ? `No automatic snapshot: ${result.message}` : null;
    },
  });
  const stageName = (mapId: string, stageId: string) =>
    session.view.map(mapId)?.record.spec.stages.find((s) => s.id === stageId)?.name ?? 'the stage';

  return {
    subscribe(fn) {
      fn(toSnapshot(session.view.state(), session));
      return session.view.subscribe((state) => fn(toSnapshot(state, session)));
    },
    async tagSelection(mapId, stageId) {
      return tagMessage(await session.tagSelection(mapId, stageId), stageName(mapId, stageId));
    },
    async fixConflict(mapId, noteId, choice) {
      const outcome = await session.fixConflict(mapId, noteId, choice);
      if (outcome.failed.length > 0)
        return {
          tone: 'warning',
          title: 'The conflict is not settled',
          body: failures(outcome.failed),
        };
      return outcome.changed > 0
        ? { tone: 'success', title: 'Conflict settled.' }
        : { tone: 'info', title: 'Nothing needed changing.' };
    },
    selectNotes: (ids) => session.selectNotes(ids),
    async tagByPosition(mapId, hooks) {
      snapshotNote = null;
      const outcome = await session.tagByPosition(mapId, {
        signal: hooks.signal,
        onProgress: (p) => hooks.onProgress(p.done, p.total),
      });
      return tagByPositionMessage(outcome, snapshotNote);
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
