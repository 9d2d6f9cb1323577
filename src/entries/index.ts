import { endBoot } from './boot';
import { startHeadless } from './headless';
import { isFramed, loadMiroSdk } from './miro-global';

/**
 * Miro always runs an app inside an iframe, so only a framed page loads Miro's SDK script; a
 * top-level page (`npm start`) is the playground and asks no other site for anything.
 */
async function main(): Promise<void> {
  if (isFramed()) {
    const miro = await loadMiroSdk();
    if (miro) {
      startHeadless(miro);
      endBoot();
      return;
    }
  }
  const { startPlayground } = await import('./playground');
  await startPlayground(document.getElementById('root')!);
}

void main();
