import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import { deleteAction, loadActions, saveAction, watchActions } from './action-store';
import { exportActions } from './export-actions';
import { putActionsOnBoard, removePlacedPlan } from './put-actions-on-board';

const FAC = { id: 'u-fac', name: 'Fran' };

function setup() {
  const local = createLocalBoard();
  return { local, board: createMiroBoard(local.connect(FAC), { platform: 'playground' }) };
}

const action = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  title: `Fix ${id}`,
  ownerTeam: 'support',
  dueDate: '2026-12-15',
  impact: 5,
  feasibility: 4,
  status: 'todo',
  sourceItemIds: ['n1'],
  createdAt: '2026-11-22T10:00:00.000Z',
  ...over,
});

describe('actions on the board', () => {
  it('saves, edits, lists, exports and deletes actions; a participant sees changes live', async () => {
    const { local, board } = setup();
    const peer = createMiroBoard(local.connect({ id: 'u-p', name: 'Pat' }));
    let changes = 0;
    const stop = watchActions(peer, () => (changes += 1));

    expect(await saveAction(board, action('a1'))).toMatchObject({ ok: true });
    expect(
      await saveAction(board, action('a2', { ownerTeam: 'Customer Ops', impact: 2 })),
    ).toMatchObject({ ok: true });
    expect(await saveAction(board, action('a1', { status: 'doing' }))).toMatchObject({ ok: true });
    const { actions } = await loadActions(peer);
    expect(actions.map((a) => [a.id, a.status, a.ownerTeam])).toEqual([
      ['a1', 'doing', 'support'],
      ['a2', 'todo', 'Customer Ops'],
    ]);
    expect(changes).toBeGreaterThan(0);

    const refused = await saveAction(board, action('a3', { dueDate: '2026-02-30', impact: 9 }));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems.map((p) => p.field).sort()).toEqual(['dueDate', 'impact']);

    expect((await exportActions({ board })).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await exportActions({ board })).not.toContainEqual(
      expect.objectContaining({ createdAt: expect.anything() }),
    );

    await deleteAction(board, 'a1');
    expect((await loadActions(board)).actions.map((a) => a.id)).toEqual(['a2']);
    stop();
  });

  it('puts the plan on the board as a frame with quadrant headers and one card per action, and replaces it', async () => {
    const { board } = setup();
    const saved = async (input: unknown) => {
      const result = await saveAction(board, input);
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
      return result.action;
    };
    const actions = [
      await saved(action('a1')),
      await saved(action('a2', { impact: 2, feasibility: 1 })),
    ];
    const put = await putActionsOnBoard(board, actions);
    expect(put.ok).toBe(true);
    const items = await board.listItems();
    const frames = items.filter((i) => i.kind === 'frame');
    expect(frames).toHaveLength(1);
    const shapes = items.filter((i) => i.kind === 'shape');
    expect(shapes).toHaveLength(6);
    expect(shapes.some((s) => s.text.startsWith('Fix a1') && s.text.includes('Support'))).toBe(
      true,
    );

    await putActionsOnBoard(board, actions);
    expect((await board.listItems()).filter((i) => i.kind === 'frame')).toHaveLength(1);
    await removePlacedPlan(board);
    expect(await board.listItems()).toEqual([]);
  });
});
