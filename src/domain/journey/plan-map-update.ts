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
 *
 * Each concern in its own file: the notes (plan-map-notes.ts), the removals to confirm
 * (plan-map-removals.ts), the frame (plan-map-frame.ts) and the layout items
 * (plan-map-items.ts); the tag changes are here (`deriveTagChanges`).
 */
import { FRAME_KEY, layoutMap, type LayoutItem, type MapLayout } from './layout';
import { rectCenter, rectContains, type BoardItem, type Rect } from '../board/board-item';
import { stageTagTitle, type MapSpec } from './map-spec';
import { frameAround, planFrameSteps } from './plan-map-frame';
import { planItemSteps } from './plan-map-items';
import { notesByCell, planNoteMoves } from './plan-map-notes';
import { removalsToConfirm } from './plan-map-removals';

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
  const layout = layoutMap(next, previous.layout.origin);
  const prevItems = new Map(previous.layout.items.map((i) => [i.key, i]));
  const nextItems = new Map(layout.items.map((i) => [i.key, i]));
  const tags = deriveTagChanges(previous, next, options.tagTitles);
  const placed = notesByCell(previous.layout, notes);
  const needsConfirmation = removalsToConfirm(previous.spec, next, placed, options.confirmRemove);

  const base = {
    layout,
    tagRenames: tags.renames,
    tagsToEnsure: tags.ensure,
    tagTitles: tags.titles,
  };
  if (needsConfirmation.length > 0)
    return { ...base, ops: [], frame: layout.geometry.frame, needsConfirmation };

  const noteMoves = planNoteMoves(placed, prevItems, nextItems, layout);
  const frame = frameAround(layout, noteMoves.rects);
  const frameSteps = planFrameSteps(previous, prevItems, nextItems, frame, options.resync);
  const items = planItemSteps(previous.itemIds, layout, prevItems, nextItems, options.resync);
  const ops: MapPlanOp[] = [
    ...frameSteps.first,
    ...items.removes,
    ...noteMoves.moves.map((m) => ({ op: 'move-note' as const, ...m })),
    ...items.updates,
    ...items.creates,
    ...frameSteps.last,
  ];
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
