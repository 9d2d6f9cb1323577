import { describe, expect, it } from 'vitest';
import { estimateStorage, requestPersistentStorage } from './estimate-storage';

describe('estimateStorage', () => {
  it('passes on the figures the browser gives', async () => {
    const manager = { estimate: () => Promise.resolve({ usage: 1200, quota: 5000 }) };
    expect(await estimateStorage(manager)).toEqual({ usageBytes: 1200, quotaBytes: 5000 });
  });

  it('says nothing when the browser cannot say', async () => {
    expect(await estimateStorage(undefined)).toBeUndefined();
    expect(await estimateStorage({ estimate: () => Promise.resolve({}) })).toBeUndefined();
    expect(
      await estimateStorage({ estimate: () => Promise.reject(new Error('no')) }),
    ).toBeUndefined();
  });
});

describe('requestPersistentStorage', () => {
  it('asks only when not already persistent', async () => {
    let asked = 0;
    const persist = () => Promise.resolve((asked += 1) > 0);
    const estimate = () => Promise.resolve({});
    expect(
      await requestPersistentStorage({ estimate, persist, persisted: () => Promise.resolve(true) }),
    ).toBe(true);
    expect(asked).toBe(0);
    expect(
      await requestPersistentStorage({
        estimate,
        persist,
        persisted: () => Promise.resolve(false),
      }),
    ).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistentStorage({ estimate })).toBeUndefined();
  });
});
