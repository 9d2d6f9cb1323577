/**
 * Fault injection (issue 10): a wrapper around the local board's Miro SDK and one around the
 * `fetch` the MURAL client uses, which break one write call the way a workshop meets it:
 *
 * - `fail`: the platform refuses the call for good (nothing happens on the board);
 * - `rate`: the call is rate-limited once (HTTP 429 "Too Many Requests"); nothing happens;
 * - `lost`: the call takes effect, then its answer is lost (a time-out / 5xx after commit);
 * - `hang`: the call never answers and neither does anything after it: the panel was closed.
 *
 * Write calls are counted in the order they start, storage writes included, so a fault can sit at
 * the first, a middle or the last call of a batch, or in the record writes after it.
 */
import type { MiroSdk } from '../../src/board/miro/sdk';

export type FaultKind = 'fail' | 'rate' | 'lost' | 'hang';
export const FAULT_KINDS: readonly FaultKind[] = ['fail', 'rate', 'lost', 'hang'];

export interface FaultPlan {
  kind: FaultKind;
  /** 0-based index of the write call that meets the fault. */
  at: number;
}

export interface FaultInjector {
  /** Write calls started so far (the faulty one included). */
  readonly writes: number;
  /** Whether the planned fault has happened. */
  readonly tripped: boolean;
  /** Resolves when a `hang` fault has closed the panel. */
  readonly closed: Promise<void>;
  /**
   * Resolves once every call that reached the platform has answered (or failed). After a `hang`
   * nothing new starts, so this is when the closed panel's requests already on the wire have
   * landed.
   */
  settled(): Promise<void>;
  /** Names of the write calls in order (for choosing positions and for messages). */
  readonly log: readonly string[];
}

/** Miro SDK methods that change the board or its storage. */
const SDK_WRITES = new Set([
  'createStickyNote',
  'createShape',
  'createText',
  'createFrame',
  'createTag',
  'createConnector',
  'remove',
  'sync',
  'setMetadata',
  'add',
  'set',
]);
/** Parts of the SDK whose calls change nothing on the board (viewport.set moves the view). */
const NOT_WRITES = new Set(['viewport', 'ui', 'notifications']);

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

export class InjectedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly transient?: boolean,
  ) {
    super(message);
  }
}

function createInjector(plan: FaultPlan | null) {
  let writes = 0;
  let tripped = false;
  let hung = false;
  const log: string[] = [];
  let close: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (close = resolve));
  /** Calls that reached the platform and have not answered yet. */
  const inFlight = new Set<Promise<unknown>>();
  const reach = <T>(call: () => Promise<T>): Promise<T> => {
    const answer = call();
    const tracked = answer.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(tracked);
    void tracked.then(() => inFlight.delete(tracked));
    return answer;
  };
  const injector: FaultInjector = {
    get writes() {
      return writes;
    },
    get tripped() {
      return tripped;
    },
    closed,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    log,
  };
  /** Runs one call through the plan. `isWrite`: whether it counts. */
  async function through<T>(name: string, isWrite: boolean, call: () => Promise<T>): Promise<T> {
    if (hung) return never<T>();
    if (!isWrite) return reach(call);
    const index = writes;
    writes += 1;
    log.push(name);
    if (plan === null || index !== plan.at) return reach(call);
    tripped = true;
    switch (plan.kind) {
      case 'fail':
        throw new InjectedError(`Injected: the platform refused ${name}.`, 400);
      case 'rate':
        throw new InjectedError('Too Many Requests', 429);
      case 'lost':
        await reach(call);
        throw new InjectedError(`Injected: ${name} timed out after it took effect.`, 504, true);
      case 'hang':
        hung = true;
        close();
        return never<T>();
    }
  }
  return { injector, through };
}

/**
 * The SDK with `plan` injected. Every object the SDK hands out (items, frames, tags, storage
 * collections) is wrapped too, so `item.sync()` and `frame.add()` meet the plan like
 * `board.createShape()` does. A call starts on the board only when the plan lets it.
 */
export function withSdkFaults(
  sdk: MiroSdk,
  plan: FaultPlan | null,
): { sdk: MiroSdk; injector: FaultInjector } {
  const { injector, through } = createInjector(plan);
  const wrapped = new WeakMap<object, object>();
  const SUBS = ['board', 'storage', 'viewport', 'ui', 'notifications', 'experimental'];
  const wrap = <T>(value: T, writable: boolean, area = ''): T => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v: unknown) => wrap(v, writable, area)) as T;
    const known = wrapped.get(value);
    if (known) return known as T;
    const proxy = new Proxy(value, {
      get(target, prop, receiver) {
        const field: unknown = Reflect.get(target, prop, receiver);
        if (typeof field === 'function') {
          const name = String(prop);
          if (name === 'collection' || name === 'on' || name === 'off')
            return (...args: unknown[]) => wrap(Reflect.apply(field, target, args), writable, area);
          return (...args: unknown[]) =>
            through(area + name, writable && SDK_WRITES.has(name), async () =>
              Reflect.apply(field, target, args.map(unwrapArg)),
            ).then((r: unknown) => wrap(r, writable, area));
        }
        if (typeof field === 'object' && field !== null && typeof prop === 'string') {
          if (SUBS.includes(prop))
            return wrap(
              field,
              writable && !NOT_WRITES.has(prop),
              prop === 'storage' ? 'storage.' : area,
            );
        }
        return field;
      },
    });
    wrapped.set(value, proxy);
    originals.set(proxy, value);
    return proxy as T;
  };
  const originals = new WeakMap<object, object>();
  const unwrapArg = (arg: unknown): unknown =>
    typeof arg === 'object' && arg !== null ? (originals.get(arg) ?? arg) : arg;
  return { sdk: wrap(sdk, true), injector };
}

/**
 * A `fetch` for the MURAL client with `plan` injected into its write requests (POST, PATCH,
 * DELETE). `rate` answers MURAL's 429; `fail` a 400; `lost` sends the request, then answers 504.
 * `isStorage` tells writes to Touchpoint's data (on MURAL, widgets of its data area) from board
 * writes: they are logged as `storage.<method> <path>`, as the SDK wrapper logs storage calls.
 */
export function withFetchFaults(
  base: typeof fetch,
  plan: FaultPlan | null,
  isStorage: (method: string, url: URL, body: unknown) => boolean = () => false,
): { fetch: typeof fetch; injector: FaultInjector } {
  const { injector, through } = createInjector(plan);
  const faulty: typeof fetch = (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const isWrite = method !== 'GET' && method !== 'HEAD';
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    let body: unknown;
    try {
      body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    } catch {
      body = undefined;
    }
    const name = `${isWrite && isStorage(method, url, body) ? 'storage.' : ''}${method} ${url.pathname}`;
    return through(name, isWrite, () => base(input, init)).catch((error: unknown) => {
      if (!(error instanceof InjectedError)) throw error;
      const status = error.status ?? 500;
      return new Response(
        JSON.stringify({
          code: status === 429 ? 'RATE_LIMIT' : 'INJECTED',
          message: error.message,
        }),
        {
          status,
          headers: {
            'content-type': 'application/json',
            ...(status === 429 ? { 'retry-after': '0' } : {}),
          },
        },
      );
    });
  };
  return { fetch: faulty, injector };
}
