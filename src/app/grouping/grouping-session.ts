/**
 * One panel's Group tab on one board: the live stage view (which notes are in which stage and
 * lane), the engine through the cluster client (a Web Worker above 300 notes), and apply, resume
 * and undo with the journal. Storage is optional: without IndexedDB grouping applies, without undo.
 */
import type { Board, BoardItem } from '../../board/port';
import type { ApplyGroupsSettings } from '../../domain/grouping-layout/plan-group-moves';
import {
  engineOptions,
  pinsInScope,
  teamGroupPins,
  toNoteInputs,
} from '../../domain/clustering/run-inputs';
import { createJournalStore, type TouchpointDatabase } from '../../storage';
import { createStageView, type StageView } from '../stages/stage-view';
import type { ApplyOutcome, BatchHooks, ResumeOutcome, UndoOutcome } from './apply-groups';
import { createClusterClient, type ClusterClient } from './cluster-client';
import { createMeaningClient, type MeaningClient, type MeaningPhase } from './meaning-client';
import { splitGroup, type GroupingPreview } from '../../domain/clustering/grouping-preview';
import {
  applyInScope,
  groupingUndoStatus,
  resumeGrouping,
  undoGrouping,
  type GroupingBatchContext,
  type GroupingBatchOptions,
  type GroupingUndoStatus,
} from './grouping-batches';
import { lexicalRun, meaningRun, type GroupRun } from './grouping-run';
import { findHandMadeGroups, notesInScope, scopeMapId, type GroupingScope } from './grouping-scope';

export interface GroupRunSettings {
  /** −1 … +1. */
  granularity: number;
  /** An exact number of groups, or null for the engine's own cut. */
  k: number | null;
  /** Note id → hand-made group name (pinned notes). */
  pinned: Readonly<Record<string, string>>;
  /** 'lexical' (shared words, default) or 'meaning' (the on-device sentence model). */
  mode?: GroupingMode;
  /** 0..1 within a phase; meaning mode goes model → embed → group. */
  onProgress?: (fraction: number, phase?: MeaningPhase) => void;
}

export type GroupingMode = 'lexical' | 'meaning';
export type { MeaningPhase, GroupRun, GroupingUndoStatus };

export interface GroupingSessionOptions extends GroupingBatchOptions {
  db: TouchpointDatabase | null;
  clusterClient?: ClusterClient;
  meaningClient?: MeaningClient;
}

export interface GroupingSession {
  readonly view: StageView;
  notes(scope: GroupingScope): BoardItem[];
  /** The team's own groups in the scope (same colour, touching): note id → a group name. */
  handMadePins(scope: GroupingScope): Record<string, string>;
  group(scope: GroupingScope, settings: GroupRunSettings): GroupRun;
  /** Splits one group in two (the engine on its notes with k = 2). */
  split(preview: GroupingPreview, groupId: string): Promise<GroupingPreview>;
  apply(
    scope: GroupingScope,
    preview: GroupingPreview,
    settings: ApplyGroupsSettings,
    hooks?: BatchHooks,
  ): Promise<ApplyOutcome>;
  resume(hooks?: BatchHooks): Promise<ResumeOutcome>;
  undo(hooks?: BatchHooks): Promise<UndoOutcome>;
  undoStatus(): Promise<GroupingUndoStatus>;
  close(): void;
}

export function createGroupingSession(
  board: Board,
  options: GroupingSessionOptions,
): GroupingSession {
  const view = createStageView(board);
  const journal = options.db ? createJournalStore(options.db) : null;
  const client = options.clusterClient ?? createClusterClient();
  let meaning: MeaningClient | null = options.meaningClient ?? null;

  const mapOf = (scope: GroupingScope) => {
    const mapId = scopeMapId(scope);
    return mapId === null ? undefined : view.map(mapId);
  };
  const notes = (scope: GroupingScope): BoardItem[] => {
    const state = view.state();
    const selected = state.status === 'ready' ? state.selectedNoteIds : [];
    return notesInScope(
      scope,
      view.items().filter((i) => i.kind === 'note'),
      mapOf(scope),
      selected,
    );
  };
  const batches: GroupingBatchContext = { board, view, journal, options, notes, mapOf };

  return {
    view,
    notes,
    handMadePins: (scope) => teamGroupPins(findHandMadeGroups(notes(scope))),
    group(scope, settings) {
      const list = notes(scope);
      const pinned = pinsInScope(settings.pinned, list);
      const progress = settings.onProgress;
      const engine = engineOptions(settings, progress);
      const inputs = toNoteInputs(list, pinned);
      if (settings.mode !== 'meaning') return lexicalRun(client, inputs, engine, pinned);
      meaning ??= createMeaningClient();
      return meaningRun(client, meaning, inputs, engine, pinned, progress);
    },
    async split(preview, groupId) {
      const target = preview.groups.find((g) => g.id === groupId);
      if (!target || target.noteIds.length < 2) return preview;
      const texts = target.noteIds.map((id) => ({ id, text: view.item(id)?.text ?? '' }));
      const job = client.group(texts, { k: 2 });
      return splitGroup(preview, groupId, (await job.result).groups);
    },
    apply: (scope, preview, settings, hooks) =>
      applyInScope(batches, scope, preview, settings, hooks),
    resume: (hooks) => resumeGrouping(batches, hooks),
    undo: (hooks) => undoGrouping(batches, hooks),
    undoStatus: () => groupingUndoStatus(batches),
    close: () => {
      meaning?.close();
      view.close();
    },
  };
}
