/**
 * The handle the panel holds: one board, who is using it, where it runs, and this browser's local
 * store. Entries build it (`openWorkshop`) and hand it to the UI, which passes it to use cases;
 * the UI never touches the board or IndexedDB itself. Its board side (`BoardSession`) is enough
 * for the Map tab, so the Miro panel shows that tab while the local store is still opening
 * (`startWorkshop`; issue 12 §1).
 */
import type { Board, BoardInfo, BoardLimits, BoardUser, Platform } from '../board/port';
import { errorMessage } from '../domain/common';
import { watchMaps } from './map/map-store';
import type { TouchpointDatabase } from '../storage';

export type { Board, BoardInfo, BoardLimits, BoardUser, Platform };

export interface LocalStore {
  /** IndexedDB (snapshots, undo journal, settings); null where the browser refuses it. */
  db: TouchpointDatabase | null;
  /** Why `db` is null, in words a facilitator understands. */
  problem: string | null;
}

/** The board side of a workshop: what the header and the Map tab need. */
export interface BoardSession {
  readonly board: Board;
  readonly info: BoardInfo;
  readonly user: BoardUser;
  readonly platform: Platform;
  /** What the board accepts (tag titles, tags per item and board, note text), from its adapter. */
  readonly limits: BoardLimits;
}

export interface Workshop extends BoardSession {
  readonly local: LocalStore;
}

// The store's code (idb and the schema) loads as the store opens: the Map tab, which the panel
// shows first, does not need it (issue 12 §1).
const storage = () => import('../storage');
const openStore = async (): Promise<TouchpointDatabase> => (await storage()).openTouchpointDB();

/** What went wrong opening the store, in a facilitator's words. */
async function storageProblem(error: unknown): Promise<string> {
  try {
    return (await storage()).toStorageError(error).message;
  } catch {
    return `This browser's storage could not be opened (${errorMessage(error)}).`;
  }
}

/** Opens this browser's store once; a refusal (private mode, another tab, full disk) is kept as a message. */
export async function openLocalStore(
  open: () => Promise<TouchpointDatabase> = openStore,
): Promise<LocalStore> {
  try {
    return { db: await open(), problem: null };
  } catch (error) {
    return { db: null, problem: await storageProblem(error) };
  }
}

async function openBoardSession(board: Board): Promise<BoardSession> {
  const [info, user] = await Promise.all([board.info(), board.currentUser()]);
  return { board, info, user, platform: board.platform, limits: board.limits };
}

export async function openWorkshop(board: Board, local?: LocalStore): Promise<Workshop> {
  const [session, store] = await Promise.all([openBoardSession(board), local ?? openLocalStore()]);
  return { ...session, local: store };
}

/**
 * Where this browser keeps the ids of the maps the panel last showed: next time, a guess at what
 * the board holds. Kept by the entry (localStorage on the Miro panel); never board content.
 */
export interface MapIdsMemory {
  recall(): readonly string[];
  remember(ids: readonly string[]): void;
}

/**
 * The Miro panel's start. Reads the board side, starts reading the board's maps and opens this
 * browser's store, all at the same time, and resolves as soon as the board side is read:
 * `workshop` resolves once the store is open too (opening IndexedDB for the first time, creating
 * its object stores, takes longer than reading the board). It never rejects for the store: a
 * refusal is kept in `local.problem`, as `openWorkshop` does.
 *
 * The maps are what the Map tab, shown first, lists. Read here, beside the board info and the
 * user, rather than once the tab is mounted, they come one SDK round trip sooner (issue 12 §1):
 * the tab's own `watchMaps` joins this one. It is kept for the panel's life: on Miro a watch
 * makes no call while nothing changes (a polling platform would not start here), and going back
 * to the Map tab shows the maps at once. With `mapIds`, the records of the maps this browser
 * last saw are read beside the maps' index, not after it: on a board reopened, one round trip
 * less again.
 */
export async function startWorkshop(
  board: Board,
  { local = openLocalStore(), mapIds }: { local?: Promise<LocalStore>; mapIds?: MapIdsMemory } = {},
): Promise<{ session: BoardSession; workshop: Promise<Workshop> }> {
  watchMaps(
    board,
    ({ maps, problems }) =>
      mapIds?.remember([...maps.map((m) => m.spec.id), ...problems.map((p) => p.mapId)]),
    undefined,
    mapIds?.recall(),
  );
  const session = await openBoardSession(board);
  return { session, workshop: local.then((store) => ({ ...session, local: store })) };
}
