import { rectCenter, rectContains, type BoardItem, type Rect } from '../board/board-item';
import { stageTagTitle } from '../journey/map-spec';
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

/** Precomputed lookups for one map; build once per map, reuse for every note. */
export interface StageContext {
  geometry: PlacedMap;
  /** Normalised stage-tag title → stage id. */
  stageByTag: ReadonlyMap<string, string>;
  cells: CellIndex<MapCell>;
  /** Memo of raw tag title → stage id (null: not a stage tag of this map). */
  tagMemo: Map<string, string | null>;
}

/**
 * Tag titles on Miro are case-sensitive, so `Stage · Awareness` and `stage · awareness` can both
 * exist on one board; people mean the same stage by both. Whitespace runs are folded too, since
 * a title typed by hand easily gets a double space.
 */
export const normalizeTagTitle = (title: string): string =>
  title.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export function createStageContext(geometry: PlacedMap): StageContext {
  const stageIds = new Set(geometry.spec.stages.map((s) => s.id));
  const laneIds = new Set(geometry.spec.lanes.map((l) => l.id));
  const stageByTag = new Map<string, string>();
  for (const stage of geometry.spec.stages) {
    const key = normalizeTagTitle(stageTagTitle(stage.name));
    // Two stages whose names differ only in case cannot be told apart by tag: the first wins.
    if (!stageByTag.has(key)) stageByTag.set(key, stage.id);
  }
  // Cells naming a stage or lane the spec no longer has (a stale layout) are ignored.
  const cells = geometry.cells.filter((c) => stageIds.has(c.stageId) && laneIds.has(c.laneId));
  return { geometry, stageByTag, cells: createCellIndex(cells), tagMemo: new Map() };
}

/** The cell a note's centre sits in, if any. */
export const findCell = (rect: Rect, ctx: StageContext): MapCell | null =>
  ctx.cells.find(rectCenter(rect));

/** Whether the note's centre lies inside the map (its frame, or any of its cells). */
export const isInMap = (rect: Rect, ctx: StageContext): boolean =>
  rectContains(ctx.geometry.frameRect, rectCenter(rect)) || findCell(rect, ctx) !== null;

/** Stage ids named by the note's stage tags, in map order, without duplicates. */
export function tagStageIds(note: StageNote, ctx: StageContext): string[] {
  const found = new Set<string>();
  for (const title of note.tags) {
    let id = ctx.tagMemo.get(title);
    if (id === undefined) {
      id = ctx.stageByTag.get(normalizeTagTitle(title)) ?? null;
      ctx.tagMemo.set(title, id);
    }
    if (id !== null) found.add(id);
  }
  if (found.size < 2) return [...found];
  return ctx.geometry.spec.stages.map((s) => s.id).filter((id) => found.has(id));
}

/**
 * Decides a note's stage: its stage tag; else the cell its centre sits in; else none. The lane
 * always comes from the cell. With several stage tags the one matching the cell wins (the note
 * sits where one of its tags says), otherwise the first in map order, so the answer does not
 * depend on the order the platform lists tags in.
 */
export function decideStage(note: StageNote, ctx: StageContext): StageDecision {
  const cell = findCell(note.rect, ctx);
  const laneId = cell?.laneId ?? null;
  const laneSource: LaneSource = cell ? 'position' : 'none';
  const tagged = tagStageIds(note, ctx);

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
