/**
 * The selection and the view, which MURAL's API has neither of: Touchpoint keeps its own for its
 * own panel (the embedded mural is not steered), and finds free space from the items listed.
 */
import { spaceRightOf, viewAround } from '../../domain/board/free-space';
import type { Board, BoardItem, Rect } from '../port';

type BoardView = Pick<Board, 'selection' | 'select' | 'findEmptySpace' | 'viewport' | 'zoomTo'>;

interface BoardViewDeps {
  /** The board's own `listItems` (a full list, as the port reads it). */
  listItems: () => Promise<BoardItem[]>;
  /** The items as last seen by a poll or a list (empty before either). */
  lastSeen: () => ReadonlyMap<string, BoardItem>;
}

export function createBoardView({ listItems, lastSeen }: BoardViewDeps): BoardView {
  let selected: string[] = [];
  let view: Rect = { x: 0, y: 0, w: 1600, h: 1000 };
  return {
    async selection() {
      if (selected.length === 0) return [];
      const items = await listItems();
      return items.filter((i) => selected.includes(i.id));
    },

    select(ids) {
      // MURAL's API has no selection: Touchpoint keeps its own, for its own panel.
      selected = [...ids];
      return Promise.resolve();
    },

    async findEmptySpace(size, near) {
      const around = near ?? view;
      const items = await listItems();
      // Right of everything that shares the rows asked for: clear by construction.
      return spaceRightOf(
        items.map((i) => i.rect),
        around,
        size,
        100,
      );
    },

    viewport() {
      // No camera through the API: the view Touchpoint last zoomed to.
      return Promise.resolve({ ...view });
    },

    async zoomTo(ids) {
      const seen = lastSeen();
      const rects = (seen.size ? [...seen.values()] : await listItems())
        .filter((i) => ids.includes(i.id))
        .map((i) => i.rect);
      const missing = rects.length < ids.length ? await listItems() : null;
      const all = missing ? missing.filter((i) => ids.includes(i.id)).map((i) => i.rect) : rects;
      view = viewAround(all, 50) ?? view;
    },
  };
}
