/**
 * What the board view draws, derived from the local board after each change. Each entry carries
 * the item's absolute rectangle and a cheap version key of everything its drawing depends on, so
 * the memoised item components redraw only the items that changed.
 */
import { lineBetween } from '../../../domain/board/board-item';
import type { LocalBoard, LocalItem, LocalTag } from '../sdk/local-board-types';
import type { Box } from './camera';

export interface RenderEntry {
  id: string;
  item: LocalItem;
  /** Absolute top-left rectangle. */
  rect: Box;
  parentId: string | null;
  /** Tags of a sticky note, in the note's order (unknown ids skipped). */
  tags: readonly LocalTag[];
  /** A connector's line, from border to border of its end items (absolute). */
  line?: { x1: number; y1: number; x2: number; y2: number };
  /** Changes whenever anything drawn for this item changes. */
  version: string;
}

function contentKey(item: LocalItem): string {
  switch (item.type) {
    case 'sticky_note':
      return `${item.fillColor}|${item.shape}|${item.content}`;
    case 'shape':
      return `${item.shape}|${JSON.stringify(item.style)}|${item.content}`;
    case 'text':
      return `${item.style.color}|${item.style.fontSize}|${item.content}`;
    case 'frame':
      return `${item.fillColor}|${item.title}`;
    case 'connector':
      return JSON.stringify(item.style);
    default:
      return '';
  }
}

function lineOf(board: LocalBoard, from: string, to: string): RenderEntry['line'] | null {
  if (!board.item(from) || !board.item(to)) return null;
  // Connectors snap to the border of the items they join (Web SDK `snapTo: 'auto'`).
  const rectOf = (id: string) => {
    const { x, y, width, height } = board.absoluteRect(id);
    return { x, y, w: width, h: height };
  };
  const { from: p, to: q } = lineBetween(rectOf(from), rectOf(to));
  return { x1: p.x, y1: p.y, x2: q.x, y2: q.y };
}

/** Frames first (Miro draws them beneath everything), then the rest in board order. */
export function deriveRenderEntries(board: LocalBoard): RenderEntry[] {
  const tagsById = new Map(board.tags().map((t) => [t.id, t]));
  const frames: RenderEntry[] = [];
  const others: RenderEntry[] = [];
  for (const item of board.items()) {
    const rect = board.absoluteRect(item.id);
    if (item.type === 'connector') {
      const line = lineOf(board, item.start.item, item.end.item);
      if (!line) continue;
      const { x1, y1, x2, y2 } = line;
      const version = ['connector', x1, y1, x2, y2, contentKey(item)].join('\u0002');
      others.push({ id: item.id, item, rect, parentId: item.parentId, tags: [], line, version });
      continue;
    }
    const tags: LocalTag[] = [];
    if (item.type === 'sticky_note') {
      for (const tagId of item.tagIds) {
        const tag = tagsById.get(tagId);
        if (tag) tags.push(tag);
      }
    }
    const version = [
      item.type,
      rect.x,
      rect.y,
      rect.width,
      rect.height,
      contentKey(item),
      tags.map((t) => `${t.title}\u0000${t.color}`).join('\u0001'),
    ].join('\u0002');
    const entry: RenderEntry = { id: item.id, item, rect, parentId: item.parentId, tags, version };
    (item.type === 'frame' ? frames : others).push(entry);
  }
  return [...frames, ...others];
}
