/**
 * Tagging notes with a stage from the panel: the selection gets one stage, and a conflict gets
 * one of its two readings. Each is one batch; the outcome lists the ops that succeeded so the
 * live view can show them at once (the board does not echo a panel's own writes to it).
 */
import type { Board, BoardItem, OpFailure, WriteOp } from '../../board/port';
import {
  decideStage,
  findCell,
  tagStageIds,
  type StageContext,
} from '../../domain/stages/decide-stage';
import { succeeded } from '../../board/batch-result';
import { ensureStageTags, planStageRetag, stageTitleOf } from './stage-tags';

export interface TagOutcome {
  /** Notes whose tags (or place) changed. */
  changed: number;
  /** Notes that already carried just that stage. */
  unchanged: number;
  failed: OpFailure[];
  cancelled: boolean;
  /** The ops that were written, to reflect in the live view. */
  applied: WriteOp[];
}

async function run(
  board: Board,
  ops: WriteOp[],
  unchanged: number,
  options: { signal?: AbortSignal } = {},
): Promise<TagOutcome> {
  const changedOps = ops.filter((op) => op.op !== 'ensureTag');
  if (changedOps.length === 0)
    return { changed: 0, unchanged, failed: [], cancelled: false, applied: [] };
  const result = await board.apply(ops, { signal: options.signal });
  const applied = succeeded(ops, result);
  const changedIds = new Set(
    applied.flatMap((op) => (op.op === 'tag' || op.op === 'update' ? [op.id] : [])),
  );
  return {
    changed: changedIds.size,
    unchanged,
    failed: result.failed,
    cancelled: result.cancelled,
    applied,
  };
}

/**
 * Gives `notes` the stage's tag and takes off every other stage tag of the same map, in one batch
 * (one 'tag' op per note that needs a change). Items that are not sticky notes are skipped.
 */
export async function tagNotesWithStage(
  board: Board,
  ctx: StageContext,
  notes: readonly BoardItem[],
  stageId: string,
): Promise<TagOutcome> {
  const title = stageTitleOf(ctx, stageId);
  if (title === null) throw new Error('This stage is no longer on the map.');
  const ops: WriteOp[] = ensureStageTags([title], ctx.geometry);
  let unchanged = 0;
  for (const note of notes) {
    if (note.kind !== 'note') continue;
    const change = planStageRetag(note, ctx, stageId);
    if (change) ops.push({ op: 'tag', id: note.id, ...change });
    else unchanged += 1;
  }
  return run(board, ops, unchanged);
}

/**
 * How a conflict is settled:
 * - `use-tag`: the note keeps the stage of its tag (`stageId`, one of its stage tags; by default
 *   the one `decideStage` reads), loses its other stage tags, and moves into that stage's cell of the
 *   same lane, at the same spot within the cell, so tag and position agree again.
 * - `use-position`: the note is retagged with the stage of the cell it sits in.
 */
export type ConflictFix = { use: 'tag'; stageId?: string } | { use: 'position' };

/** The ops that settle a conflict on `note`; empty when there is nothing to do. */
export function planConflictFix(note: BoardItem, ctx: StageContext, fix: ConflictFix): WriteOp[] {
  const cell = findCell(note.rect, ctx);
  if (fix.use === 'position') {
    if (!cell) return [];
    const change = planStageRetag(note, ctx, cell.stageId);
    const title = stageTitleOf(ctx, cell.stageId);
    return change && title
      ? [...ensureStageTags([title], ctx.geometry), { op: 'tag', id: note.id, ...change }]
      : [];
  }
  const decision = decideStage(note, ctx);
  const stageId = fix.stageId ?? (decision.stageSource === 'tag' ? decision.stageId : null);
  if (stageId === null || !tagStageIds(note, ctx).includes(stageId)) return [];
  const ops: WriteOp[] = [];
  const change = planStageRetag(note, ctx, stageId);
  if (change) ops.push({ op: 'tag', id: note.id, ...change });
  if (cell && cell.stageId !== stageId) {
    const target = ctx.geometry.cells.find(
      (c) => c.stageId === stageId && c.laneId === cell.laneId,
    );
    if (target)
      ops.push({
        op: 'update',
        id: note.id,
        patch: { rect: moveInto(note.rect, cell.rect, target.rect) },
      });
  }
  return ops;
}

/** The same offset within the target cell, kept inside it where the note fits. */
function moveInto(
  rect: BoardItem['rect'],
  from: BoardItem['rect'],
  to: BoardItem['rect'],
): { x: number; y: number } {
  const place = (pos: number, size: number, fromStart: number, toStart: number, toSize: number) => {
    const wanted = toStart + (pos - fromStart);
    if (size >= toSize) return toStart + (toSize - size) / 2;
    return Math.min(Math.max(wanted, toStart), toStart + toSize - size);
  };
  return {
    x: place(rect.x, rect.w, from.x, to.x, to.w),
    y: place(rect.y, rect.h, from.y, to.y, to.h),
  };
}

export async function fixConflict(
  board: Board,
  ctx: StageContext,
  note: BoardItem,
  fix: ConflictFix,
): Promise<TagOutcome> {
  return run(board, planConflictFix(note, ctx, fix), 0);
}
