/**
 * "Put RACI on the board" (issue 14 §4): the map's RACI matrix as a frame beside the map's frame
 * (domain/insights/raci-frame.ts), drawn again in place, removable, and removed with the map.
 */
import type { Board } from '../../board/port';
import { errorMessage } from '../../domain/common';
import { RACI_FRAME, layoutRaciFrame, type RaciRow } from '../../domain/insights/raci-frame';
import type { RaciSubject } from '../../domain/insights/raci';
import { FRAME_KEY } from '../../domain/journey/layout';
import { loadActions } from '../actions/action-store';
import { loadMap } from '../map/map-store';
import { drawFamily, removeFamily, type FamilyItem } from './board-family';
import { loadRaci } from './insights-store';
import type { DrawOutcome } from './draw-kpi-cards';

const part = encodeURIComponent;
export const raciFrameKey = (mapId: string) => `raci-frame:${part(mapId)}`;

export type RaciDrawOutcome = DrawOutcome | { status: 'empty'; message: string };

export async function drawRaciFrame(
  board: Board,
  mapId: string,
  signal?: AbortSignal,
): Promise<RaciDrawOutcome> {
  let read;
  try {
    read = await Promise.all([
      loadMap(board, mapId),
      board.listItems(['frame']),
      loadActions(board),
    ]);
  } catch (error) {
    return { status: 'failed', message: `The board could not be read (${errorMessage(error)}).` };
  }
  const [loaded, frames, actions] = read;
  if (!loaded.ok) return { status: 'not-found', message: loaded.message };
  const { spec, geometry, itemIds } = loaded.record;
  const frame = frames.find((f) => f.id === itemIds[FRAME_KEY])?.rect ?? geometry.frame;
  const rows: RaciRow[] = [
    ...spec.stages.map((s) => ({
      subject: { kind: 'stage', id: s.id } as RaciSubject,
      name: `Stage · ${s.name}`,
    })),
    ...actions.actions.map((a) => ({
      subject: { kind: 'action', id: a.id } as RaciSubject,
      name: `Action · ${a.title}`,
    })),
  ];
  let assignments;
  try {
    assignments = await loadRaci(
      board,
      mapId,
      rows.map((r) => r.subject),
    );
  } catch (error) {
    return {
      status: 'failed',
      message: `The RACI matrix could not be read (${errorMessage(error)}).`,
    };
  }
  const items = layoutRaciFrame(spec.title, rows, assignments, {
    x: frame.x + frame.w + RACI_FRAME.offset,
    y: frame.y,
  });
  if (!items)
    return {
      status: 'empty',
      message:
        'No department has a role yet: set at least one R, A, C or I first. Nothing was put on the board.',
    };
  const wanted: FamilyItem[] = items.map((item) => ({
    key: item.key,
    spec:
      item.kind === 'frame'
        ? { kind: 'frame', title: item.text, rect: item.rect, fill: '#ffffff' }
        : item.kind === 'text'
          ? {
              kind: 'text',
              text: item.text,
              rect: item.rect,
              fontSize: RACI_FRAME.fontSize,
              ...(item.textColor ? { textColor: item.textColor } : {}),
            }
          : {
              kind: 'shape',
              text: item.text,
              rect: item.rect,
              fontSize: RACI_FRAME.fontSize,
              align: 'center',
              ...(item.fill ? { fill: item.fill } : {}),
              ...(item.textColor ? { textColor: item.textColor } : {}),
            },
    ...(item.parentKey ? { parentKey: item.parentKey } : {}),
  }));
  return drawFamily(board, raciFrameKey(mapId), wanted, '“Put RACI on the board”', signal);
}

export const removeRaciFrame = (board: Board, mapId: string, signal?: AbortSignal) =>
  removeFamily(board, raciFrameKey(mapId), '“Remove RACI from board”', signal);
