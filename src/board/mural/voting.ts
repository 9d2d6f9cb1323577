/**
 * MURAL's voting sessions (reference: getmuralvotingsessions, getmuralvotingsessionresults,
 * startmuralvotingsession, endmuralvotingsession, votewidgetmuralvotingsession,
 * deletemuralvotingsessionbyid):
 * - as a vote source: list a mural's sessions and import their results (`totalVotes`,
 *   `uniqueVoters` per widget), beside Touchpoint's own rounds;
 * - as the Board port's `PlatformVoting`: anonymous rounds run in a MURAL session, since every
 *   widget Touchpoint could store a ballot in names its author (`createdBy`, `updatedBy`). MURAL
 *   keeps who voted; its API answers apps with totals per widget only.
 */
import type { PlatformVoting } from '../port';
import { isRecord } from '../../domain/common';
import { isRateLimitError } from '../retry-policy';
import { listAll, unwrap, type MuralClient } from './client';

export interface VotingSession {
  id: string;
  title: string;
  status: string;
}

export interface VotingResult {
  widgetId: string;
  totalVotes: number;
  uniqueVoters: number;
}

export interface MuralVoting {
  sessions(): Promise<VotingSession[]>;
  results(sessionId: string): Promise<VotingResult[]>;
}

/**
 * Touchpoint's anonymous rounds on MURAL. `read` runs reads and `write` runs writes through the
 * adapter's queue (rate budget, 429 back-off). A vote is not idempotent: the queue retries it only
 * after a refusal that MURAL did not count (429), never after a lost answer.
 */
export function createMuralPlatformVoting(
  client: MuralClient,
  muralId: string,
  read: <T>(fn: () => Promise<T>) => Promise<T>,
  write: <T>(fn: () => Promise<T>) => Promise<T>,
): PlatformVoting {
  const base = `/murals/${encodeURIComponent(muralId)}/voting-sessions`;
  const listing = createMuralVoting(client, muralId, read);
  return {
    async start({ title, votesPerPerson }) {
      const running = (await listing.sessions()).find((s) => s.status === 'active');
      if (running)
        throw new Error(
          `MURAL runs one voting session at a time, and “${running.title || 'a session'}” is running. End it first.`,
        );
      const body = unwrap(
        await write(() =>
          client.request('POST', `${base}/start`, {
            title,
            numberOfVotes: votesPerPerson,
            anyoneCanEnd: false,
          }),
        ),
      );
      if (!isRecord(body) || typeof body.id !== 'string')
        throw new Error('MURAL started a voting session but did not say which.');
      return { sessionId: body.id };
    },
    async vote(itemId) {
      await write(() =>
        client.request('POST', `${base}/vote/${encodeURIComponent(itemId)}`).catch((error) => {
          // Refused by the rate limit: not counted, so the queue may send it again. Anything else
          // (a 5xx, a lost answer) may have been counted: never sent twice.
          // (The message names no cause: words like "network" would make the queue retry it.)
          if (isRateLimitError(error)) throw error;
          const status = isRecord(error) && typeof error.status === 'number' ? error.status : null;
          throw new Error(
            `MURAL did not confirm this vote${status ? ` (HTTP ${status})` : ''}; it may have been counted. Look at the round's results before voting again.`,
          );
        }),
      );
    },
    async end(sessionId) {
      const session = (await listing.sessions()).find((s) => s.id === sessionId);
      // The end route ends whichever session is running: only when it is this one.
      if (session && session.status === 'active')
        await write(() => client.request('POST', `${base}/end`));
    },
    async remove(sessionId) {
      await write(() => client.request('DELETE', `${base}/${encodeURIComponent(sessionId)}`));
    },
    async totals(sessionId) {
      return (await listing.results(sessionId)).map((r) => ({
        itemId: r.widgetId,
        votes: r.totalVotes,
        voters: r.uniqueVoters,
      }));
    },
  };
}

export function createMuralVoting(
  client: MuralClient,
  muralId: string,
  call: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): MuralVoting {
  const base = `/murals/${encodeURIComponent(muralId)}/voting-sessions`;
  return {
    async sessions() {
      return (await listAll(client, base, {}, call)).flatMap((s) =>
        isRecord(s) && typeof s.id === 'string'
          ? [
              {
                id: s.id,
                title: typeof s.title === 'string' ? s.title : '',
                status: typeof s.status === 'string' ? s.status : '',
              },
            ]
          : [],
      );
    },
    async results(sessionId) {
      const path = `${base}/${encodeURIComponent(sessionId)}/results`;
      return (await listAll(client, path, {}, call)).flatMap((r) =>
        isRecord(r) &&
        typeof r.widgetId === 'string' &&
        typeof r.totalVotes === 'number' &&
        typeof r.uniqueVoters === 'number'
          ? [{ widgetId: r.widgetId, totalVotes: r.totalVotes, uniqueVoters: r.uniqueVoters }]
          : [],
      );
    },
  };
}
