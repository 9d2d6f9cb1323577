/**
 * Test support: makes every `put` fail the way a full disk does in a browser. The request fails
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

export function simulateQuotaExceeded(errorName = 'QuotaExceededError'): QuotaSimulation {
  const proto = IDBObjectStore.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'put');
  let refused = 0;
  Object.defineProperty(proto, 'put', {
    configurable: true,
    writable: true,
    value: function put(this: IDBObjectStore): IDBRequest {
      refused += 1;
      const transaction = this.transaction as unknown as FakeTransaction;
      return transaction._execRequestAsync({
        operation: () => {
          throw new DOMException('The quota has been exceeded.', errorName);
        },
        source: this,
      });
    },
  });
  return {
    get refused() {
      return refused;
    },
    restore() {
      if (original) Object.defineProperty(proto, 'put', original);
    },
  };
}
