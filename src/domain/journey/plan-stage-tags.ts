/**
 * The stage tags side of "Update on board" (issue 2 §4, issue 9's per-map titles), without the
 * board: which titles other maps hold, what this map's tags are called on the board now, the tag
 * steps a plan's renames and new stages ask for, and what the record says once they ran.
 * `app/map/update-map.ts` turns the steps into write operations.
 */
import type { MapRecord } from './map-record';
import type { MapSpec } from './map-spec';
import { stageTagColorOf } from './stage-tag-colors';
import { chooseStageTagTitles, foldTagTitle } from './stage-tag-titles';

/**
 * Titles this map may not hold: every other map's, except the ones this map shares with a newer
 * map (a board made before tags were per map): the older map keeps those, the newer moves off.
 */
export function titlesHeldByOthers(maps: readonly MapRecord[], record: MapRecord): Set<string> {
  const mine = new Set(Object.values(record.tagTitles).map(foldTagTitle));
  const olderThanMe = (m: MapRecord) =>
    m.createdAt < record.createdAt ||
    (m.createdAt === record.createdAt && m.spec.id < record.spec.id);
  const held = new Set<string>();
  for (const m of maps) {
    if (m.spec.id === record.spec.id) continue;
    for (const title of Object.values(m.tagTitles))
      if (!mine.has(foldTagTitle(title)) || olderThanMe(m)) held.add(title);
  }
  return held;
}

/**
 * Stage id → this map's tag title as the board has it now: the recorded title while the board
 * holds it, else the wanted one when the board holds that (a rename an earlier, cancelled update
 * made); a stage whose tag is on the board under neither has none.
 */
export function tagTitlesOnBoard(
  recorded: Readonly<Record<string, string>>,
  wanted: Readonly<Record<string, string>>,
  boardTitles: ReadonlySet<string>,
): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const [stageId, title] of Object.entries(recorded)) {
    const want = wanted[stageId];
    if (boardTitles.has(title)) titles[stageId] = title;
    else if (want !== undefined && boardTitles.has(want)) titles[stageId] = want;
  }
  return titles;
}

export interface UpdateTagTitles {
  /** Stage id → the title each stage's tag should have (this map's own). */
  wanted: Record<string, string>;
  /** Stage id → the title of its tag on the board now (`tagTitlesOnBoard`). */
  onBoard: Record<string, string>;
  /** Titles a rename frees: a stage's tag on the board now, when the stage wants another. */
  renamedFrom: Set<string>;
}

/**
 * This map's stage tags for an update to `spec`: kept while they still name their stage; a title
 * an older map also holds (boards made before tags were per map) is left to that map and replaced
 * here. A tag renamed by an earlier, cancelled update: the board's word is taken for it.
 */
export function updateTagTitles(input: {
  spec: MapSpec;
  record: MapRecord;
  /** Every map on the board, this one included. */
  maps: readonly MapRecord[];
  boardTitles: ReadonlySet<string>;
  maxTagTitle: number;
}): UpdateTagTitles {
  const { spec, record } = input;
  const wanted = chooseStageTagTitles(spec, {
    taken: titlesHeldByOthers(input.maps, record),
    previous: record.tagTitles,
    maxTagTitle: input.maxTagTitle,
  });
  const onBoard = tagTitlesOnBoard(record.tagTitles, wanted, input.boardTitles);
  const renamedFrom = new Set(
    spec.stages.flatMap((s) => {
      const from = onBoard[s.id];
      return from !== undefined && from !== wanted[s.id] ? [from] : [];
    }),
  );
  return { wanted, onBoard, renamedFrom };
}

/** One tag step; `title` is the title it makes exist, `stageId` the stage it is the tag of. */
export type StageTagStep =
  | { kind: 'ensure'; title: string; color: string | undefined; stageId: string | null }
  | { kind: 'retag'; noteId: string; from: string; title: string }
  | { kind: 'rename'; from: string; title: string; stageId: string };

export interface StageTagInput {
  spec: MapSpec;
  mapId: string;
  /** Stage id → the title each stage's tag should have. */
  wanted: Readonly<Record<string, string>>;
  renames: readonly { stageId: string; from: string; to: string }[];
  /** Titles to make sure exist: new stages, and stages whose tag was never recorded. */
  ensure: readonly string[];
  boardTitles: ReadonlySet<string>;
  /** Every map on the board, this one included. */
  maps: readonly MapRecord[];
  /** The board's notes with their tags. */
  notes: readonly { id: string; tags: readonly string[] }[];
  /** Ids of the notes in this map's frame. */
  inFrame: ReadonlySet<string>;
}

/**
 * The tag steps, in order. Board tag titles are unique, and a title another map holds too is not
 * this map's to rename: when the new title exists already, the old one is not on the board, or
 * another map shares it, the new tag is made sure of and this map's own notes move from the old
 * title to the new (every carrier of an unshared title, only those in this map's frame of a
 * shared one); otherwise the tag is renamed and keeps every note.
 */
export function planStageTagSteps(input: StageTagInput): StageTagStep[] {
  const { boardTitles, wanted } = input;
  const colorOf = (title: string) => stageTagColorOf(input.spec, wanted, title);
  const sharedTitles = new Set(
    input.maps
      .filter((m) => m.spec.id !== input.mapId)
      .flatMap((m) => Object.values(m.tagTitles))
      .map(foldTagTitle),
  );
  const steps: StageTagStep[] = [];
  for (const r of input.renames) {
    const shared = sharedTitles.has(foldTagTitle(r.from));
    if (boardTitles.has(r.to) || !boardTitles.has(r.from) || shared) {
      steps.push({ kind: 'ensure', title: r.to, color: colorOf(r.to), stageId: r.stageId });
      for (const note of input.notes) {
        if (shared && !input.inFrame.has(note.id)) continue;
        if (note.tags.includes(r.from))
          steps.push({ kind: 'retag', noteId: note.id, from: r.from, title: r.to });
      }
    } else steps.push({ kind: 'rename', from: r.from, title: r.to, stageId: r.stageId });
  }
  for (const title of input.ensure)
    steps.push({ kind: 'ensure', title, color: colorOf(title), stageId: null });
  return steps;
}

/**
 * Stage id → the tag title to record after the steps ran: the wanted title where a step made it,
 * else the title the stage had (the wanted one too when it had it already).
 */
export function tagTitlesAfter(
  spec: MapSpec,
  wanted: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>>,
  made: ReadonlySet<string>,
): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const stage of spec.stages) {
    const want = wanted[stage.id];
    const had = before[stage.id];
    if (want !== undefined && made.has(want)) titles[stage.id] = want;
    else if (had !== undefined) titles[stage.id] = had;
  }
  return titles;
}
