/**
 * MURAL's native voting as a vote source: list a mural's voting sessions and import their
 * results (`totalVotes`, `uniqueVoters` per widget). The Vote tab can offer these beside
 * Touchpoint's own rounds.
 */
import { isRecord } from '../../domain/common';
import { listAll, type MuralClient } from './client';

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
