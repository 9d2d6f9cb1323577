/** This browser's anonymous ballots of one board, kept in IndexedDB (storage/own-ballot-store). */
import { createOwnBallotStore, type TouchpointDatabase } from '../../storage';
import type { OwnBallots } from './anonymous-ballots';

export function ownBallotsIn(db: TouchpointDatabase, boardId: string): OwnBallots {
  const store = createOwnBallotStore(db);
  return {
    async get(roundId) {
      const row = await store.get(boardId, roundId);
      return row && { roundId, voterKey: row.voterKey, place: row.place, ballot: row.ballot };
    },
    put: (own) => store.put({ boardId, ...own }),
  };
}
