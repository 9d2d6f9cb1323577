/**
 * The board's pointer gestures as pure rules: which gesture a press starts, what a move shows and
 * what a release does (`hitOf` and `isTyping` read an event's target). `usePointerInput` keeps the
 * gesture under way, reads the DOM and applies the results.
 */
import { panBy, pinchCamera, screenToBoard, type Box, type Camera, type Point } from './camera';
import { boxFromPoints, idsInBox, toggleId } from './hit-test';
import { hasAncestorIn } from './plan-moves';

/** Pointer travel (screen px) before a press becomes a drag rather than a click. */
const DRAG_THRESHOLD = 3;

export type Gesture =
  | { kind: 'pan'; pointerId: number; start: Point; from: Camera; camera: Camera }
  | {
      kind: 'pinch';
      ids: readonly number[];
      start: { mid: Point; distance: number };
      from: Camera;
      camera: Camera;
    }
  | {
      kind: 'box';
      pointerId: number;
      start: Point;
      startBoard: Point;
      camera: Camera;
      additive: boolean;
      base: readonly string[];
      /** An unselected shape/text pressed: a click (no drag) selects it. */
      clickId: string | null;
      box: Box | null;
    }
  | {
      kind: 'drag';
      pointerId: number;
      start: Point;
      camera: Camera;
      ids: readonly string[];
      moving: ReadonlySet<string>;
      /** A selected item pressed among several: a click (no drag) selects it alone. */
      clickId: string | null;
      dx: number;
      dy: number;
      moved: boolean;
    };

export type Hit = { kind: 'item'; id: string } | { kind: 'background' };

/** Which item (or the empty canvas, frame bodies included) a pointer event landed on. */
export function hitOf(target: EventTarget | null): Hit {
  if (!(target instanceof Element)) return { kind: 'background' };
  const el = target.closest('[data-id],[data-background]');
  const id = el?.getAttribute('data-id');
  return id ? { kind: 'item', id } : { kind: 'background' };
}

/** Whether an event comes from a text field (the note editor): then it is not the canvas's. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Midpoint and spread of two fingers (one finger: no spread). */
function pinchOf(fingers: readonly Point[]): { mid: Point; distance: number } {
  const [a = { x: 0, y: 0 }, b = a] = fingers;
  return {
    mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    distance: Math.hypot(a.x - b.x, a.y - b.y),
  };
}

/** Whether a pointer event belongs to the gesture (a pinch: either of its fingers). */
export const ownsPointer = (g: Gesture, pointerId: number): boolean =>
  g.kind === 'pinch' ? g.ids.includes(pointerId) : g.pointerId === pointerId;

/** A second finger on the canvas turns whatever the first one began into a pinch. */
export function pinchStart(fingers: ReadonlyMap<number, Point>, camera: Camera): Gesture | null {
  if (fingers.size !== 2) return null;
  return {
    kind: 'pinch',
    ids: [...fingers.keys()],
    start: pinchOf([...fingers.values()]),
    from: camera,
    camera,
  };
}

/** What `startGesture` needs of a drawn item. */
export interface GestureEntry {
  id: string;
  parentId: string | null;
  item: { type: string };
}

/** The ids inside any of `roots` (children of dragged frames move with them). */
export function withDescendants(
  entries: ReadonlyMap<string, GestureEntry>,
  roots: readonly string[],
): Set<string> {
  const rootSet = new Set(roots);
  const out = new Set(roots);
  for (const e of entries.values()) if (hasAncestorIn(entries, e, rootSet)) out.add(e.id);
  return out;
}

export interface Press {
  pointerId: number;
  pointerType: string;
  button: number;
  shiftKey: boolean;
  /** Where it landed, in canvas pixels. */
  at: Point;
  hit: Hit;
}

export interface PressContext {
  camera: Camera;
  spaceHeld: boolean;
  selection: readonly string[];
  entries: ReadonlyMap<string, GestureEntry>;
}

export interface PressOutcome {
  gesture: Gesture | null;
  /** The selection the press makes at once (a shift-click's toggle, an unselected note grabbed). */
  select: readonly string[] | null;
}

/** The gesture a press with no gesture under way starts, and any selection it makes at once. */
export function startGesture(press: Press, ctx: PressContext): PressOutcome {
  const { pointerId, at: start, hit } = press;
  const { camera, selection } = ctx;
  // On touch screens one finger on empty canvas pans, as in Miro's mobile apps.
  const touchPan = press.pointerType === 'touch' && hit.kind === 'background';
  if (
    press.button === 1 ||
    press.button === 2 ||
    (press.button === 0 && (ctx.spaceHeld || touchPan))
  ) {
    return { gesture: { kind: 'pan', pointerId, start, from: camera, camera }, select: null };
  }
  const none: PressOutcome = { gesture: null, select: null };
  if (press.button !== 0) return none;
  const startBoard = screenToBoard(camera, start);
  const box = (additive: boolean, base: readonly string[], clickId: string | null): Gesture => ({
    kind: 'box',
    pointerId,
    start,
    startBoard,
    camera,
    additive,
    base,
    clickId,
    box: null,
  });
  if (hit.kind === 'background') {
    return { gesture: box(press.shiftKey, selection, null), select: null };
  }
  const entry = ctx.entries.get(hit.id);
  if (!entry) return none;
  if (press.shiftKey) return { gesture: null, select: toggleId(selection, hit.id) };
  const isSelected = selection.includes(hit.id);
  const grabbable = entry.item.type === 'sticky_note' || entry.item.type === 'frame';
  if (!isSelected && !grabbable) {
    // Map cells and labels lie under notes: dragging from them draws a selection box.
    return { gesture: box(false, [], hit.id), select: null };
  }
  const ids = isSelected ? [...selection] : [hit.id];
  const gesture: Gesture = {
    kind: 'drag',
    pointerId,
    start,
    camera,
    ids,
    moving: withDescendants(ctx.entries, ids),
    clickId: isSelected && selection.length > 1 ? hit.id : null,
    dx: 0,
    dy: 0,
    moved: false,
  };
  return { gesture, select: isSelected ? null : ids };
}

/** What a gesture shows while under way. */
export type GestureView =
  | { kind: 'camera'; camera: Camera }
  | { kind: 'box'; box: Box }
  | { kind: 'drag'; moving: ReadonlySet<string>; dx: number; dy: number };

/**
 * A pointer moved to `p` (canvas pixels; `fingers` already holds it): the gesture after it and
 * what to show, or null when nothing changes (another pointer, or still within the click slop).
 */
export function moveGesture(
  g: Gesture,
  pointerId: number,
  p: Point,
  fingers: ReadonlyMap<number, Point>,
): { gesture: Gesture; view: GestureView } | null {
  if (!ownsPointer(g, pointerId)) return null;
  if (g.kind === 'pinch') {
    const spread = g.ids.map((id) => fingers.get(id)).filter((f) => f !== undefined);
    const camera = pinchCamera(g.from, g.start, pinchOf(spread));
    return { gesture: { ...g, camera }, view: { kind: 'camera', camera } };
  }
  const far = Math.hypot(p.x - g.start.x, p.y - g.start.y) >= DRAG_THRESHOLD;
  if (g.kind === 'pan') {
    const camera = panBy(g.from, p.x - g.start.x, p.y - g.start.y);
    return { gesture: { ...g, camera }, view: { kind: 'camera', camera } };
  }
  if (g.kind === 'box') {
    if (!far && g.box === null) return null;
    const box = boxFromPoints(g.startBoard, screenToBoard(g.camera, p));
    return { gesture: { ...g, box }, view: { kind: 'box', box } };
  }
  if (!far && !g.moved) return null;
  const dx = (p.x - g.start.x) / g.camera.zoom;
  const dy = (p.y - g.start.y) / g.camera.zoom;
  return {
    gesture: { ...g, moved: true, dx, dy },
    view: { kind: 'drag', moving: g.moving, dx, dy },
  };
}

/** What releasing a gesture does to the board. */
export type ReleaseAction =
  | { kind: 'camera'; camera: Camera }
  | { kind: 'select'; ids: readonly string[] }
  | { kind: 'move'; ids: readonly string[]; dx: number; dy: number }
  | { kind: 'nothing' };

/** The gesture ended by a release: what to do (`entries`: what a box may select). */
export function releaseGesture(
  g: Gesture,
  entries: Iterable<{ id: string; rect: Box }>,
): ReleaseAction {
  switch (g.kind) {
    case 'pan':
    case 'pinch':
      return { kind: 'camera', camera: g.camera };
    case 'box': {
      if (g.box) {
        const inside = idsInBox(entries, g.box);
        return { kind: 'select', ids: g.additive ? [...new Set([...g.base, ...inside])] : inside };
      }
      if (g.clickId !== null) return { kind: 'select', ids: [g.clickId] };
      return g.additive ? { kind: 'nothing' } : { kind: 'select', ids: [] };
    }
    case 'drag':
      // One move per item, on drop: a live drag would flood apps with update events.
      if (g.moved) return { kind: 'move', ids: g.ids, dx: g.dx, dy: g.dy };
      return g.clickId !== null ? { kind: 'select', ids: [g.clickId] } : { kind: 'nothing' };
  }
}

/** What a wheel turn does: zoom by a factor (ctrl or cmd, and trackpad pinches), else pan. */
export type WheelAction =
  { kind: 'zoom'; factor: number } | { kind: 'pan'; dx: number; dy: number };

export interface Wheel {
  deltaX: number;
  deltaY: number;
  /** 0: pixels, 1: lines, 2: pages. */
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * A wheel turn in screen pixels scrolled (`dx`, `dy`: the view moves by minus these) or a zoom
 * factor; `pageHeight` is a page's scroll (the canvas's height, 800 px before it has one).
 */
export function wheelAction(wheel: Wheel, pageHeight: number): WheelAction {
  const unit = wheel.deltaMode === 1 ? 16 : wheel.deltaMode === 2 ? pageHeight || 800 : 1;
  let dx = wheel.deltaX * unit;
  let dy = wheel.deltaY * unit;
  if (wheel.ctrlKey || wheel.metaKey) {
    // Pinch gestures arrive as ctrl+wheel with small deltas; mouse wheels with large ones.
    return { kind: 'zoom', factor: Math.min(2, Math.max(0.5, Math.exp(-dy * 0.01))) };
  }
  if (wheel.shiftKey && dx === 0) [dx, dy] = [dy, 0];
  return { kind: 'pan', dx, dy };
}
