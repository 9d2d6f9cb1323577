/**
 * A Touchpoint panel on a mural of the local MURAL server: a REST client signed in as `user`
 * (a token issued at once, never refreshed) and the MURAL adapter, with nothing seen yet.
 */
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import type { MockUser, MuralServer } from './server';

const FACILITATOR: MockUser = { id: 'u-m', firstName: 'M', lastName: 'F' };

export function muralPanel(server: MuralServer, muralId: string, user: MockUser = FACILITATOR) {
  const { accessToken } = server.issueToken(user);
  const client = createMuralClient({
    apiBase: server.apiBase,
    tokens: {
      accessToken: () => Promise.resolve(accessToken),
      refresh: () => Promise.reject(new Error('A test token is not refreshed.')),
    },
  });
  return createMuralBoard(client, muralId);
}
