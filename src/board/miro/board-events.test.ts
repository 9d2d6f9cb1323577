import { describe, expect, it, vi } from 'vitest';
import type { BoardItem } from '../../domain/board/board-item';
import { createBoardEvents } from './board-events';
import type { SdkEventName, SdkItem, SdkItemsEvent, SdkUi } from './sdk';

type Handler = (event: SdkItemsEvent) => void;

/** A hand-written `ui` that records subscriptions and lets the test fire events. */
function createFakeUi() {
  const handlers = new Map<SdkEventName, Handler[]>();
  const ui: SdkUi = {
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    off(event, handler) {
      handlers.set(
        event,
        (handlers.get(event) ?? []).filter((h) => h !== handler),
      );
    },
    openPanel: async () => undefined,
    canOpenPanel: async () => true,
  };
  return {
    ui,
    count: (event: SdkEventName) => (handlers.get(event) ?? []).length,
    fire: (event: SdkEventName, items: SdkItem[]) =>
      (handlers.get(event) ?? []).forEach((h) => h({ items })),
  };
}

const asItem = (item: SdkItem): BoardItem => ({
  id: item.id,
  kind: 'other',
  text: item.type,
  rect: { x: 0, y: 0, w: 0, h: 0 },
  color: null,
  tags: [],
  parentId: null,
  meta: null,
});

describe('createBoardEvents', () => {
  it('holds one SDK subscription per event however many subscribe, and drops it after the last', () => {
    const fake = createFakeUi();
    const hub = createBoardEvents({ ui: fake.ui, translate: async (items) => items.map(asItem) });
    const offA = hub.on('selection', () => undefined);
    const offB = hub.on('selection', () => undefined);
    expect(fake.count('selection:update')).toBe(1);
    offA();
    expect(fake.count('selection:update')).toBe(1);
    offB();
    offB();
    expect(fake.count('selection:update')).toBe(0);
    hub.on('selection', () => undefined);
    expect(fake.count('selection:update')).toBe(1);
  });

  it('maps port events to SDK events and fans translated items out to every subscriber', async () => {
    const fake = createFakeUi();
    const hub = createBoardEvents({ ui: fake.ui, translate: async (items) => items.map(asItem) });
    const a = vi.fn();
    const b = vi.fn();
    hub.on('items:update', a);
    hub.on('items:update', b);
    expect(fake.count('experimental:items:update')).toBe(1);
    fake.fire('experimental:items:update', [{ id: 'x', type: 'card' }]);
    await vi.waitFor(() => expect(b).toHaveBeenCalled());
    expect(a).toHaveBeenCalledWith({ items: [asItem({ id: 'x', type: 'card' })] });
    expect(b).toHaveBeenCalledWith({ items: [asItem({ id: 'x', type: 'card' })] });
  });

  it('gives deletions as ids, without translating', async () => {
    const fake = createFakeUi();
    const translate = vi.fn(async (items: SdkItem[]) => items.map(asItem));
    const hub = createBoardEvents({ ui: fake.ui, translate });
    const seen = vi.fn();
    hub.on('items:delete', seen);
    fake.fire('items:delete', [
      { id: 'a', type: 'sticky_note' },
      { id: 'b', type: 'frame' },
    ]);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ids: ['a', 'b'] }));
    expect(translate).not.toHaveBeenCalled();
  });

  it('delivers in the order Miro sent, even when an earlier translation is slower', async () => {
    const fake = createFakeUi();
    let releaseFirst!: () => void;
    const firstDone = new Promise<void>((resolve) => (releaseFirst = resolve));
    const hub = createBoardEvents({
      ui: fake.ui,
      translate: async (items) => {
        if (items[0]?.id === 'first') await firstDone;
        return items.map(asItem);
      },
    });
    const order: string[] = [];
    hub.on('items:create', (p) => order.push(p.items[0]!.id));
    fake.fire('items:create', [{ id: 'first', type: 'shape' }]);
    fake.fire('items:create', [{ id: 'second', type: 'shape' }]);
    await Promise.resolve();
    expect(order).toEqual([]);
    releaseFirst();
    await vi.waitFor(() => expect(order).toEqual(['first', 'second']));
  });

  it('lets caches observe raw payloads and reports failures without stopping later events', async () => {
    const fake = createFakeUi();
    const observed: string[] = [];
    const errors: unknown[] = [];
    const hub = createBoardEvents({
      ui: fake.ui,
      translate: async (items) => {
        if (items[0]?.id === 'bad') throw new Error('frame unreadable');
        return items.map(asItem);
      },
      observe: (event, items) => observed.push(`${event}:${items.map((i) => i.id).join()}`),
      onError: (e) => errors.push(e),
    });
    const seen: string[] = [];
    hub.on('items:create', (p) => seen.push(p.items[0]!.id));
    hub.on('items:create', () => {
      throw new Error('a broken subscriber');
    });
    fake.fire('items:create', [{ id: 'bad', type: 'shape' }]);
    fake.fire('items:create', [{ id: 'good', type: 'shape' }]);
    await vi.waitFor(() => expect(seen).toEqual(['good']));
    expect(observed).toEqual(['items:create:bad', 'items:create:good']);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'frame unreadable',
      'a broken subscriber',
    ]);
  });
});
