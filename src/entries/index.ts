import { startHeadless } from './headless';
import { waitForMiroSdk } from './miro-global';

/**
 * Miro always runs an app inside an iframe, so only a framed page waits for the SDK; a top-level
 * page (`npm start`) is the playground even when the SDK script happens to load.
 */
async function main(): Promise<void> {
  if (window.parent !== window) {
    const miro = await waitForMiroSdk(
      document.getElementById('miro-sdk') as HTMLScriptElement | null,
    );
    if (miro) {
      startHeadless(miro);
      return;
    }
  }
  const { startPlayground } = await import('./playground');
  await startPlayground(document.getElementById('root')!);
}

void main();
