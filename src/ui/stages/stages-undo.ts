/**
 * Stages tab › undo: whether the chosen map's newest "Tag by position" can be undone (issue 9 §4),
 * read again whenever the map shown changes and after each job. Undo belongs to one map, never
 * to "the board".
 */
import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import type { StagesBoard } from './stages-board';
import type { UndoInfo } from './stages-tab-model';

export function createStagesUndo(board: StagesBoard) {
  const undo = signal<UndoInfo | null>(null);
  /** The map whose undo is shown: undo belongs to one map, never to "the board". */
  let undoMapId: string | null = null;

  async function refresh(): Promise<void> {
    const mapId = board.map.value?.id ?? null;
    undoMapId = mapId;
    const connection = board.connection();
    if (!connection) return;
    if (mapId === null) {
      undo.value = null;
      return;
    }
    try {
      const info = await connection.undoStatus(mapId);
      if (undoMapId === mapId) undo.value = info;
    } catch (error) {
      // A late answer about a map no longer shown says nothing about the one that is.
      if (undoMapId === mapId) undo.value = { available: false, reason: errorMessage(error) };
    }
  }

  return {
    undo,
    refresh,
    /** After a picture: the first one, or the chosen map gone, the undo shown follows the map shown. */
    followMap(): void {
      if ((board.map.value?.id ?? null) !== undoMapId) void refresh();
    },
  };
}
