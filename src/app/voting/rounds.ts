/**
 * Round use cases: start, end, reveal, reopen, delete. Any participant can start a round (Miro's
 * SDK has no roles); the panel offers end/reveal/reopen/delete to the one who started it. Only
 * that panel writes `round:<id>`, so round writes do not race; results are values, not throws.
 */
import type { Board, BoardUser } from '../../board/port';
import { errorMessage, hexOf } from '../../domain/common';
import { ballotPlaceCount } from '../../domain/voting/anonymous-voter-key';
import { endRound, reopenRound, revealRound } from '../../domain/voting/round-lifecycle';
import {
  validateRoundSettings,
  type RoundProblem,
} from '../../domain/voting/validate-round-settings';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import {
  createVoteRound,
  MAX_BALLOT_PLACES,
  type NewRoundContext,
  type RoundSettings,
  type VoteRound,
} from '../../domain/voting/vote-round';
import { clearPlaces } from './anonymous-ballots';
import { claimSlot, clearSlots, readSlots } from './slot-list';
import { loadRound, ROUND_SLOTS, starterKey, voterSlots, votes } from './vote-store';

export type RoundOutcome =
  { ok: true; round: VoteRound } | { ok: false; reason: string; problems?: RoundProblem[] };

export interface Clock {
  now(): string;
}

export interface RoundDeps extends Partial<Clock> {
  newId?: () => string;
}

const isoNow = () => new Date().toISOString();

export function randomToken(bytes = 12): string {
  return hexOf(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Settings from the form (`unknown`: validated here) → a stored, open round. */
export async function startRound(
  board: Board,
  user: BoardUser,
  settings: unknown,
  deps: RoundDeps = {},
): Promise<RoundOutcome> {
  const checked = validateRoundSettings(settings);
  if (!checked.ok)
    return {
      ok: false,
      reason: checked.problems.map((p) => p.message).join(' '),
      problems: checked.problems,
    };
  const now = (deps.now ?? isoNow)();
  const anonymous = await anonymousBallotsFor(board, checked.settings);
  if (anonymous && 'reason' in anonymous) return { ok: false, reason: anonymous.reason };
  const round = createVoteRound(checked.settings, {
    id: (deps.newId ?? (() => `r${randomToken(5)}`))(),
    now,
    createdBy: user.id,
    ...(anonymous ? { anonymous } : {}),
  });
  const shared = votes(board);
  // The round first, then its id in the list: a reader never finds an id without its round.
  await Promise.all([
    shared.set(roundKey(round.id), round),
    shared.set(starterKey(round.id), user.name),
  ]);
  await claimSlot(shared, ROUND_SLOTS, round.id);
  return { ok: true, round };
}

/**
 * Where an anonymous round's ballots go: the platform's voting session where the board has one
 * (MURAL: every widget Touchpoint could write names its author), ballot places otherwise.
 */
async function anonymousBallotsFor(
  board: Board,
  settings: RoundSettings,
): Promise<NewRoundContext['anonymous'] | { reason: string } | null> {
  if (settings.privacy !== 'anonymous') return null;
  const voting = board.platformVoting;
  if (!voting) {
    const members = await board.onlineUsers().catch(() => []);
    return { kind: 'places', places: ballotPlaceCount(members.length, MAX_BALLOT_PLACES) };
  }
  const refusal = platformRefusal(settings);
  if (refusal) return { reason: refusal };
  try {
    const { sessionId } = await voting.start({
      title: settings.title,
      votesPerPerson: settings.votesPerPerson,
    });
    return { kind: 'platform', sessionId };
  } catch (error) {
    return { reason: `The round was not started: ${errorMessage(error)}` };
  }
}

/** What the platform's voting session cannot run: ranked picks, and votes on groups. */
export function platformRefusal(
  settings: Pick<RoundSettings, 'weights' | 'target'>,
): string | null {
  if (settings.weights)
    return 'Anonymous rounds here run in the board’s own voting session, which counts plain votes only: choose plain votes, or another privacy mode for ranked picks.';
  if (settings.target.kind === 'clusters')
    return 'Anonymous rounds here run in the board’s own voting session, which counts votes on notes only: vote on notes, or choose another privacy mode to vote on groups.';
  return null;
}

export type RoundChange = 'end' | 'reveal' | 'reopen';

const TRANSITIONS = { end: endRound, reveal: revealRound, reopen: reopenRound } as const;

export async function changeRound(
  board: Board,
  roundId: string,
  change: RoundChange,
  deps: Partial<Clock> = {},
): Promise<RoundOutcome> {
  const now = (deps.now ?? isoNow)();
  const round = await loadRound(board, roundId, now);
  if (!round) return { ok: false, reason: 'This round is no longer on the board.' };
  const next = TRANSITIONS[change](round, now);
  if (!next.ok) return { ok: false, reason: next.reason };
  if (round.anonymous?.kind === 'platform') {
    if (change === 'reopen')
      return {
        ok: false,
        reason: 'The board’s own voting session cannot be reopened once ended: start a new round.',
      };
    if (change === 'end') {
      try {
        await board.platformVoting?.end(round.anonymous.sessionId);
      } catch (error) {
        return {
          ok: false,
          reason: `The round is still open: the board’s voting session did not end (${errorMessage(error)}).`,
        };
      }
    }
  }
  await votes(board).set(roundKey(roundId), next.round);
  return { ok: true, round: next.round };
}

/**
 * Removes the round, its ballots and its voter list (or ballot places, or the platform's voting
 * session); its id stays in the round list, skipped.
 */
export async function deleteRound(board: Board, roundId: string): Promise<void> {
  const shared = votes(board);
  const round = await loadRound(board, roundId, isoNow());
  const voterKeys = await readSlots(shared, voterSlots(roundId));
  // The round first: panels stop showing it before its ballots go.
  await shared.remove(roundKey(roundId));
  await Promise.all([
    ...voterKeys.map((key) => shared.remove(ballotKey(roundId, key))),
    shared.remove(starterKey(roundId)),
  ]);
  await clearSlots(shared, voterSlots(roundId));
  if (round?.anonymous?.kind === 'places') await clearPlaces(shared, round);
  if (round?.anonymous?.kind === 'platform')
    await board.platformVoting?.remove(round.anonymous.sessionId);
}
