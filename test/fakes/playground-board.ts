/**
 * The Board the app/ tests use: the playground's local Miro board through the real Miro adapter
 * (ARCHITECTURE.md §2), plus helpers a test needs to act as a person and to break a batch.
 */
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import type {
  LocalBoard,
  LocalBoardOptions,
} from '../../src/board/playground/sdk/local-board-types';
import type { Board, WriteOp } from '../../src/board/port';

export const FACILITATOR = { id: 'u-facilitator', name: 'Fran (facilitator)' };
export const PARTICIPANT = { id: 'u-participant', name: 'Pat' };

export interface PlaygroundBoard {
  local: LocalBoard;
  board: Board;
}

export function createPlaygroundBoard(options: LocalBoardOptions = {}): PlaygroundBoard {
  const local = createLocalBoard(options);
  const board = createMiroBoard(local.connect(FACILITATOR), { platform: 'playground' });
  return { local, board };
}

/** A second participant's view of the same board. */
export const connectPeer = (local: LocalBoard): Board =>
  createMiroBoard(local.connect(PARTICIPANT), { platform: 'playground' });

/**
 * The same board, but the ops `breaks` picks fail inside the adapter (a zero-size rect is
 * refused before any call), as a real failure halfway through a batch would.
 */
export function withFailingOps(board: Board, breaks: (op: WriteOp) => boolean): Board {
  return {
    ...board,
    platform: board.platform,
    apply: (ops, options) =>
      board.apply(
        ops.map((op) =>
          op.op === 'create' && breaks(op)
            ? { ...op, item: { ...op.item, rect: { ...op.item.rect, w: 0 } } }
            : op,
        ),
        options,
      ),
  };
}
