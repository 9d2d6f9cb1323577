import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardUser } from '../../board/port';
import { badgeRect, followBadges, placeBadges } from './badges';

const FAC: BoardUser = { id: 'u-fac', name: 'Fran' };
const SAM: BoardUser = { id: 'u-sam', name: 'Sam' };

async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

function setup() {
  const local = createLocalBoard();
  const as = (u: BoardUser): Board => createMiroBoard(local.connect(u), { platform: 'playground' });
  const notes = ['A', 'B'].map((text, i) =>
    local.human.addNote({ x: i * 400, y: 0, content: text, by: FAC.id }),
  );
  return { local, as, notes };
}

const badgeOf = async (board: Board, count: string) =>
  (await board.listItems(['shape'])).find((s) => s.text === count);

describe('vote badges follow their note', () => {
  it('moves a badge with its note and removes it with its note, in the placer’s panel', async () => {
    const { local, as, notes } = setup();
    const board = as(FAC);
    await placeBadges(
      board,
      'r1',
      [
        { itemId: notes[0]!.id, count: 5 },
        { itemId: notes[1]!.id, count: 3 },
      ],
      FAC,
    );
    const stop = followBadges(board, FAC);
    // Another participant's panel follows nothing: only the placer's moves badges.
    const samStop = followBadges(as(SAM), SAM);

    local.human.move(notes[0]!.id, 2000, 1500);
    const moved = (await board.listItems(['note'])).find((n) => n.id === notes[0]!.id)!;
    expect(
      await eventually(async () => {
        const badge = await badgeOf(board, '5');
        const want = badgeRect(moved.rect);
        return (
          badge !== undefined &&
          Math.abs(badge.rect.x - want.x) < 1 &&
          Math.abs(badge.rect.y - want.y) < 1
        );
      }),
    ).toBe(true);

    local.human.remove([notes[1]!.id]);
    expect(await eventually(async () => (await badgeOf(board, '3')) === undefined)).toBe(true);
    stop();
    samStop();
  });

  it('puts right on opening what changed while no panel followed', async () => {
    const { local, as, notes } = setup();
    const board = as(FAC);
    await placeBadges(board, 'r1', [{ itemId: notes[0]!.id, count: 4 }], FAC);
    local.human.move(notes[0]!.id, -900, 700);
    const note = (await board.listItems(['note'])).find((n) => n.id === notes[0]!.id)!;
    const stop = followBadges(board, FAC);
    expect(
      await eventually(async () => {
        const badge = await badgeOf(board, '4');
        return badge !== undefined && Math.abs(badge.rect.x - badgeRect(note.rect).x) < 1;
      }),
    ).toBe(true);
    stop();
  });
});
