/**
 * What the user sees of the board: the selection, the viewport, zooming to items, and free space
 * near the view.
 */
import type { Board } from '../port';
import { centreToRect, rectToCentre } from './coordinates';
import type { MiroCache } from './board-cache';
import { getByIds, translate } from './read-items';
import { isTag, type SdkItem } from './sdk';

type BoardView = Pick<Board, 'selection' | 'select' | 'findEmptySpace' | 'viewport' | 'zoomTo'>;

/** `emptySpaceOffset`: the gap `findEmptySpace` keeps from other items. */
export function createBoardView(cache: MiroCache, emptySpaceOffset: number): BoardView {
  const { board, read } = cache;
  const view: BoardView = {
    async selection() {
      return translate(cache, await read(() => board.getSelection()));
    },

    async select(ids) {
      await read(() => board.deselect());
      if (ids.length > 0) await read(() => board.select({ id: ids }));
    },

    async findEmptySpace(size, near) {
      const around = near ?? (await view.viewport());
      const centre = rectToCentre(around);
      const found = await read(() =>
        board.findEmptySpace({
          x: centre.x,
          y: centre.y,
          width: size.w,
          height: size.h,
          offset: emptySpaceOffset,
        }),
      );
      // Miro answers with the centre of the free area.
      return centreToRect(found);
    },

    async viewport() {
      // Unlike items, the viewport is given by its top-left corner.
      const v = await read(() => board.viewport.get());
      return { x: v.x, y: v.y, w: v.width, h: v.height };
    },

    async zoomTo(ids) {
      if (ids.length === 0) return;
      const known = ids.flatMap((id) => cache.created.get(id) ?? []);
      const unknown = ids.filter((id) => !cache.created.has(id));
      const fetched = (await getByIds(cache, unknown)).filter((e): e is SdkItem => !isTag(e));
      const items = [...known, ...fetched];
      if (items.length > 0) await read(() => board.viewport.zoomTo(items));
    },
  };
  return view;
}
