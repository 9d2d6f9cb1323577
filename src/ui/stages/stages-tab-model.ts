import type { Workshop } from '../../app/workshop';
import type { TabMessage } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import { createStagesRunner, stagesActions } from './stages-actions';
import { createStagesBoard } from './stages-board';
import { createStagesUndo } from './stages-undo';

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

/**
 * The Stages tab: the board's picture and the map shown (`stages-board.ts`), the undo offered for
 * that map (`stages-undo.ts`), and the actions and jobs on it (`stages-actions.ts`).
 */
export function createStagesTabModel(workshop: Workshop, useCases: StagesUseCases) {
  const board = createStagesBoard(workshop, useCases);
  const undo = createStagesUndo(board);
  const runner = createStagesRunner(board, undo.refresh);
  const { message } = runner;

  return {
    snapshot: board.snapshot,
    maps: board.maps,
    map: board.map,
    selectedNotes: board.selectedNotes,
    job: runner.job,
    busy: runner.busy,
    message,
    undo: undo.undo,
    /** Connects to the board; returns the disconnect for the component's effect. */
    open(): () => void {
      return board.open(undo.followMap, () => void undo.refresh());
    },
    chooseMap(id: string) {
      board.chosenMapId.value = id;
      message.value = null;
      void undo.refresh();
    },
    ...stagesActions(board, runner),
    cancel: runner.cancel,
  };
}
