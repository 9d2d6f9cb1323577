import { afterEach, describe, expect, it } from 'vitest';
import { isFramed, loadMiroSdk, MIRO_SDK_URL } from './miro-global';

/** Just enough of a document to watch what the loader adds to the page. */
function fakeDocument() {
  const added: (EventTarget & { src?: string; id?: string })[] = [];
  const doc = {
    createElement: () => new EventTarget(),
    head: { append: (el: EventTarget) => added.push(el) },
  } as unknown as Document;
  return { doc, added };
}

afterEach(() => {
  delete (globalThis as { miro?: unknown }).miro;
});

describe('Miro SDK loading', () => {
  it('knows a top-level page from a framed one', () => {
    const top = {} as Window & { parent?: unknown };
    top.parent = top;
    expect(isFramed(top)).toBe(false);
    expect(isFramed({ parent: {} } as unknown as Window)).toBe(true);
  });

  it('adds Miro’s script when asked, and resolves with the miro global once it loads', async () => {
    const { doc, added } = fakeDocument();
    const loading = loadMiroSdk(doc, 5_000);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ src: MIRO_SDK_URL, id: 'miro-sdk' });
    const miro = { board: {} };
    (globalThis as { miro?: unknown }).miro = miro;
    added[0]!.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBe(miro);
  });

  it('resolves with null when the script fails to load', async () => {
    const { doc, added } = fakeDocument();
    const loading = loadMiroSdk(doc, 5_000);
    added[0]!.dispatchEvent(new Event('error'));
    await expect(loading).resolves.toBeNull();
  });
});
