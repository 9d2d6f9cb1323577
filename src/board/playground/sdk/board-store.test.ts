import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFrame } from '../../miro/sdk';
import { createLocalBoard } from './local-board';
import type { LocalBoard } from './local-board-types';

const user = { id: 'u1', name: 'Alex' };

type Op =
  | { kind: 'frame'; x: number; y: number; w: number; h: number }
  | { kind: 'note'; x: number; y: number }
  | { kind: 'move'; pick: number; x: number; y: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'add'; pick: number; frame: number };

const coord = fc.integer({ min: -3000, max: 3000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('frame' as const),
    x: coord,
    y: coord,
    w: fc.integer({ min: 300, max: 2000 }),
    h: fc.integer({ min: 300, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('note' as const), x: coord, y: coord }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), x: coord, y: coord }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), frame: fc.nat() }),
);

function checkInvariants(board: LocalBoard): void {
  const items = board.items();
  const byId = new Map(items.map((i) => [i.id, i]));
  expect(byId.size).toBe(items.length);
  for (const item of items) {
    if (item.parentId !== null) expect(byId.get(item.parentId)?.type).toBe('frame');
    // No cycles: walking up always ends.
    let steps = 0;
    for (let p = item.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
      steps += 1;
      expect(steps).toBeLessThan(items.length + 1);
    }
    if (item.type === 'frame') {
      const children = items.filter((c) => c.parentId === item.id).map((c) => c.id);
      expect([...item.childrenIds].sort()).toEqual(children.sort());
    }
  }
}

describe('board invariants under random edits', () => {
  it('keeps parents, childrenIds and persistence consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
        const board = createLocalBoard();
        const sdk = board.connect(user).board;
        for (const op of ops) {
          const items = board.items();
          const pick = (n: number) => items[n % Math.max(1, items.length)];
          if (op.kind === 'frame') {
            await sdk.createFrame({ x: op.x, y: op.y, width: op.w, height: op.h });
          } else if (op.kind === 'note') {
            board.human.addNote({ x: op.x, y: op.y, by: user.id });
          } else if (op.kind === 'move') {
            const item = pick(op.pick);
            if (!item) continue;
            board.human.move(item.id, op.x, op.y);
            const r = board.absoluteRect(item.id);
            expect(r.x + r.width / 2).toBeCloseTo(op.x);
            expect(r.y + r.height / 2).toBeCloseTo(op.y);
          } else if (op.kind === 'remove') {
            const item = pick(op.pick);
            if (item) board.human.remove([item.id]);
          } else {
            const item = pick(op.pick);
            const frames = (await sdk.get({ type: 'frame' })).filter(isFrame);
            const frame = frames[op.frame % Math.max(1, frames.length)];
            if (!item || !frame || item.type === 'frame') continue;
            const before = board.absoluteRect(item.id);
            const [view] = await sdk.get({ id: item.id });
            if (view && view.type !== 'tag') await frame.add(view);
            expect(board.absoluteRect(item.id)).toEqual(before);
          }
          checkInvariants(board);
        }
        const restored = createLocalBoard({ state: JSON.parse(JSON.stringify(board.state())) });
        expect(restored.items()).toEqual(board.items());
      }),
      { numRuns: 60 },
    );
  });
});
