/**
 * The Group tab's model: its use cases (`GroupUseCases`) and one model made of small ones, each
 * for one concern, as the Vote tab's: the preview (`group-preview-model`: run the engine, edit
 * what it proposes) and putting it on the board (`group-apply-model`: apply, finish, undo). They
 * share the tab's context: the open connection, the scope, one message, the short action running
 * and the board job.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ApplyGroupsSettings } from '../../domain/grouping-layout/plan-group-moves';
import type { GroupingPreview } from '../../domain/clustering/grouping-preview';
import type { GroupingScope } from '../../app/grouping/grouping-scope';
import type { GroupingUndoStatus } from '../../app/grouping/grouping-session';
import type { Workshop } from '../../app/workshop';
import type { TabMessage } from '../components/action-runner';
import { createBoardJobs, type BoardJobs, type JobHooks } from '../components/board-job';
import type { TabModel } from '../components/tab-model';
import { createGroupApplyModel } from './group-apply-model';
import { createGroupPreviewModel } from './group-preview-model';

export type { GroupingPreview, GroupingScope, GroupingUndoStatus, ApplyGroupsSettings };

/** What the Group tab needs from the grouping use cases (app/grouping); injected so tests use fakes. */
export interface GroupUseCases {
  open(workshop: Workshop): GroupConnection;
}

/** Shared words (instant, any language) or meaning (the on-device sentence model). */
export type GroupMode = 'lexical' | 'meaning';
/** Meaning mode's steps: load the model, read the notes, group them. */
export type GroupPhase = 'model' | 'embed' | 'group';

export interface GroupRunRequest {
  granularity: number;
  k: number | null;
  pinned: Readonly<Record<string, string>>;
  mode: GroupMode;
  onProgress: (fraction: number, phase?: GroupPhase) => void;
}

export interface GroupRunHandle {
  result: Promise<GroupingPreview>;
  cancel(): void;
  inWorker: boolean;
  /** After the result: why meaning mode fell back to shared words, or null. */
  notice?: () => string | null;
}

export interface GroupMapInfo {
  id: string;
  title: string;
  stages: { id: string; name: string }[];
  lanes: { id: string; name: string }[];
}

export type GroupSnapshot =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; maps: GroupMapInfo[]; selectedNotes: number };

export interface GroupConnection {
  subscribe(fn: (snapshot: GroupSnapshot) => void): () => void;
  /** The notes of the scope now, as plain text (render as text). */
  notes(scope: GroupingScope): { id: string; text: string }[];
  /** The team's own groups in the scope: note id → group name. */
  handMadePins(scope: GroupingScope): Record<string, string>;
  group(scope: GroupingScope, request: GroupRunRequest): GroupRunHandle;
  split(preview: GroupingPreview, groupId: string): Promise<GroupingPreview>;
  apply(
    scope: GroupingScope,
    preview: GroupingPreview,
    settings: ApplyGroupsSettings,
    hooks: JobHooks,
  ): Promise<TabMessage>;
  resume(hooks: JobHooks): Promise<TabMessage>;
  undo(hooks: JobHooks): Promise<TabMessage>;
  undoStatus(): Promise<GroupingUndoStatus>;
  close(): void;
}

/** Scopes as <select> values: `selection`, `map:<m>`, `stage:<m>:<s>`, `lane:<m>:<l>`. */
export function scopeValue(scope: GroupingScope): string {
  switch (scope.kind) {
    case 'selection':
      return 'selection';
    case 'map':
      return `map:${scope.mapId}`;
    case 'stage':
      return `stage:${scope.mapId}:${scope.stageId}`;
    case 'lane':
      return `lane:${scope.mapId}:${scope.laneId}`;
    case 'cell':
      return `cell:${scope.mapId}:${scope.stageId}:${scope.laneId}`;
  }
}

export function parseScopeValue(value: string): GroupingScope | null {
  const [kind, mapId, a, b] = value.split(':');
  if (kind === 'selection') return { kind: 'selection' };
  if (!mapId) return null;
  if (kind === 'map') return { kind: 'map', mapId };
  if (kind === 'stage' && a) return { kind: 'stage', mapId, stageId: a };
  if (kind === 'lane' && a) return { kind: 'lane', mapId, laneId: a };
  if (kind === 'cell' && a && b) return { kind: 'cell', mapId, stageId: a, laneId: b };
  return null;
}

export interface GroupingRun {
  fraction: number;
  phase: GroupPhase | null;
  inWorker: boolean;
  cancel: () => void;
}

/** What the Group tab's small models share. */
export interface GroupTabContext {
  /** The connection while the tab is open; null before and after. */
  connection(): GroupConnection | null;
  /** The notes grouped: a map, a stage, a lane, a cell, or the selection. */
  scope: ReadonlySignal<GroupingScope>;
  /** How the last thing the person did ended. */
  message: Signal<TabMessage | null>;
  /** A short action (splitting a group) runs. */
  busy: Signal<boolean>;
  /** Applying, finishing or undoing a grouping on the board. */
  jobs: BoardJobs;
}

export function createGroupTabModel(workshop: Workshop, useCases: GroupUseCases) {
  const snapshot = signal<GroupSnapshot>({ status: 'loading' });
  const scopeChoice = signal<string | null>(null);
  const message = signal<TabMessage | null>(null);
  const busy = signal(false);
  const jobs = createBoardJobs();
  let connection: GroupConnection | null = null;

  const maps = computed(() => (snapshot.value.status === 'ready' ? snapshot.value.maps : []));
  const selectedNotes = computed(() =>
    snapshot.value.status === 'ready' ? snapshot.value.selectedNotes : 0,
  );
  /** The chosen scope; by default the first map's whole map, or the selection without maps. */
  const scope = computed<GroupingScope>(() => {
    const chosen = scopeChoice.value === null ? null : parseScopeValue(scopeChoice.value);
    if (chosen && (chosen.kind === 'selection' || maps.value.some((m) => m.id === chosen.mapId)))
      return chosen;
    const first = maps.value[0];
    return first ? { kind: 'map', mapId: first.id } : { kind: 'selection' };
  });
  /** Notes in the scope now (follows the board through the snapshot). */
  const scopeNotes = computed(() => {
    void snapshot.value;
    return connection ? connection.notes(scope.value).length : 0;
  });

  const tab: GroupTabContext = { connection: () => connection, scope, message, busy, jobs };
  const preview = createGroupPreviewModel(tab);
  const board = createGroupApplyModel(tab, preview);

  const model = {
    snapshot,
    maps,
    selectedNotes,
    scope,
    scopeNotes,
    busy,
    message,
    ...preview,
    ...board,
    open(): () => void {
      const opened = useCases.open(workshop);
      connection = opened;
      const unsubscribe = opened.subscribe((next) => {
        snapshot.value = next;
      });
      void board.refreshUndo();
      return () => {
        preview.cancelRun();
        unsubscribe();
        opened.close();
        if (connection === opened) connection = null;
      };
    },
    chooseScope(value: string) {
      preview.cancelRun();
      scopeChoice.value = value;
      preview.preview.value = null;
      message.value = null;
    },
  };
  return model satisfies TabModel;
}

export type GroupTabModel = ReturnType<typeof createGroupTabModel>;
