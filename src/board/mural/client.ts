/**
 * The MURAL REST client: bearer token from the sign-in session, one retry after a refresh on
 * `TOKEN_EXPIRED`, errors shaped for the write queue (`status`, `rateLimited`, `retryAfterMs`
 * from `x-ratelimit-reset`, `transient`), and the `{ value, next }` pagination. Bodies are
 * `unknown` here; `widgets.ts` validates them.
 */
import { errorMessage, isRecord } from '../../domain/common';
import type { TokenSource } from './oauth';

export const MURAL_API_BASE = 'https://app.mural.co/api/public/v1';
/** MURAL's page size ceiling. */
export const PAGE_LIMIT = 100;

export class MuralApiError extends Error {
  readonly rateLimited: boolean;
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly retryAfterMs?: number,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'MuralApiError';
    this.rateLimited = status === 429;
  }
}

/**
 * Whether a failed request may still have been carried out: its answer lost (a time-out, no
 * answer) or a 5xx. A 4xx, the 429 included, means MURAL did not process it, so sending it again
 * cannot make anything twice.
 */
export const mayHaveTakenEffect = (error: unknown): boolean =>
  !(error instanceof MuralApiError && error.status >= 400 && error.status < 500);

export interface MuralClientOptions {
  /** Default MURAL's; tests pass the local server's. */
  apiBase?: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface MuralClient {
  readonly apiBase: string;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<unknown>;
  /** One page of a list: its items and the token for the next, if any. */
  page(
    path: string,
    query?: Record<string, string | undefined>,
    next?: string,
  ): Promise<{ value: unknown[]; next?: string }>;
  readonly stats: { requests: number; rateLimited: number; refreshed: number };
}

/**
 * `x-ratelimit-reset` is not specified beyond its name; read epoch ms, epoch seconds or a delay in
 * seconds by magnitude, and never wait less than nothing.
 */
export function resetDelayMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = Number(header);
  if (!Number.isFinite(value) || value < 0) return undefined;
  const at = value > 1e12 ? value : value > 1e9 ? value * 1000 : now + value * 1000;
  return Math.max(0, at - now);
}

/** A single-object answer is `{ value: {...} }`; some paths answer the object itself. */
export const unwrap = (body: unknown): unknown =>
  isRecord(body) && 'value' in body ? body.value : body;

export function createMuralClient(options: MuralClientOptions): MuralClient {
  const apiBase = (options.apiBase ?? MURAL_API_BASE).replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const stats = { requests: 0, rateLimited: 0, refreshed: 0 };

  async function send(method: string, url: string, token: string, body: unknown) {
    stats.requests += 1;
    try {
      return await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new MuralApiError(
        `Could not reach MURAL (${errorMessage(error)}).`,
        0,
        'NETWORK',
        undefined,
        true,
      );
    }
  }

  async function request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    const url = `${apiBase}${path}`;
    let token = await options.tokens.accessToken();
    let response = await send(method, url, token, body);
    let parsed: unknown = await readJson(response);
    if (response.status === 401 && isRecord(parsed) && parsed.code === 'TOKEN_EXPIRED') {
      stats.refreshed += 1;
      token = await options.tokens.refresh(token);
      response = await send(method, url, token, body);
      parsed = await readJson(response);
    }
    if (response.ok) return parsed;
    const code = isRecord(parsed) && typeof parsed.code === 'string' ? parsed.code : 'HTTP_ERROR';
    const detail = isRecord(parsed) && typeof parsed.message === 'string' ? parsed.message : '';
    if (response.status === 429) {
      stats.rateLimited += 1;
      const wait = resetDelayMs(response.headers.get('x-ratelimit-reset'), now());
      throw new MuralApiError('MURAL rate limit reached.', 429, code, wait);
    }
    throw new MuralApiError(
      `MURAL answered ${response.status} ${code} to ${method} ${path}${detail ? `: ${detail}` : ''}`,
      response.status,
      code,
      undefined,
      response.status >= 500,
    );
  }

  return {
    apiBase,
    stats,
    request,
    async page(path, query = {}, next) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) params.set(key, value);
      // The same limit on every page, as MURAL asks when following `next`.
      params.set('limit', String(PAGE_LIMIT));
      if (next !== undefined) params.set('next', next);
      const body = await request('GET', `${path}?${params.toString()}`);
      if (!isRecord(body) || !Array.isArray(body.value)) {
        throw new MuralApiError(`MURAL answered ${path} without a list.`, 200, 'BAD_RESPONSE');
      }
      const token = typeof body.next === 'string' && body.next !== '' ? body.next : undefined;
      return token === undefined ? { value: body.value } : { value: body.value, next: token };
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Every page of a list; `call` runs each page request (the adapter passes its queue). */
export async function listAll(
  client: MuralClient,
  path: string,
  query: Record<string, string | undefined> = {},
  call: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): Promise<unknown[]> {
  const all: unknown[] = [];
  let next: string | undefined;
  do {
    const token = next;
    const page = await call(() => client.page(path, query, token));
    all.push(...page.value);
    next = page.next;
  } while (next !== undefined);
  return all;
}
