import { rectCenter, rectContains, type BoardItem, type Rect } from '../board/board-item';
import { stageTagTitle } from '../journey/map-spec';
import { foldTagTitle } from '../journey/stage-tag-titles';
import { createCellIndex, type CellIndex } from './cell-index';
import type { MapCell, PlacedMap } from './placed-map';

export type StageSource = 'tag' | 'position' | 'none';
export type LaneSource = 'position' | 'none';
export type StageConflict = 'multiple-stage-tags' | 'tag-disagrees-with-position';

export interface StageDecision {
  stageId: string | null;
  laneId: string | null;
  stageSource: StageSource;
  laneSource: LaneSource;
  conflict?: StageConflict;
}

/** What decideStage needs about a note; a BoardItem fits. */
export type StageNote = Pick<BoardItem, 'rect' | 'tags'>;

/** A stage-tag title that two maps claim (boards made before tags were per map). */
interface SharedTitle {
  /** Frames of the other maps that claim the title. */
  otherFrames: readonly Rect[];
  /** This map is the oldest claimant: a carrier outside every claimant's frame is this map's. */
  ownsLoose: boolean;
}

/** Precomputed lookups for one map; build once per map, reuse for every note. */
export interface StageContext {
  geometry: PlacedMap;
  /** Folded title of this map's stage tags → stage id. */
  stageByTag: ReadonlyMap<string, string>;
  /** Folded titles this map shares with another map, and how to tell whose a note is. */
  shared: ReadonlyMap<string, SharedTitle>;
  /** Folded stage-tag titles of the other maps on the board. */
  foreign: ReadonlySet<string>;
  cells: CellIndex<MapCell>;
  /** Memo of raw tag title → stage id (null: not a stage tag of this map); unshared titles only. */
  tagMemo: Map<string, string | null>;
}

/**
 * Tag titles on Miro are case-sensitive, so `Stage · Awareness` and `stage · awareness` can both
 * exist on one board; people mean the same stage by both. Whitespace runs are folded too, since
 * a title typed by hand easily gets a double space.
 */
export const normalizeTagTitle = foldTagTitle;

/** The title of each stage's tag: the recorded one, else `Stage · <name>`. */
export const stageTitlesOf = (placed: PlacedMap): Map<string, string> =>
  new Map(placed.spec.stages.map((s) => [s.id, placed.tagTitles?.[s.id] ?? stageTagTitle(s.name)]));

/**
 * The stage context of `placed` among the maps of its board (`board`, oldest first, `placed`
 * among them). The membership rule (issue 9 §1): a note belongs to a map when it carries one of
 * that map's stage tags, or when its centre is inside the map's frame and it carries no other
 * map's stage tag. A title two maps claim (made before tags were per map) is read by where the
 * note is: inside a claimant's frame it is that map's; elsewhere the oldest claimant's.
 */
export function createStageContext(
  placed: PlacedMap,
  board: readonly PlacedMap[] = [placed],
): StageContext {
  const stageIds = new Set(placed.spec.stages.map((s) => s.id));
  const laneIds = new Set(placed.spec.lanes.map((l) => l.id));
  const stageByTag = new Map<string, string>();
  for (const [stageId, title] of stageTitlesOf(placed)) {
    const key = foldTagTitle(title);
    // Two stages whose names differ only in case cannot be told apart by tag: the first wins.
    if (!stageByTag.has(key)) stageByTag.set(key, stageId);
  }
  const self = board.indexOf(placed);
  const shared = new Map<string, SharedTitle>();
  const foreign = new Set<string>();
  board.forEach((other, index) => {
    if (other === placed || other.spec.id === placed.spec.id) return;
    for (const title of stageTitlesOf(other).values()) {
      const key = foldTagTitle(title);
      if (!stageByTag.has(key)) {
        foreign.add(key);
        continue;
      }
      const known = shared.get(key);
      const olderOther = self === -1 ? false : index < self;
      shared.set(key, {
        otherFrames: [...(known?.otherFrames ?? []), other.frameRect],
        ownsLoose: (known?.ownsLoose ?? true) && !olderOther,
      });
    }
  });
  // Cells naming a stage or lane the spec no longer has (a stale layout) are ignored.
  const cells = placed.cells.filter((c) => stageIds.has(c.stageId) && laneIds.has(c.laneId));
  return {
    geometry: placed,
    stageByTag,
    shared,
    foreign,
    cells: createCellIndex(cells),
    tagMemo: new Map(),
  };
}

/** The contexts of every map of a board, oldest first (the order the maps are given in). */
export const createStageContexts = (maps: readonly PlacedMap[]): StageContext[] =>
  maps.map((placed) => createStageContext(placed, maps));

/** The cell a note's centre sits in, if any. */
export const findCell = (rect: Rect, ctx: StageContext): MapCell | null =>
  ctx.cells.find(rectCenter(rect));

/** Whether the note's centre lies inside the map's area (its frame, or any of its cells). */
export const isInMap = (rect: Rect, ctx: StageContext): boolean =>
  rectContains(ctx.geometry.frameRect, rectCenter(rect)) || findCell(rect, ctx) !== null;

/** Whose a shared title on this note is: this map's, or another map's. */
function sharedIsOurs(note: StageNote, share: SharedTitle, ctx: StageContext): boolean {
  if (isInMap(note.rect, ctx)) return true;
  const centre = rectCenter(note.rect);
  if (share.otherFrames.some((f) => rectContains(f, centre))) return false;
  return share.ownsLoose;
}

interface TagReading {
  /** This map's stages named by the note's tags, in map order, without duplicates. */
  own: string[];
  /** The note carries a stage tag of another map. */
  foreign: boolean;
}

function readTags(note: StageNote, ctx: StageContext): TagReading {
  const found = new Set<string>();
  let foreign = false;
  for (const title of note.tags) {
    let id = ctx.tagMemo.get(title);
    if (id === undefined) {
      const key = foldTagTitle(title);
      const share = ctx.shared.get(key);
      if (share) {
        if (sharedIsOurs(note, share, ctx)) found.add(ctx.stageByTag.get(key) as string);
        else foreign = true;
        continue;
      }
      if (ctx.foreign.has(key)) {
        foreign = true;
        continue;
      }
      id = ctx.stageByTag.get(key) ?? null;
      ctx.tagMemo.set(title, id);
    }
    if (id !== null) found.add(id);
  }
  const own =
    found.size < 2
      ? [...found]
      : ctx.geometry.spec.stages.map((s) => s.id).filter((id) => found.has(id));
  return { own, foreign };
}

/** Stage ids named by the note's stage tags of this map, in map order, without duplicates. */
export const tagStageIds = (note: StageNote, ctx: StageContext): string[] =>
  readTags(note, ctx).own;

export interface Membership {
  /** The note belongs to the map (issue 9 §1). */
  member: boolean;
  /** Its centre is inside the map's frame or cells. */
  inFrame: boolean;
  /** It carries a stage tag of another map (then, without one of this map's, it is not ours). */
  foreignTag: boolean;
}

/** Whether a note belongs to the map, by the one rule every count, scope and export uses. */
export function mapMembership(note: StageNote, ctx: StageContext): Membership {
  const inFrame = isInMap(note.rect, ctx);
  const { own, foreign } = readTags(note, ctx);
  return { member: own.length > 0 || (inFrame && !foreign), inFrame, foreignTag: foreign };
}

export const belongsToMap = (note: StageNote, ctx: StageContext): boolean =>
  mapMembership(note, ctx).member;

/**
 * Decides a note's stage: its stage tag; else the cell its centre sits in; else none. The lane
 * always comes from the cell. With several stage tags the one matching the cell wins (the note
 * sits where one of its tags says), otherwise the first in map order, so the answer does not
 * depend on the order the platform lists tags in.
 */
export function decideStage(note: StageNote, ctx: StageContext): StageDecision {
  const { own: tagged, foreign } = readTags(note, ctx);
  // Another map's note (by its tag) has no stage or lane here, wherever it sits.
  if (tagged.length === 0 && foreign)
    return { stageId: null, laneId: null, stageSource: 'none', laneSource: 'none' };
  const cell = findCell(note.rect, ctx);
  const laneId = cell?.laneId ?? null;
  const laneSource: LaneSource = cell ? 'position' : 'none';

  if (tagged.length === 0) {
    return cell
      ? { stageId: cell.stageId, laneId, stageSource: 'position', laneSource }
      : { stageId: null, laneId, stageSource: 'none', laneSource };
  }
  if (tagged.length > 1) {
    const stageId = cell && tagged.includes(cell.stageId) ? cell.stageId : (tagged[0] as string);
    return { stageId, laneId, stageSource: 'tag', laneSource, conflict: 'multiple-stage-tags' };
  }
  const stageId = tagged[0] as string;
  if (cell && cell.stageId !== stageId) {
    return {
      stageId,
      laneId,
      stageSource: 'tag',
      laneSource,
      conflict: 'tag-disagrees-with-position',
    };
  }
  return { stageId, laneId, stageSource: 'tag', laneSource };
}
