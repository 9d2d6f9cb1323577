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
 */
import type { Board, BoardItem, CreateSpec, ItemRef, Rect, WriteOp } from '../../board/port';
import { nearlyEqual, sameCentre } from '../../domain/board/board-item';
import { errorMessage } from '../../domain/common';
import { isRecord } from '../../domain/voting/guards';
import { succeededOps } from '../../board/batch-result';
import { insights } from './insights-store';

/** Record keys of items a run meant to remove and could not (no layout key wants them). */
const STALE = 'stale:';

/**
 * One wanted item. Frames come first in a family; a child names its frame's key, or the id of a
 * frame outside the family (`parentId`: a map's frame).
 */
export interface FamilyItem {
  key: string;
  spec: CreateSpec & { kind: 'frame' | 'shape' | 'text' };
  parentKey?: string;
  parentId?: string;
}

interface Planned {
  key: string;
  kind: 'frame' | 'shape' | 'text';
  text: string;
  rect: Rect;
}

interface FamilyRecord {
  itemIds: Record<string, string>;
  planned: Planned[];
}

export type FamilyOutcome =
  | { status: 'done'; created: number; updated: number; removed: number }
  | { status: 'incomplete'; cancelled: boolean; messages: string[] }
  | { status: 'failed'; message: string };

const textOf = (spec: FamilyItem['spec']) => (spec.kind === 'frame' ? spec.title : spec.text);
const plannedOf = (item: FamilyItem): Planned => ({
  key: item.key,
  kind: item.spec.kind,
  text: textOf(item.spec),
  rect: item.spec.rect,
});

const sameRect = (a: Rect, b: Rect) =>
  nearlyEqual(a.x, b.x) && nearlyEqual(a.y, b.y) && nearlyEqual(a.w, b.w) && nearlyEqual(a.h, b.h);

/** Whether `item` is what creating `want` makes: kind, text, centre and width (frames: rect). */
function isMadeFrom(item: BoardItem, want: Planned): boolean {
  if (item.kind !== want.kind || item.text !== want.text) return false;
  if (want.kind === 'frame') return sameRect(item.rect, want.rect);
  return sameCentre(item.rect, want.rect) && nearlyEqual(item.rect.w, want.rect.w);
}

function readRecord(value: unknown): FamilyRecord {
  if (!isRecord(value)) return { itemIds: {}, planned: [] };
  const itemIds: Record<string, string> = {};
  if (isRecord(value.itemIds))
    for (const [k, v] of Object.entries(value.itemIds)) if (typeof v === 'string') itemIds[k] = v;
  const planned: Planned[] = [];
  if (Array.isArray(value.planned))
    for (const p of value.planned) {
      if (!isRecord(p) || typeof p.key !== 'string' || typeof p.text !== 'string') continue;
      if (p.kind !== 'frame' && p.kind !== 'shape' && p.kind !== 'text') continue;
      const r = p.rect;
      if (!isRecord(r) || ![r.x, r.y, r.w, r.h].every((n) => typeof n === 'number')) continue;
      planned.push({ key: p.key, kind: p.kind, text: p.text, rect: r as unknown as Rect });
    }
  return { itemIds, planned };
}

const errorText = errorMessage;

/**
 * The family's recorded ids that are on the board, completed with unrecorded items a cut-off run
 * made (found by the last plan and by `wanted`); `strays` are extra copies to remove.
 */
function reconcile(
  items: readonly BoardItem[],
  record: FamilyRecord,
  wanted: readonly Planned[],
): { itemIds: Record<string, string>; strays: string[] } {
  const exists = new Map(items.map((i) => [i.id, i]));
  const itemIds: Record<string, string> = {};
  for (const [key, id] of Object.entries(record.itemIds)) if (exists.has(id)) itemIds[key] = id;
  const claimed = new Set(Object.values(itemIds));
  const candidates = items.filter(
    (i) => !claimed.has(i.id) && (i.kind === 'shape' || i.kind === 'text' || i.kind === 'frame'),
  );
  const byKey = new Map<string, Planned[]>();
  for (const p of [...wanted, ...record.planned])
    byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  for (const [key, wants] of byKey) {
    if (itemIds[key] !== undefined) continue;
    const found = candidates.find((i) => !claimed.has(i.id) && wants.some((w) => isMadeFrom(i, w)));
    if (!found) continue;
    itemIds[key] = found.id;
    claimed.add(found.id);
  }
  const all = [...byKey.values()].flat();
  const strays = candidates
    .filter((i) => !claimed.has(i.id) && all.some((w) => isMadeFrom(i, w)))
    .map((i) => i.id);
  return { itemIds, strays };
}

async function read(board: Board, recordKey: string) {
  const [items, value] = await Promise.all([
    board.listItems(['frame', 'shape', 'text']),
    insights(board).get(recordKey),
  ]);
  return { items, record: readRecord(value), stored: value !== undefined };
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
    return { status: 'failed', message: `The board could not be read (${errorText(error)}).` };
  }
  const plan = wanted.map(plannedOf);
  const { itemIds, strays } = reconcile(state.items, state.record, plan);
  const shared = insights(board);
  try {
    // Intent before effect: what this run is about to make, so a repair can recognise it.
    await shared.set(recordKey, {
      itemIds,
      planned: [...plan, ...state.record.planned.filter((p) => !plan.some((q) => q.key === p.key))],
    });
  } catch (error) {
    return {
      status: 'failed',
      message: `Nothing was changed on the board: its plan could not be saved (${errorText(error)}).`,
    };
  }

  const byId = new Map(state.items.map((i) => [i.id, i]));
  const wantedKeys = new Set(wanted.map((w) => w.key));
  const frames = wanted.filter((w) => w.spec.kind === 'frame');
  const children = wanted.filter((w) => w.spec.kind !== 'frame');
  const removeIds: string[] = [...strays];
  const laterFrameRemoves: string[] = [];
  for (const [key, id] of Object.entries(itemIds)) {
    if (wantedKeys.has(key)) continue;
    if (byId.get(id)?.kind === 'frame') laterFrameRemoves.push(id);
    else removeIds.push(id);
    delete itemIds[key];
  }
  const ops: WriteOp[] = removeIds.map((id) => ({ op: 'remove', id }));
  const finalFrameUpdates: WriteOp[] = [];
  const parentOf = (item: FamilyItem): ItemRef | undefined => {
    if (item.parentId !== undefined) return { id: item.parentId };
    if (item.parentKey === undefined) return undefined;
    const id = itemIds[item.parentKey];
    return id === undefined ? { ref: item.parentKey } : { id };
  };
  let created = 0;
  let updated = 0;
  for (const frame of frames) {
    const id = itemIds[frame.key];
    const rect = frame.spec.rect;
    if (id === undefined) {
      ops.push({ op: 'create', ref: frame.key, item: frame.spec });
      created += 1;
      continue;
    }
    const now = byId.get(id) as BoardItem;
    const title = textOf(frame.spec);
    if (sameRect(now.rect, rect) && now.text === title) continue;
    // Grow first so no child falls outside while they move; shrink after.
    const grown = {
      x: Math.min(now.rect.x, rect.x),
      y: Math.min(now.rect.y, rect.y),
      w: Math.max(now.rect.x + now.rect.w, rect.x + rect.w) - Math.min(now.rect.x, rect.x),
      h: Math.max(now.rect.y + now.rect.h, rect.y + rect.h) - Math.min(now.rect.y, rect.y),
    };
    ops.push({ op: 'update', id, patch: { rect: grown, text: title } });
    if (!sameRect(grown, rect)) finalFrameUpdates.push({ op: 'update', id, patch: { rect } });
    updated += 1;
  }
  for (const child of children) {
    const id = itemIds[child.key];
    const spec = child.spec;
    const now = id === undefined ? undefined : byId.get(id);
    const parent = parentOf(child);
    const create: WriteOp = {
      op: 'create',
      ref: child.key,
      item: spec,
      ...(parent ? { parent } : {}),
    };
    // A child made but never put in its frame (a run cut off between the two calls).
    const wantedParent =
      child.parentId ?? (child.parentKey === undefined ? undefined : itemIds[child.parentKey]);
    const outside =
      (child.parentId !== undefined || child.parentKey !== undefined) &&
      now !== undefined &&
      (wantedParent === undefined || now.parentId !== wantedParent);
    if (!now || id === undefined) {
      ops.push(create);
      created += 1;
    } else if (
      outside ||
      !nearlyEqual(now.rect.w, spec.rect.w) ||
      !nearlyEqual(now.rect.h, spec.rect.h)
    ) {
      // Miro shapes cannot be resized after creation (or moved into a frame by update): replace.
      ops.push({ op: 'remove', id }, create);
      delete itemIds[child.key];
      updated += 1;
    } else if (!sameRect(now.rect, spec.rect) || now.text !== textOf(spec)) {
      ops.push({
        op: 'update',
        id,
        patch: { text: textOf(spec), rect: { x: spec.rect.x, y: spec.rect.y } },
      });
      updated += 1;
    }
  }
  ops.push(...finalFrameUpdates, ...laterFrameRemoves.map((id) => ({ op: 'remove' as const, id })));
  const removed = removeIds.length + laterFrameRemoves.length;
  if (ops.length === 0) return { status: 'done', created: 0, updated: 0, removed: 0 };

  const result = await board.apply(ops, {
    signal,
    onCreated: (ref, id) => {
      itemIds[ref] = id;
    },
  });
  Object.assign(itemIds, result.ids);
  // A remove that did not happen keeps its item on the record, so the next run removes it.
  const ok = succeededOps(result, ops.length);
  ops.forEach((op, i) => {
    if (op.op === 'remove' && !ok.has(i)) itemIds[`${STALE}${op.id}`] = op.id;
  });
  try {
    await shared.set(recordKey, { itemIds, planned: plan });
  } catch (error) {
    return {
      status: 'incomplete',
      cancelled: false,
      messages: [
        `The board was changed but its record could not be saved (${errorText(error)}); ${again} again finishes.`,
      ],
    };
  }
  if (result.failed.length > 0 || result.cancelled)
    return incomplete(result.failed, result.cancelled, result.done, ops.length, again);
  return { status: 'done', created, updated, removed };
}

/**
 * The family's items now on the board (recorded, or made by a cut-off run), frames last; null
 * when the family has no record (it was never drawn, or is forgotten).
 */
export async function familyIds(board: Board, recordKey: string): Promise<string[] | null> {
  const { items, record, stored } = await read(board, recordKey);
  if (!stored) return null;
  const { itemIds, strays } = reconcile(items, record, []);
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
    return { status: 'failed', message: `The board could not be read (${errorText(error)}).` };
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
        `The items are removed but their record could not be deleted (${errorText(error)}); ${again} again finishes.`,
      ],
    };
  }
  return { status: 'done', created: 0, updated: 0, removed: ops.length };
}
