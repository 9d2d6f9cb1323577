import type { MiroSdk } from '../board/miro/sdk';

/** The `miro` global when the Miro SDK script has loaded, else null. */
export function miroGlobal(): MiroSdk | null {
  const candidate: unknown = (globalThis as { miro?: unknown }).miro;
  return typeof candidate === 'object' && candidate !== null && 'board' in candidate
    ? (candidate as MiroSdk)
    : null;
}

/**
 * Resolves once the async SDK script has loaded or failed. Miro always runs apps in an iframe, so a
 * top-level page never waits for it: that is the playground.
 */
export function waitForMiroSdk(
  script: HTMLScriptElement | null,
  timeoutMs = 10_000,
): Promise<MiroSdk | null> {
  const now = miroGlobal();
  if (now || !script) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(miroGlobal());
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
    setTimeout(done, timeoutMs);
  });
}
