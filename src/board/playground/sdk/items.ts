/**
 * Pure rules for each item type: build a stored item from create props, and build the next
 * stored item from an SDK object's fields at `sync()`. Both validate as Miro does and throw
 * Miro-style errors; neither touches the board.
 */
import type { FrameProps, ShapeProps, StickyNoteProps, TextProps } from '@mirohq/websdk-types';
import { invalidParam, sdkError } from './errors';
import { normalizeContent } from './html';
import {
  DEFAULT_FRAME_SIZE,
  DEFAULT_SHAPE_SIZE,
  DEFAULT_TEXT_WIDTH,
  MAX_TAGS_PER_ITEM,
  STICKY_SIZES,
} from './limits';
import type {
  LocalFrame,
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

const DEFAULT_SHAPE_STYLE: LocalShape['style'] = {
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

/** The caller checks that children still fit (it needs the board). */
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
