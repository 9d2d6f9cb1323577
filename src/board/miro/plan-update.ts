/** An `update` op on Miro: the patch applied to the fetched item, then one `sync`. */
import type { PaletteColor } from '../../domain/board/board-item';
import { OpError } from '../batch-engine';
import { centreToRect } from './coordinates';
import { textToHtml } from '../html-text';
import type { WriteBatch, OpOf } from './write-batch';
import {
  isFrame,
  isShape,
  isStickyNote,
  isText,
  type SdkEntity,
  type SdkFrame,
  type SdkOtherItem,
  type SdkShape,
  type SdkStickyNote,
  type SdkText,
} from './sdk';
import { toCentreGeometry } from './to-board-item';

type EditableItem = SdkStickyNote | SdkShape | SdkText | SdkFrame;
const isEditable = (item: SdkEntity): item is EditableItem =>
  isStickyNote(item) || isShape(item) || isText(item) || isFrame(item);

/**
 * Items the SDK does not model whose position an app may change. Miro's "Unsupported" reference:
 * the Web SDK supports "reading and updating x and y coordinates of unsupported items"; its CRUD
 * table lists emoji (and strokes) as not updatable, so the strictest reading moves only the rest
 * (stamps), position only.
 */
const FIXED_TYPES = new Set(['emoji', 'stroke', 'drawing']);
type MovableOther = SdkOtherItem & {
  x: number;
  y: number;
  width: number;
  height: number;
  parentId?: string | null;
  sync(): Promise<void>;
};
function isMovableOther(item: SdkEntity): item is MovableOther {
  if (isEditable(item) || FIXED_TYPES.has(item.type)) return false;
  const o = item as Partial<MovableOther>;
  return (
    typeof o.x === 'number' &&
    typeof o.y === 'number' &&
    typeof o.width === 'number' &&
    typeof o.sync === 'function' &&
    !('title' in item && 'color' in item) // a tag
  );
}

async function moveOther(
  item: MovableOther,
  patch: OpOf<'update'>['patch'],
  frameTopLeft: (frameId: string) => Promise<{ x: number; y: number }>,
): Promise<void> {
  if (patch.text !== undefined || patch.color !== undefined || patch.fill !== undefined)
    throw new OpError(`A ${item.type} can only be moved through the SDK.`);
  if (!patch.rect) return;
  const parentId = item.parentId ?? null;
  const origin = parentId === null ? { x: 0, y: 0 } : await frameTopLeft(parentId);
  const left = origin.x + item.x - item.width / 2;
  const top = origin.y + item.y - item.height / 2;
  item.x = (patch.rect.x ?? left) + item.width / 2 - origin.x;
  item.y = (patch.rect.y ?? top) + item.height / 2 - origin.y;
  await item.sync();
}
/** Applies a patch to the SDK object and syncs it. */
async function updateItem(
  item: EditableItem,
  patch: OpOf<'update'>['patch'],
  frameTopLeft: (frameId: string) => Promise<{ x: number; y: number }>,
  leaveFrame: (
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ) => Promise<boolean>,
): Promise<void> {
  if (patch.text !== undefined) {
    if (isFrame(item)) item.title = patch.text;
    else item.content = textToHtml(patch.text);
  }
  if (patch.color !== undefined) {
    if (!isStickyNote(item))
      throw new OpError(`Only sticky notes take a palette colour, not a ${item.type}.`);
    item.style.fillColor = patch.color satisfies PaletteColor;
  }
  if (patch.fill !== undefined) {
    if (isShape(item) || isFrame(item)) item.style.fillColor = patch.fill;
    else throw new OpError(`Only shapes and frames take a fill, not a ${item.type}.`);
  }
  if (patch.rect !== undefined) {
    const geometry = toCentreGeometry(item);
    let origin =
      geometry.parentId === null ? { x: 0, y: 0 } : await frameTopLeft(geometry.parentId);
    const current = centreToRect({
      ...geometry,
      x: origin.x + geometry.x,
      y: origin.y + geometry.y,
    });
    const size = { w: current.w, h: current.h };
    // Sizes change where Miro allows: notes by width (height follows), text by width,
    // frames both; shapes are fixed after creation.
    if (isStickyNote(item) && patch.rect.w !== undefined) {
      size.w = patch.rect.w;
      size.h = (current.h * patch.rect.w) / current.w;
      item.width = patch.rect.w;
    } else if (isStickyNote(item) && patch.rect.h !== undefined) {
      size.h = patch.rect.h;
      size.w = (current.w * patch.rect.h) / current.h;
      item.height = patch.rect.h;
    } else if (isText(item) && patch.rect.w !== undefined) {
      size.w = patch.rect.w;
      item.width = patch.rect.w;
    } else if (isFrame(item)) {
      size.w = patch.rect.w ?? size.w;
      size.h = patch.rect.h ?? size.h;
      item.width = size.w;
      item.height = size.h;
    }
    // A text's height is Miro's own: centre it on the asked rect, as a create of that rect
    // does, so a repair converges on the first run. Other items keep the asked top-left.
    const asked = isText(item) && patch.rect.h !== undefined ? patch.rect.h : size.h;
    const centre = {
      x: (patch.rect.x ?? current.x) + size.w / 2,
      y: (patch.rect.y ?? current.y) + asked / 2,
    };
    if (
      isStickyNote(item) &&
      geometry.parentId !== null &&
      (await leaveFrame(item, geometry.parentId, centre))
    )
      origin = { x: 0, y: 0 };
    item.x = centre.x - origin.x;
    item.y = centre.y - origin.y;
  }
  await item.sync();
}

/** The patch on an existing item: moved only for items the SDK does not model. */
export function planUpdate(batch: WriteBatch, i: number, op: OpOf<'update'>): void {
  batch.itemTask(i, op.id, `update:${i}`, async () => {
    const item = batch.fetchedItem(op.id);
    if (isMovableOther(item)) {
      await moveOther(item, op.patch, batch.frameTopLeft);
      return;
    }
    if (!isEditable(item)) throw new OpError(`A ${item.type} cannot be changed through the SDK.`);
    await updateItem(item, op.patch, batch.frameTopLeft, batch.leaveFrame);
    if (isFrame(item)) batch.env.rememberFrame(item.id, toCentreGeometry(item));
  });
}
