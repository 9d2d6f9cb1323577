import type { BoardItem } from '../board/board-item';
import {
  decideStage,
  findCell,
  isInMap,
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
  /** Notes inside the map with no stage tag ("Tag by position" candidates). */
  untaggedInMap: string[];
  /** Notes inside the map whose stage could not be decided at all. */
  undecidedInMap: string[];
  conflicts: StageConflictEntry[];
  notesInMap: number;
}

/** The Stages tab's figures. Items that are not notes are ignored; notes outside the map count only if tagged. */
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
  let notesInMap = 0;

  for (const item of items) {
    if (item.kind !== 'note') continue;
    const inMap = isInMap(item.rect, ctx);
    const decision = decideStage(item, ctx);
    if (inMap) notesInMap += 1;
    if (decision.stageSource !== 'tag' && inMap) untaggedInMap.push(item.id);
    if (decision.stageId === null && inMap) undecidedInMap.push(item.id);
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
  return { perStage: [...perStage.values()], untaggedInMap, undecidedInMap, conflicts, notesInMap };
}
