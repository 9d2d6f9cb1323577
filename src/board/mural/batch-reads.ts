/**
 * The reads a MURAL batch's tasks make beside their writes, all within the write queue's budget:
 * a read a task makes only sometimes (an area or widget not seen yet, the list that adopts what a
 * lost answer made) is charged as it is made, so no request of a batch is outside the budget; a
 * task declares only the calls it always makes.
 */
import { OpError } from '../batch-engine';
import { listAll, unwrap } from './client';
import { absolutePosition, parseWidget, type MuralWidget } from './widgets';
import type { ApplyEnv } from './write-batch';

type Call = <T>(fn: () => Promise<T>) => Promise<T>;

export interface BatchReads {
  /** Runs `fn` once the queue's budget has paid for one more request. */
  charged: Call;
  listCharged(path: string, query?: Record<string, string | undefined>): Promise<unknown[]>;
  /**
   * For one attempt of a task that declares one call: that call pays for the first request,
   * each later one (another page, a create sent again without a refused field) is charged.
   */
  declaredOnce(): Call;
  /** Absolute top-left of an area, reading unknown areas up the chain. */
  areaOrigin(id: string): Promise<{ x: number; y: number }>;
  /** Reads a widget afresh and remembers it. */
  fetchWidget(id: string): Promise<MuralWidget>;
}

/** Areas nest this deep at most, as far as a batch looks up a chain. */
const MAX_DEPTH = 32;

/**
 * The first widget up the `parentId` chain from `id` (itself included) that `widget` does not
 * know, or null when every widget of the chain is known.
 */
export function missingInChain(
  id: string,
  widget: (id: string) => MuralWidget | undefined,
): string | null {
  let current: string | null = id;
  for (let depth = 0; current !== null && depth < MAX_DEPTH; depth += 1) {
    const known = widget(current);
    if (!known) return current;
    current = known.parentId;
  }
  return null;
}

export function createBatchReads(env: ApplyEnv, base: string): BatchReads {
  const { client } = env;
  const charged: Call = (fn) => env.queue.spend(1).then(fn);
  const getWidget = async (id: string): Promise<MuralWidget | null> =>
    parseWidget(
      unwrap(
        await charged(() => client.request('GET', `${base}/widgets/${encodeURIComponent(id)}`)),
      ),
    );
  const declaredOnce = (): Call => {
    let paid = true;
    return (fn) => {
      if (!paid) return charged(fn);
      paid = false;
      return fn();
    };
  };
  const fetchWidget = async (id: string): Promise<MuralWidget> => {
    const widget = await getWidget(id);
    if (!widget) throw new Error(`MURAL answered widget ${id} without a widget.`);
    env.remember(widget);
    return widget;
  };
  const areaOrigin = async (id: string): Promise<{ x: number; y: number }> => {
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const missing = missingInChain(id, env.widget);
      if (missing === null) break;
      await fetchWidget(missing);
    }
    const area = env.widget(id);
    if (!area) throw new OpError(`Area ${id} is not on the mural.`);
    return absolutePosition(area, env.widget, await env.origin());
  };
  return {
    charged,
    listCharged: (path, query = {}) => listAll(client, path, query, charged),
    declaredOnce,
    areaOrigin,
    fetchWidget,
  };
}
