/**
 * Checks round settings coming from the panel's form or from the shared collection (written by
 * other participants' panels, so `unknown`), with messages a facilitator can act on.
 */
import { countOf, isRecord, isWholeNumber } from './guards';
import {
  MAX_DURATION_MINUTES,
  MAX_ROUND_TITLE,
  MAX_TARGET_DESCRIPTION,
  MAX_VOTES_PER_PERSON,
  MIN_VOTES_PER_PERSON,
  PRIVACY_MODES,
  type Privacy,
  type RoundSettings,
  type RoundTarget,
  type RoundTargetKind,
} from './vote-round';

export interface RoundProblem {
  /** 'title', 'target', 'target.itemIds', 'votesPerPerson', 'perItemCap', 'weights', … */
  field: string;
  message: string;
}

export type RoundSettingsValidation =
  { ok: true; settings: RoundSettings } | { ok: false; problems: RoundProblem[] };

const TARGET_KINDS: readonly RoundTargetKind[] = ['selection', 'stage', 'lane', 'map', 'clusters'];

export function validateRoundSettings(input: unknown): RoundSettingsValidation {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ field: '', message: 'Round settings must be an object.' }] };
  }
  const problems: RoundProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  let title = '';
  if (typeof input.title !== 'string') add('title', 'The round needs a title.');
  else {
    title = input.title.trim();
    if (title === '') add('title', 'The round needs a title.');
    else if (title.length > MAX_ROUND_TITLE)
      add(
        'title',
        `The title is ${title.length} characters long; the limit is ${MAX_ROUND_TITLE}.`,
      );
  }

  const target = checkTarget(input.target, add);

  let votesPerPerson = 0;
  if (
    !isWholeNumber(input.votesPerPerson) ||
    input.votesPerPerson < MIN_VOTES_PER_PERSON ||
    input.votesPerPerson > MAX_VOTES_PER_PERSON
  ) {
    add(
      'votesPerPerson',
      `Votes per person must be a whole number from ${MIN_VOTES_PER_PERSON} to ${MAX_VOTES_PER_PERSON}.`,
    );
  } else votesPerPerson = input.votesPerPerson;

  const weights = checkWeights(input.weights, add);

  let perItemCap: number | null = null;
  if (input.perItemCap !== undefined && input.perItemCap !== null) {
    if (!isWholeNumber(input.perItemCap) || input.perItemCap < 1) {
      add(
        'perItemCap',
        'The cap per item must be a whole number of at least 1, or none to allow stacking.',
      );
    } else if (votesPerPerson > 0 && input.perItemCap > votesPerPerson) {
      add(
        'perItemCap',
        `The cap per item (${input.perItemCap}) is more than the ${votesPerPerson} votes per person; choose stacking instead.`,
      );
    } else perItemCap = input.perItemCap;
  }

  if (weights) {
    if (votesPerPerson > 0 && votesPerPerson !== weights.length) {
      add(
        'votesPerPerson',
        `With weights ${weights.join('-')} each person has ${countOf(weights.length, 'ranked pick')}: votes per person must be ${weights.length}.`,
      );
    }
    if (perItemCap !== null && perItemCap !== 1) {
      add('perItemCap', 'Ranked picks are distinct items: the cap per item must be 1.');
    }
    perItemCap = 1;
  }

  let privacy: Privacy = 'open';
  if (!PRIVACY_MODES.includes(input.privacy as Privacy)) {
    add('privacy', `Privacy must be one of: ${PRIVACY_MODES.join(', ')}.`);
  } else privacy = input.privacy as Privacy;

  let durationMinutes: number | null = null;
  if (input.durationMinutes !== undefined && input.durationMinutes !== null) {
    if (
      !isWholeNumber(input.durationMinutes) ||
      input.durationMinutes < 1 ||
      input.durationMinutes > MAX_DURATION_MINUTES
    ) {
      add(
        'durationMinutes',
        `The duration must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}, or none.`,
      );
    } else durationMinutes = input.durationMinutes;
  }

  if (problems.length > 0 || !target) return { ok: false, problems };
  return {
    ok: true,
    settings: { title, target, votesPerPerson, perItemCap, weights, privacy, durationMinutes },
  };
}

function checkTarget(
  input: unknown,
  add: (field: string, message: string) => void,
): RoundTarget | null {
  if (!isRecord(input)) {
    add('target', 'Choose what can be voted on.');
    return null;
  }
  let ok = true;
  const kind = input.kind as RoundTargetKind;
  if (!TARGET_KINDS.includes(kind)) {
    add('target.kind', `What can be voted on must be one of: ${TARGET_KINDS.join(', ')}.`);
    ok = false;
  }
  let refId: string | null = null;
  if (kind === 'stage' || kind === 'lane') {
    if (typeof input.refId !== 'string' || input.refId === '') {
      add('target.refId', `Choose the ${kind} to vote on.`);
      ok = false;
    } else refId = input.refId;
  }
  // A whole-map round names its map (several maps on one board); null is the whole board.
  if (kind === 'map' && typeof input.refId === 'string' && input.refId !== '') refId = input.refId;
  let description = '';
  if (input.description !== undefined && input.description !== null) {
    if (typeof input.description !== 'string') {
      add('target.description', 'The target description must be text.');
      ok = false;
    } else description = input.description.trim().slice(0, MAX_TARGET_DESCRIPTION);
  }
  const itemIds = distinctIds(input.itemIds);
  if (itemIds === null) {
    add('target.itemIds', 'The items to vote on must be a list of item ids.');
    ok = false;
  } else if (itemIds.length === 0) {
    add('target.itemIds', 'There is nothing to vote on: the chosen target has no items.');
    ok = false;
  }
  return ok && itemIds ? { kind, refId, description, itemIds } : null;
}

/** Non-empty string ids, duplicates dropped (first kept); null when not a list of strings. */
function distinctIds(input: unknown): string[] | null {
  if (!Array.isArray(input)) return null;
  const seen = new Set<string>();
  for (const id of input) {
    if (typeof id !== 'string' || id === '') return null;
    seen.add(id);
  }
  return [...seen];
}

function checkWeights(
  input: unknown,
  add: (field: string, message: string) => void,
): number[] | null {
  if (input === undefined || input === null) return null;
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_VOTES_PER_PERSON) {
    add('weights', `Weights must be a list of 1 to ${MAX_VOTES_PER_PERSON} numbers, e.g. 3-2-1.`);
    return null;
  }
  const weights: number[] = [];
  for (const w of input) {
    if (!isWholeNumber(w) || w < 1 || w > MAX_VOTES_PER_PERSON) {
      add('weights', `Each weight must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}.`);
      return null;
    }
    weights.push(w);
  }
  // A later pick outscoring an earlier one would make "first choice" meaningless.
  if (weights.some((w, i) => i > 0 && w > (weights[i - 1] as number))) {
    add(
      'weights',
      'Weights go from the first pick down, e.g. 3-2-1: a later pick cannot score more.',
    );
    return null;
  }
  return weights;
}
