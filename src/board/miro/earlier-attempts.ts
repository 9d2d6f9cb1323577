/**
 * The items an earlier attempt of a create or a connect made before its answer was lost: a retry
 * looks for one and adopts it instead of making a second. `adopted`: items the batch already made
 * or adopted, which are never adopted again.
 */
import type { CreateSpec } from '../port';
import { textToHtml } from '../html-text';
import { rectToCentre } from './coordinates';
import { isConnector, isFrame, isShape, isStickyNote, isTag, isText } from './sdk';
import type { MiroSdk, SdkItem } from './sdk';
import { toCentreGeometry } from './to-board-item';

/** The props a create sends, compared by a retry that looks for an earlier attempt's item. */
export function createdLike(item: SdkItem, spec: CreateSpec): boolean {
  const geometry = toCentreGeometry(item);
  if (geometry.parentId !== null) return false;
  const { x, y } = rectToCentre(spec.rect);
  if (Math.abs(geometry.x - x) > 0.5 || Math.abs(geometry.y - y) > 0.5) return false;
  switch (spec.kind) {
    case 'frame':
      return isFrame(item) && item.title === spec.title;
    case 'shape':
      return isShape(item) && item.content === textToHtml(spec.text);
    case 'text':
      return isText(item) && item.content === textToHtml(spec.text);
    case 'note':
      return isStickyNote(item) && item.content === textToHtml(spec.text);
  }
}

const SDK_TYPE: Record<CreateSpec['kind'], string> = {
  frame: 'frame',
  shape: 'shape',
  text: 'text',
  note: 'sticky_note',
};

/**
 * A create whose earlier attempt failed in a way that may have taken effect (a lost answer)
 * looks for that item before making another: same type, place and text, in no frame yet.
 */
export async function findEarlierAttempt(
  board: MiroSdk['board'],
  adopted: ReadonlySet<string>,
  spec: CreateSpec,
): Promise<SdkItem | undefined> {
  const candidates = await board.get({ type: SDK_TYPE[spec.kind] });
  return candidates.find(
    (c): c is SdkItem => !isTag(c) && !adopted.has(c.id) && createdLike(c, spec),
  );
}

/** A line an earlier attempt made before its answer was lost: same ends, not yet adopted. */
export async function findEarlierLine(
  board: MiroSdk['board'],
  adopted: ReadonlySet<string>,
  from: string,
  to: string,
): Promise<SdkItem | undefined> {
  return (await board.get({ type: 'connector' })).find(
    (c): c is SdkItem =>
      isConnector(c) && !adopted.has(c.id) && c.start?.item === from && c.end?.item === to,
  );
}
