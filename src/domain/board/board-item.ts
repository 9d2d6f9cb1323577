/**
 * Board items in board-neutral terms (ARCHITECTURE.md §4). Adapters translate each platform's
 * items to and from these shapes at the edge; everything above the adapters speaks only these.
 */

/** Miro's 16 sticky-note colours. MURAL's free hex colours map to the nearest of these. */
export const PALETTE = [
  'gray',
  'light_yellow',
  'yellow',
  'orange',
  'light_green',
  'green',
  'dark_green',
  'cyan',
  'light_pink',
  'pink',
  'violet',
  'red',
  'light_blue',
  'blue',
  'dark_blue',
  'black',
] as const;
export type PaletteColor = (typeof PALETTE)[number];

/** Display colours of the palette, close to Miro's rendering; used by the playground and MURAL. */
export const PALETTE_HEX: Record<PaletteColor, string> = {
  gray: '#f5f6f8',
  light_yellow: '#fff9b1',
  yellow: '#f5d128',
  orange: '#ff9d48',
  light_green: '#d5f692',
  green: '#c9df56',
  dark_green: '#93d275',
  cyan: '#67c6c0',
  light_pink: '#ffcee0',
  pink: '#ea94bb',
  violet: '#c6a2d2',
  red: '#f0939d',
  light_blue: '#a6ccf5',
  blue: '#6cd8fa',
  dark_blue: '#9ea9ff',
  black: '#000000',
};

export function isPaletteColor(value: unknown): value is PaletteColor {
  return typeof value === 'string' && (PALETTE as readonly string[]).includes(value);
}

/** Axis-aligned rectangle in absolute board coordinates; x, y is the top-left corner. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ItemKind = 'note' | 'shape' | 'text' | 'frame' | 'dot' | 'other';

/**
 * Touchpoint's own short marker on items it created (kept in item metadata on Miro, ≤ 256 bytes).
 * `m` is the map id, `r` the role of the item, `k` a stable key within the map (e.g. a stage id).
 */
export interface ItemMarker {
  m: string;
  r: string;
  k?: string;
}

export interface BoardItem {
  id: string;
  kind: ItemKind;
  /** Plain text (HTML already converted by the adapter). Frames: their title. */
  text: string;
  rect: Rect;
  /** Palette colour of notes; null where the item has none or it is not a palette colour. */
  color: PaletteColor | null;
  /** Tag titles. */
  tags: string[];
  /** Id of the containing frame (Miro) or area (MURAL), if any. */
  parentId: string | null;
  /** Touchpoint's marker, when Touchpoint created the item. */
  meta: ItemMarker | null;
  /** The platform's own type name, kept for items of kind 'other' (emoji, stamps, drawings…). */
  platformType?: string;
  /** Who made the note (a platform user id), where the platform says. */
  authorId?: string;
  /** A line attached to two items (Miro connector, MURAL arrow): the ids of the items it joins. */
  ends?: {
    from: string;
    to: string;
    /**
     * Where a line drawn by coordinates has its two ends, absolute: a MURAL arrow is a path of
     * points, and MURAL's reference does not say it follows the widgets it is connected to, so a
     * moved widget can leave its line behind. Absent where lines stay on their items (Miro).
     */
    at?: { from: Point; to: Point };
  };
}

export interface Point {
  x: number;
  y: number;
}

export interface BoardTag {
  id: string;
  title: string;
  color: string;
}

export const rectCenter = (r: Rect): { x: number; y: number } => ({
  x: r.x + r.w / 2,
  y: r.y + r.h / 2,
});

/**
 * Within one board unit: how closely what the board reports matches what a write asked for (the
 * platforms round positions and sizes). Repairs recognise the items an interrupted run made by it.
 */
export const nearlyEqual = (a: number, b: number): boolean => Math.abs(a - b) <= 1;

/** Whether two rects have the same centre, within a board unit on each axis. */
export const sameCentre = (a: Rect, b: Rect): boolean => {
  const ca = rectCenter(a);
  const cb = rectCenter(b);
  return nearlyEqual(ca.x, cb.x) && nearlyEqual(ca.y, cb.y);
};

/** Whether two rects are the same to the unit (what a layout planned against itself). */
export const sameRect = (a: Rect, b: Rect): boolean =>
  a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** Whether two rects match within a board unit on each side (what the board reports). */
export const nearlySameRect = (a: Rect, b: Rect): boolean =>
  nearlyEqual(a.x, b.x) && nearlyEqual(a.y, b.y) && nearlyEqual(a.w, b.w) && nearlyEqual(a.h, b.h);

/** The smallest rect holding `first` and every one of `rest`. */
export function rectUnion(first: Rect, ...rest: readonly Rect[]): Rect {
  let x1 = first.x;
  let y1 = first.y;
  let x2 = first.x + first.w;
  let y2 = first.y + first.h;
  for (const r of rest) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.w);
    y2 = Math.max(y2, r.y + r.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/** The smallest rect holding every one of `rects`; null when there are none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  const [first, ...rest] = rects;
  return first ? rectUnion(first, ...rest) : null;
}

/**
 * Where a line from the centre of `box` towards `to` leaves the box (the centre itself when `to`
 * is inside): lines between two items end at their borders, so they never cover them.
 */
export function borderPoint(box: Rect, to: Point): Point {
  const c = rectCenter(box);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  const t = Math.min(
    dx === 0 ? Infinity : box.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.h / 2 / Math.abs(dy),
  );
  return t >= 1 ? c : { x: c.x + dx * t, y: c.y + dy * t };
}

/** The straight line joining two items, border to border (see `borderPoint`). */
export const lineBetween = (a: Rect, b: Rect): { from: Point; to: Point } => ({
  from: borderPoint(a, rectCenter(b)),
  to: borderPoint(b, rectCenter(a)),
});

export const rectContains = (outer: Rect, p: { x: number; y: number }): boolean =>
  p.x >= outer.x && p.x < outer.x + outer.w && p.y >= outer.y && p.y < outer.y + outer.h;

export const rectsOverlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
