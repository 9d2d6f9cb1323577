/**
 * `board.connect(user)`: one participant's panel talking to the shared local board through the
 * Miro SDK subset (`MiroSdk`). Every call is charged against that user's credit budget, waits
 * the simulated latency, and is counted. The namespaces are put together here: item creation
 * (`sdk-create.ts`), queries, selection and removal (`sdk-query.ts`), the board's info
 * (`sdk-board-info.ts`), the viewport (`sdk-viewport.ts`), `ui`, `storage` and `notifications`.
 */
import type { MiroSdk, SdkBoard, SdkEventName, SdkNotifications } from '../../miro/sdk';
import type { BoardStore, Connection, Origin } from './board-store';
import type { CreditBudget } from './budget';
import { createEventRegistry, type ItemsHandler } from './events';
import type { LocalItem, LocalNotification, LocalUser } from './local-board-types';
import { infoMethods } from './sdk-board-info';
import { createMethods } from './sdk-create';
import { toSdkItem, type ConnectionScope, type SdkContext } from './sdk-items';
import { contentMethods } from './sdk-query';
import { viewportNamespace } from './sdk-viewport';
import type { SharedCollections } from './shared-collections';
import { stringValue } from './validate';

export interface CallRecorder {
  accepted(method: string): void;
  rateLimited(method: string): void;
}

export interface ConnectDeps {
  store: BoardStore;
  storage: SharedCollections;
  budget: CreditBudget;
  recorder: CallRecorder;
  latencyMs: () => number;
  /** ISO time of the board's last change, for `getInfo().updatedAt`. */
  updatedAt: () => string;
  notify: (n: LocalNotification) => void;
}

export interface ConnectedSdk {
  sdk: MiroSdk;
  connection: Connection;
}

/** Run one SDK call: charge the user's credits, count it, wait the simulated latency. */
function chargedCall(deps: ConnectDeps): SdkContext['call'] {
  const { budget, recorder } = deps;
  return async <T>(method: string, fn: () => T): Promise<T> => {
    try {
      budget.charge();
    } catch (error) {
      recorder.rateLimited(method);
      throw error;
    }
    recorder.accepted(method);
    const ms = deps.latencyMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return fn();
  };
}

/** `board.notifications`: a toast for the shell to show, from this connection's user. */
function notificationsNamespace(
  { call, user }: ConnectionScope,
  notify: ConnectDeps['notify'],
): SdkNotifications {
  return {
    showInfo: (message) =>
      call('notifications.showInfo', () => {
        notify({ level: 'info', message: stringValue('message', message), userId: user.id });
      }),
    showError: (message) =>
      call('notifications.showError', () => {
        notify({
          level: 'error',
          message: stringValue('message', message),
          userId: user.id,
        });
      }),
  };
}

export function connectSdk(user: LocalUser, deps: ConnectDeps): ConnectedSdk {
  const { store, storage } = deps;
  const events = createEventRegistry();
  const call = chargedCall(deps);

  const connection = store.connect((id) => ({
    id,
    user,
    deliver(event: SdkEventName, items: readonly LocalItem[]) {
      if (!events.has(event)) return;
      events.dispatch(event, { items: items.map((item) => toSdkItem(item, ctx)) });
    },
  }));
  const origin: Origin = { kind: 'sdk', connectionId: connection.id };
  const ctx: SdkContext = { store, origin, call };
  const scope: ConnectionScope = { ...ctx, user };
  store.addUser(user);

  const board: SdkBoard = {
    ...createMethods(scope),
    ...contentMethods(scope),
    ...infoMethods(scope, deps.updatedAt),
    ui: {
      on: (event: SdkEventName, handler: ItemsHandler) => events.on(event, handler),
      off: (event: SdkEventName, handler: ItemsHandler) => events.off(event, handler),
      openPanel: () => Promise.resolve(undefined),
      canOpenPanel: () => Promise.resolve(true),
    },
    viewport: viewportNamespace(ctx),
    storage: {
      collection: (name) => storage.collection(name, connection.id, call),
    },
    notifications: notificationsNamespace(scope, deps.notify),
  };

  return { sdk: { board }, connection };
}
