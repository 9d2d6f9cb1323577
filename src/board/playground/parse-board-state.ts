/**
 * Reads a saved playground board (IndexedDB row: outside input) back into a `LocalBoardState`.
 * A row that is not a board at all is refused; items that are damaged are dropped and counted,
 * so one bad item never costs the whole board.
 */
import { isRecord } from '../../domain/common';
import type { LocalBoardState, LocalItem, LocalTag, LocalUser } from './sdk/local-board-types';

export type ParsedBoardState =
  { ok: true; state: LocalBoardState; droppedItems: number } | { ok: false; message: string };

const ITEM_TYPES = new Set([
  'sticky_note',
  'shape',
  'text',
  'frame',
  'connector',
  'stamp',
  'emoji',
  'drawing',
]);

const isEnd = (v: unknown): boolean => isRecord(v) && typeof v.item === 'string';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isItem(v: unknown): v is LocalItem {
  if (!isRecord(v)) return false;
  const geometryOk =
    isFiniteNumber(v.x) &&
    isFiniteNumber(v.y) &&
    isFiniteNumber(v.width) &&
    isFiniteNumber(v.height);
  if (
    typeof v.id !== 'string' ||
    typeof v.type !== 'string' ||
    !ITEM_TYPES.has(v.type) ||
    !geometryOk
  ) {
    return false;
  }
  if (v.parentId !== null && typeof v.parentId !== 'string') return false;
  if (!isRecord(v.metadata)) return false;
  switch (v.type) {
    case 'sticky_note':
      return (
        typeof v.content === 'string' && typeof v.fillColor === 'string' && Array.isArray(v.tagIds)
      );
    case 'shape':
      return typeof v.content === 'string' && isRecord(v.style);
    case 'text':
      return typeof v.content === 'string' && isRecord(v.style);
    case 'frame':
      return typeof v.title === 'string' && Array.isArray(v.childrenIds);
    case 'connector':
      return isEnd(v.start) && isEnd(v.end) && isRecord(v.style) && typeof v.shape === 'string';
    default:
      return true;
  }
}

const isTag = (v: unknown): v is LocalTag =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.title === 'string' &&
  typeof v.color === 'string';
const isUser = (v: unknown): v is LocalUser =>
  isRecord(v) && typeof v.id === 'string' && typeof v.name === 'string';

export function parseBoardState(input: unknown): ParsedBoardState {
  if (!isRecord(input)) return { ok: false, message: 'The saved board is not a board.' };
  if (input.version !== 1) {
    return {
      ok: false,
      message: `The saved board has format ${String(input.version)}; this playground reads format 1.`,
    };
  }
  if (
    typeof input.boardId !== 'string' ||
    !Array.isArray(input.items) ||
    !isFiniteNumber(input.nextId)
  ) {
    return { ok: false, message: 'The saved board is missing its id, items or id counter.' };
  }
  const items = input.items.filter(isItem);
  const ids = new Set(items.map((i) => i.id));
  // A child whose frame was dropped would be positioned relative to nothing: drop it too.
  // A connector whose end item was dropped would dangle, which Miro never allows: drop it too.
  const kept = items.filter(
    (i) =>
      (i.parentId === null || ids.has(i.parentId)) &&
      (i.type !== 'connector' || (ids.has(i.start.item) && ids.has(i.end.item))),
  );
  const users = Array.isArray(input.users) ? input.users.filter(isUser) : [];
  const collections = isRecord(input.collections)
    ? (Object.fromEntries(
        Object.entries(input.collections).filter(([, v]) => isRecord(v)),
      ) as Record<string, Record<string, unknown>>)
    : {};
  return {
    ok: true,
    droppedItems: input.items.length - kept.length,
    state: {
      version: 1,
      boardId: input.boardId,
      boardName: typeof input.boardName === 'string' ? input.boardName : 'Playground board',
      items: kept,
      tags: Array.isArray(input.tags) ? input.tags.filter(isTag) : [],
      collections,
      users: users.length > 0 ? users : [{ id: 'facilitator', name: 'Facilitator' }],
      nextId: input.nextId,
      ...(typeof input.createdAt === 'string' ? { createdAt: input.createdAt } : {}),
    },
  };
}
