/** The mural's own record (title, size), read once per session outside the queue. */
import { isRecord } from '../../domain/common';
import { MuralApiError, unwrap, type MuralClient } from './client';

/** A 429 waits for MURAL's reset and tries again (for the few calls made outside the queue). */
async function withRateLimitRetry<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof MuralApiError && error.rateLimited) || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 1000));
    }
  }
}

/**
 * The mural's own record (title, size), read once. Not through the queue: write tasks ask for
 * it while they hold a queue slot, and a nested queue call could wait on itself. A failed read is
 * forgotten, so the next call reads again.
 */
export function createMuralRecord(
  client: MuralClient,
  base: string,
): () => Promise<Record<string, unknown>> {
  let muralRecord: Promise<Record<string, unknown>> | undefined;
  return () => {
    muralRecord ??= withRateLimitRetry(() => client.request('GET', base)).then(
      (body) => {
        const value = unwrap(body);
        return isRecord(value) ? value : {};
      },
      (error: unknown) => {
        muralRecord = undefined;
        throw error;
      },
    );
    return muralRecord;
  };
}
