/**
 * The checks a batch passes before any call (`batch-engine.ts`): what every platform shares
 * (refs, parents, lines, rects), then the platform's own, then what follows from a refusal — a
 * child of a frame that cannot be made, a line to an item that cannot be made. Pure: the
 * platform's check is passed in.
 */
import type { WriteOp } from './port';

/** Index of the create (or connect) that defines each ref: the first one. */
export function indexRefs(ops: readonly WriteOp[]): Map<string, number> {
  const refs = new Map<string, number>();
  ops.forEach((op, i) => {
    if ((op.op === 'create' || op.op === 'connect') && !refs.has(op.ref)) refs.set(op.ref, i);
  });
  return refs;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The refs a connect's ends name (creates earlier in the batch). */
const endRefs = (op: WriteOp & { op: 'connect' }): string[] =>
  [op.from, op.to].flatMap((end) => ('ref' in end ? [end.ref] : []));

function validateConnect(
  op: WriteOp & { op: 'connect' },
  index: number,
  ops: readonly WriteOp[],
  refs: ReadonlyMap<string, number>,
): string | null {
  for (const ref of endRefs(op)) {
    const at = refs.get(ref);
    if (at === undefined || at >= index || ops[at]?.op !== 'create')
      return `The end "${ref}" is not an item created earlier in this batch.`;
  }
  const same = (a: typeof op.from, b: typeof op.to) =>
    'ref' in a ? 'ref' in b && a.ref === b.ref : 'id' in b && a.id === b.id;
  if (same(op.from, op.to)) return 'A line needs two different items.';
  const { color, width } = op.style;
  if (!HEX.test(color)) return `The line colour ${JSON.stringify(color)} is not a hex colour.`;
  if (!Number.isFinite(width) || width < 1 || width > 24)
    return `The line width ${width} is outside 1–24.`;
  return null;
}

/** Checks every platform shares. */
function validateCommon(
  op: WriteOp,
  index: number,
  ops: readonly WriteOp[],
  refs: ReadonlyMap<string, number>,
): string | null {
  if (op.op !== 'create' && op.op !== 'connect') return null;
  if (op.ref === '') return `A ${op.op} needs a non-empty ref.`;
  if (refs.get(op.ref) !== index) return `The ref "${op.ref}" is used twice in this batch.`;
  if (op.op === 'connect') return validateConnect(op, index, ops, refs);
  if (op.parent && 'ref' in op.parent) {
    const parentIndex = refs.get(op.parent.ref);
    const parentOp = parentIndex === undefined ? undefined : ops[parentIndex];
    if (parentOp === undefined || parentIndex === undefined || parentIndex >= index) {
      return `The parent ref "${op.parent.ref}" is not created earlier in this batch.`;
    }
    if (parentOp.op !== 'create' || parentOp.item.kind !== 'frame') {
      const kind = parentOp.op === 'create' ? parentOp.item.kind : 'line';
      return `The parent "${op.parent.ref}" is a ${kind}, not a frame.`;
    }
  }
  const { rect } = op.item;
  if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) {
    return `The rect ${JSON.stringify(rect)} needs finite numbers and a positive size.`;
  }
  return null;
}

/**
 * Why each op that cannot be made is refused, by index: the shared checks, then (only when they
 * pass) the platform's `validate`, then what follows from a refused parent frame or line end.
 */
export function refusedOps(
  ops: readonly WriteOp[],
  refs: ReadonlyMap<string, number>,
  validate: (op: WriteOp, index: number) => string | null,
): Map<number, string> {
  const refused = new Map<number, string>();
  ops.forEach((op, i) => {
    const error = validateCommon(op, i, ops, refs) ?? validate(op, i);
    if (error) refused.set(i, error);
  });
  // A create whose parent create is invalid cannot place its item (parents come first).
  ops.forEach((op, i) => {
    if (op.op !== 'create' || !op.parent || !('ref' in op.parent) || refused.has(i)) return;
    const parentIndex = refs.get(op.parent.ref);
    if (parentIndex !== undefined && refused.has(parentIndex)) {
      refused.set(
        i,
        `Its parent frame "${op.parent.ref}" could not be created: ${refused.get(parentIndex)}`,
      );
    }
  });
  // A line cannot join an item that cannot be made.
  ops.forEach((op, i) => {
    if (op.op !== 'connect' || refused.has(i)) return;
    const broken = endRefs(op).find((ref) => refused.has(refs.get(ref) ?? -1));
    if (broken !== undefined)
      refused.set(
        i,
        `Its end "${broken}" could not be created: ${refused.get(refs.get(broken) ?? -1)}`,
      );
  });
  return refused;
}
