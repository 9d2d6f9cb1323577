/**
 * Rounds and ballots in the board's shared collection `touchpoint-votes` (ARCHITECTURE.md §6):
 * - `round:<id>`: the round, written by the panel that started it (and end/reveal/reopen);
 * - `ballot:<roundId>:<voterKey>`: one participant's ballot, written only by that participant;
 * - `aballot:<roundId>:<n>`: anonymous rounds' ballots at random places (anonymous-ballots.ts);
 * - `rounds:<n>`: the list of round ids, `voters:<roundId>:<n>`: who has a ballot, both
 *   append-only slot lists (slot-list.ts), since collections cannot list their keys;
 * - `starter:<roundId>`: the starter's display name (the round keeps only their id).
 * Everything read back is `unknown` until a domain validator has checked it.
 */
import type { Board, SharedCollection } from '../../board/port';
import { validateVoteRound } from '../../domain/voting/validate-vote-round';
import { expireRound } from '../../domain/voting/round-lifecycle';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import { tallyRound, type Tally, type TallyItem } from '../../domain/voting/tally-votes';
import { readPlaces } from './anonymous-ballots';
import { readSlots } from './slot-list';

export const VOTE_COLLECTION = 'touchpoint-votes';
export const ROUND_SLOTS = 'rounds:';
export const voterSlots = (roundId: string): string => `voters:${encodeURIComponent(roundId)}:`;
export const starterKey = (roundId: string): string => `starter:${encodeURIComponent(roundId)}`;

export const votes = (board: Board): SharedCollection => board.shared(VOTE_COLLECTION);

/** A stored round, or null when absent or unreadable; a time box that ran out reads as ended. */
export function readRound(value: unknown, now: string): VoteRound | null {
  if (value === undefined || value === null) return null;
  const checked = validateVoteRound(value);
  return checked.ok ? expireRound(checked.round, now) : null;
}

export async function loadRound(board: Board, roundId: string, now: string) {
  return readRound(await votes(board).get(roundKey(roundId)), now);
}

/** Every readable round, oldest first (deleted rounds leave their id in the list; skipped). */
export async function loadRounds(board: Board, now: string): Promise<VoteRound[]> {
  const shared = votes(board);
  const ids = await readSlots(shared, ROUND_SLOTS);
  const rounds = await Promise.all(
    ids.map(async (id) => readRound(await shared.get(roundKey(id)), now)),
  );
  return rounds
    .filter((r): r is VoteRound => r !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Every stored ballot of the round, as stored (`unknown`: the tally validates them). Rounds on the
 * platform's voting session have none on the board.
 */
export async function loadBallots(board: Board, round: VoteRound): Promise<unknown[]> {
  const shared = votes(board);
  if (round.anonymous?.kind === 'places') return [...(await readPlaces(shared, round)).values()];
  if (round.anonymous?.kind === 'platform') return [];
  const keys = await readSlots(shared, voterSlots(round.id));
  const values = await Promise.all(keys.map((key) => shared.get(ballotKey(round.id, key))));
  return values.filter((v) => v !== undefined && v !== null);
}

/** The round's tally: from its stored ballots, the platform's totals, or recorded totals. */
export async function loadTally(
  board: Board,
  round: VoteRound,
  items: readonly TallyItem[],
): Promise<Tally> {
  const platformTotals =
    round.anonymous?.kind === 'platform' && !round.recorded
      ? ((await board.platformVoting?.totals(round.anonymous.sessionId)) ?? [])
      : null;
  const ballots = round.recorded ? [] : await loadBallots(board, round);
  return tallyRound(round, { ballots, platformTotals }, items);
}
