/**
 * The impact × feasibility 2 × 2 on the board: a frame with four quadrant panels (top row high
 * impact, left column easy to do) and the actions as cards. Cards are rectangle shapes, not
 * sticky notes, so they are never mistaken for workshop notes by votes, stages or the export.
 * The plan is a keyed family of items (app/insights/board-family.ts): putting it again updates it
 * in place, and a run cut off at any call is finished by the next (issue 10).
 */
import type { Board } from '../../board/port';
import { errorMessage } from '../../domain/common';
import { TEAM_LABELS, type Action, type KnownTeam } from '../../domain/actions/action';
import { deriveImpactFeasibilityGrid } from '../../domain/actions/derive-impact-feasibility-grid';
import { QUADRANT_ORDER, QUADRANTS } from '../../domain/actions/quadrant-of';
import {
  drawFamily,
  familyIds,
  plannedRect,
  removeFamily,
  type FamilyItem,
} from '../insights/board-family';
import { VOTE_COLLECTION } from '../voting/vote-store';

const LEGACY_KEY = 'action-board';
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

/**
 * Where the placed plan is recorded: a keyed family (app/insights/board-family.ts), so putting the
 * plan again updates it in place, and a run cut off anywhere is finished by the next one.
 */
const PLAN_RECORD = 'action-plan-board';
const AGAIN = '“Put the plan on the board”';

export async function putActionsOnBoard(
  board: Board,
  actions: readonly Action[],
  title = 'Action plan',
  signal?: AbortSignal,
): Promise<PutOutcome> {
  if (actions.length === 0)
    return { ok: false, reason: 'There are no actions to put on the board.' };
  const grid = deriveImpactFeasibilityGrid(actions);
  const rows = Math.max(1, ...QUADRANT_ORDER.map((q) => Math.ceil(grid[q].length / 2)));
  const qw = PAD * 2 + CARD.w * 2 + CARD.gap;
  const qh = HEADER + PAD + rows * (CARD.h + CARD.gap);
  const size = { w: qw * 2, h: qh * 2 };
  let origin: { x: number; y: number };
  try {
    // A plan placed before (by an earlier version, known by its ids only) goes first.
    await removeLegacyPlan(board);
    // Where the last run planned it, so a repair finds what a cut-off run made.
    origin = (await plannedRect(board, PLAN_RECORD, 'frame')) ?? (await board.findEmptySpace(size));
  } catch (error) {
    return { ok: false, reason: `The board could not be read (${errorMessage(error)}).` };
  }
  const wanted: FamilyItem[] = [
    {
      key: 'frame',
      spec: { kind: 'frame', title, rect: { x: origin.x, y: origin.y, ...size }, fill: '#ffffff' },
    },
  ];
  QUADRANT_ORDER.forEach((q, i) => {
    const qx = origin.x + (i % 2) * qw;
    const qy = origin.y + Math.floor(i / 2) * qh;
    wanted.push({
      key: `q-${q}`,
      parentKey: 'frame',
      spec: {
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
      wanted.push({
        key: `a-${action.id}`,
        parentKey: 'frame',
        spec: {
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
  const outcome = await drawFamily(board, PLAN_RECORD, wanted, AGAIN, signal);
  if (outcome.status === 'failed') return { ok: false, reason: outcome.message };
  if (outcome.status === 'incomplete') return { ok: false, reason: outcome.messages.join(' ') };
  const ids = await familyIds(board, PLAN_RECORD).catch(() => null);
  // Frames come last in the family's ids.
  const frameId = ids?.at(-1);
  if (!frameId)
    return { ok: false, reason: `The plan's frame is not on the board; ${AGAIN} again.` };
  // Showing the plan is a courtesy: the plan is on the board even if the view cannot move.
  await board.zoomTo([frameId]).catch(() => undefined);
  return { ok: true, frameId };
}

/** Removes the placed plan (cards first, then the frame). */
export async function removePlacedPlan(board: Board, signal?: AbortSignal): Promise<PutOutcome> {
  await removeLegacyPlan(board);
  const outcome = await removeFamily(board, PLAN_RECORD, '“Remove the plan”', signal);
  if (outcome.status === 'failed') return { ok: false, reason: outcome.message };
  if (outcome.status === 'incomplete') return { ok: false, reason: outcome.messages.join(' ') };
  return { ok: true, frameId: '' };
}

/** A plan placed by an earlier version: its ids under `action-board`, removed once. */
async function removeLegacyPlan(board: Board): Promise<void> {
  const shared = board.shared(VOTE_COLLECTION);
  const value = await shared.get(LEGACY_KEY);
  const ids =
    typeof value === 'object' && value !== null && Array.isArray((value as { ids?: unknown }).ids)
      ? (value as { ids: unknown[] }).ids.filter((id): id is string => typeof id === 'string')
      : [];
  if (ids.length > 0) await board.apply([...ids].reverse().map((id) => ({ op: 'remove', id })));
  if (value !== undefined) await shared.remove(LEGACY_KEY);
}
