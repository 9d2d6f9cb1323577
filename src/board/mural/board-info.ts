/**
 * Who and where: the mural's id and name, the signed-in user, the mural's members (MURAL has no
 * presence for apps), notices (to the page) and the voting sessions' results.
 */
import { isRecord } from '../../domain/common';
import type { Board, BoardUser } from '../port';
import { listAll, unwrap } from './client';
import type { MuralCache } from './board-cache';
import { nameOf } from './user-name';
import { createMuralVoting } from './voting';

type BoardInfoPart = Pick<
  Board,
  'info' | 'currentUser' | 'onlineUsers' | 'notify' | 'canUse' | 'nativeVotingResults'
>;

export function createBoardInfo(
  { client, muralId, base, read, mural }: MuralCache,
  /** Where `notify` goes: MURAL has no notification API for third parties. */
  onNotify?: (kind: 'info' | 'error', message: string) => void,
): BoardInfoPart {
  return {
    async info() {
      const record = await mural();
      const title = typeof record.title === 'string' ? record.title : '';
      return { id: muralId, name: title || `Mural ${muralId}` };
    },

    async currentUser(): Promise<BoardUser> {
      const me = unwrap(await read(() => client.request('GET', '/users/me')));
      if (!isRecord(me) || typeof me.id !== 'string')
        throw new Error('MURAL did not say who you are.');
      return { id: me.id, name: nameOf(me) || me.id };
    },

    async onlineUsers() {
      // MURAL offers no presence to third parties: these are the mural's members.
      return (await listAll(client, `${base}/users`, {}, read)).flatMap((u) =>
        isRecord(u) && typeof u.id === 'string' ? [{ id: u.id, name: nameOf(u) || u.id }] : [],
      );
    },

    notify(kind, message) {
      onNotify?.(kind, message);
      return Promise.resolve();
    },

    canUse(feature) {
      // Voting sessions are readable through the API (see voting.ts).
      return Promise.resolve(feature === 'voting');
    },

    async nativeVotingResults() {
      // One entry per session in the shape the Vote tab flattens: `{ results: [{ itemId, count }] }`.
      const voting = createMuralVoting(client, muralId, read);
      const sessions = await voting.sessions();
      return Promise.all(
        sessions.map(async (session) => ({
          sessionId: session.id,
          title: session.title,
          results: (await voting.results(session.id)).map((r) => ({
            itemId: r.widgetId,
            count: r.totalVotes,
            uniqueVoters: r.uniqueVoters,
          })),
        })),
      );
    },
  };
}
