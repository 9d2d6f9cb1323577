/**
 * A create retried after its answer was lost (a time-out, a 5xx) may already have made its
 * widgets: the retry adopts them from the mural's list instead of making them twice.
 */
import { OpError } from '../batch-engine';
import type { MuralWidget } from './widgets';

/** Same type, place and text: a widget an earlier attempt of this create made. */
function madeBy(widget: MuralWidget, type: string, body: Record<string, unknown>): boolean {
  const text = type === 'area' ? widget.title : widget.text;
  const want = type === 'area' ? body.title : body.text;
  return (
    widget.type === type &&
    Math.abs(widget.x - Number(body.x)) < 0.5 &&
    Math.abs(widget.y - Number(body.y)) < 0.5 &&
    text === want &&
    (widget.parentId ?? null) === ((body.parentId as string | undefined) ?? null)
  );
}

/**
 * The widgets of `existing` (the mural's) that an earlier attempt made for the create `bodies`
 * of widget `type`, one per body, none already `adopted`; null when none of them is there (the
 * create is sent again). Only some there fails: sending again would make the others twice.
 */
export function adoptMade(
  existing: readonly MuralWidget[],
  type: string,
  bodies: readonly Record<string, unknown>[],
  adopted: ReadonlySet<string>,
): MuralWidget[] | null {
  const found = bodies.map((body) =>
    existing.find((w) => !adopted.has(w.id) && madeBy(w, type, body)),
  );
  if (found.every((w) => w !== undefined)) return found as MuralWidget[];
  if (found.some((w) => w !== undefined)) {
    throw new OpError(
      `Only ${found.filter(Boolean).length} of ${found.length} ${type} widgets of an interrupted request are on the mural; run it again to finish.`,
    );
  }
  return null;
}
