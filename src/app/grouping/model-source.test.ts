import { describe, expect, it } from 'vitest';
import {
  createCachedModelSource,
  MODEL_CACHE,
  ModelFileError,
  type CachesLike,
} from './model-source';

function fakeCaches(options: { failPut?: boolean } = {}) {
  const stores = new Map<string, Map<string, Response>>();
  const caches: CachesLike = {
    async open(name) {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        async match(url) {
          return store.get(url)?.clone();
        },
        async put(url, response) {
          if (options.failPut) throw new DOMException('Quota exceeded', 'QuotaExceededError');
          store.set(url, response);
        },
      };
    },
  };
  return { caches, stores };
}

function fakeFetch(files: Record<string, string>) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    const name = url.split('/').pop() ?? '';
    return name in files
      ? new Response(files[name], { status: 200 })
      : new Response('not found', { status: 404 });
  };
  return { fetch, calls };
}

const BASE = 'https://app.example/models/use/';
const text = (b: ArrayBuffer) => new TextDecoder().decode(b);

describe('createCachedModelSource', () => {
  it('fetches from the app origin the first time, then serves from Cache Storage', async () => {
    const { caches, stores } = fakeCaches();
    const net = fakeFetch({ 'model.json': '{"a":1}' });
    const first = createCachedModelSource({ baseUrl: BASE, fetch: net.fetch, caches });
    const progress: number[] = [];
    expect(text(await first.read('model.json', (n) => progress.push(n)))).toBe('{"a":1}');
    expect(net.calls).toEqual([`${BASE}model.json`]);
    expect(progress.at(-1)).toBe(7);
    expect(stores.get(MODEL_CACHE)?.has(`${BASE}model.json`)).toBe(true);

    const second = createCachedModelSource({ baseUrl: BASE, fetch: net.fetch, caches });
    expect(text(await second.read('model.json'))).toBe('{"a":1}');
    expect(net.calls).toHaveLength(1);
    expect(second.stats).toEqual({ cached: 1, fetched: 0 });
  });

  it('says which file is missing, and still works when the cache cannot store or open', async () => {
    const net = fakeFetch({ 'model.json': '{}' });
    const source = createCachedModelSource({ baseUrl: BASE, fetch: net.fetch, caches: null });
    await expect(source.read('group1-shard1of7')).rejects.toBeInstanceOf(ModelFileError);
    await expect(source.read('group1-shard1of7')).rejects.toThrow(/group1-shard1of7.*HTTP 404/);

    const full = fakeCaches({ failPut: true });
    const tight = createCachedModelSource({ baseUrl: BASE, fetch: net.fetch, caches: full.caches });
    expect(text(await tight.read('model.json'))).toBe('{}');
    const broken: CachesLike = { open: () => Promise.reject(new Error('SecurityError')) };
    const blocked = createCachedModelSource({ baseUrl: BASE, fetch: net.fetch, caches: broken });
    expect(text(await blocked.read('model.json'))).toBe('{}');
  });

  it('turns a network failure into a ModelFileError naming the file', async () => {
    const source = createCachedModelSource({
      baseUrl: BASE,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      caches: null,
    });
    await expect(source.read('vocab.json')).rejects.toThrow(/vocab\.json.*Failed to fetch/);
  });
});
