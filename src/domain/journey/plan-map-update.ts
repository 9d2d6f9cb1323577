/**
 * What "Update on board" changes (issue 2 §4): the existing map is edited in place, by layout
 * key, never duplicated. Pure; app/map turns the plan into Board write operations.
 *
 * - A renamed stage: its header text changes and its tag is renamed (notes keep it).
 * - A new stage or lane: its header or label and its cells are created; the frame grows and
 *   cells that shift move, together with the notes in them.
 * - A removed stage or lane: its cells go only if no note is in them; otherwise nothing is
 *   planned until the facilitator confirms (`confirmRemove`), and the notes are then parked
 *   beside the grid inside the frame rather than deleted.
 * - Keys with no item id (a create that failed last time) are created: the update completes
 *   a half-made map.
 *
 * The frame grows before children move and shrinks after, and never shrinks past a note,
 * because Miro refuses to resize a frame so its children fall outside.
 */
import { cellAt, FRAME_KEY, LAYOUT, layoutMap, type LayoutItem, type MapLayout } from './layout';
import {
  rectCenter,
  rectContains,
  rectUnion,
  sameRect,
  type BoardItem,
  type Rect,
} from '../board/board-item';
import { stageTagTitle, type MapSpec } from './map-spec';

export interface MapState {
  spec: MapSpec;
  /** Layout of `spec` where the frame is now (so a frame moved by hand is followed). */
  layout: MapLayout;
  /** Layout key → board item id, for the items that exist. */
  itemIds: Readonly<Record<string, string>>;
  /** Stage id → title of its board tag; defaults to the stage tag of the spec's names. */
  tagTitles?: Readonly<Record<string, string>>;
  /** The frame as it is on the board now, if known (it may be larger than the layout's). */
  frame?: Rect;
}

/** A sticky note on the map, where it is now (absolute, top-left). */
export interface PlacedNote {
  id: string;
  rect: Rect;
}

export interface PlanOptions {
  /** Ids of removed stages and lanes the facilitator agreed to remove despite their notes. */
  confirmRemove?: readonly string[];
  /** Re-send every existing item's position and text (after an update that failed halfway). */
  resync?: boolean;
  /**
   * Stage id → the tag title the stage should have (the map's own, chosen so no other map holds
   * it: stage-tag-titles.ts). A stage missing here gets `Stage · <name>`.
   */
  tagTitles?: Readonly<Record<string, string>>;
}

export type MapPlanOp =
  | { op: 'create'; key: string; item: LayoutItem }
  | { op: 'update'; key: string; id: string; rect?: Rect; text?: string; fill?: string }
  | { op: 'remove'; key: string; id: string }
  | { op: 'move-note'; id: string; rect: Rect };

export type RemovalConfirmation =
  | { kind: 'stage'; stageId: string; name: string; notes: number }
  | { kind: 'lane'; laneId: string; name: string; notes: number };

export interface MapUpdatePlan {
  /** In order. Empty while `needsConfirmation` is not. */
  ops: MapPlanOp[];
  layout: MapLayout;
  /** The frame as it will be (the layout's, or larger to keep every note inside). */
  frame: Rect;
  tagRenames: { stageId: string; from: string; to: string }[];
  /** Tags to make sure exist: new stages, and stages whose tag was never recorded. */
  tagsToEnsure: string[];
  /** Stage id → tag title once the plan is applied. */
  tagTitles: Record<string, string>;
  needsConfirmation: RemovalConfirmation[];
}

export function planMapUpdate(
  previous: MapState,
  next: MapSpec,
  notes: readonly PlacedNote[],
  options: PlanOptions = {},
): MapUpdatePlan {
  const confirmed = new Set(options.confirmRemove ?? []);
  const layout = layoutMap(next, previous.layout.origin);
  const prevItems = new Map(previous.layout.items.map((i) => [i.key, i]));
  const nextItems = new Map(layout.items.map((i) => [i.key, i]));
  const tags = deriveTagChanges(previous, next, options.tagTitles);

  const nextStages = new Set(next.stages.map((s) => s.id));
  const nextLanes = new Set(next.lanes.map((l) => l.id));
  const removedStages = previous.spec.stages.filter((s) => !nextStages.has(s.id));
  const removedLanes = previous.spec.lanes.filter((l) => !nextLanes.has(l.id));

  // Where each note is now, by cell.
  const placed = notes.map((note) => ({
    note,
    cell: cellAt(previous.layout.geometry, rectCenter(note.rect)),
  }));
  const countIn = (match: (c: { stageId: string; laneId: string }) => boolean) =>
    placed.filter((p) => p.cell && match(p.cell)).length;

  const needsConfirmation: RemovalConfirmation[] = [];
  for (const s of removedStages) {
    const n = countIn((c) => c.stageId === s.id);
    if (n > 0 && !confirmed.has(s.id))
      needsConfirmation.push({ kind: 'stage', stageId: s.id, name: s.name, notes: n });
  }
  for (const l of removedLanes) {
    const n = countIn((c) => c.laneId === l.id);
    if (n > 0 && !confirmed.has(l.id))
      needsConfirmation.push({ kind: 'lane', laneId: l.id, name: l.name, notes: n });
  }

  const base = {
    layout,
    tagRenames: tags.renames,
    tagsToEnsure: tags.ensure,
    tagTitles: tags.titles,
  };
  if (needsConfirmation.length > 0)
    return { ...base, ops: [], frame: layout.geometry.frame, needsConfirmation };

  // Notes follow their cell; notes of a removed cell are parked right of the grid.
  const noteMoves: { id: string; rect: Rect }[] = [];
  const parked: PlacedNote[] = [];
  const finalNoteRects: Rect[] = [];
  for (const { note, cell } of placed) {
    if (!cell) {
      finalNoteRects.push(note.rect);
      continue;
    }
    const key = `cell:${cell.stageId}:${cell.laneId}`;
    const from = prevItems.get(key);
    const to = nextItems.get(key);
    if (!to || !from) {
      parked.push(note);
      continue;
    }
    const rect = {
      ...note.rect,
      x: note.rect.x + to.rect.x - from.rect.x,
      y: note.rect.y + to.rect.y - from.rect.y,
    };
    if (rect.x !== note.rect.x || rect.y !== note.rect.y) noteMoves.push({ id: note.id, rect });
    finalNoteRects.push(rect);
  }
  const parkedRects = parkNotes(layout, parked);
  parked.forEach((note, i) => {
    const rect = parkedRects[i] as Rect;
    noteMoves.push({ id: note.id, rect });
    finalNoteRects.push(rect);
  });

  const frame = withPadding(
    rectUnion(layout.geometry.frame, ...finalNoteRects),
    layout.geometry.frame,
  );
  const currentFrame = previous.frame ?? previous.layout.geometry.frame;
  const grown = rectUnion(currentFrame, frame);
  const frameId = previous.itemIds[FRAME_KEY];
  const frameItem = nextItems.get(FRAME_KEY) as LayoutItem;

  const ops: MapPlanOp[] = [];
  if (frameId === undefined) {
    ops.push({ op: 'create', key: FRAME_KEY, item: { ...frameItem, rect: frame } });
  } else {
    const titleChanged = prevItems.get(FRAME_KEY)?.text !== frameItem.text;
    if (!sameRect(grown, currentFrame) || titleChanged || options.resync)
      ops.push({ op: 'update', key: FRAME_KEY, id: frameId, rect: grown, text: frameItem.text });
  }

  const creates: MapPlanOp[] = [];
  const updates: MapPlanOp[] = [];
  for (const [key, id] of Object.entries(previous.itemIds)) {
    if (key === FRAME_KEY) continue;
    const want = nextItems.get(key);
    if (!want) {
      ops.push({ op: 'remove', key, id });
      continue;
    }
    const had = prevItems.get(key);
    if (had && (had.rect.w !== want.rect.w || had.rect.h !== want.rect.h)) {
      // Miro shapes cannot be resized after creation: replace.
      ops.push({ op: 'remove', key, id });
      creates.push({ op: 'create', key, item: want });
      continue;
    }
    const moved = !had || !sameRect(had.rect, want.rect);
    const retexted = !had || had.text !== want.text;
    const refilled = !had || had.fill !== want.fill;
    if (options.resync || moved || retexted || refilled) {
      updates.push({
        op: 'update',
        key,
        id,
        ...(options.resync || moved ? { rect: want.rect } : {}),
        ...(options.resync || retexted ? { text: want.text } : {}),
        ...(options.resync || refilled ? { fill: want.fill } : {}),
      });
    }
  }
  for (const item of layout.items)
    if (item.key !== FRAME_KEY && previous.itemIds[item.key] === undefined)
      creates.push({ op: 'create', key: item.key, item });

  ops.push(...noteMoves.map((m) => ({ op: 'move-note' as const, ...m })), ...updates, ...creates);
  if (frameId !== undefined && !sameRect(grown, frame))
    ops.push({ op: 'update', key: FRAME_KEY, id: frameId, rect: frame });

  return { ...base, ops, frame, needsConfirmation };
}

/** The board's notes on the map: children of its frame, or centred inside it; none without a frame. */
export function notesInFrame(
  items: readonly BoardItem[],
  frame: BoardItem | undefined,
): PlacedNote[] {
  return frame
    ? items
        .filter(
          (i) =>
            i.kind === 'note' &&
            (i.parentId === frame.id || rectContains(frame.rect, rectCenter(i.rect))),
        )
        .map((i) => ({ id: i.id, rect: i.rect }))
    : [];
}

const isFrameStep = (step: MapPlanOp | undefined) =>
  step !== undefined && step.op !== 'move-note' && step.key === FRAME_KEY;

/**
 * A plan's ops as three batches, for a write queue that runs a batch's ops concurrently: the
 * frame's first step alone (it must have grown before children move into new space), the rest,
 * and the frame's last step alone (it may shrink only once they have moved).
 */
export function frameBatches(
  ops: readonly MapPlanOp[],
): [before: MapPlanOp[], children: MapPlanOp[], after: MapPlanOp[]] {
  const firstIsFrame = isFrameStep(ops[0]);
  const lastIsFrame = ops.length > 1 && isFrameStep(ops.at(-1));
  return [
    firstIsFrame ? ops.slice(0, 1) : [],
    ops.slice(firstIsFrame ? 1 : 0, lastIsFrame ? -1 : undefined),
    lastIsFrame ? ops.slice(-1) : [],
  ];
}

/**
 * Whether the map is whole once a plan ran: every item of its layout has an id and every stage
 * has the tag title the plan wanted (else the record stays incomplete, for the next update).
 */
export function isPlanDone(
  plan: Pick<MapUpdatePlan, 'layout' | 'tagTitles'>,
  spec: MapSpec,
  itemIds: Readonly<Record<string, string>>,
  tagTitles: Readonly<Record<string, string>>,
): boolean {
  return (
    plan.layout.items.every((item) => itemIds[item.key] !== undefined) &&
    spec.stages.every((s) => tagTitles[s.id] === plan.tagTitles[s.id])
  );
}

function deriveTagChanges(
  previous: MapState,
  next: MapSpec,
  wanted: Readonly<Record<string, string>> = {},
) {
  const recorded = previous.tagTitles;
  const prevNames = new Map(previous.spec.stages.map((s) => [s.id, s.name]));
  const renames: MapUpdatePlan['tagRenames'] = [];
  const ensure: string[] = [];
  const titles: Record<string, string> = {};
  for (const stage of next.stages) {
    const to = wanted[stage.id] ?? stageTagTitle(stage.name.trim());
    titles[stage.id] = to;
    const prevName = prevNames.get(stage.id);
    const from = recorded
      ? recorded[stage.id]
      : prevName !== undefined
        ? stageTagTitle(prevName.trim())
        : undefined;
    // A new stage, or one whose tag was never made (a failed create), needs its tag ensured.
    if (from === undefined) ensure.push(to);
    else if (from !== to) renames.push({ stageId: stage.id, from, to });
  }
  return { renames, ensure, titles };
}

/** Parked notes go in rows of three just right of the last column, from the first lane down. */
function parkNotes(layout: MapLayout, notes: readonly PlacedNote[]): Rect[] {
  const { gap } = LAYOUT;
  const frame = layout.geometry.frame;
  const left = frame.x + frame.w;
  const top = layout.geometry.rows[0]?.y ?? frame.y + LAYOUT.padding;
  const slot = Math.max(200, ...notes.map((n) => Math.max(n.rect.w, n.rect.h))) + gap;
  return notes.map((note, i) => ({
    x: left + (i % 3) * slot,
    y: top + Math.floor(i / 3) * slot,
    w: note.rect.w,
    h: note.rect.h,
  }));
}

/** Keeps the layout's padding around notes that reach past the layout's frame. */
function withPadding(bounds: Rect, frame: Rect): Rect {
  if (sameRect(bounds, frame)) return frame;
  const p = LAYOUT.padding;
  const x1 = bounds.x < frame.x ? bounds.x - p : frame.x;
  const y1 = bounds.y < frame.y ? bounds.y - p : frame.y;
  const x2 = bounds.x + bounds.w > frame.x + frame.w ? bounds.x + bounds.w + p : frame.x + frame.w;
  const y2 = bounds.y + bounds.h > frame.y + frame.h ? bounds.y + bounds.h + p : frame.y + frame.h;
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
