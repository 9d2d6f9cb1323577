/**
 * A keyed family of board items that Touchpoint draws beside a map (issue 14: the KPI cards, the
 * RACI frame): drawn again, it updates in place by key; never doubled; removable; and repair is
 * the first run again.
 *
 * Like the map (app/map/adopt-map-items.ts), the items carry no marker: an item's kind, text and
 * place are its operation key. The record (`<name>:<mapId>` in the insights collection) holds
 * key → item id and the items last planned. The plan is saved before any board write (intent
 * before effect), so a run that was cut off after a create whose answer was lost leaves an item
 * the next run recognises from that plan and adopts (or removes, when it is no longer wanted).
 * What to write is planned without the board (`domain/insights/family-plan.ts`); here the board
 * is read, the record saved around the writes, and the writes applied.
 */
import type { Board, CreateSpec, Rect, WriteOp } from '../../board/port';
import { errorMessage } from '../../domain/common';
import {
  planFamilyWrite,
  plannedOf,
  readFamilyRecord,
  reconcileFamily,
  staleKey,
  type FamilyItem as PlannedFamilyItem,
  type FamilyWrite,
  type Planned,
} from '../../domain/insights/family-plan';
import { succeededOps } from '../../board/batch-result';
import { insights } from './insights-store';

/** One wanted item, created as the port's frame, shape or text (`domain/insights/family-plan`). */
export type FamilyItem = PlannedFamilyItem<CreateSpec & { kind: 'frame' | 'shape' | 'text' }>;

export type FamilyOutcome =
  | { status: 'done'; created: number; updated: number; removed: number }
  | { status: 'incomplete'; cancelled: boolean; messages: string[] }
  | { status: 'failed'; message: string };

async function read(board: Board, recordKey: string) {
  const [items, value] = await Promise.all([
    board.listItems(['frame', 'shape', 'text']),
    insights(board).get(recordKey),
  ]);
  return { items, record: readFamilyRecord(value), stored: value !== undefined };
}

function incomplete(
  failed: { message: string }[],
  cancelled: boolean,
  done: number,
  total: number,
  again: string,
): FamilyOutcome {
  return {
    status: 'incomplete',
    cancelled,
    messages: [
      ...failed.map((f) => f.message),
      `${done} of ${total} board changes were made${cancelled ? ' before it was stopped' : ''}; ${again} again finishes.`,
    ],
  };
}

/**
 * Draws `wanted` (or updates it in place), removing the family's items that are no longer
 * wanted. `again` names the button that repairs ("“Show KPIs on the board”").
 */
export async function drawFamily(
  board: Board,
  recordKey: string,
  wanted: readonly FamilyItem[],
  again: string,
  signal?: AbortSignal,
): Promise<FamilyOutcome> {
  let state;
  try {
    state = await read(board, recordKey);
  } catch (error) {
    return { status: 'failed', message: `The board could not be read (${errorMessage(error)}).` };
  }
  const plan = wanted.map(plannedOf);
  const { itemIds, strays } = reconcileFamily(state.items, state.record, plan);
  try {
    // Intent before effect: what this run is about to make, so a repair can recognise it.
    await insights(board).set(recordKey, {
      itemIds,
      planned: [...plan, ...state.record.planned.filter((p) => !plan.some((q) => q.key === p.key))],
    });
  } catch (error) {
    return {
      status: 'failed',
      message: `Nothing was changed on the board: its plan could not be saved (${errorMessage(error)}).`,
    };
  }
  const write = planFamilyWrite(state.items, itemIds, strays, wanted);
  if (write.ops.length === 0) return { status: 'done', created: 0, updated: 0, removed: 0 };
  return writeFamily(board, recordKey, write, plan, again, signal);
}

/**
 * Applies the planned writes and records what the board now holds: the ids the creates made, and
 * each remove that did not happen (so the next run removes it).
 */
async function writeFamily(
  board: Board,
  recordKey: string,
  write: FamilyWrite<FamilyItem['spec']>,
  plan: readonly Planned[],
  again: string,
  signal?: AbortSignal,
): Promise<FamilyOutcome> {
  const { ops, itemIds } = write;
  const result = await board.apply(ops, {
    signal,
    onCreated: (ref, id) => {
      itemIds[ref] = id;
    },
  });
  Object.assign(itemIds, result.ids);
  const ok = succeededOps(result, ops.length);
  ops.forEach((op, i) => {
    if (op.op === 'remove' && !ok.has(i)) itemIds[staleKey(op.id)] = op.id;
  });
  try {
    await insights(board).set(recordKey, { itemIds, planned: plan });
  } catch (error) {
    return {
      status: 'incomplete',
      cancelled: false,
      messages: [
        `The board was changed but its record could not be saved (${errorMessage(error)}); ${again} again finishes.`,
      ],
    };
  }
  if (result.failed.length > 0 || result.cancelled)
    return incomplete(result.failed, result.cancelled, result.done, ops.length, again);
  const { created, updated, removed } = write;
  return { status: 'done', created, updated, removed };
}

/**
 * The family's items now on the board (recorded, or made by a cut-off run), frames last; null
 * when the family has no record (it was never drawn, or is forgotten).
 */
export async function familyIds(board: Board, recordKey: string): Promise<string[] | null> {
  const { items, record, stored } = await read(board, recordKey);
  if (!stored) return null;
  const { itemIds, strays } = reconcileFamily(items, record, []);
  const kind = new Map(items.map((i) => [i.id, i.kind]));
  const ids = [...new Set([...Object.values(itemIds), ...strays])];
  return [
    ...ids.filter((id) => kind.get(id) !== 'frame'),
    ...ids.filter((id) => kind.get(id) === 'frame'),
  ];
}

/**
 * Where the last plan put the item `key`, or null: a family placed in free space is drawn again
 * where it was planned, so a repair finds what a cut-off run made.
 */
export async function plannedRect(
  board: Board,
  recordKey: string,
  key: string,
): Promise<Rect | null> {
  const { record } = await read(board, recordKey);
  return record.planned.find((p) => p.key === key)?.rect ?? null;
}

/** Forgets the family's record (after its items are gone). */
export const forgetFamily = (board: Board, recordKey: string): Promise<void> =>
  insights(board).remove(recordKey);

/** Removes the family's items and then its record. */
export async function removeFamily(
  board: Board,
  recordKey: string,
  again: string,
  signal?: AbortSignal,
): Promise<FamilyOutcome> {
  let ids;
  try {
    ids = (await familyIds(board, recordKey)) ?? [];
  } catch (error) {
    return { status: 'failed', message: `The board could not be read (${errorMessage(error)}).` };
  }
  const ops: WriteOp[] = ids.map((id) => ({ op: 'remove', id }));
  const result =
    ops.length === 0
      ? { ids: {}, done: 0, failed: [], cancelled: false }
      : await board.apply(ops, { signal });
  if (result.failed.length > 0 || result.cancelled)
    return incomplete(result.failed, result.cancelled, result.done, ops.length, again);
  try {
    await forgetFamily(board, recordKey);
  } catch (error) {
    return {
      status: 'incomplete',
      cancelled: false,
      messages: [
        `The items are removed but their record could not be deleted (${errorMessage(error)}); ${again} again finishes.`,
      ],
    };
  }
  return { status: 'done', created: 0, updated: 0, removed: ops.length };
}
