import { countOf } from '../domain/common';
import { errorMessage } from '../domain/common';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { seedDemoWorkshop } from '../app/demo/seed-demo-workshop';
import { openLocalStore, openWorkshop, type LocalStore, type Workshop } from '../app/workshop';
import { createMiroBoard } from '../board/miro/adapter';
import { createDemoBoardState } from '../board/playground/demo-board';
import { parseBoardState } from '../board/playground/parse-board-state';
import { createLocalBoard } from '../board/playground/sdk/local-board';
import type {
  LocalBoard,
  LocalBoardState,
  LocalNotification,
} from '../board/playground/sdk/local-board-types';
import { BoardView } from '../board/playground/view/BoardView';
import { createPlaygroundStore, toStorageError, type PlaygroundStore } from '../storage';
import { Notice, Spinner } from '../ui/components/Notice';
import { WorkshopPanel } from './workshop-panel';
import { endBoot } from './boot';
import { createCoalescingSaver, type SaveStatus } from './coalescing-saver';
import './playground.css';

interface Startup {
  local: LocalBoard;
  /** The same IndexedDB connection serves the playground board and the panel's snapshots. */
  localStore: LocalStore;
  store: PlaygroundStore | null;
  /** Why the board is not being kept, or what was lost reading it; shown in the banner. */
  warning: string | null;
}

/** The playground: a local board that speaks the Miro SDK subset, beside the docked panel. */
export async function startPlayground(root: HTMLElement): Promise<void> {
  render(<Spinner label="Opening the playground…" />, root);
  endBoot();
  const startup = await openLocalBoard();
  render(<Playground {...startup} />, root);
}

async function openLocalBoard(): Promise<Startup> {
  let store: PlaygroundStore | null = null;
  let warning: string | null = null;
  let saved: unknown;
  const localStore = await openLocalStore();
  try {
    if (!localStore.db) throw new Error(localStore.problem ?? 'IndexedDB is not available.');
    store = createPlaygroundStore(localStore.db);
    saved = await store.load();
  } catch (error) {
    warning = `${toStorageError(error).message} The board works, but will not survive a reload.`;
  }
  let state: LocalBoardState | null = null;
  if (saved !== undefined) {
    const parsed = parseBoardState(saved);
    if (parsed.ok) {
      state = parsed.state;
      if (parsed.droppedItems > 0) {
        warning = `${countOf(parsed.droppedItems, 'damaged item')} could not be read and were left out.`;
      }
    } else {
      warning = `${parsed.message} Opened the demo board instead.`;
    }
  }
  if (state) return { local: createLocalBoard({ state }), localStore, store, warning };
  // A fresh demo workshop: its map is made the way a facilitator makes one, through the adapter.
  const local = createLocalBoard({ state: createDemoBoardState() });
  const facilitator = local.state().users[0]!;
  const sdk = local.connect(facilitator);
  try {
    await seedDemoWorkshop(createMiroBoard(sdk, playgroundBoardOptions(local)));
  } catch (error) {
    warning = `The demo map could not be made: ${errorMessage(error)}`;
  } finally {
    local.disconnect(sdk);
  }
  return { local, localStore, store, warning };
}

/** `localStorage`, or null where the browser refuses it (reading the property can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The local board is the Miro adapter's code path, reported as the playground, with its own name. */
const playgroundBoardOptions = (local: LocalBoard) =>
  ({ platform: 'playground', boardName: local.state().boardName }) as const;

function Playground({ local, localStore, store, warning }: Startup) {
  const users = local.state().users;
  const [userId, setUserId] = useState(users[0]?.id ?? 'facilitator');
  const [workshop, setWorkshop] = useState<Workshop | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus | null>(null);
  const [toasts, setToasts] = useState<(LocalNotification & { key: number })[]>([]);

  // Keep the board across reloads; a failed save (e.g. a full disk) is reported, never fatal.
  useEffect(() => {
    if (!store) return undefined;
    const saver = createCoalescingSaver(
      () => store.save(local.state()),
      (status, error) => {
        setSaveStatus(status);
        setSaveError(status === 'failed' ? toStorageError(error).message : null);
      },
    );
    saver.request(); // a freshly seeded demo board is kept even before anyone touches it
    return local.subscribe(() => saver.request());
  }, [local, store]);

  // Each simulated participant gets their own SDK connection, as each Miro user has their own panel.
  useEffect(() => {
    const user = users.find((u) => u.id === userId) ?? users[0]!;
    const sdk = local.connect(user);
    let live = true;
    setWorkshop(null);
    void openWorkshop(createMiroBoard(sdk, playgroundBoardOptions(local)), localStore).then((w) => {
      if (live) setWorkshop(w);
    });
    return () => {
      live = false;
      local.disconnect(sdk);
    };
  }, [local, localStore, userId]);

  useEffect(() => {
    let key = 0;
    return local.onNotification((n) => {
      if (n.userId !== userId) return;
      const toast = { ...n, key: ++key };
      setToasts((list) => [...list.slice(-2), toast]);
      setTimeout(() => setToasts((list) => list.filter((t) => t !== toast)), 5000);
    });
  }, [local, userId]);

  const reset = async () => {
    if (!window.confirm('Replace this board with a fresh demo workshop? Everything on it is lost.'))
      return;
    await store?.clear().catch(() => undefined);
    window.location.reload();
  };

  return (
    <div class="pg-shell">
      <div class="pg-board">
        <div class="pg-banner" role="note">
          <strong>Playground</strong>
          <span>A local board in this browser — nothing leaves it.</span>
          <span class="pg-save" data-testid="save-status" aria-live="polite">
            {!store
              ? 'Not kept'
              : saveStatus === 'saving'
                ? 'Saving…'
                : saveStatus === 'failed'
                  ? 'Not saved'
                  : 'Saved'}
          </span>
          <button type="button" class="pg-link" onClick={() => void reset()}>
            Reset demo board
          </button>
        </div>
        {(warning ?? saveError) && (
          <div class="pg-warning">
            <Notice tone="warning">{saveError ?? warning}</Notice>
          </div>
        )}
        <BoardView
          board={local}
          userId={userId}
          users={users}
          onUserChange={setUserId}
          guideStorage={browserStorage()}
        />
        <div class="pg-toasts" aria-live="polite">
          {toasts.map((t) => (
            <div key={t.key} class={`pg-toast pg-toast--${t.level}`}>
              {t.message}
            </div>
          ))}
        </div>
      </div>
      <aside class="pg-panel" aria-label="Touchpoint panel">
        {workshop ? (
          <WorkshopPanel key={userId} workshop={workshop} />
        ) : (
          <Spinner label="Connecting…" />
        )}
      </aside>
    </div>
  );
}
