/**
 * The handle the panel holds: one board, who is using it, where it runs, and this browser's local
 * store. Entries build it (`openWorkshop`) and hand it to the UI, which passes it to use cases;
 * the UI never touches the board or IndexedDB itself.
 */
import type { Board, BoardInfo, BoardLimits, BoardUser, Platform } from '../board/port';
import { openTouchpointDB, toStorageError, type TouchpointDatabase } from '../storage';

export type { Board, BoardInfo, BoardLimits, BoardUser, Platform };

export interface LocalStore {
  /** IndexedDB (snapshots, undo journal, settings); null where the browser refuses it. */
  db: TouchpointDatabase | null;
  /** Why `db` is null, in words a facilitator understands. */
  problem: string | null;
}

export interface Workshop {
  readonly board: Board;
  readonly info: BoardInfo;
  readonly user: BoardUser;
  readonly platform: Platform;
  /** What the board accepts (tag titles, tags per item and board, note text), from its adapter. */
  readonly limits: BoardLimits;
  readonly local: LocalStore;
}

/** Opens this browser's store once; a refusal (private mode, another tab, full disk) is kept as a message. */
export async function openLocalStore(
  open: () => Promise<TouchpointDatabase> = openTouchpointDB,
): Promise<LocalStore> {
  try {
    return { db: await open(), problem: null };
  } catch (error) {
    return { db: null, problem: toStorageError(error).message };
  }
}

export async function openWorkshop(board: Board, local?: LocalStore): Promise<Workshop> {
  const [info, user, store] = await Promise.all([
    board.info(),
    board.currentUser(),
    local ?? openLocalStore(),
  ]);
  return { board, info, user, platform: board.platform, limits: board.limits, local: store };
}
