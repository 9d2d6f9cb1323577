/**
 * `createLocalBoard()`: the playground's in-memory Miro board. It wires the shared store, the
 * storage collections, a credit budget per user and the call statistics; `connect(user)` hands
 * out a `MiroSdk` for one participant's panel, `human` acts as a person on the board.
 */
import type { MiroSdk } from '../../miro/sdk';
import { createBoardStore, emptyState } from './board-store';
import { createCreditBudget, type CreditBudget } from './budget';
import { connectSdk } from './connect-sdk';
import { createHumanActions } from './human-actions';
import type {
  LocalBoard,
  LocalBoardOptions,
  LocalBoardStats,
  LocalNotification,
} from './local-board-types';
import { createSharedCollections } from './shared-collections';

const emptyStats = (): LocalBoardStats => ({ calls: 0, callsByMethod: {}, rateLimited: 0 });

export function createLocalBoard(options: LocalBoardOptions = {}): LocalBoard {
  const now = options.now ?? Date.now;
  const creditsPerMinute = options.creditsPerMinute ?? 100_000;
  const creditsPerCall = options.creditsPerCall ?? 50;
  let latencyMs = Math.max(0, options.latencyMs ?? 0);
  let stats = emptyStats();

  const store = createBoardStore(options.state ?? emptyState(), new Date(now()).toISOString());
  const storage = createSharedCollections(store);
  let updatedAt = store.createdAt;
  store.subscribe(() => {
    updatedAt = new Date(now()).toISOString();
  });
  const human = createHumanActions(store);
  // Miro's budget is per user: two participants do not share credits.
  const budgets = new Map<string, CreditBudget>();
  const connectionOf = new WeakMap<MiroSdk, number>();
  const notificationListeners = new Set<(n: LocalNotification) => void>();

  const budgetFor = (userId: string): CreditBudget => {
    let budget = budgets.get(userId);
    if (!budget) {
      budget = createCreditBudget({ creditsPerMinute, creditsPerCall, now });
      budgets.set(userId, budget);
    }
    return budget;
  };

  return {
    connect(user) {
      const { sdk, connection } = connectSdk(user, {
        store,
        storage,
        budget: budgetFor(user.id),
        recorder: {
          accepted(method) {
            stats.calls += 1;
            stats.callsByMethod[method] = (stats.callsByMethod[method] ?? 0) + 1;
          },
          rateLimited() {
            stats.rateLimited += 1;
          },
        },
        latencyMs: () => latencyMs,
        updatedAt: () => updatedAt,
        notify(notification) {
          for (const fn of [...notificationListeners]) fn(notification);
        },
      });
      connectionOf.set(sdk, connection.id);
      return sdk;
    },
    disconnect(sdk) {
      const id = connectionOf.get(sdk);
      if (id === undefined) return;
      store.disconnect(id);
      storage.disconnect(id);
      store.changed();
    },
    onNotification(fn) {
      notificationListeners.add(fn);
      return () => {
        notificationListeners.delete(fn);
      };
    },
    human,
    items: () => store.items(),
    item: (id) => store.item(id),
    tags: () => store.tags(),
    selection: (userId) => store.selection(userId),
    absoluteRect: (id) => store.absoluteBox(id),
    viewport: () => store.viewport(),
    setViewport: (v) => store.setViewport(v),
    subscribe: (fn) => store.subscribe(fn),
    state: () => store.state(),
    stats: () => structuredClone(stats),
    resetStats() {
      stats = emptyStats();
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
  };
}
