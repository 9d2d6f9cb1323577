/**
 * The impact × feasibility 2 × 2 on the board: a frame with four quadrant panels (top row high
 * impact, left column easy to do) and the actions as cards. Cards are rectangle shapes, not
 * sticky notes, so they are never mistaken for workshop notes by votes, stages or the export.
 * The placed ids are kept (`action-board`), so putting the plan again replaces it.
 */
import type { Board, Rect, WriteOp } from '../../board/port';
import { TEAM_LABELS, type Action, type KnownTeam } from '../../domain/actions/action';
import { deriveImpactFeasibilityGrid } from '../../domain/actions/derive-impact-feasibility-grid';
import { QUADRANT_ORDER, QUADRANTS } from '../../domain/actions/quadrant-of';
import { VOTE_COLLECTION } from '../voting/vote-store';

export const ACTION_BOARD_KEY = 'action-board';
const CARD = { w: 260, h: 110, gap: 20 };
const PAD = 30;
const HEADER = 70;
const QUADRANT_FILL: Record<string, string> = {
  'quick-wins': '#e3f7ee',
  'big-bets': '#eef1ff',
  'fill-ins': '#fff6e0',
  'money-pits': '#fdeaea',
};

export const teamLabel = (team: string): string => TEAM_LABELS[team as KnownTeam] ?? team;

export type PutOutcome = { ok: true; frameId: string } | { ok: false; reason: string };

export async function putActionsOnBoard(
  board: Board,
  actions: readonly Action[],
  title = 'Action plan',
): Promise<PutOutcome> {
  if (actions.length === 0)
    return { ok: false, reason: 'There are no actions to put on the board.' };
  const grid = deriveImpactFeasibilityGrid(actions);
  const rows = Math.max(1, ...QUADRANT_ORDER.map((q) => Math.ceil(grid[q].length / 2)));
  const qw = PAD * 2 + CARD.w * 2 + CARD.gap;
  const qh = HEADER + PAD + rows * (CARD.h + CARD.gap);
  const size = { w: qw * 2, h: qh * 2 };
  const frameRect: Rect = await board.findEmptySpace(size);

  await removePlacedPlan(board);
  const frame = { ref: 'frame' };
  const ops: WriteOp[] = [
    {
      op: 'create',
      ref: 'frame',
      item: { kind: 'frame', title, rect: { ...frameRect, ...size }, fill: '#ffffff' },
      meta: { m: 'actions', r: 'frame' },
    },
  ];
  QUADRANT_ORDER.forEach((q, i) => {
    const qx = frameRect.x + (i % 2) * qw;
    const qy = frameRect.y + Math.floor(i / 2) * qh;
    ops.push({
      op: 'create',
      ref: `q-${q}`,
      parent: frame,
      item: {
        kind: 'shape',
        text: `${QUADRANTS[q].label} — ${QUADRANTS[q].advice}`,
        rect: { x: qx + 8, y: qy + 8, w: qw - 16, h: HEADER - 16 },
        fill: QUADRANT_FILL[q],
        border: QUADRANT_FILL[q],
        fontSize: 18,
        align: 'left',
      },
    });
    grid[q].forEach((action, k) => {
      ops.push({
        op: 'create',
        ref: `a-${action.id}`,
        parent: frame,
        item: {
          kind: 'shape',
          text: `${action.title}\n${teamLabel(action.ownerTeam)} · due ${action.dueDate}\nImpact ${action.impact} · Feasibility ${action.feasibility}`,
          rect: {
            x: qx + PAD + (k % 2) * (CARD.w + CARD.gap),
            y: qy + HEADER + Math.floor(k / 2) * (CARD.h + CARD.gap),
            w: CARD.w,
            h: CARD.h,
          },
          fill: '#ffffff',
          border: '#4262ff',
          fontSize: 16,
          align: 'left',
        },
      });
    });
  });
  const result = await board.apply(ops);
  const frameId = result.ids['frame'];
  await board.shared(VOTE_COLLECTION).set(ACTION_BOARD_KEY, { ids: Object.values(result.ids) });
  if (!frameId || result.failed.length > 0)
    return {
      ok: false,
      reason: `${result.failed.length} of ${ops.length} parts of the plan could not be placed.`,
    };
  await board.zoomTo([frameId]);
  return { ok: true, frameId };
}

/** Removes the plan placed last (the frame takes its cards with it). */
export async function removePlacedPlan(board: Board): Promise<void> {
  const shared = board.shared(VOTE_COLLECTION);
  const value = await shared.get(ACTION_BOARD_KEY);
  const ids =
    typeof value === 'object' && value !== null && Array.isArray((value as { ids?: unknown }).ids)
      ? (value as { ids: unknown[] }).ids.filter((id): id is string => typeof id === 'string')
      : [];
  if (ids.length === 0) return;
  // Cards first, then the frame: removing a frame would take anything else inside it too.
  await board.apply([...ids].reverse().map((id) => ({ op: 'remove', id })));
  await shared.remove(ACTION_BOARD_KEY);
}
