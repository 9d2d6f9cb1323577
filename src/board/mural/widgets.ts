/**
 * MURAL widgets at the edge: validation of `unknown` bodies, absolute coordinates through the
 * `parentId` chain of areas, colours hex ↔ palette by nearest colour, HTML ↔ plain text, and the
 * translation to board items.
 */
import { isRecord } from '../../domain/common';
import { decodeEntities } from '../html-text';
import {
  PALETTE,
  PALETTE_HEX,
  type BoardItem,
  type ItemKind,
  type ItemMarker,
  type PaletteColor,
} from '../../domain/board/board-item';

export interface MuralWidget {
  id: string;
  /** "sticky note", "shape", "text", "title", "area", "arrow", … */
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
  text: string;
  htmlText: string | null;
  title: string;
  style: Record<string, unknown>;
  /** Tag ids. */
  tags: string[];
  hidden: boolean;
  /** Arrows only (reference createarrow): the path and the widgets its ends are connected to. */
  arrow?: MuralArrow;
}

export interface MuralArrow {
  /** The path, relative to the arrow's top-left (x, y). */
  points: Position[];
  /** "The ID of the widget that the start point is connected to." */
  startRefId: string | null;
  /** "The ID of the widget that the end point is connected to." */
  endRefId: string | null;
}

const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** A widget from a MURAL answer, or null when it lacks an id, a type or a position. */
export function parseWidget(value: unknown): MuralWidget | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.type !== 'string') {
    return null;
  }
  if (typeof value.x !== 'number' || typeof value.y !== 'number') return null;
  return {
    id: value.id,
    type: value.type,
    x: value.x,
    y: value.y,
    width: numberOr(value.width, 0),
    height: numberOr(value.height, 0),
    parentId: typeof value.parentId === 'string' && value.parentId !== '' ? value.parentId : null,
    text: typeof value.text === 'string' ? value.text : '',
    htmlText: typeof value.htmlText === 'string' ? value.htmlText : null,
    title: typeof value.title === 'string' ? value.title : '',
    style: isRecord(value.style) ? value.style : {},
    tags: Array.isArray(value.tags)
      ? value.tags.filter((t): t is string => typeof t === 'string')
      : [],
    hidden: value.hidden === true,
    ...(value.type === 'arrow' ? { arrow: parseArrow(value) } : {}),
  };
}

const refOf = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

function parseArrow(value: Record<string, unknown>): MuralArrow {
  const points = Array.isArray(value.points)
    ? value.points.flatMap((p) =>
        isRecord(p) &&
        typeof p.x === 'number' &&
        Number.isFinite(p.x) &&
        typeof p.y === 'number' &&
        Number.isFinite(p.y)
          ? [{ x: p.x, y: p.y }]
          : [],
      )
    : [];
  return { points, startRefId: refOf(value.startRefId), endRefId: refOf(value.endRefId) };
}

export const parseWidgets = (values: readonly unknown[]): MuralWidget[] =>
  values.flatMap((v) => parseWidget(v) ?? []);

export function kindOf(type: string): ItemKind {
  switch (type) {
    case 'sticky note':
      return 'note';
    case 'shape':
      return 'shape';
    case 'text':
    case 'title':
      return 'text';
    case 'area':
      return 'frame';
    default:
      return 'other';
  }
}

/**
 * The `type` filter of `GET /murals/{id}/widgets` takes MURAL's documented names, which are not
 * the `type` values widgets carry (developers.mural.co/public/reference/getmuralwidgets).
 */
export const TYPE_FILTER = {
  notes: 'sticky notes',
  textboxes: 'textbox',
  shapes: 'shapes',
  areas: 'areas',
  arrows: 'arrows',
} as const;

/** The typed path segment for create and PATCH. */
export function pathOf(type: string): string | null {
  switch (type) {
    case 'sticky note':
      return 'sticky-note';
    case 'shape':
      return 'shape';
    case 'text':
      return 'textbox';
    case 'title':
      return 'title';
    case 'area':
      return 'area';
    default:
      return null;
  }
}

/** Areas nest a few levels at most; this bounds a walk up a broken or cyclic chain. */
const MAX_DEPTH = 32;

export interface Position {
  x: number;
  y: number;
}

/**
 * The absolute top-left of `widget`: its x, y plus those of every area up its `parentId` chain.
 * `byId` holds the areas known; an unknown parent ends the walk (the best we know).
 */
export function absolutePosition(
  widget: Pick<MuralWidget, 'x' | 'y' | 'parentId'>,
  byId: (id: string) => Pick<MuralWidget, 'x' | 'y' | 'parentId'> | undefined,
  /** Where the mural's top-left sits in board coordinates (see `boardOrigin`). */
  origin: Position = { x: 0, y: 0 },
): Position {
  let x = widget.x + origin.x;
  let y = widget.y + origin.y;
  let parent = widget.parentId;
  for (let depth = 0; parent !== null && depth < MAX_DEPTH; depth += 1) {
    const area = byId(parent);
    if (!area) break;
    x += area.x;
    y += area.y;
    parent = area.parentId;
  }
  return { x, y };
}

/**
 * MURAL measures positions from the mural's top-left and a finite mural has a width and height;
 * the Board port, like Miro, centres the board on (0, 0). So board (0, 0) is the mural's centre,
 * and anything placed within half the mural's size of it is inside the mural. An infinite mural
 * (or one whose size MURAL does not give) keeps MURAL's own coordinates.
 */
export function boardOrigin(mural: unknown): Position {
  if (typeof mural !== 'object' || mural === null) return { x: 0, y: 0 };
  const { width, height, infinite } = mural as Record<string, unknown>;
  if (infinite === true || typeof width !== 'number' || typeof height !== 'number') {
    return { x: 0, y: 0 };
  }
  return { x: -Math.round(width / 2), y: -Math.round(height / 2) };
}

function rgbOf(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
  if (!m) return null;
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const PALETTE_RGB = PALETTE.map((c) => [c, rgbOf(PALETTE_HEX[c])!] as const);

/**
 * MURAL's free hex → the nearest palette colour. Distance is the "redmean" weighting of RGB, a
 * cheap approximation of perceived difference that beats plain Euclidean on yellows and blues.
 */
export function nearestPaletteColor(hex: string): PaletteColor | null {
  const rgb = rgbOf(hex);
  if (!rgb) return null;
  let best: PaletteColor | null = null;
  let bestDistance = Infinity;
  for (const [color, [r, g, b]] of PALETTE_RGB) {
    const rMean = (rgb[0] + r) / 2;
    const dr = rgb[0] - r;
    const dg = rgb[1] - g;
    const db = rgb[2] - b;
    const d = (2 + rMean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rMean) / 256) * db * db;
    if (d < bestDistance) {
      bestDistance = d;
      best = color;
    }
  }
  return best;
}

/** The palette colour as MURAL's `#RRGGBBAA`, opaque. */
export const muralHex = (color: PaletteColor): string => `${PALETTE_HEX[color].toUpperCase()}FF`;

/** Any `#RGB`/`#RRGGBB` fill as MURAL's `#RRGGBBAA`; other strings pass through. */
export function toMuralHex(fill: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(fill);
  if (short)
    return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}FF`.toUpperCase();
  if (/^#[0-9a-f]{6}$/i.test(fill)) return `${fill.toUpperCase()}FF`;
  return fill;
}

/**
 * MURAL's rich text → plain text: paragraphs and breaks become newlines, tags go, and entities
 * decode through `decodeEntities`, the one table the Miro side uses too (a named or numeric
 * reference reads the same on both platforms).
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\/(p|div|li)>\s*<(p|div|li)[^>]*>/gi, '\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

/** A widget's plain text: `text` when MURAL gives it, else its `htmlText` converted. */
export function plainText(widget: MuralWidget): string {
  if (widget.type === 'area') return widget.title;
  if (widget.text !== '' || widget.htmlText === null) return widget.text;
  return htmlToText(widget.htmlText);
}

export function toBoardItem(
  widget: MuralWidget,
  context: {
    area: (id: string) => MuralWidget | undefined;
    tagTitle: (id: string) => string | undefined;
    marker: (id: string) => ItemMarker | null;
    origin?: Position;
  },
): BoardItem {
  const kind = kindOf(widget.type);
  const { x, y } = absolutePosition(widget, context.area, context.origin);
  const background = widget.style.backgroundColor;
  const item: BoardItem = {
    id: widget.id,
    kind,
    text: plainText(widget),
    rect: { x, y, w: widget.width, h: widget.height },
    color:
      kind === 'note' && typeof background === 'string' ? nearestPaletteColor(background) : null,
    tags: widget.tags.flatMap((id) => context.tagTitle(id) ?? []),
    parentId: widget.parentId,
    meta: context.marker(widget.id),
  };
  if (kind === 'other') item.platformType = widget.type;
  const arrow = widget.arrow;
  const first = arrow?.points[0];
  const last = arrow?.points.at(-1);
  if (arrow?.startRefId && arrow.endRefId && first && last && arrow.points.length >= 2) {
    // An arrow connected at both ends is a line between two items, drawn by coordinates.
    item.ends = {
      from: arrow.startRefId,
      to: arrow.endRefId,
      at: { from: { x: x + first.x, y: y + first.y }, to: { x: x + last.x, y: y + last.y } },
    };
  }
  return item;
}
