import type { MiroSdk } from '../board/miro/sdk';

/** The `miro` global when the Miro SDK script has loaded, else null. */
export function miroGlobal(): MiroSdk | null {
  const candidate: unknown = (globalThis as { miro?: unknown }).miro;
  return typeof candidate === 'object' && candidate !== null && 'board' in candidate
    ? (candidate as MiroSdk)
    : null;
}

/** Miro's Web SDK v2 script (platform-notes.md). */
export const MIRO_SDK_URL = 'https://miro.com/app/static/sdk/v2/miro.js';

/** Miro always runs an app inside an iframe; a top-level page is never inside Miro. */
export const isFramed = (win: Window = window): boolean => win.parent !== win;

/**
 * Adds Miro's SDK script to the page and resolves with the `miro` global once it has loaded, or
 * null when it fails or takes longer than `timeoutMs`. Only a framed page calls this, so the
 * playground (a top-level page) never asks another site for anything.
 */
export function loadMiroSdk(doc: Document = document, timeoutMs = 10_000): Promise<MiroSdk | null> {
  const now = miroGlobal();
  if (now) return Promise.resolve(now);
  const script = doc.createElement('script');
  script.id = 'miro-sdk';
  script.async = true;
  script.src = MIRO_SDK_URL;
  const loaded = waitForMiroSdk(script, timeoutMs);
  doc.head.append(script);
  return loaded;
}

/** Resolves once the SDK script has loaded or failed (or after `timeoutMs`). */
function waitForMiroSdk(
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
