import { describe, expect, it, vi } from 'vitest';
import { indexRefs, refusedOps } from './batch-checks';
import type { WriteOp } from './port';

const rect = { x: 0, y: 0, w: 100, h: 100 };
const frame = (ref: string, r = rect): WriteOp => ({
  op: 'create',
  ref,
  item: { kind: 'frame', title: ref, rect: r },
});
const note = (ref: string, parent?: string): WriteOp => ({
  op: 'create',
  ref,
  item: { kind: 'note', text: ref, rect, color: 'light_yellow' },
  ...(parent ? { parent: { ref: parent } } : {}),
});
const line = (ref: string, from: string, to: string): WriteOp => ({
  op: 'connect',
  ref,
  from: { ref: from },
  to: { ref: to },
  style: { color: '#000000', width: 2, dashed: false },
});
const refused = (
  ops: WriteOp[],
  validate: (op: WriteOp, index: number) => string | null = () => null,
) => Object.fromEntries(refusedOps(ops, indexRefs(ops), validate));

describe('indexRefs', () => {
  it('gives each ref the first create or connect that names it', () => {
    expect([...indexRefs([frame('f'), note('n'), note('f'), line('l', 'f', 'n')])]).toEqual([
      ['f', 0],
      ['n', 1],
      ['l', 3],
    ]);
  });
});

describe('refusedOps', () => {
  it('passes a well-formed batch', () => {
    expect(refused([frame('f'), note('n', 'f'), note('m'), line('l', 'n', 'm')])).toEqual({});
  });

  it('refuses a ref used twice and a parent or line end not created earlier', () => {
    expect(refused([note('n', 'f'), frame('f'), note('f'), line('l', 'n', 'x')])).toEqual({
      0: 'The parent ref "f" is not created earlier in this batch.',
      2: 'The ref "f" is used twice in this batch.',
      3: 'The end "x" is not an item created earlier in this batch.',
    });
  });

  it('refuses the children of a refused frame, and lines to a refused item, saying why', () => {
    const bad = frame('f', { x: 0, y: 0, w: 0, h: 10 });
    expect(refused([bad, note('n', 'f'), note('m'), line('l', 'n', 'm')])).toEqual({
      0: 'The rect {"x":0,"y":0,"w":0,"h":10} needs finite numbers and a positive size.',
      1: 'Its parent frame "f" could not be created: The rect {"x":0,"y":0,"w":0,"h":10} needs finite numbers and a positive size.',
      3: 'Its end "n" could not be created: Its parent frame "f" could not be created: The rect {"x":0,"y":0,"w":0,"h":10} needs finite numbers and a positive size.',
    });
  });

  it("asks the platform's own check only for ops the shared checks pass", () => {
    const validate = vi.fn((op: WriteOp, _index: number) =>
      op.op === 'remove' ? 'No such item.' : null,
    );
    const ops: WriteOp[] = [note('n'), note('n'), { op: 'remove', id: 'x' }];
    expect(refused(ops, validate)).toEqual({
      1: 'The ref "n" is used twice in this batch.',
      2: 'No such item.',
    });
    expect(validate.mock.calls.map(([, i]) => i)).toEqual([0, 2]);
  });
});
