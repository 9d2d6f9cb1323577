import type { BoardItem } from '../board/board-item';
import {
  decideStage,
  findCell,
  mapMembership,
  tagStageIds,
  type StageConflict,
  type StageContext,
} from './decide-stage';

export interface StageCount {
  stageId: string;
  name: string;
  /** Notes whose stage is this one, however decided. */
  count: number;
  byTag: number;
  byPosition: number;
}

export interface StageConflictEntry {
  itemId: string;
  conflict: StageConflict;
  /** Stages named by the note's tags, in map order. */
  tagStageIds: string[];
  /** Stage of the cell the note sits in, if any. */
  positionStageId: string | null;
}

export interface StageSummary {
  perStage: StageCount[];
  /** The map's notes with no stage tag of it ("Tag by position" candidates). */
  untaggedInMap: string[];
  /** The map's notes whose stage could not be decided at all (in the frame, in no cell). */
  undecidedInMap: string[];
  conflicts: StageConflictEntry[];
  /**
   * The map's notes by the membership rule: inside its frame, or tagged with its stage tag.
   * The per-stage counts plus `undecidedInMap` add up to it.
   */
  notesInMap: number;
  /** The map's notes outside its frame (they carry its stage tag): "loose", shown apart. */
  outsideFrame: string[];
  /** Notes inside this map's frame that carry another map's stage tag: that map's notes. */
  otherMapsNotes: string[];
}

/** The Stages tab's figures. Items that are not notes are ignored; only the map's notes count. */
export function summarizeStages(items: readonly BoardItem[], ctx: StageContext): StageSummary {
  const perStage = new Map<string, StageCount>(
    ctx.geometry.spec.stages.map((s) => [
      s.id,
      { stageId: s.id, name: s.name, count: 0, byTag: 0, byPosition: 0 },
    ]),
  );
  const untaggedInMap: string[] = [];
  const undecidedInMap: string[] = [];
  const conflicts: StageConflictEntry[] = [];
  const outsideFrame: string[] = [];
  const otherMapsNotes: string[] = [];
  let notesInMap = 0;

  for (const item of items) {
    if (item.kind !== 'note') continue;
    const membership = mapMembership(item, ctx);
    if (!membership.member) {
      if (membership.inFrame) otherMapsNotes.push(item.id);
      continue;
    }
    const decision = decideStage(item, ctx);
    notesInMap += 1;
    if (!membership.inFrame) outsideFrame.push(item.id);
    if (decision.stageSource !== 'tag') untaggedInMap.push(item.id);
    if (decision.stageId === null) undecidedInMap.push(item.id);
    const count = decision.stageId === null ? undefined : perStage.get(decision.stageId);
    if (count) {
      count.count += 1;
      if (decision.stageSource === 'tag') count.byTag += 1;
      else count.byPosition += 1;
    }
    if (decision.conflict) {
      conflicts.push({
        itemId: item.id,
        conflict: decision.conflict,
        tagStageIds: tagStageIds(item, ctx),
        positionStageId: findCell(item.rect, ctx)?.stageId ?? null,
      });
    }
  }
  return {
    perStage: [...perStage.values()],
    untaggedInMap,
    undecidedInMap,
    conflicts,
    notesInMap,
    outsideFrame,
    otherMapsNotes,
  };
}
