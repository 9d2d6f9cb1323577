/**
 * `board.getInfo`, who is on the board, `canUse` and `findEmptySpace`: what a connection can ask
 * about the board as a whole.
 */
import type { OnlineUserInfo, SdkBoard } from '../../miro/sdk';
import { findEmptySpace } from './geometry';
import type { ConnectionScope } from './sdk-items';
import { finiteNumber, positiveNumber } from './validate';

type InfoMethods = Pick<
  SdkBoard,
  'getInfo' | 'getUserInfo' | 'getOnlineUsers' | 'canUse' | 'findEmptySpace'
>;

/** `updatedAt`: ISO time of the board's last change. */
export function infoMethods(scope: ConnectionScope, updatedAt: () => string): InfoMethods {
  const { store, call, user } = scope;
  return {
    getInfo: () =>
      call('getInfo', () => ({
        id: store.boardId,
        locale: 'en' as const,
        createdAt: store.createdAt,
        updatedAt: updatedAt(),
      })),
    getUserInfo: () => call('getUserInfo', () => ({ id: user.id, name: user.name })),
    getOnlineUsers: () =>
      call('getOnlineUsers', () => {
        // Every simulated participant is at the workshop, panel open or not.
        const online = new Map<string, OnlineUserInfo>();
        for (const u of store.state().users) online.set(u.id, { id: u.id, name: u.name });
        for (const c of store.connections())
          online.set(c.user.id, { id: c.user.id, name: c.user.name });
        return [...online.values()];
      }),
    // A free-plan board: no native voting or timer.
    canUse: () => call('canUse', () => false),
    findEmptySpace: (request) =>
      call('findEmptySpace', () =>
        findEmptySpace(
          store.items().map((i) => store.absoluteBox(i.id)),
          {
            x: finiteNumber('x', request.x),
            y: finiteNumber('y', request.y),
            width: positiveNumber('width', request.width),
            height: positiveNumber('height', request.height),
            offset: request.offset === undefined ? 0 : finiteNumber('offset', request.offset),
          },
        ),
      ),
  };
}
