/**
 * Keys in the board's shared collection: one per round and one per round and voter
 * (ARCHITECTURE.md §6). Each voter writes only their own key, so concurrent voters never
 * overwrite each other even though the collection is last-write-wins.
 */

// The round id is encoded (':' → '%3A'), so the first ':' after it always ends it: round "a:b"
// with voter "c" and round "a" with voter "b:c" cannot share a key.
const part = (roundId: string): string => encodeURIComponent(roundId);

export const roundKey = (roundId: string): string => `round:${part(roundId)}`;

export const ballotKeyPrefix = (roundId: string): string => `ballot:${part(roundId)}:`;

export const ballotKey = (roundId: string, voterKey: string): string =>
  `${ballotKeyPrefix(roundId)}${voterKey}`;
