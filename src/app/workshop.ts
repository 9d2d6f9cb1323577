/**
 * The handle the panel holds: one board, who is using it, and where it runs. Entries build it
 * (`openWorkshop`) and hand it to the UI, which passes it to use cases; the UI never touches the
 * board itself.
 */
import type { Board, BoardInfo, BoardUser, Platform } from '../board/port';

export type { Board, BoardInfo, BoardUser, Platform };

export interface Workshop {
  readonly board: Board;
  readonly info: BoardInfo;
  readonly user: BoardUser;
  readonly platform: Platform;
}

export async function openWorkshop(board: Board): Promise<Workshop> {
  const [info, user] = await Promise.all([board.info(), board.currentUser()]);
  return { board, info, user, platform: board.platform };
}
