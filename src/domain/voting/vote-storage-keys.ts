/**
 * Keys in the board's shared collection: one per round and one per round and voter
 * (ARCHITECTURE.md §6). Each voter writes only their own key, so concurrent voters never
 * overwrite each other even though the collection is last-write-wins.
 */

export const roundKey = (roundId: string): string => `round:${roundId}`;

export const ballotKeyPrefix = (roundId: string): string => `ballot:${roundId}:`;

export const ballotKey = (roundId: string, voterKey: string): string =>
  `${ballotKeyPrefix(roundId)}${voterKey}`;
