import { describe, expect, it } from 'vitest';
import { createLocalBoard } from './sdk/local-board';
import { parseBoardState } from './parse-board-state';

async function savedBoard() {
  const board = createLocalBoard();
  const sdk = board.connect({ id: 'u1', name: 'Ada' });
  const frame = await sdk.board.createFrame({ title: 'Map', x: 0, y: 0, width: 800, height: 600 });
  const note = await sdk.board.createStickyNote({ content: '<p>Hello</p>', x: 10, y: 10 });
  await frame.add(note);
  return JSON.parse(JSON.stringify(board.state())) as Record<string, unknown>;
}

describe('parseBoardState', () => {
  it('reads back what the local board saved', async () => {
    const saved = await savedBoard();
    const parsed = parseBoardState(saved);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.droppedItems).toBe(0);
    expect(parsed.state.items).toHaveLength((saved.items as unknown[]).length);
    const restored = createLocalBoard({ state: parsed.state });
    expect(restored.items().some((i) => i.type === 'sticky_note' && i.parentId !== null)).toBe(
      true,
    );
  });

  it('refuses what is not a board, naming the problem', () => {
    expect(parseBoardState('nope')).toEqual({
      ok: false,
      message: 'The saved board is not a board.',
    });
    const future = parseBoardState({ version: 2 });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.message).toContain('format 2');
  });

  it('drops damaged items and the children of a dropped frame, keeping the rest', async () => {
    const saved = await savedBoard();
    const items = saved.items as Record<string, unknown>[];
    const frame = items.find((i) => i.type === 'frame')!;
    frame.width = 'wide';
    items.push({ id: 'x', type: 'sticky_note', x: 1, y: 2, width: 3, height: 4 });
    const parsed = parseBoardState(saved);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state.items.find((i) => i.type === 'frame')).toBeUndefined();
    expect(parsed.state.items.find((i) => i.type === 'sticky_note')).toBeUndefined();
    expect(parsed.droppedItems).toBe(3);
  });
});
