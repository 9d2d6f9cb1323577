/**
 * The Miro adapter over the playground's local board, which speaks the Miro SDK subset with
 * Miro's documented behaviour: the contract every Board adapter passes.
 */
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import type { LocalBoard } from '../../src/board/playground/sdk/local-board-types';
import type { Board } from '../../src/board/port';
import { runBoardContract } from './adapter-contract';

const platformOf = new WeakMap<Board, LocalBoard>();

runBoardContract(
  'Miro adapter over the local board',
  async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }), {
      platform: 'playground',
    });
    platformOf.set(board, local);
    return board;
  },
  {
    async peerOf(board) {
      const local = platformOf.get(board);
      if (!local) throw new Error('Not a board this test made');
      return createMiroBoard(local.connect({ id: 'u2', name: 'Grace' }), {
        platform: 'playground',
      });
    },
    derivedHeight: ['text'],
    tagsPerBoard: 100,
    markerBytes: 256,
  },
);
