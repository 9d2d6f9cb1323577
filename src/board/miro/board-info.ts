/** Who and where: the board's id and name, its users, notifications and Miro's own voting. */
import type { Board } from '../port';
import type { MiroCache } from './board-cache';

type BoardInfoPart = Pick<
  Board,
  'info' | 'currentUser' | 'onlineUsers' | 'notify' | 'canUse' | 'nativeVotingResults'
>;

/** `boardName`: Miro's `getInfo()` has none; the host may know it (default "Miro board <id>"). */
export function createBoardInfo({ board, read }: MiroCache, boardName?: string): BoardInfoPart {
  return {
    async info() {
      const { id } = await read(() => board.getInfo());
      return { id, name: boardName ?? `Miro board ${id}` };
    },

    async currentUser() {
      const { id, name } = await read(() => board.getUserInfo());
      return { id, name };
    },

    async onlineUsers() {
      return (await read(() => board.getOnlineUsers())).map(({ id, name }) => ({ id, name }));
    },

    async notify(kind, message) {
      if (kind === 'error') await read(() => board.notifications.showError(message));
      else await read(() => board.notifications.showInfo(message));
    },

    async canUse(feature) {
      try {
        return (await read(() => board.canUse(feature))) && board.experimental !== undefined;
      } catch {
        return false;
      }
    },

    async nativeVotingResults() {
      const experimental = board.experimental;
      if (!experimental) return [];
      return read(() => experimental.getVotingResults());
    },
  };
}
