/** `board.viewport`: the board's one shared viewport, read, set and zoomed to items. */
import type { SdkViewport } from '../../miro/sdk';
import { invalidParam } from './errors';
import { boundingBox, fitViewport } from './geometry';
import type { SdkContext } from './sdk-items';
import { finiteNumber, positiveNumber } from './validate';

export function viewportNamespace({ store, call }: SdkContext): SdkViewport {
  return {
    get: () => call('viewport.get', () => store.viewport()),
    set: ({ viewport }) =>
      call('viewport.set', () => {
        const next = {
          x: finiteNumber('viewport.x', viewport.x),
          y: finiteNumber('viewport.y', viewport.y),
          width: positiveNumber('viewport.width', viewport.width),
          height: positiveNumber('viewport.height', viewport.height),
        };
        store.setViewport(next);
        return next;
      }),
    zoomTo: (items) =>
      call('viewport.zoomTo', () => {
        const list = Array.isArray(items) ? items : [items];
        const box = boundingBox(list.map((i) => store.absoluteBox(i.id)));
        if (!box) throw invalidParam('items', 'zoomTo needs at least one item');
        store.setViewport(fitViewport(box, store.viewport()));
      }),
  };
}
