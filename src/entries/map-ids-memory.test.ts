import { describe, expect, it } from 'vitest';
import { browserMapIdsMemory, MAP_IDS_KEY } from './map-ids-memory';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  let writes = 0;
  return {
    storage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        writes += 1;
        items.set(key, value);
      },
    },
    writes: () => writes,
  };
}

describe('browserMapIdsMemory', () => {
  it('recalls the ids it remembered, and writes only when they change', () => {
    const { storage, writes } = memoryStorage();
    const memory = browserMapIdsMemory(() => storage);
    expect(memory.recall()).toEqual([]);
    memory.remember(['m1', 'm2']);
    memory.remember(['m1', 'm2']);
    expect(memory.recall()).toEqual(['m1', 'm2']);
    expect(writes()).toBe(1);
  });

  it('recalls nothing from what it did not write, and at most 20 ids', () => {
    for (const stored of ['not json', '{"ids":["m1"]}', '42']) {
      const { storage } = memoryStorage({ [MAP_IDS_KEY]: stored });
      expect(browserMapIdsMemory(() => storage).recall()).toEqual([]);
    }
    const { storage } = memoryStorage({
      [MAP_IDS_KEY]: JSON.stringify([
        'm1',
        '',
        7,
        'x'.repeat(201),
        ...Array.from({ length: 30 }, (_, i) => `k${i}`),
      ]),
    });
    const recalled = browserMapIdsMemory(() => storage).recall();
    expect(recalled[0]).toBe('m1');
    expect(recalled).toHaveLength(20);
  });

  it('never throws where the browser refuses storage', () => {
    const memory = browserMapIdsMemory(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(memory.recall()).toEqual([]);
    expect(() => memory.remember(['m1'])).not.toThrow();
    const full = browserMapIdsMemory(() => ({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    }));
    expect(() => full.remember(['m1'])).not.toThrow();
  });
});
