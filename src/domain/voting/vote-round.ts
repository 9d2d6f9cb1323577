/**
 * A dot-voting round as the facilitator sets it up (issue 5 §1). Rounds and ballots live in the
 * board's shared collection, one key per round and one per round and voter (ARCHITECTURE.md §6),
 * so concurrent voters never overwrite each other.
 */

/** What can be voted on. The choice is kept for display; the resolved ids are what counts. */
export type RoundTargetKind = 'selection' | 'stage' | 'lane' | 'map' | 'clusters';

export interface RoundTarget {
  kind: RoundTargetKind;
  /**
   * The stage or lane id for 'stage' and 'lane' targets; the map id for 'map' (null: the whole
   * board, or a round from before maps were told apart); null otherwise.
   */
  refId: string | null;
  /** Human-readable, e.g. "Stage · Onboarding (14 notes)". */
  description: string;
  /**
   * The votable items, resolved when the round starts (note ids, or cluster ids for 'clusters').
   * Notes added later are not part of the round: every voter sees the same list.
   */
  itemIds: string[];
}

/**
 * - anonymous: nobody, facilitator included, ever sees who voted for what; ballots carry no user
 *   id, name, time or order that links them to a person (see `AnonymousBallots`), and results
 *   hold counts only.
 * - secret-until-reveal: totals are hidden from everyone until the facilitator reveals.
 * - open: totals live, and who voted for what may be shown and exported.
 */
export type Privacy = 'anonymous' | 'secret-until-reveal' | 'open';
export const PRIVACY_MODES: readonly Privacy[] = ['anonymous', 'secret-until-reveal', 'open'];

export type RoundStatus = 'open' | 'ended' | 'revealed';

export const MIN_VOTES_PER_PERSON = 1;
export const MAX_VOTES_PER_PERSON = 99;
export const MAX_ROUND_TITLE = 120;
export const MAX_TARGET_DESCRIPTION = 200;
/** A week: longer than any workshop; a typo like 6000 minutes is more likely than intent. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;
/**
 * Most ballot places of an anonymous round: a reader watches every place, so this bounds what one
 * panel reads (two SDK calls a place on Miro).
 */
export const MAX_BALLOT_PLACES = 200;

export interface RoundSettings {
  title: string;
  target: RoundTarget;
  /** The budget: 1–99 votes. With weights it equals `weights.length` (one vote per pick). */
  votesPerPerson: number;
  /**
   * At most this many votes on one item; null means stacking is allowed (any number on one item,
   * up to the budget). Weighted rounds always have 1: ranked picks are distinct.
   */
  perItemCap: number | null;
  /**
   * Ranked voting, e.g. [3, 2, 1]: a ballot is an ordered list of distinct items and the i-th
   * pick scores `weights[i]`. Non-increasing positive integers. Null: every vote scores 1.
   */
  weights: number[] | null;
  privacy: Privacy;
  /** Optional time box; the round's `endsAt` is derived from it when the round (re)opens. */
  durationMinutes: number | null;
}

export interface VoteRound extends RoundSettings {
  id: string;
  status: RoundStatus;
  /** ISO timestamps. */
  createdAt: string;
  /** User id of the facilitator who started the round (never a voter key). */
  createdBy: string;
  /** When voting closes by itself; null without a duration. Clients stop accepting votes then. */
  endsAt: string | null;
  endedAt: string | null;
  revealedAt: string | null;
  /** How an anonymous round keeps ballots apart from people; null in the other modes. */
  anonymous: AnonymousBallots | null;
  /**
   * Totals recorded elsewhere: a round imported from a file, whose ballots stayed on the board it
   * came from. Its tally is these totals (item id → votes); null for rounds voted on this board.
   * Optional in stored rounds of earlier versions.
   */
  recorded?: RecordedTotal[] | null;
}

export interface RecordedTotal {
  itemId: string;
  votes: number;
}

/**
 * Where an anonymous round's ballots live, and so what its anonymity rests on:
 * - `places`: in the board's shared collection, each at a random one of `places` numbered
 *   places, keyed by a random voter key that only the voter's browser keeps (IndexedDB). Nothing
 *   stored derives from a user id, and the places' order is random, not the order of voting.
 *   One ballot per browser, not per person.
 * - `platform`: in the platform's own voting session (MURAL), whose public API returns totals per
 *   item only; the board keeps no ballot at all. `sessionId` is that session.
 * - `legacy-hash`: rounds started by earlier versions, keyed by a hash of the user id with a salt
 *   stored in the round: anyone who reads the round can hash every member and match ballots.
 *   Read and counted; never created.
 * - `recorded`: an imported round; its ballots never came to this board, only its totals.
 */
export type AnonymousBallots =
  | { kind: 'places'; places: number }
  | { kind: 'platform'; sessionId: string }
  | { kind: 'legacy-hash'; salt: string }
  | { kind: 'recorded' };

export interface NewRoundContext {
  id: string;
  /** ISO timestamp. */
  now: string;
  createdBy: string;
  /** Required when the settings are anonymous (the app decides places or platform). */
  anonymous?: Exclude<AnonymousBallots, { kind: 'legacy-hash' | 'recorded' }>;
}

/** A new open round from validated settings. */
export function createVoteRound(settings: RoundSettings, context: NewRoundContext): VoteRound {
  return {
    ...settings,
    target: { ...settings.target, itemIds: [...settings.target.itemIds] },
    weights: settings.weights ? [...settings.weights] : null,
    id: context.id,
    status: 'open',
    createdAt: context.now,
    createdBy: context.createdBy,
    endsAt: deriveEndsAt(context.now, settings.durationMinutes),
    endedAt: null,
    revealedAt: null,
    anonymous: settings.privacy === 'anonymous' ? anonymousOf(context) : null,
  };
}

function anonymousOf(context: NewRoundContext): AnonymousBallots {
  if (!context.anonymous) throw new Error('An anonymous round needs its ballot design.');
  return { ...context.anonymous };
}

export function deriveEndsAt(now: string, durationMinutes: number | null): string | null {
  if (durationMinutes === null) return null;
  const start = Date.parse(now);
  if (Number.isNaN(start)) return null;
  return new Date(start + durationMinutes * 60_000).toISOString();
}

/** Whether votes may be cast or taken back at `now`: open and not past `endsAt`. */
export function acceptsVotes(round: VoteRound, now: string): boolean {
  if (round.status !== 'open') return false;
  if (round.endsAt === null) return true;
  const t = Date.parse(now);
  const end = Date.parse(round.endsAt);
  return Number.isNaN(t) || Number.isNaN(end) || t < end;
}
