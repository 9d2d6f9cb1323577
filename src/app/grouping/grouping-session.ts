/**
 * One panel's Group tab on one board: the live stage view (which notes are in which stage and
 * lane), the engine through the cluster client (a Web Worker above 300 notes), and apply, resume
 * and undo with the journal. Storage is optional: without IndexedDB grouping applies, without undo.
 */
import type { Board, BoardItem, WriteOp } from '../../board/port';
import type { GroupNotesOptions, NoteInput } from '../../domain/clustering/group-notes';
import type { ApplyGroupsSettings } from '../../domain/grouping-layout/plan-group-moves';
import { createJournalStore, type JournalStore, type TouchpointDatabase } from '../../storage';
import { decideStage } from '../../domain/stages/decide-stage';
import { stageTitleOf } from '../stages/stage-tags';
import { createStageView, type StageView } from '../stages/stage-view';
import {
  applyGroups,
  findGroupingEntry,
  parseGroupsJournal,
  planApplyGroups,
  resumeGroups,
  undoGroups,
  type ApplyOutcome,
  type BatchHooks,
  type ResumeOutcome,
  type UndoOutcome,
} from './apply-groups';
import { createClusterClient, type ClusterClient, type ClusterJob } from './cluster-client';
import {
  createMeaningClient,
  MeaningUnavailableError,
  type MeaningClient,
  type MeaningPhase,
} from './meaning-client';
import {
  splitGroup,
  toPreview,
  type GroupingPreview,
} from '../../domain/clustering/grouping-preview';
import {
  findHandMadeGroups,
  notesInScope,
  scopeAnchor,
  scopeArea,
  scopeMapId,
  type GroupingScope,
} from './grouping-scope';

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
export type { MeaningPhase };

export interface GroupRun {
  result: Promise<GroupingPreview>;
  cancel(): void;
  inWorker: boolean;
  /** After the result: why meaning mode fell back to lexical mode, or null. */
  notice?: () => string | null;
}

/** What the Group tab says when the model cannot load and words are used instead. */
export function fallbackNotice(detail: string): string {
  return `The meaning model could not load here (${detail}). These groups come from shared words instead.`;
}

export type GroupingUndoStatus =
  | { available: true; pending: boolean; notes: number; at: number }
  | { available: false; reason: string | null };

export interface GroupingSessionOptions {
  boardId: string;
  db: TouchpointDatabase | null;
  storageProblem?: string | null;
  /** Automatic snapshot before apply; a rejection stops before the first write. */
  beforeApply?: (noteIds: string[], mapId: string | null) => Promise<void>;
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

/** Marks people put on notes that apps may move (Miro: stamps; not emoji or drawings). */
const isMovableMark = (item: BoardItem): boolean =>
  item.kind === 'other' && item.platformType === 'stamp';

export const NO_STORAGE_REASON =
  'Undo needs this browser’s storage (IndexedDB), which is not available here.';

export function createGroupingSession(
  board: Board,
  options: GroupingSessionOptions,
): GroupingSession {
  const view = createStageView(board);
  const journal: JournalStore | null = options.db ? createJournalStore(options.db) : null;
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
  const toInputs = (
    list: readonly BoardItem[],
    pinned: Readonly<Record<string, string>>,
  ): NoteInput[] =>
    list.map((n) => {
      const pinnedGroup = pinned[n.id];
      return pinnedGroup === undefined
        ? { id: n.id, text: n.text }
        : { id: n.id, text: n.text, pinnedGroup };
    });

  /** A note whose stage comes from its cell alone gets that stage's tag before it moves. */
  const stageTagFor = (note: BoardItem): string | null => {
    const state = view.state();
    if (state.status !== 'ready') return null;
    for (const { context } of state.maps) {
      const decision = decideStage(note, context);
      if (decision.stageSource === 'tag') return null;
      if (decision.stageSource === 'position' && decision.stageId !== null)
        return stageTitleOf(context, decision.stageId);
    }
    return null;
  };

  /** Shows what a batch wrote; after a cancel, reads the board since it cannot say. */
  const settle = async (applied: readonly WriteOp[], cancelled: boolean) => {
    view.reflect(applied);
    if (cancelled) await view.refresh();
  };

  return {
    view,
    notes,
    handMadePins(scope) {
      const pins: Record<string, string> = {};
      findHandMadeGroups(notes(scope)).forEach((ids, i) => {
        for (const id of ids) pins[id] = `Team group ${i + 1}`;
      });
      return pins;
    },
    group(scope, settings) {
      const list = notes(scope);
      // Pins of notes no longer in the scope are dropped.
      const inScope = new Set(list.map((n) => n.id));
      const pinned = Object.fromEntries(
        Object.entries(settings.pinned).filter(([id]) => inScope.has(id)),
      );
      const progress = settings.onProgress;
      const engine: GroupNotesOptions = { onProgress: progress && ((f) => progress(f)) };
      if (settings.k !== null) engine.k = settings.k;
      else engine.granularity = settings.granularity;
      const inputs = toInputs(list, pinned);
      if (settings.mode !== 'meaning') {
        const job = client.group(inputs, engine);
        return {
          result: job.result.then((r) => toPreview(r.groups, pinned)),
          cancel: job.cancel,
          inWorker: job.inWorker,
        };
      }
      meaning ??= createMeaningClient();
      const { onProgress: _lexicalProgress, ...plain } = engine;
      const job = meaning.group(inputs, { ...plain, onProgress: progress });
      let notice: string | null = null;
      let fallback: ClusterJob | null = null;
      let cancelled = false;
      const result = job.result
        .catch((error: unknown) => {
          if (!(error instanceof MeaningUnavailableError) || cancelled) throw error;
          notice = fallbackNotice(error.message);
          fallback = client.group(inputs, engine);
          return fallback.result;
        })
        .then((r) => toPreview(r.groups, pinned));
      return {
        result,
        cancel: () => {
          cancelled = true;
          job.cancel();
          (fallback as ClusterJob | null)?.cancel();
        },
        inWorker: true,
        notice: () => notice,
      };
    },
    async split(preview, groupId) {
      const target = preview.groups.find((g) => g.id === groupId);
      if (!target || target.noteIds.length < 2) return preview;
      const texts = target.noteIds.map((id) => ({ id, text: view.item(id)?.text ?? '' }));
      const job = client.group(texts, { k: 2 });
      return splitGroup(preview, groupId, (await job.result).groups);
    },
    async apply(scope, preview, settings, hooks = {}) {
      const map = mapOf(scope);
      const inScope = notes(scope);
      const noteIds = preview.groups.flatMap((g) => g.noteIds);
      const wanted = new Set(noteIds);
      // Read once more: the journal must hold each note's exact position and colour now, and
      // the live view does not follow colours this panel wrote.
      const listed = await board.listItems(['note', 'dot', 'other']);
      const all = listed.filter((i) => i.kind === 'note' && wanted.has(i.id));
      const plan = await planApplyGroups(board, {
        preview,
        notes: all,
        mapId: scopeMapId(scope),
        area: scopeArea(scope, map),
        anchor: scopeAnchor(map, inScope.length > 0 ? inScope : all),
        settings,
        stageTagFor: (note) => stageTagFor(note),
        // Vote dots and stamps on a note travel with it; emoji and drawings cannot be moved
        // by apps, so the facilitator is told which stay behind.
        dots: listed.filter((i) => i.kind === 'dot' || isMovableMark(i)),
        fixed: listed.filter((i) => i.kind === 'other' && !isMovableMark(i)),
      });
      const outcome = await applyGroups(board, plan, {
        boardId: options.boardId,
        journal,
        beforeBulkChange: options.beforeApply
          ? () => options.beforeApply!(noteIds, scopeMapId(scope))
          : undefined,
        ...hooks,
      });
      if (outcome.status !== 'nothing-to-do' && outcome.status !== 'refused')
        await settle(outcome.applied, outcome.status === 'cancelled');
      return outcome;
    },
    async resume(hooks = {}) {
      if (!journal) return { status: 'nothing-to-resume' };
      const outcome = await resumeGroups(board, journal, options.boardId, hooks);
      if (outcome.status !== 'nothing-to-resume')
        await settle(outcome.applied, outcome.status === 'cancelled');
      return outcome;
    },
    async undo(hooks = {}) {
      if (!journal) return { status: 'nothing-to-undo' };
      const outcome = await undoGroups(board, journal, options.boardId, hooks);
      if (outcome.status !== 'nothing-to-undo')
        await settle(outcome.applied, outcome.status === 'cancelled');
      return outcome;
    },
    async undoStatus() {
      if (!journal)
        return { available: false, reason: options.storageProblem ?? NO_STORAGE_REASON };
      const entry = await findGroupingEntry(journal, options.boardId);
      if (!entry) return { available: false, reason: null };
      return {
        available: true,
        pending: entry.status === 'pending',
        notes: parseGroupsJournal(entry.entries).notes.filter((n) => n.on === undefined).length,
        at: entry.createdAt,
      };
    },
    close: () => {
      meaning?.close();
      view.close();
    },
  };
}
