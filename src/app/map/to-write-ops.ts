/**
 * Layout items and update-plan steps (domain terms, by key) → Board write operations. The
 * domain cannot import the port, so this is where keys become refs and ids.
 */
import type { CreateSpec, ItemRef, WriteOp } from '../../board/port';
import { FRAME_KEY, type LayoutItem } from '../../domain/journey/layout';
import type { MapPlanOp } from '../../domain/journey/plan-map-update';

export function toCreateSpec(item: LayoutItem): CreateSpec {
  switch (item.role) {
    case 'frame':
      return { kind: 'frame', title: item.text, rect: item.rect, fill: item.fill };
    case 'title':
      return {
        kind: 'text',
        text: item.text,
        rect: item.rect,
        ...(item.fontSize === undefined ? {} : { fontSize: item.fontSize }),
        ...(item.textColor === undefined ? {} : { textColor: item.textColor }),
      };
    default:
      return {
        kind: 'shape',
        text: item.text,
        rect: item.rect,
        fill: item.fill,
        ...(item.border === undefined ? {} : { border: item.border }),
        ...(item.fontSize === undefined ? {} : { fontSize: item.fontSize }),
        ...(item.textColor === undefined ? {} : { textColor: item.textColor }),
        ...(item.align === undefined ? {} : { align: item.align }),
      };
  }
}

/** The create of one layout item; the frame carries the map's marker, its children a parent. */
export function toCreateOp(item: LayoutItem, mapId: string, frame: ItemRef): WriteOp {
  return item.key === FRAME_KEY
    ? { op: 'create', ref: FRAME_KEY, item: toCreateSpec(item), meta: { m: mapId, r: 'frame' } }
    : { op: 'create', ref: item.key, item: toCreateSpec(item), parent: frame };
}

/** Text items take no fill on Miro; only shapes and frames do. */
const takesFill = (key: string) => key !== 'title';

export function toWriteOps(plan: readonly MapPlanOp[], mapId: string, frameId?: string): WriteOp[] {
  const frame: ItemRef = frameId === undefined ? { ref: FRAME_KEY } : { id: frameId };
  return plan.map((step): WriteOp => {
    switch (step.op) {
      case 'create':
        return toCreateOp(step.item, mapId, frame);
      case 'remove':
        return { op: 'remove', id: step.id };
      case 'move-note':
        // Position only: a note keeps the size its author gave it.
        return { op: 'update', id: step.id, patch: { rect: { x: step.rect.x, y: step.rect.y } } };
      case 'update':
        return {
          op: 'update',
          id: step.id,
          patch: {
            ...(step.rect === undefined ? {} : { rect: step.rect }),
            ...(step.text === undefined ? {} : { text: step.text }),
            ...(step.fill === undefined || !takesFill(step.key) ? {} : { fill: step.fill }),
          },
        };
    }
  });
}
