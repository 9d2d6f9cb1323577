/**
 * This browser's ballots in anonymous rounds (ARCHITECTURE.md §6): the random voter key that
 * only this browser holds, the ballot's place and the ballot as last written. Losing a row (site
 * data cleared) means this browser can no longer find or change its ballot; the ballot on the
 * board still counts.
 *
 * A row of the wrong shape (an older build, a hand edit) reads as absent, never as a key.
 */
import { isRecord } from '../domain/common';
import type { OwnBallotRow, TouchpointDatabase } from './db';
import { tx } from './tx';

export interface OwnBallotStore {
  get(boardId: string, roundId: string): Promise<OwnBallotRow | undefined>;
  put(row: OwnBallotRow): Promise<void>;
  remove(boardId: string, roundId: string): Promise<void>;
}

export function createOwnBallotStore(db: TouchpointDatabase): OwnBallotStore {
  return {
    get: (boardId, roundId) =>
      tx(
        db,
        'readonly',
        ['ownBallots'],
        async (t) => readRow(await t.objectStore('ownBallots').get([boardId, roundId])),
        { doing: 'read your anonymous ballot', consequence: 'your vote was not cast' },
      ),
    put: (row) =>
      tx(
        db,
        'readwrite',
        ['ownBallots'],
        async (t) => {
          await t.objectStore('ownBallots').put({ ...row });
        },
        { doing: 'keep your anonymous ballot', consequence: 'your vote was not cast' },
      ),
    remove: (boardId, roundId) =>
      tx(
        db,
        'readwrite',
        ['ownBallots'],
        async (t) => {
          await t.objectStore('ownBallots').delete([boardId, roundId]);
        },
        'forget an anonymous ballot',
      ),
  };
}

function readRow(value: unknown): OwnBallotRow | undefined {
  if (!isRecord(value)) return undefined;
  const { boardId, roundId, voterKey, place, ballot } = value;
  if (typeof boardId !== 'string' || typeof roundId !== 'string' || typeof voterKey !== 'string')
    return undefined;
  const okPlace =
    place === null || (typeof place === 'number' && Number.isInteger(place) && place >= 0);
  if (!okPlace) return undefined;
  return { boardId, roundId, voterKey, place, ballot: ballot ?? null };
}
