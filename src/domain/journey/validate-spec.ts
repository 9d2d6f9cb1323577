/**
 * Checks a MapSpec before anything is written to the board, so a bad spec fails with a clear
 * message and nothing half-made (issue 2 §6). Tag limits come from the board (`Board.limits`,
 * passed in as `SpecLimits`; Miro's figures by default), the rest from what still reads as a map.
 */
import { stageTagTitle, STAGE_TAG_PREFIX, type MapSpec } from './map-spec';

export const MAX_TAG_TITLE = 120;
export const MAX_LANE_NAME = 120;
export const MAX_TITLE = 200;
export const MAX_PERSONA_NAME = 80;
export const MAX_PERSONA_SUMMARY = 200;
export const MAX_STAGES = 20;
export const MAX_LANES = 12;
export const MAX_BOARD_TAGS = 100;

export interface SpecProblem {
  /** Where the problem is: 'title', 'persona.name', 'stages', 'stages.<id>', 'lanes.<id>', 'tags'. */
  field: string;
  message: string;
}

export type SpecValidation = { ok: true } | { ok: false; problems: SpecProblem[] };

/** The board's limits (the adapter's `Board.limits`); Miro's figures where not given. */
export interface SpecLimits {
  /** The board's longest tag title; a stage's name must fit in `Stage · <name>`. */
  maxTagTitle?: number;
  /** Most tags the board holds. */
  maxBoardTags?: number;
}

/** The spec limits of a board, from the limits its adapter states (`Board.limits`). */
export const specLimitsOf = (board: {
  readonly limits: { readonly tagTitle: number; readonly tagsPerBoard: number };
}): SpecLimits => ({ maxTagTitle: board.limits.tagTitle, maxBoardTags: board.limits.tagsPerBoard });

/**
 * `existingTagTitles`: the board's current tag titles. Stage tags that already exist are reused,
 * so only the missing ones count against the board's 100-tag budget.
 */
export function validateSpec(
  spec: MapSpec,
  existingTagTitles: readonly string[] = [],
  limits: SpecLimits = {},
): SpecValidation {
  const maxTagTitle = limits.maxTagTitle ?? MAX_TAG_TITLE;
  const maxBoardTags = limits.maxBoardTags ?? MAX_BOARD_TAGS;
  const problems: SpecProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  const title = spec.title.trim();
  if (title === '') add('title', 'The map needs a title.');
  else if (title.length > MAX_TITLE)
    add('title', `The title is ${title.length} characters long; the limit is ${MAX_TITLE}.`);

  if (spec.persona) {
    if (spec.persona.name.trim().length > MAX_PERSONA_NAME)
      add('persona.name', `The persona name is longer than ${MAX_PERSONA_NAME} characters.`);
    if (spec.persona.summary.trim().length > MAX_PERSONA_SUMMARY)
      add('persona.summary', `The persona line is longer than ${MAX_PERSONA_SUMMARY} characters.`);
  }

  if (spec.stages.length === 0) add('stages', 'The map needs at least one stage.');
  if (spec.stages.length > MAX_STAGES)
    add('stages', `The map has ${spec.stages.length} stages; the maximum is ${MAX_STAGES}.`);
  if (spec.lanes.length === 0) add('lanes', 'The map needs at least one lane.');
  if (spec.lanes.length > MAX_LANES)
    add('lanes', `The map has ${spec.lanes.length} lanes; the maximum is ${MAX_LANES}.`);

  checkNames(
    'stage',
    'stages',
    spec.stages,
    maxTagTitle - STAGE_TAG_PREFIX.length,
    add,
    maxTagTitle,
  );
  checkNames('lane', 'lanes', spec.lanes, MAX_LANE_NAME, add);

  const existing = new Set(existingTagTitles);
  const needed = new Set(
    spec.stages.map((s) => stageTagTitle(s.name.trim())).filter((t) => !existing.has(t)),
  );
  if (existing.size + needed.size > maxBoardTags) {
    add(
      'tags',
      `The board already has ${existing.size} tags and this map needs ${needed.size} new stage ` +
        `${needed.size === 1 ? 'tag' : 'tags'}; this board holds at most ${maxBoardTags}. ` +
        `Remove ${existing.size + needed.size - maxBoardTags} unused tags or use fewer stages.`,
    );
  }

  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function checkNames(
  noun: 'stage' | 'lane',
  field: 'stages' | 'lanes',
  list: readonly { id: string; name: string }[],
  max: number,
  add: (field: string, message: string) => void,
  maxTagTitle = MAX_TAG_TITLE,
): void {
  const seen = new Map<string, string>();
  const ids = new Set<string>();
  list.forEach((item, index) => {
    const name = item.name.trim();
    const where = `${field}.${item.id}`;
    const label = `${capitalize(noun)} ${index + 1}`;
    if (item.id === '' || ids.has(item.id)) add(where, `${label} has a missing or repeated id.`);
    ids.add(item.id);
    if (name === '') {
      add(where, `${label} needs a name.`);
      return;
    }
    if (name.length > max)
      add(
        where,
        `${label} name is ${name.length} characters long; the limit is ${max}` +
          (noun === 'stage' ? ` (its tag "${STAGE_TAG_PREFIX}…" must fit ${maxTagTitle}).` : '.'),
      );
    const folded = name.toLocaleLowerCase();
    const first = seen.get(folded);
    if (first !== undefined)
      add(where, `Two ${noun}s are called "${first}": ${noun} names must differ.`);
    else seen.set(folded, name);
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
