/** SDK items → the Board port's `BoardItem`: the one place Miro's item shapes are read. */
import {
  isPaletteColor,
  type BoardItem,
  type ItemKind,
  type ItemMarker,
} from '../../domain/board/board-item';
import type { CentreGeometry, FrameResolver } from './coordinates';
import { htmlToText } from '../html-text';
import { isConnector, isFrame, isShape, isStickyNote, isText, type SdkItem } from './sdk';

/** A shape this small, round or starred, is a dot-vote sticker rather than a piece of the map. */
export const DOT_MAX_SIZE = 60;
const DOT_SHAPES = new Set(['circle', 'star']);

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Centre geometry of any item; items the SDK does not model still carry x, y, width, height. */
export function toCentreGeometry(item: SdkItem): CentreGeometry {
  const raw = item as unknown as Record<string, unknown>;
  const parentId = typeof raw.parentId === 'string' && raw.parentId !== '' ? raw.parentId : null;
  return { x: num(raw.x), y: num(raw.y), width: num(raw.width), height: num(raw.height), parentId };
}

export function isDotShape(shape: string, width: number): boolean {
  return DOT_SHAPES.has(shape) && width <= DOT_MAX_SIZE;
}

export function toItemKind(item: SdkItem): ItemKind {
  if (isStickyNote(item)) return 'note';
  if (isShape(item)) return isDotShape(item.shape, item.width) ? 'dot' : 'shape';
  if (isText(item)) return 'text';
  if (isFrame(item)) return 'frame';
  return 'other';
}

export interface ItemContext {
  frames: FrameResolver;
  /** Title of a tag id, or undefined when the tag is unknown (then it is left out). */
  tagTitle(id: string): string | undefined;
  /** Marker read from metadata, when it was read. */
  meta?: ItemMarker | null;
}

export function toBoardItem(item: SdkItem, ctx: ItemContext): BoardItem {
  const geometry = toCentreGeometry(item);
  const base = {
    id: item.id,
    rect: ctx.frames.absoluteRect(geometry),
    parentId: geometry.parentId,
    meta: ctx.meta ?? null,
    color: null,
    tags: [] as string[],
  };
  if (isStickyNote(item)) {
    const fill = item.style.fillColor;
    const tags = item.tagIds
      .map((id) => ctx.tagTitle(id))
      .filter((t): t is string => t !== undefined);
    return {
      ...base,
      kind: 'note',
      text: htmlToText(item.content),
      color: isPaletteColor(fill) ? fill : null,
      tags,
      ...(item.createdBy ? { authorId: item.createdBy } : {}),
    };
  }
  if (isShape(item)) {
    const kind = isDotShape(item.shape, item.width) ? 'dot' : 'shape';
    return { ...base, kind, text: htmlToText(item.content) };
  }
  if (isText(item)) return { ...base, kind: 'text', text: htmlToText(item.content) };
  if (isFrame(item)) return { ...base, kind: 'frame', text: item.title.trim() };
  if (isConnector(item) && item.start?.item && item.end?.item)
    return {
      ...base,
      kind: 'other',
      text: '',
      platformType: item.type,
      ends: { from: item.start.item, to: item.end.item },
    };
  return { ...base, kind: 'other', text: '', platformType: item.type };
}
