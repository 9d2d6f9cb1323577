import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8');
const PAGES = ['index.html', 'app.html', 'mural.html'];

/** `src` and `href` values of the page's script and link elements. */
const fetchedBy = (html: string): string[] =>
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);

describe('the HTML pages', () => {
  it.each(PAGES)('%s shows its own loading indicator until the app mounts', (page) => {
    const html = read(page);
    // Inlined as a <style> by vite.config.ts (inlineBootCss), in dev and in the build.
    expect(html).toContain('<link rel="stylesheet" href="/src/entries/boot.css" />');
    // After #root, so the stylesheet's `#root:not(:empty) ~ .tp-boot` hides it once anything renders.
    const rootAt = html.indexOf('<div id="root"></div>');
    const bootAt = html.search(/<div id="tp-boot" class="tp-boot" role="status">/);
    expect(rootAt).toBeGreaterThan(0);
    expect(bootAt).toBeGreaterThan(rootAt);
    expect(html.slice(bootAt)).toMatch(/Starting Touchpoint/);
  });

  it('styles the indicator statically and hides it once #root has content', () => {
    const css = read('src/entries/boot.css');
    expect(css).toMatch(/\.tp-boot \{[^}]*display: flex/);
    expect(css).toMatch(/#root:not\(:empty\) ~ \.tp-boot \{\s*display: none;/);
  });

  it('the playground page (index.html) and the MURAL page name nothing on another site', () => {
    for (const page of ['index.html', 'mural.html']) {
      const external = fetchedBy(read(page)).filter((url) => /^(https?:)?\/\//.test(url));
      expect(external, page).toEqual([]);
    }
  });

  it('the Miro panel (app.html, only ever opened by Miro) loads the SDK before its module', () => {
    const html = read('app.html');
    const sdk = html.indexOf('src="https://miro.com/app/static/sdk/v2/miro.js" defer');
    expect(sdk).toBeGreaterThan(0);
    expect(sdk).toBeLessThan(html.indexOf('type="module"'));
  });
});
