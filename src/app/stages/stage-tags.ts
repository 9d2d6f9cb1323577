/**
 * Which stage-tag changes put a note in one stage of a map: the stage's tag on, every other stage
 * tag of that map off (including spellings that differ only in case or spacing). Tags of other
 * maps and ordinary tags are left alone.
 */
import type { WriteOp } from '../../board/port';
import type { BoardItem } from '../../domain/board/board-item';
import {
  normalizeTagTitle,
  stageTitlesOf,
  type StageContext,
} from '../../domain/stages/decide-stage';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { stageTagColorOf } from '../../domain/journey/stage-tag-colors';

export interface TagChange {
  add: string[];
  remove: string[];
}

/** The board tag title of a stage of the context's map (its own tag), or null for an unknown stage. */
export function stageTitleOf(ctx: StageContext, stageId: string): string | null {
  return stageTitlesOf(ctx.geometry).get(stageId) ?? null;
}

/** Tag changes that leave `note` with exactly `stageId`'s tag of this map; null when none are needed. */
export function planStageRetag(
  note: Pick<BoardItem, 'tags'>,
  ctx: StageContext,
  stageId: string,
): TagChange | null {
  const title = stageTitleOf(ctx, stageId);
  if (title === null) return null;
  const remove = note.tags.filter((t) => t !== title && ctx.stageByTag.has(normalizeTagTitle(t)));
  const add = note.tags.includes(title) ? [] : [title];
  return add.length === 0 && remove.length === 0 ? null : { add, remove };
}

/**
 * `ensureTag` for each title, so tags exist before notes get them; a tag made here takes its
 * stage's colour when `placed` (the map) is given.
 */
export const ensureStageTags = (titles: Iterable<string>, placed?: PlacedMap): WriteOp[] =>
  [...new Set(titles)].map((title) => ({
    op: 'ensureTag',
    title,
    color: placed && stageTagColorOf(placed.spec, placed.tagTitles, title),
  }));

/** Tags after a successful 'tag' op, as the board will hold them. */
export const applyTagChange = (tags: readonly string[], change: Partial<TagChange>): string[] => {
  const removed = new Set(change.remove ?? []);
  return [...new Set([...tags.filter((t) => !removed.has(t)), ...(change.add ?? [])])];
};
