/**
 * What a MURAL create sends: each item's body (documented fields only, x and y relative to the
 * parent area), the request's body without the fields MURAL refused on create for the widget
 * type, and the PATCH that puts a refused field on after.
 */
import type { CreateSpec, WriteOp } from '../port';
import { muralHex, toMuralHex } from './widgets';
import { refusedField, type CreateField } from './write-batch';

export type CreateOp = WriteOp & { op: 'create' };
type Body = Record<string, unknown>;

/** The MURAL widget type each kind is created as. */
export const TYPE_OF: Record<CreateSpec['kind'], string> = {
  note: 'sticky note',
  shape: 'shape',
  text: 'text',
  frame: 'area',
};

/** The create body for `spec`, at `rel` (the top-left relative to the parent area). */
function createBody(spec: CreateSpec, rel: { x: number; y: number }): Body {
  const base = { x: rel.x, y: rel.y, width: spec.rect.w, height: spec.rect.h };
  switch (spec.kind) {
    case 'frame':
      return {
        ...base,
        title: spec.title,
        ...(spec.fill ? { style: { backgroundColor: toMuralHex(spec.fill) } } : {}),
      };
    case 'note':
      return {
        ...base,
        text: spec.text,
        shape: 'rectangle',
        style: { backgroundColor: muralHex(spec.color) },
      };
    case 'shape': {
      const style: Body = {};
      if (spec.fill) style.backgroundColor = toMuralHex(spec.fill);
      if (spec.border) style.borderColor = toMuralHex(spec.border);
      if (spec.textColor) style.fontColor = toMuralHex(spec.textColor);
      if (spec.fontSize) style.fontSize = spec.fontSize;
      if (spec.align) style.textAlign = spec.align;
      return {
        ...base,
        shape: 'rectangle',
        text: spec.text,
        ...(Object.keys(style).length ? { style } : {}),
      };
    }
    case 'text': {
      // A textbox's style is backgroundColor, font, fontSize and textAlign (reference
      // createtextbox); it has no font colour (`fontColor` is a shape style), so none is sent.
      const style: Body = {};
      if (spec.fontSize) style.fontSize = spec.fontSize;
      return { ...base, text: spec.text, ...(Object.keys(style).length ? { style } : {}) };
    }
  }
}

/**
 * The full body of each create, every field included: placed relative to `origin` (the parent
 * area's top-left, or the mural's), in area `parentId` if any, a note with its tags' ids.
 */
export function createBodies(
  creates: readonly CreateOp[],
  origin: { x: number; y: number },
  parentId: string | null,
  idOfTag: (title: string) => string,
): Body[] {
  return creates.map((o) => {
    const body = createBody(o.item, { x: o.item.rect.x - origin.x, y: o.item.rect.y - origin.y });
    if (parentId !== null) body.parentId = parentId;
    const tagTitles = o.item.kind === 'note' ? (o.item.tags ?? []) : [];
    if (tagTitles.length > 0) body.tags = [...new Set(tagTitles.map(idOfTag))];
    return body;
  });
}

/**
 * The body of the create request of widget `type`: the bodies without the `refused` fields, as
 * an array (an area is created one per request, as an object).
 */
export function requestBody(type: string, full: readonly Body[], refused: readonly CreateField[]) {
  const plain = full.map((body) => {
    const copy = { ...body };
    for (const field of refused) delete copy[field];
    return copy;
  });
  return type === 'area' ? plain[0] : plain;
}

/**
 * The field a create request can be sent again without, after `error`: one MURAL's 400 names,
 * that this request carried — in the bodies (`first`) and not among the fields it was already
 * sent without (`sentWithout`); null to fail. Decided per request: two requests of one type in
 * flight may both be refused for the same field, and each goes again without it.
 */
export function fieldToDrop(
  error: unknown,
  sentWithout: readonly CreateField[],
  first: Body | undefined,
): CreateField | null {
  const field = refusedField(error);
  if (field === null || sentWithout.includes(field) || !(field in (first ?? {}))) return null;
  return field;
}

/** The PATCH that puts the `refused` fields of `body` on after the create; null if none. */
export function refusedPatch(body: Body, refused: readonly CreateField[]): Body | null {
  const patch: Body = {};
  for (const field of refused) {
    if (body[field] !== undefined) patch[field] = body[field];
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
