import type { LocalBoard, StickyColor } from '../sdk/local-board-types';
import type { Box, Camera, Point } from './camera';
import type { Hit } from './gestures';
import { cascadePoint, topNoteAt } from './hit-test';
import { planMoves } from './plan-moves';
import { sameIds } from './selection-summary';
import { stepNote } from './step-note';
import type { BoardModel } from './use-board-model';

/** What the board's actions read and change in the board view. */
export interface BoardActionsHost {
  board: LocalBoard;
  userId: string;
  model: BoardModel;
  camera: Camera;
  noteColor: StickyColor;
  /** Runs a board action; a refusal becomes the notice. */
  attempt(fn: () => void): void;
  /** Edits the note `id` (null: none). */
  edit(id: string | null): void;
  /** Brings `rect` into view. */
  reveal(rect: Box): void;
}

/**
 * What a person does to the board's items, as the participant `userId` through `board.human`:
 * selecting, moving, adding, opening (edit or add) and deleting.
 */
export function boardActions(host: BoardActionsHost) {
  const { board, userId, attempt, edit } = host;
  const { entries, entryMap, selection } = host.model;

  const select = (ids: readonly string[]): void => {
    if (!sameIds(ids, selection)) attempt(() => board.human.select([...ids], userId));
  };

  const moveBy = (ids: readonly string[], dx: number, dy: number): void => {
    const moves = planMoves(entryMap, ids, dx, dy);
    attempt(() => {
      for (const m of moves) board.human.move(m.id, m.x, m.y);
    });
  };

  const addNoteAt = (p: Point): void => {
    attempt(() => {
      // Steps of 24 screen pixels, so a note added on top of another leaves it readable at any zoom.
      const spot = cascadePoint(entries, p, Math.max(24, Math.round(24 / host.camera.zoom)));
      const created = board.human.addNote({
        x: spot.x,
        y: spot.y,
        color: host.noteColor,
        by: userId,
      });
      board.human.select([created.id], userId);
      edit(created.id);
    });
  };

  const removeSelection = (): void => {
    if (selection.length === 0) return;
    edit(null);
    attempt(() => board.human.remove([...selection]));
  };

  /** A double-click edits the note there, else adds one (in a map cell: in its stage and lane). */
  const openAt = (hit: Hit, point: Point): void => {
    if (hit.kind === 'item' && entryMap.get(hit.id)?.item.type === 'sticky_note') {
      edit(hit.id);
      return;
    }
    // A shape or text (a map cell, a header, a vote dot on a note): edit the note under it, if
    // any; else add a note right there, so a map cell gets it in its own stage and lane.
    const noteUnder = hit.kind === 'item' ? topNoteAt(entries, point) : null;
    if (noteUnder) edit(noteUnder);
    else addNoteAt(point);
  };

  /** Selects the next or previous note in reading order, bringing it into view. */
  const stepSelection = (direction: 1 | -1): void => {
    const notes = entries.filter((en) => en.item.type === 'sticky_note');
    const current = selection.length === 1 ? (selection[0] ?? null) : null;
    const id = stepNote(notes, current, direction);
    const entry = id === null ? undefined : entryMap.get(id);
    if (!entry) return;
    select([entry.id]);
    host.reveal(entry.rect);
  };

  return { select, moveBy, addNoteAt, removeSelection, openAt, stepSelection };
}

export type BoardActions = ReturnType<typeof boardActions>;
