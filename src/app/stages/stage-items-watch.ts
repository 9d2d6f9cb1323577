/**
 * The Stages tab's notes and frames and this user's selection: read once, then kept current from
 * board events (no polling). Events that arrive during a read are replayed on top of it; a
 * dragged frame moves its children in the cache (the board reports only the frame). The board
 * does not echo a panel's own writes back to it, so use cases `reflect` their ops.
 */
import type { Board, BoardItem, Unsubscribe, WriteOp } from '../../board/port';
import { movedWithFrame } from '../../domain/board/moved-with-frame';
import { errorMessage } from '../../domain/common';
import { applyTagChange } from './stage-tags';

export interface StageItemsWatch {
  /** Whether the first read (items and selection) is in. */
  loaded(): boolean;
  item(id: string): BoardItem | undefined;
  /** Notes and frames as last known. */
  items(): BoardItem[];
  /** Ids of the sticky notes this user has selected on the board. */
  selectedNoteIds(): string[];
  /** Puts this panel's own successful writes in the cache (after a read under way, like events). */
  reflect(ops: readonly WriteOp[]): void;
  /** Reads notes and frames again (one read at a time; none before the first read is in). */
  refresh(): Promise<void>;
  close(): void;
}

export interface StageItemsWatchDeps {
  /** The items or the selection changed, or a read again ended. */
  changed: () => void;
  /** The first read is in. */
  ready: () => void;
  /** The first read failed: nothing to show but why. */
  failed: (message: string) => void;
}

type PendingEvent = () => void;

const KEPT_KINDS = new Set<BoardItem['kind']>(['note', 'frame']);

export function watchStageItems(
  board: Board,
  { changed, ready, failed }: StageItemsWatchDeps,
): StageItemsWatch {
  const items = new Map<string, BoardItem>();
  let selected: string[] = [];
  let loaded = false;
  let reading = false;
  let closed = false;
  /** Events that arrive while a read is under way, replayed in order on top of it. */
  const queued: PendingEvent[] = [];

  const whenLoaded = (apply: PendingEvent): void => {
    if (loaded && !reading) {
      apply();
      changed();
    } else queued.push(apply);
  };

  function put(item: BoardItem): void {
    if (!KEPT_KINDS.has(item.kind)) return;
    const before = items.get(item.id);
    items.set(item.id, item);
    if (before && item.kind === 'frame')
      for (const child of movedWithFrame([...items.values()], item, before.rect))
        items.set(child.id, child);
  }

  /**
   * Reads notes and frames, then replays the events that arrived meanwhile: on top of what it
   * read, or, when the read failed, on top of the items as they were (they are newer than both).
   */
  async function readItems(): Promise<void> {
    reading = true;
    try {
      const list = await board.listItems(['note', 'frame']);
      if (closed) return;
      items.clear();
      for (const item of list) put(item);
    } finally {
      reading = false;
      if (loaded && !closed) for (const apply of queued.splice(0)) apply();
    }
  }

  let reread: Promise<void> | null = null;
  function rereadItems(): Promise<void> {
    if (!loaded) return Promise.resolve();
    reread ??= readItems()
      .catch(() => undefined)
      .finally(() => {
        reread = null;
        changed();
      });
    return reread;
  }

  const subscriptions: Unsubscribe[] = [
    board.on('items:create', ({ items: created }) => whenLoaded(() => created.forEach(put))),
    board.on('items:update', ({ items: updated }) => whenLoaded(() => updated.forEach(put))),
    board.on('items:delete', ({ ids }) =>
      whenLoaded(() => {
        for (const id of ids) items.delete(id);
      }),
    ),
    board.on('selection', ({ items: chosen }) =>
      whenLoaded(() => {
        selected = chosen.map((i) => i.id);
        for (const item of chosen) if (items.has(item.id)) put(item);
      }),
    ),
  ];

  void (async () => {
    try {
      const [, chosen] = await Promise.all([readItems(), board.selection()]);
      if (closed) return;
      selected = chosen.map((i) => i.id);
      loaded = true;
      for (const apply of queued.splice(0)) apply();
      ready();
    } catch (error) {
      if (closed) return;
      failed(errorMessage(error));
    }
  })();

  return {
    loaded: () => loaded,
    item: (id) => items.get(id),
    items: () => [...items.values()],
    selectedNoteIds: () => selected.filter((id) => items.get(id)?.kind === 'note'),
    // Like an event: a read under way may have begun before the write, so it goes on top of it.
    reflect(ops) {
      whenLoaded(() => {
        for (const op of ops) {
          const item = 'id' in op ? items.get(op.id) : undefined;
          if (!item) continue;
          if (op.op === 'tag') put({ ...item, tags: applyTagChange(item.tags, op) });
          else if (op.op === 'update' && op.patch.rect)
            put({ ...item, rect: { ...item.rect, ...op.patch.rect } });
          else if (op.op === 'remove') items.delete(op.id);
        }
      });
    },
    refresh: rereadItems,
    close() {
      closed = true;
      for (const unsubscribe of subscriptions) unsubscribe();
    },
  };
}
