/**
 * Test support: makes every `add` and `put` fail the way a full disk does in a browser. The request fails
 * asynchronously with a `QuotaExceededError` and its transaction aborts, rolling back earlier
 * writes. Relies on fake-indexeddb's request queue, so use it only with fake-indexeddb.
 */

interface FakeTransaction {
  _execRequestAsync(request: { operation: () => never; source: IDBObjectStore }): IDBRequest;
}

export interface QuotaSimulation {
  /** How many puts were refused so far. */
  readonly refused: number;
  restore(): void;
}

/** Every `add` and `put` on any object store fails, until `restore()`. */
export function simulateQuotaExceeded(errorName = 'QuotaExceededError'): QuotaSimulation {
  const proto = IDBObjectStore.prototype;
  const methods = ['add', 'put'] as const;
  const originals = methods.map((method) => Object.getOwnPropertyDescriptor(proto, method));
  let refused = 0;
  function refuse(this: IDBObjectStore): IDBRequest {
    refused += 1;
    const transaction = this.transaction as unknown as FakeTransaction;
    return transaction._execRequestAsync({
      operation: () => {
        throw new DOMException('The quota has been exceeded.', errorName);
      },
      source: this,
    });
  }
  for (const method of methods) {
    Object.defineProperty(proto, method, { configurable: true, writable: true, value: refuse });
  }
  return {
    get refused() {
      return refused;
    },
    restore() {
      methods.forEach((method, i) => {
        const original = originals[i];
        if (original) Object.defineProperty(proto, method, original);
      });
    },
  };
}
