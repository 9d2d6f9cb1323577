/**
 * Uneven network timing for the local board: every call of `board.storage` collections waits a
 * random 0..maxMs before it reaches the board, so concurrent panels' writes and read-backs
 * interleave in every order a real network allows (a write can land after another panel has
 * read back its own). `random` is seeded by the caller, so a failing trial can be replayed.
 */
import type { MiroSdk } from '../../src/board/miro/sdk';

export function withStorageJitter(sdk: MiroSdk, maxMs: number, random: () => number): MiroSdk {
  const delay = () => new Promise((resolve) => setTimeout(resolve, Math.floor(random() * maxMs)));
  const collection = (inner: object): object =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        const field: unknown = Reflect.get(target, prop, receiver);
        if (typeof field !== 'function') return field;
        return async (...args: unknown[]) => {
          await delay();
          return Reflect.apply(field, target, args) as unknown;
        };
      },
    });
  const storage = new Proxy(sdk.board.storage, {
    get(target, prop, receiver) {
      const field: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'collection' && typeof field === 'function')
        return (name: string) => collection(Reflect.apply(field, target, [name]) as object);
      return field;
    },
  });
  const board = new Proxy(sdk.board, {
    get(target, prop, receiver) {
      return prop === 'storage' ? storage : Reflect.get(target, prop, receiver);
    },
  });
  return new Proxy(sdk, {
    get(target, prop, receiver) {
      return prop === 'board' ? board : Reflect.get(target, prop, receiver);
    },
  });
}

/** A small seeded PRNG (mulberry32) for replayable trials. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
