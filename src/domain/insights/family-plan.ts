/**
 * A keyed family of board items drawn beside a map (the KPI cards, the RACI frame), planned
 * without the board: its record (key → item id, and the items last planned), which items on the
 * board are the family's (recorded, or made by a run that was cut off: recognised by kind, text and
 * place), and the writes that make the board show `wanted`. `app/insights/board-family.ts` reads
 * the board, saves the record around the writes and applies them.
 */
import { isRecord } from '../common';
import {
  nearlyEqual,
  nearlySameRect,
  rectUnion,
  sameCentre,
  type BoardItem,
  type Rect,
} from '../board/board-item';

/** What a family item is created as; the port's create specs of these kinds are such specs. */
export type FamilySpec =
  | { kind: 'frame'; title: string; rect: Rect }
  | { kind: 'shape' | 'text'; text: string; rect: Rect };

/**
 * One wanted item. Frames come first in a family; a child names its frame's key, or the id of a
 * frame outside the family (`parentId`: a map's frame).
 */
export interface FamilyItem<S extends FamilySpec = FamilySpec> {
  key: string;
  spec: S;
  parentKey?: string;
  parentId?: string;
}

/** An item as planned: what recognises it on the board after a run that was cut off. */
export interface Planned {
  key: string;
  kind: FamilySpec['kind'];
  text: string;
  rect: Rect;
}

export interface FamilyRecord {
  itemIds: Record<string, string>;
  planned: Planned[];
}

/** A write of the family's plan, in the port's terms (a `WriteOp` where `S` is its create spec). */
export type FamilyOp<S extends FamilySpec> =
  | { op: 'create'; ref: string; item: S; parent?: { id: string } | { ref: string } }
  | { op: 'update'; id: string; patch: { text?: string; rect?: Partial<Rect> } }
  | { op: 'remove'; id: string };

export interface FamilyWrite<S extends FamilySpec> {
  ops: FamilyOp<S>[];
  /** The record's ids once the writes are done, before the creates add theirs. */
  itemIds: Record<string, string>;
  created: number;
  updated: number;
  removed: number;
}

const textOf = (spec: FamilySpec) => (spec.kind === 'frame' ? spec.title : spec.text);

export const plannedOf = (item: FamilyItem): Planned => ({
  key: item.key,
  kind: item.spec.kind,
  text: textOf(item.spec),
  rect: item.spec.rect,
});

/** The record key of an item a run meant to remove and could not (no layout key wants it). */
export const staleKey = (id: string): string => `stale:${id}`;

/** Whether `item` is what creating `want` makes: kind, text, centre and width (frames: rect). */
function isMadeFrom(item: BoardItem, want: Planned): boolean {
  if (item.kind !== want.kind || item.text !== want.text) return false;
  if (want.kind === 'frame') return nearlySameRect(item.rect, want.rect);
  return sameCentre(item.rect, want.rect) && nearlyEqual(item.rect.w, want.rect.w);
}

/** The family's record as stored; what is not well formed is left out. */
export function readFamilyRecord(value: unknown): FamilyRecord {
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

/**
 * The family's recorded ids that are on the board, completed with unrecorded items a cut-off run
 * made (found by the last plan and by `wanted`); `strays` are extra copies to remove.
 */
export function reconcileFamily(
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

/**
 * The writes that make the board show `wanted`, from the family's items on it (`itemIds`,
 * `strays` from `reconcileFamily`): strays and unwanted items removed (frames last, once their
 * children are gone), frames made or grown (shrunk at the end, so no child falls outside while
 * they move), children made, moved or made again where they cannot change in place.
 */
export function planFamilyWrite<S extends FamilySpec>(
  items: readonly BoardItem[],
  recorded: Readonly<Record<string, string>>,
  strays: readonly string[],
  wanted: readonly FamilyItem<S>[],
): FamilyWrite<S> {
  const itemIds = { ...recorded };
  const byId = new Map(items.map((i) => [i.id, i]));
  const wantedKeys = new Set(wanted.map((w) => w.key));
  const removeIds: string[] = [...strays];
  const laterFrameRemoves: string[] = [];
  for (const [key, id] of Object.entries(itemIds)) {
    if (wantedKeys.has(key)) continue;
    if (byId.get(id)?.kind === 'frame') laterFrameRemoves.push(id);
    else removeIds.push(id);
    delete itemIds[key];
  }
  const ops: FamilyOp<S>[] = removeIds.map((id) => ({ op: 'remove', id }));
  const frames = planFrames(
    wanted.filter((w) => w.spec.kind === 'frame'),
    itemIds,
    byId,
  );
  const children = planChildren(
    wanted.filter((w) => w.spec.kind !== 'frame'),
    itemIds,
    byId,
  );
  ops.push(
    ...frames.ops,
    ...children.ops,
    ...frames.finalUpdates,
    ...laterFrameRemoves.map((id) => ({ op: 'remove' as const, id })),
  );
  return {
    ops,
    itemIds,
    created: frames.created + children.created,
    updated: frames.updated + children.updated,
    removed: removeIds.length + laterFrameRemoves.length,
  };
}

/** The frames made, or grown to hold both where they are and where they go (`finalUpdates` shrink). */
function planFrames<S extends FamilySpec>(
  frames: readonly FamilyItem<S>[],
  itemIds: Readonly<Record<string, string>>,
  byId: ReadonlyMap<string, BoardItem>,
) {
  const ops: FamilyOp<S>[] = [];
  const finalUpdates: FamilyOp<S>[] = [];
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
    if (nearlySameRect(now.rect, rect) && now.text === title) continue;
    // Grow first so no child falls outside while they move; shrink after.
    const grown = rectUnion(now.rect, rect);
    ops.push({ op: 'update', id, patch: { rect: grown, text: title } });
    if (!nearlySameRect(grown, rect)) finalUpdates.push({ op: 'update', id, patch: { rect } });
    updated += 1;
  }
  return { ops, finalUpdates, created, updated };
}

/**
 * The children made, moved or made again; a child made again leaves `itemIds` (its create's ref
 * names it until the write is done).
 */
function planChildren<S extends FamilySpec>(
  children: readonly FamilyItem<S>[],
  itemIds: Record<string, string>,
  byId: ReadonlyMap<string, BoardItem>,
) {
  const ops: FamilyOp<S>[] = [];
  let created = 0;
  let updated = 0;
  const parentOf = (item: FamilyItem<S>): { id: string } | { ref: string } | undefined => {
    if (item.parentId !== undefined) return { id: item.parentId };
    if (item.parentKey === undefined) return undefined;
    const id = itemIds[item.parentKey];
    return id === undefined ? { ref: item.parentKey } : { id };
  };
  for (const child of children) {
    const id = itemIds[child.key];
    const spec = child.spec;
    const now = id === undefined ? undefined : byId.get(id);
    const parent = parentOf(child);
    const create: FamilyOp<S> = {
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
    } else if (!nearlySameRect(now.rect, spec.rect) || now.text !== textOf(spec)) {
      ops.push({
        op: 'update',
        id,
        patch: { text: textOf(spec), rect: { x: spec.rect.x, y: spec.rect.y } },
      });
      updated += 1;
    }
  }
  return { ops, created, updated };
}
