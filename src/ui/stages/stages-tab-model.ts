import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import { createActionRunner, type TabMessage } from '../components/action-runner';
import { createBoardJobs, type JobHooks } from '../components/board-job';

/** What the Stages tab needs from the stage use cases (app/stages); injected so tests use fakes. */
export interface StagesUseCases {
  /** Starts following the board for this panel; `close()` stops. */
  open(workshop: Workshop): StagesConnection;
}

export interface StagesConnection {
  /** Calls `fn` with the current picture now, and again on every change on the board. */
  subscribe(fn: (snapshot: StagesSnapshot) => void): () => void;
  tagSelection(mapId: string, stageId: string): Promise<TabMessage>;
  fixConflict(mapId: string, noteId: string, fix: ConflictChoice): Promise<TabMessage>;
  selectNotes(ids: readonly string[]): Promise<void>;
  tagByPosition(mapId: string, hooks: JobHooks): Promise<TabMessage>;
  /** The newest "Tag by position" of this map that can be undone (issue 9 §4). */
  undoStatus(mapId: string): Promise<UndoInfo>;
  undoTagByPosition(mapId: string, hooks: JobHooks): Promise<TabMessage>;
  close(): void;
}

export type StagesSnapshot =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; maps: StagesMap[]; selectedNotes: number };

export interface StageRow {
  id: string;
  name: string;
  count: number;
  byTag: number;
  byPosition: number;
}

export interface NamedStage {
  id: string;
  name: string;
}

export interface StagesConflict {
  noteId: string;
  /** The note's plain text, shown as text. */
  text: string;
  kind: 'multiple-stage-tags' | 'tag-disagrees-with-position';
  tagStages: NamedStage[];
  positionStage: NamedStage | null;
}

export interface StagesMap {
  id: string;
  title: string;
  stages: StageRow[];
  /** The map's notes: inside its frame, or tagged with its stage tag (issue 9 §1). */
  notesInMap: number;
  /** Of those, notes in no stage (in the frame but in no cell, untagged). */
  undecided: number;
  /** Of those, notes outside the frame that carry this map's stage tag. */
  outsideFrame: number;
  /** Notes inside this frame that carry another map's stage tag (that map's, not counted here). */
  otherMapsNotes: number;
  /** Notes in the map with no stage tag. */
  untaggedIds: string[];
  /** Of those, how many sit in a cell ("Tag by position" tags these). */
  untaggedInCells: number;
  conflicts: StagesConflict[];
}

export type ConflictChoice = { use: 'tag'; stageId: string } | { use: 'position' };

export type UndoInfo =
  { available: true; notes: number; at: number } | { available: false; reason: string | null };

export function createStagesTabModel(workshop: Workshop, useCases: StagesUseCases) {
  const snapshot = signal<StagesSnapshot>({ status: 'loading' });
  const chosenMapId = signal<string | null>(null);
  const jobs = createBoardJobs();
  const runner = createActionRunner();
  const { message } = runner;
  /** A short action (tag selection, fix a conflict) is running. */
  const busy = computed(() => runner.busy.value !== null);
  const undo = signal<UndoInfo | null>(null);
  let connection: StagesConnection | null = null;

  const maps = computed(() => (snapshot.value.status === 'ready' ? snapshot.value.maps : []));
  /** The chosen map, or the first when the chosen one is gone. */
  const map = computed(
    () => maps.value.find((m) => m.id === chosenMapId.value) ?? maps.value[0] ?? null,
  );
  const selectedNotes = computed(() =>
    snapshot.value.status === 'ready' ? snapshot.value.selectedNotes : 0,
  );

  /** The map whose undo is shown: undo belongs to one map, never to "the board". */
  let undoMapId: string | null = null;
  async function refreshUndo(): Promise<void> {
    const mapId = map.value?.id ?? null;
    undoMapId = mapId;
    if (!connection) return;
    if (mapId === null) {
      undo.value = null;
      return;
    }
    try {
      const info = await connection.undoStatus(mapId);
      if (undoMapId === mapId) undo.value = info;
    } catch (error) {
      undo.value = { available: false, reason: errorMessage(error) };
    }
  }

  async function act(what: string, work: (c: StagesConnection) => Promise<TabMessage | void>) {
    const c = connection;
    if (!c || jobs.job.value) return;
    await runner.run(what, async () => {
      const outcome = await work(c);
      if (outcome) message.value = outcome;
    });
  }

  async function runJob(
    label: string,
    work: (c: StagesConnection, hooks: JobHooks) => Promise<TabMessage>,
  ): Promise<void> {
    const c = connection;
    if (!c || busy.value || jobs.job.value) return;
    message.value = null;
    try {
      const outcome = await jobs.run(label, (hooks) => work(c, hooks));
      if (outcome) message.value = outcome;
    } catch (error) {
      message.value = { tone: 'error', title: `${label} failed`, body: errorMessage(error) };
    } finally {
      await refreshUndo();
    }
  }

  return {
    snapshot,
    maps,
    map,
    selectedNotes,
    job: jobs.job,
    busy,
    message,
    undo,
    /** Connects to the board; returns the disconnect for the component's effect. */
    open(): () => void {
      const opened = useCases.open(workshop);
      connection = opened;
      const unsubscribe = opened.subscribe((next) => {
        snapshot.value = next;
        // The first picture, or the chosen map gone: the undo shown follows the map shown.
        if ((map.value?.id ?? null) !== undoMapId) void refreshUndo();
      });
      void refreshUndo();
      return () => {
        unsubscribe();
        opened.close();
        if (connection === opened) connection = null;
      };
    },
    chooseMap(id: string) {
      chosenMapId.value = id;
      message.value = null;
      void refreshUndo();
    },
    tagSelection(stageId: string) {
      const current = map.value;
      if (!current) return Promise.resolve();
      return act('Tagging', (c) => c.tagSelection(current.id, stageId));
    },
    fixConflict(noteId: string, choice: ConflictChoice) {
      const current = map.value;
      if (!current) return Promise.resolve();
      return act('Fixing the conflict', (c) => c.fixConflict(current.id, noteId, choice));
    },
    selectUntagged() {
      const ids = map.value?.untaggedIds ?? [];
      return act('Selecting', (c) => c.selectNotes(ids));
    },
    selectConflicts() {
      const ids = map.value?.conflicts.map((c) => c.noteId) ?? [];
      return act('Selecting', (c) => c.selectNotes(ids));
    },
    tagByPosition() {
      const current = map.value;
      if (!current) return Promise.resolve();
      return runJob('Tagging by position', (c, hooks) => c.tagByPosition(current.id, hooks));
    },
    undoTagByPosition() {
      const current = map.value;
      if (!current) return Promise.resolve();
      return runJob('Undoing tag by position', (c, hooks) =>
        c.undoTagByPosition(current.id, hooks),
      );
    },
    cancel: jobs.cancel,
  };
}
