/**
 * Ballots are read from the shared collection, written by other participants' panels, so they
 * are `unknown` here. Limits are enforced in the tally, not only in the UI: a ballot over the
 * budget or over the per-item cap is trimmed deterministically (the earliest votes are kept) and
 * the participant is told why. Only the known fields are kept, so nothing a panel adds (a name,
 * a user id) can travel into results or exports.
 */
import { isAnonymousVoterKey } from './anonymous-voter-key';
import type { Ballot, BallotVote } from './ballot';
import { countOf, isIsoTimestamp, isRecord, isWholeNumber } from './guards';
import type { VoteRound } from './vote-round';

export type BallotNoticeCode =
  'invalid-entry' | 'not-in-round' | 'repeated-pick' | 'over-cap' | 'over-budget';

export interface BallotNotice {
  code: BallotNoticeCode;
  /** Addressed to the participant. */
  message: string;
  /** Votes (or picks) this rule left uncounted. */
  uncounted: number;
}

export type BallotValidation =
  { ok: true; ballot: Ballot; notices: BallotNotice[] } | { ok: false; reason: string };

export function validateBallot(input: unknown, round: VoteRound): BallotValidation {
  return createBallotChecker(round)(input);
}

/** A checker with the round's lookups built once, for tallying many ballots. */
export function createBallotChecker(round: VoteRound): (input: unknown) => BallotValidation {
  const inRound = new Set(round.target.itemIds);
  return (input) => {
    if (!isRecord(input)) return { ok: false, reason: 'The ballot is not readable.' };
    if (input.roundId !== round.id)
      return { ok: false, reason: 'The ballot belongs to another round.' };
    const voterKey = input.voterKey;
    if (typeof voterKey !== 'string' || voterKey === '')
      return { ok: false, reason: 'The ballot has no voter key.' };
    // A raw user id here would break the promise of anonymity in stored data; refuse it loudly.
    if (round.privacy === 'anonymous' && !isAnonymousVoterKey(voterKey))
      return { ok: false, reason: 'The ballot of an anonymous round is not anonymous.' };
    if (!isIsoTimestamp(input.updatedAt))
      return { ok: false, reason: 'The ballot has no valid time of change.' };
    const seq =
      typeof input.seq === 'number' && Number.isSafeInteger(input.seq) && input.seq >= 0
        ? { seq: input.seq }
        : {};
    const part =
      typeof input.part === 'string' && input.part !== '' && input.part.length <= 64
        ? { part: input.part }
        : {};
    const base = { roundId: round.id, voterKey, updatedAt: input.updatedAt, ...seq, ...part };

    if (round.weights) {
      if (!Array.isArray(input.ranking))
        return {
          ok: false,
          reason: 'This round counts ranked picks; the ballot had none and was not counted.',
        };
      const { ranking, notices } = checkRanking(input.ranking, inRound, round.weights.length);
      return { ok: true, ballot: { ...base, ranking }, notices };
    }
    if (!Array.isArray(input.votes))
      return {
        ok: false,
        reason: 'This round counts votes, not ranked picks; the ballot was not counted.',
      };
    const { votes, notices } = checkVotes(
      input.votes,
      inRound,
      round.perItemCap,
      round.votesPerPerson,
    );
    return { ok: true, ballot: { ...base, votes }, notices };
  };
}

function checkVotes(
  entries: readonly unknown[],
  inRound: ReadonlySet<string>,
  cap: number | null,
  budget: number,
): { votes: BallotVote[]; notices: BallotNotice[] } {
  const notices: BallotNotice[] = [];
  let invalid = 0;
  let notInRound = 0;
  // Duplicates of an item merge into its first entry, which keeps its place in the cast order.
  const merged = new Map<string, number>();
  for (const entry of entries) {
    if (
      !isRecord(entry) ||
      typeof entry.itemId !== 'string' ||
      !isWholeNumber(entry.count) ||
      entry.count < 1 ||
      entry.count > Number.MAX_SAFE_INTEGER
    ) {
      invalid += 1;
    } else if (!inRound.has(entry.itemId)) {
      notInRound += entry.count;
    } else {
      merged.set(entry.itemId, (merged.get(entry.itemId) ?? 0) + entry.count);
    }
  }
  if (invalid > 0)
    notices.push({
      code: 'invalid-entry',
      message: `${countOf(invalid, 'unreadable entry', 'unreadable entries')} on your ballot ${invalid === 1 ? 'was' : 'were'} not counted.`,
      uncounted: invalid,
    });
  if (notInRound > 0)
    notices.push({
      code: 'not-in-round',
      message: `${countOf(notInRound, 'vote')} on items that are not part of this round ${notInRound === 1 ? 'was' : 'were'} not counted.`,
      uncounted: notInRound,
    });

  let overCap = 0;
  let overBudget = 0;
  let had = 0;
  let left = budget;
  const votes: BallotVote[] = [];
  for (const [itemId, raw] of merged) {
    const capped = cap === null ? raw : Math.min(raw, cap);
    overCap += raw - capped;
    had += capped;
    const kept = Math.min(capped, left);
    overBudget += capped - kept;
    left -= kept;
    if (kept > 0) votes.push({ itemId, count: kept });
  }
  if (overCap > 0)
    notices.push({
      code: 'over-cap',
      message: `At most ${countOf(cap ?? 0, 'vote')} on one item: ${countOf(overCap, 'extra vote')} ${overCap === 1 ? 'was' : 'were'} not counted.`,
      uncounted: overCap,
    });
  if (overBudget > 0)
    notices.push({
      code: 'over-budget',
      message: `You had ${countOf(had, 'vote')} for a budget of ${budget}; the ${overBudget === 1 ? 'one' : overBudget} cast last ${overBudget === 1 ? 'was' : 'were'} not counted.`,
      uncounted: overBudget,
    });
  return { votes, notices };
}

function checkRanking(
  entries: readonly unknown[],
  inRound: ReadonlySet<string>,
  places: number,
): { ranking: string[]; notices: BallotNotice[] } {
  const notices: BallotNotice[] = [];
  let invalid = 0;
  let notInRound = 0;
  let repeated = 0;
  const picks: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry === '') invalid += 1;
    else if (!inRound.has(entry)) notInRound += 1;
    else if (seen.has(entry)) repeated += 1;
    else {
      seen.add(entry);
      picks.push(entry);
    }
  }
  if (invalid > 0)
    notices.push({
      code: 'invalid-entry',
      message: `${countOf(invalid, 'unreadable pick')} on your ballot ${invalid === 1 ? 'was' : 'were'} not counted.`,
      uncounted: invalid,
    });
  if (notInRound > 0)
    notices.push({
      code: 'not-in-round',
      message: `${countOf(notInRound, 'pick')} of items that are not part of this round ${notInRound === 1 ? 'was' : 'were'} not counted.`,
      uncounted: notInRound,
    });
  if (repeated > 0)
    notices.push({
      code: 'repeated-pick',
      message: `Each item can be picked once: ${countOf(repeated, 'repeated pick')} ${repeated === 1 ? 'was' : 'were'} not counted.`,
      uncounted: repeated,
    });
  const over = picks.length - places;
  if (over > 0)
    notices.push({
      code: 'over-budget',
      message: `You had ${countOf(picks.length, 'pick')} for ${countOf(places, 'place')}; the last ${over === 1 ? 'one was' : `${over} were`} not counted.`,
      uncounted: over,
    });
  return { ranking: over > 0 ? picks.slice(0, places) : picks, notices };
}
