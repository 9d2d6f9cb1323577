/**
 * The meaning model's files in the browser: fetched from the app's own origin (the build copies
 * them from the npm package, see vite.config.ts) and kept in Cache Storage after the first use,
 * so later runs make no request for them. Nothing is fetched from anywhere else.
 */
import { joinBytes } from '../../domain/clustering/model-files';
import { errorMessage } from '../../domain/common';
import { MODEL_ID } from './model-id';
import type { ModelSource } from './sentence-encoder';

export const MODEL_CACHE = `touchpoint-${MODEL_ID}`;

/** The parts of Cache Storage used here (tests pass a fake). */
export interface CacheLike {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
}
export interface CachesLike {
  open(name: string): Promise<CacheLike>;
}

export interface CachedSourceOptions {
  /** Absolute URL of the model folder, on the app's own origin. */
  baseUrl: string;
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Cache Storage; null or missing: every run downloads (e.g. storage blocked). */
  caches?: CachesLike | null;
  signal?: AbortSignal;
}

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ModelFileError';
  }
}

/** Reads a response body, reporting bytes as they arrive. */
async function readBody(
  response: Response,
  onBytes?: (received: number) => void,
): Promise<ArrayBuffer> {
  if (!response.body || !onBytes) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  return joinBytes(chunks).buffer;
}

export interface CachedModelSource extends ModelSource {
  /** Files served from the cache so far, and fetched over the network. */
  readonly stats: { cached: number; fetched: number };
}

export function createCachedModelSource(options: CachedSourceOptions): CachedModelSource {
  const doFetch = options.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  let cache: Promise<CacheLike | null> | null = null;
  const openCache = (): Promise<CacheLike | null> => {
    cache ??= options.caches
      ? options.caches.open(MODEL_CACHE).catch(() => null)
      : Promise.resolve(null);
    return cache;
  };
  const stats = { cached: 0, fetched: 0 };
  return {
    stats,
    async read(name, onBytes) {
      const url = new URL(name, options.baseUrl).href;
      const store = await openCache();
      const hit = await store?.match(url).catch(() => undefined);
      if (hit?.ok) {
        stats.cached += 1;
        return readBody(hit, onBytes);
      }
      let response: Response;
      try {
        response = await doFetch(url, { signal: options.signal, credentials: 'same-origin' });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        throw new ModelFileError(name, errorMessage(error));
      }
      if (!response.ok) throw new ModelFileError(name, `HTTP ${response.status}`);
      const bytes = await readBody(response, onBytes);
      stats.fetched += 1;
      // A full disk or blocked storage only means the next run downloads again.
      if (store) {
        await store
          .put(
            url,
            new Response(bytes, {
              headers: { 'content-type': response.headers.get('content-type') ?? '' },
            }),
          )
          .catch(() => undefined);
      }
      return bytes;
    },
  };
}
