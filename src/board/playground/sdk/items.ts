/**
 * Pure rules for each item type: build a stored item from create props, and build the next
 * stored item from an SDK object's fields at `sync()`. Both validate as Miro does and throw
 * Miro-style errors; neither touches the board.
 */
import type { FrameProps, ShapeProps, StickyNoteProps, TextProps } from '@mirohq/websdk-types';
import { invalidParam, sdkError } from './errors';
import { type Box, boxFromCentre, contains } from './geometry';
import { normalizeContent } from './html';
import {
  DEFAULT_FRAME_SIZE,
  DEFAULT_SHAPE_SIZE,
  DEFAULT_TEXT_WIDTH,
  MAX_TAGS_PER_ITEM,
  STICKY_SIZES,
} from './limits';
import type {
  LocalConnector,
  LocalConnectorEnd,
  LocalFrame,
  LocalItem,
  LocalShape,
  LocalStickyNote,
  LocalText,
  StickyColor,
} from './local-board-types';
import {
  borderWidth,
  content,
  finiteNumber,
  fontSize,
  hexColor,
  numberInRange,
  oneOf,
  positiveNumber,
  stickyColor,
  stringValue,
} from './validate';

export interface NewItemContext {
  id: string;
  createdBy: string;
  tagExists(id: string): boolean;
}

export const SHAPE_TYPES = [
  'rectangle',
  'circle',
  'triangle',
  'wedge_round_rectangle_callout',
  'round_rectangle',
  'rhombus',
  'parallelogram',
  'star',
  'right_arrow',
  'left_arrow',
  'pentagon',
  'hexagon',
  'octagon',
  'trapezoid',
  'flow_chart_predefined_process',
  'left_right_arrow',
  'cloud',
  'left_brace',
  'right_brace',
  'cross',
  'can',
] as const;

const STICKY_SHAPES = ['square', 'rectangle'] as const;
const TEXT_ALIGN = ['left', 'center', 'right'] as const;

const position = (props: { x?: unknown; y?: unknown }): { x: number; y: number } => ({
  x: props.x === undefined ? 0 : finiteNumber('x', props.x),
  y: props.y === undefined ? 0 : finiteNumber('y', props.y),
});

/** Sticky notes keep their shape's aspect ratio: the size is set by width or by height. */
export function stickySize(
  shape: LocalStickyNote['shape'],
  width: unknown,
  height: unknown,
): { width: number; height: number } {
  const base = STICKY_SIZES[shape];
  if (width !== undefined && height !== undefined) {
    throw invalidParam('width', 'set either width or height for a sticky note, not both');
  }
  if (width !== undefined) {
    const w = positiveNumber('width', width);
    return { width: w, height: (w * base.height) / base.width };
  }
  if (height !== undefined) {
    const h = positiveNumber('height', height);
    return { width: (h * base.width) / base.height, height: h };
  }
  return { width: base.width, height: base.height };
}

export function tagIdList(value: unknown, tagExists: (id: string) => boolean): string[] {
  if (!Array.isArray(value)) throw invalidParam('tagIds', 'expected an array of tag ids');
  const ids = [...new Set(value.map((v, i) => stringValue(`tagIds[${i}]`, v)))];
  if (ids.length > MAX_TAGS_PER_ITEM) {
    throw invalidParam(
      'tagIds',
      `an item can have at most ${MAX_TAGS_PER_ITEM} tags (got ${ids.length})`,
    );
  }
  for (const id of ids)
    if (!tagExists(id)) throw invalidParam('tagIds', `tag '${id}' does not exist`);
  return ids;
}

export function newStickyNote(
  props: StickyNoteProps | undefined,
  ctx: NewItemContext,
): LocalStickyNote {
  const p = props ?? {};
  const shape = p.shape === undefined ? 'square' : oneOf('shape', p.shape, STICKY_SHAPES);
  return {
    id: ctx.id,
    type: 'sticky_note',
    ...position(p),
    ...stickySize(shape, p.width, p.height),
    parentId: null,
    createdBy: ctx.createdBy,
    metadata: {},
    content: normalizeContent(p.content === undefined ? '' : content('content', p.content)),
    shape,
    fillColor:
      p.style?.fillColor === undefined
        ? 'light_yellow'
        : stickyColor('style.fillColor', p.style.fillColor),
    tagIds: p.tagIds === undefined ? [] : tagIdList(p.tagIds, ctx.tagExists),
  };
}

/** The fields of a sticky note an app can change and `sync()`. */
export interface StickyChanges {
  x: unknown;
  y: unknown;
  width: unknown;
  height: unknown;
  shape: unknown;
  content: unknown;
  fillColor: unknown;
  tagIds: unknown;
}

export function syncedStickyNote(
  old: LocalStickyNote,
  next: StickyChanges,
  tagExists: (id: string) => boolean,
): LocalStickyNote {
  const shape = oneOf('shape', next.shape, STICKY_SHAPES);
  const widthChanged = next.width !== old.width;
  const heightChanged = next.height !== old.height;
  let size: { width: number; height: number };
  if (widthChanged && heightChanged) size = stickySize(shape, next.width, next.height);
  else if (heightChanged) size = stickySize(shape, undefined, next.height);
  else size = stickySize(shape, next.width, undefined);
  const fillColor: StickyColor = stickyColor('style.fillColor', next.fillColor);
  return {
    ...old,
    x: finiteNumber('x', next.x),
    y: finiteNumber('y', next.y),
    ...size,
    shape,
    content: normalizeContent(content('content', next.content)),
    fillColor,
    tagIds: tagIdList(next.tagIds, tagExists),
  };
}

type ShapeStyleInput = NonNullable<ShapeProps['style']>;

function shapeStyle(input: ShapeStyleInput, base: LocalShape['style']): LocalShape['style'] {
  const style: LocalShape['style'] = {
    fillColor:
      input.fillColor === undefined ? base.fillColor : hexColor('style.fillColor', input.fillColor),
    borderColor:
      input.borderColor === undefined
        ? base.borderColor
        : hexColor('style.borderColor', input.borderColor),
    borderWidth:
      input.borderWidth === undefined
        ? base.borderWidth
        : borderWidth('style.borderWidth', input.borderWidth),
    color: input.color === undefined ? base.color : hexColor('style.color', input.color),
    fontSize:
      input.fontSize === undefined ? base.fontSize : fontSize('style.fontSize', input.fontSize),
    textAlign:
      input.textAlign === undefined
        ? base.textAlign
        : oneOf('style.textAlign', input.textAlign, TEXT_ALIGN),
  };
  const opacity = input.fillOpacity ?? base.fillOpacity;
  if (opacity !== undefined) {
    const o = finiteNumber('style.fillOpacity', opacity);
    if (o < 0 || o > 1) throw invalidParam('style.fillOpacity', `expected 0 to 1, got ${o}`);
    style.fillOpacity = o;
  }
  return style;
}

/** A shape's style where the SDK call sets none; the demo board's shapes start from it too. */
export const DEFAULT_SHAPE_STYLE: LocalShape['style'] = {
  fillColor: '#ffffff',
  borderColor: '#1a1a1a',
  borderWidth: 2,
  color: '#1a1a1a',
  fontSize: 14,
  textAlign: 'center',
};

export function newShape(props: ShapeProps | undefined, ctx: NewItemContext): LocalShape {
  const p = props ?? {};
  return {
    id: ctx.id,
    type: 'shape',
    ...position(p),
    width: p.width === undefined ? DEFAULT_SHAPE_SIZE.width : positiveNumber('width', p.width),
    height: p.height === undefined ? DEFAULT_SHAPE_SIZE.height : positiveNumber('height', p.height),
    parentId: null,
    createdBy: ctx.createdBy,
    metadata: {},
    shape: p.shape === undefined ? 'rectangle' : oneOf('shape', p.shape, SHAPE_TYPES),
    content: normalizeContent(p.content === undefined ? '' : content('content', p.content)),
    style: shapeStyle(p.style ?? {}, DEFAULT_SHAPE_STYLE),
  };
}

export interface ShapeChanges {
  x: unknown;
  y: unknown;
  width: unknown;
  height: unknown;
  shape: unknown;
  content: unknown;
  style: ShapeStyleInput;
}

/** Shape width and height are read-only after creation: a changed size makes `sync()` throw. */
export function syncedShape(old: LocalShape, next: ShapeChanges): LocalShape {
  if (next.width !== old.width || next.height !== old.height) {
    throw sdkError(
      `Shape '${old.id}': width and height are read-only after creation (create a new shape to resize)`,
    );
  }
  return {
    ...old,
    x: finiteNumber('x', next.x),
    y: finiteNumber('y', next.y),
    shape: oneOf('shape', next.shape, SHAPE_TYPES),
    content: normalizeContent(content('content', next.content)),
    style: shapeStyle(next.style, old.style),
  };
}

/** Text height follows from its content, width and font size (an estimate; Miro measures). */
export function textHeight(html: string, width: number, size: number): number {
  const paragraphs = html
    .split(/<\/p>|<br\s*\/?>/i)
    .map((p) => p.replace(/<[^>]*>/g, ''))
    .filter((p, i, all) => p !== '' || i < all.length - 1);
  const charsPerLine = Math.max(1, Math.floor(width / (size * 0.55)));
  const lines = paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(p.length / charsPerLine)), 0);
  return Math.round(Math.max(1, lines) * size * 1.4);
}

export function newText(props: TextProps | undefined, ctx: NewItemContext): LocalText {
  const p = props ?? {};
  if (p.height !== undefined) throw invalidParam('height', 'text height is read-only; set width');
  const width = p.width === undefined ? DEFAULT_TEXT_WIDTH : positiveNumber('width', p.width);
  const size = p.style?.fontSize === undefined ? 14 : fontSize('style.fontSize', p.style.fontSize);
  const html = normalizeContent(p.content === undefined ? '' : content('content', p.content));
  return {
    id: ctx.id,
    type: 'text',
    ...position(p),
    width,
    height: textHeight(html, width, size),
    parentId: null,
    createdBy: ctx.createdBy,
    metadata: {},
    content: html,
    style: {
      color: p.style?.color === undefined ? '#1a1a1a' : hexColor('style.color', p.style.color),
      fontSize: size,
    },
  };
}

export interface TextChanges {
  x: unknown;
  y: unknown;
  width: unknown;
  height: unknown;
  content: unknown;
  style: { color?: unknown; fontSize?: unknown };
}

export function syncedText(old: LocalText, next: TextChanges): LocalText {
  if (next.height !== old.height)
    throw sdkError(`Text '${old.id}': height is read-only; set width`);
  const width = positiveNumber('width', next.width);
  const size = fontSize('style.fontSize', next.style.fontSize);
  const html = normalizeContent(content('content', next.content));
  return {
    ...old,
    x: finiteNumber('x', next.x),
    y: finiteNumber('y', next.y),
    width,
    height: textHeight(html, width, size),
    content: html,
    style: { color: hexColor('style.color', next.style.color), fontSize: size },
  };
}

export function newFrame(props: FrameProps | undefined, ctx: NewItemContext): LocalFrame {
  const p = props ?? {};
  return {
    id: ctx.id,
    type: 'frame',
    ...position(p),
    width: p.width === undefined ? DEFAULT_FRAME_SIZE.width : positiveNumber('width', p.width),
    height: p.height === undefined ? DEFAULT_FRAME_SIZE.height : positiveNumber('height', p.height),
    parentId: null,
    createdBy: ctx.createdBy,
    metadata: {},
    title: p.title === undefined ? '' : stringValue('title', p.title),
    fillColor:
      p.style?.fillColor === undefined ? '#ffffff' : hexColor('style.fillColor', p.style.fillColor),
    childrenIds: [],
  };
}

export interface FrameChanges {
  x: unknown;
  y: unknown;
  width: unknown;
  height: unknown;
  title: unknown;
  fillColor: unknown;
}

/** The caller checks that children still fit (`checkFrameFits`, with the board's children). */
export function syncedFrame(old: LocalFrame, next: FrameChanges): LocalFrame {
  return {
    ...old,
    x: finiteNumber('x', next.x),
    y: finiteNumber('y', next.y),
    width: positiveNumber('width', next.width),
    height: positiveNumber('height', next.height),
    title: stringValue('title', next.title),
    fillColor: hexColor('style.fillColor', next.fillColor),
  };
}

/** Throws when a frame of this size would leave one of its children outside. */
export function checkFrameFits(frame: LocalFrame, children: readonly LocalItem[]): void {
  const bounds: Box = { x: 0, y: 0, width: frame.width, height: frame.height };
  for (const child of children) {
    if (!contains(bounds, boxFromCentre(child.x, child.y, child.width, child.height))) {
      throw sdkError(
        `Cannot resize frame '${frame.id}' to ${frame.width}×${frame.height}: child '${child.id}' would fall outside it`,
      );
    }
  }
}

/**
 * Connectors (Web SDK reference "Connector", developers.miro.com/docs/websdk-reference-connector):
 * - "it's not possible to create loose (both ends disconnected) or dangling (one end
 *   disconnected) connectors": `start.item` and `end.item` are required and must exist;
 * - "To create a connector, you must specify at least … the location of the two terminal
 *   points": each end gives `position` or `snapTo`, and "You cannot specify both";
 * - `shape` is 'straight' | 'elbowed' | 'curved', `strokeStyle` 'normal' | 'dotted' | 'dashed'
 *   (`ConnectorShape`, `StrokeStyle` in @mirohq/websdk-types).
 * Where the docs are silent the double is strict: an end cannot be the other end's item, nor a
 * connector; a relative position lies in 0–1; the stroke width takes the shape border range
 * (1–24); captions are not modelled and refused. Defaults follow the REST API's connector
 * (curved, '#000000', width 1, normal, no start cap, a stealth end cap).
 */
const CONNECTOR_SHAPES = ['straight', 'elbowed', 'curved'] as const;
const STROKE_STYLES = ['normal', 'dotted', 'dashed'] as const;
const SNAP_TO = ['auto', 'top', 'left', 'bottom', 'right'] as const;
const STROKE_CAPS = [
  'none',
  'stealth',
  'rounded_stealth',
  'arrow',
  'filled_triangle',
  'triangle',
  'filled_diamond',
  'diamond',
  'filled_oval',
  'oval',
  'erd_one',
  'erd_many',
  'erd_one_or_many',
  'erd_only_one',
  'erd_zero_or_many',
  'erd_zero_or_one',
] as const;

export interface NewConnectorContext {
  id: string;
  createdBy: string;
  /** The type of the item with this id, or undefined when there is none. */
  itemType(id: string): string | undefined;
}

interface ConnectorInput {
  shape?: unknown;
  start?: unknown;
  end?: unknown;
  style?: unknown;
  captions?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function connectorEnd(
  field: 'start' | 'end',
  value: unknown,
  itemType: (id: string) => string | undefined,
): LocalConnectorEnd {
  if (!isObject(value))
    throw invalidParam(field, 'connectors cannot be loose or dangling: give the item it joins');
  const item = stringValue(`${field}.item`, value.item);
  const type = itemType(item);
  if (type === undefined) throw invalidParam(`${field}.item`, `item '${item}' does not exist`);
  if (type === 'connector')
    throw invalidParam(`${field}.item`, `item '${item}' is a connector, not a board item`);
  const hasPosition = value.position !== undefined;
  const hasSnap = value.snapTo !== undefined;
  if (hasPosition && hasSnap)
    throw invalidParam(field, 'specify either position or snapTo for a connector end, not both');
  if (!hasPosition && !hasSnap)
    throw invalidParam(field, 'a connector end needs its position or snapTo');
  if (hasSnap) return { item, snapTo: oneOf(`${field}.snapTo`, value.snapTo, SNAP_TO) };
  if (!isObject(value.position))
    throw invalidParam(`${field}.position`, 'expected { x, y } relative to the item (0–1)');
  const range = { min: 0, max: 1 };
  return {
    item,
    position: {
      x: numberInRange(`${field}.position.x`, value.position.x, range),
      y: numberInRange(`${field}.position.y`, value.position.y, range),
    },
  };
}

function connectorStyle(value: unknown, base: LocalConnector['style']): LocalConnector['style'] {
  if (value === undefined) return base;
  if (!isObject(value)) throw invalidParam('style', 'expected an object');
  return {
    strokeColor:
      value.strokeColor === undefined
        ? base.strokeColor
        : hexColor('style.strokeColor', value.strokeColor),
    strokeWidth:
      value.strokeWidth === undefined
        ? base.strokeWidth
        : borderWidth('style.strokeWidth', value.strokeWidth),
    strokeStyle:
      value.strokeStyle === undefined
        ? base.strokeStyle
        : oneOf('style.strokeStyle', value.strokeStyle, STROKE_STYLES),
    startStrokeCap:
      value.startStrokeCap === undefined
        ? base.startStrokeCap
        : oneOf('style.startStrokeCap', value.startStrokeCap, STROKE_CAPS),
    endStrokeCap:
      value.endStrokeCap === undefined
        ? base.endStrokeCap
        : oneOf('style.endStrokeCap', value.endStrokeCap, STROKE_CAPS),
  };
}

const DEFAULT_CONNECTOR_STYLE: LocalConnector['style'] = {
  strokeColor: '#000000',
  strokeWidth: 1,
  strokeStyle: 'normal',
  startStrokeCap: 'none',
  endStrokeCap: 'stealth',
};

function checkConnector(input: ConnectorInput, itemType: (id: string) => string | undefined) {
  if (input.captions !== undefined)
    throw invalidParam('captions', 'connector captions are not supported by the local board');
  const start = connectorEnd('start', input.start, itemType);
  const end = connectorEnd('end', input.end, itemType);
  if (start.item === end.item)
    throw invalidParam('end.item', 'a connector joins two different items');
  return { start, end };
}

/** A new connector; the store sets its box from its end items. */
export function newConnector(props: ConnectorInput | undefined, ctx: NewConnectorContext) {
  const p = props ?? {};
  const { start, end } = checkConnector(p, ctx.itemType);
  const connector: LocalConnector = {
    id: ctx.id,
    type: 'connector',
    x: 0,
    y: 0,
    width: 1,
    height: 1,
    parentId: null,
    createdBy: ctx.createdBy,
    metadata: {},
    shape: p.shape === undefined ? 'curved' : oneOf('shape', p.shape, CONNECTOR_SHAPES),
    start,
    end,
    style: connectorStyle(p.style, DEFAULT_CONNECTOR_STYLE),
  };
  return connector;
}

/** A connector's `sync()`: shape, ends and style may change, by the same rules as a create. */
export function syncedConnector(
  old: LocalConnector,
  next: ConnectorInput,
  itemType: (id: string) => string | undefined,
): LocalConnector {
  const { start, end } = checkConnector(next, itemType);
  return {
    ...old,
    shape: oneOf('shape', next.shape, CONNECTOR_SHAPES),
    start,
    end,
    style: connectorStyle(next.style, old.style),
  };
}
