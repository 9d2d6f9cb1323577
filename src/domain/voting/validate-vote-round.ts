/**
 * Reads a stored round from the shared collection: another participant's panel (maybe an older
 * or newer version) wrote it, so it is `unknown` until checked here.
 */
import { isIsoTimestamp, isRecord } from './guards';
import { validateRoundSettings, type RoundProblem } from './validate-round-settings';
import {
  MAX_BALLOT_PLACES,
  type AnonymousBallots,
  type RecordedTotal,
  type RoundStatus,
  type VoteRound,
} from './vote-round';

export type VoteRoundValidation =
  { ok: true; round: VoteRound } | { ok: false; problems: RoundProblem[] };

const STATUSES: readonly RoundStatus[] = ['open', 'ended', 'revealed'];

export function validateVoteRound(input: unknown): VoteRoundValidation {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ field: '', message: 'A stored round must be an object.' }] };
  }
  const checked = validateRoundSettings(input);
  const problems: RoundProblem[] = checked.ok ? [] : [...checked.problems];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (typeof input.id !== 'string' || input.id === '') add('id', 'The round has no id.');
  if (!STATUSES.includes(input.status as RoundStatus))
    add('status', `Status must be one of: ${STATUSES.join(', ')}.`);
  if (!isIsoTimestamp(input.createdAt)) add('createdAt', 'The start time is not a valid date.');
  if (typeof input.createdBy !== 'string') add('createdBy', 'The round has no creator.');
  const endsAt = optionalTimestamp(input.endsAt, 'endsAt', add);
  const endedAt = optionalTimestamp(input.endedAt, 'endedAt', add);
  const revealedAt = optionalTimestamp(input.revealedAt, 'revealedAt', add);

  let anonymous: AnonymousBallots | null = null;
  if (checked.ok && checked.settings.privacy === 'anonymous') {
    anonymous = readAnonymous(input);
    if (!anonymous) add('anonymous', 'An anonymous round does not say where its ballots are.');
  }

  const recorded = readRecorded(input.recorded);
  if (recorded === undefined) add('recorded', 'The recorded totals are not readable.');
  if (anonymous?.kind === 'recorded' && !recorded)
    add('recorded', 'An imported anonymous round has no recorded totals.');

  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    round: {
      ...checked.settings,
      id: input.id as string,
      status: input.status as RoundStatus,
      createdAt: input.createdAt as string,
      createdBy: input.createdBy as string,
      endsAt,
      endedAt,
      revealedAt,
      anonymous,
      ...(recorded ? { recorded } : {}),
    },
  };
}

/** Null when absent; undefined when present but unreadable. */
function readRecorded(value: unknown): RecordedTotal[] | null | undefined {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return undefined;
  const out: RecordedTotal[] = [];
  for (const t of value as unknown[]) {
    if (
      !isRecord(t) ||
      typeof t.itemId !== 'string' ||
      t.itemId === '' ||
      typeof t.votes !== 'number' ||
      !Number.isSafeInteger(t.votes) ||
      t.votes < 0
    )
      return undefined;
    out.push({ itemId: t.itemId, votes: t.votes });
  }
  return out;
}

/** The round's ballot design; a round from an earlier version has only its salt. */
function readAnonymous(input: Record<string, unknown>): AnonymousBallots | null {
  const a = input.anonymous;
  if (isRecord(a)) {
    if (
      a.kind === 'places' &&
      typeof a.places === 'number' &&
      Number.isInteger(a.places) &&
      a.places >= 1 &&
      a.places <= MAX_BALLOT_PLACES
    )
      return { kind: 'places', places: a.places };
    if (a.kind === 'platform' && typeof a.sessionId === 'string' && a.sessionId !== '')
      return { kind: 'platform', sessionId: a.sessionId };
    if (a.kind === 'recorded') return { kind: 'recorded' };
    return null;
  }
  if (typeof input.voterKeySalt === 'string' && input.voterKeySalt !== '')
    return { kind: 'legacy-hash', salt: input.voterKeySalt };
  return null;
}

function optionalTimestamp(
  value: unknown,
  field: string,
  add: (field: string, message: string) => void,
): string | null {
  if (value === undefined || value === null) return null;
  if (isIsoTimestamp(value)) return value;
  add(field, `${field} is not a valid date.`);
  return null;
}
