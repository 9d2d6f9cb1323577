/**
 * Who is connected, and the delivery of Miro's events to them: item events go to every connected
 * SDK but the one that made the change; `selection:update` goes to the SDKs of the user whose
 * selection changed. Each user's selection lives here too.
 */
import type { Connection, ItemsEventName, Origin } from './board-store';
import type { ItemTable } from './item-table';
import type { LocalItem } from './local-board-types';

export interface Delivery {
  connect(make: (id: number) => Connection): Connection;
  disconnect(connectionId: number): void;
  connections(): readonly Connection[];
  emit(event: ItemsEventName, items: readonly LocalItem[], origin: Origin): void;
  /** Hand `selection:update` to every SDK that user has connected. */
  emitSelection(userId: string, selected: readonly LocalItem[]): void;
}

export function createDelivery(): Delivery {
  const connections = new Map<number, Connection>();
  let nextConnectionId = 1;
  return {
    connect(make) {
      const connection = make(nextConnectionId);
      nextConnectionId += 1;
      connections.set(connection.id, connection);
      return connection;
    },
    disconnect(connectionId) {
      connections.delete(connectionId);
    },
    connections: () => [...connections.values()],
    emit(event, eventItems, origin) {
      if (eventItems.length === 0) return;
      for (const connection of connections.values()) {
        // An SDK's own writes are not echoed back to it; a person's actions reach everyone.
        if (origin.kind === 'sdk' && origin.connectionId === connection.id) continue;
        connection.deliver(event, eventItems);
      }
    },
    emitSelection(userId, selected) {
      for (const connection of connections.values()) {
        if (connection.user.id === userId) connection.deliver('selection:update', selected);
      }
    },
  };
}

export interface Selections {
  get(userId: string): readonly string[];
  /** Select the ids that name items (once each) and tell that user's SDKs. */
  set(userId: string, ids: readonly string[]): void;
  /** Take removed items out of every selection, telling each user whose selection changed. */
  forget(gone: ReadonlySet<string>): void;
}

export function createSelections(table: ItemTable, delivery: Delivery): Selections {
  const selections = new Map<string, string[]>();

  const emitSelection = (userId: string): void => {
    const selected = (selections.get(userId) ?? []).flatMap((id) => {
      const item = table.get(id);
      return item ? [item] : [];
    });
    delivery.emitSelection(userId, selected);
  };

  return {
    get: (userId) => selections.get(userId) ?? [],
    set(userId, ids) {
      selections.set(
        userId,
        [...new Set(ids)].filter((id) => table.has(id)),
      );
      emitSelection(userId);
    },
    forget(gone) {
      for (const [userId, selected] of selections) {
        if (selected.some((id) => gone.has(id))) {
          selections.set(
            userId,
            selected.filter((id) => !gone.has(id)),
          );
          emitSelection(userId);
        }
      }
    },
  };
}
