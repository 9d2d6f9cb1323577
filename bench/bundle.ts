/**
 * The weight of each page (issue 12 §1; target: the panel's initial JS ≤ 35 kB gzipped). Builds
 * the app with the project's Vite config into a fresh temporary folder (with Vite's manifest), then
 * reads the built files: per page, the JS and CSS the browser loads before anything is clicked
 * (the entry chunk and its static imports) and all JS the page can ever load (dynamic imports and
 * workers too). Sizes are gzip level 9, as a server would send them. Figures, never assertions.
 * Run alone with `npx tsx bench/bundle.ts`; `--dist=<folder>` reads an existing build made with
 * `build.manifest: true` instead of building.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');

/** One chunk in Vite's `.vite/manifest.json`. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageWeight {
  /** Entry JS and its static imports, gzipped bytes. */
  initialJsGz: number;
  /** CSS the entry and its static imports bring, gzipped bytes. */
  initialCssGz: number;
  /** Every JS file reachable from the page (static, dynamic, workers), gzipped bytes. */
  totalJsGz: number;
  /** Number of JS files in the initial load. */
  initialJsFiles: number;
}

const gz = (dist: string, file: string): number =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Reads one build: the weight of each HTML page at its root. */
export function measurePages(dist: string): Record<string, PageWeight> {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(
      `No Vite manifest at ${manifestPath}: build with build.manifest = true (or run without --dist).`,
    );
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const assets = new Set(readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')));
  const pages: Record<string, PageWeight> = {};
  for (const [key, entry] of Object.entries(manifest)) {
    if (!entry.isEntry || !key.endsWith('.html')) continue;
    // Initial: the entry and its static imports, as the browser fetches them before running it.
    const initial = new Set<string>();
    const css = new Set<string>();
    const visit = (k: string): void => {
      const chunk = manifest[k];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const c of chunk.css ?? []) css.add(c);
      for (const i of chunk.imports ?? []) visit(i);
    };
    visit(key);
    // Total: every JS file any reached file names (dynamic imports, Vite's preload lists and
    // workers, which the manifest does not list), followed to the end.
    const total = new Set<string>();
    const pending = [...initial];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (total.has(file)) continue;
      total.add(file);
      const code = readFileSync(join(dist, file), 'utf8');
      for (const match of code.matchAll(/[\w.-]+\.js\b/g)) {
        const name = match[0];
        if (assets.has(name) && !total.has(`assets/${name}`)) pending.push(`assets/${name}`);
      }
    }
    const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(dist, f), 0);
    pages[basename(key, '.html')] = {
      initialJsGz: sum(initial),
      initialCssGz: sum(css),
      totalJsGz: sum(total),
      initialJsFiles: initial.size,
    };
  }
  return pages;
}

async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

export async function benchBundle(): Promise<Record<string, number>> {
  const given = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
  const dist = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'tp-bundle-'));
  try {
    if (!given) await buildInto(dist);
    const pages = measurePages(dist);
    const figures: Record<string, number> = {};
    const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
    console.log('page        initial JS gz   initial CSS gz   total JS gz   (kB)');
    for (const [page, w] of Object.entries(pages)) {
      console.log(
        `${page.padEnd(10)}  ${kb(w.initialJsGz)} (${w.initialJsFiles} files)  ${kb(w.initialCssGz)}        ${kb(w.totalJsGz)}`,
      );
      figures[`${page}InitialJsGzKb`] = Math.round(w.initialJsGz / 102.4) / 10;
      figures[`${page}InitialCssGzKb`] = Math.round(w.initialCssGz / 102.4) / 10;
      figures[`${page}TotalJsGzKb`] = Math.round(w.totalJsGz / 102.4) / 10;
    }
    console.log('target: app (the Miro panel) initial JS ≤ 35 kB gz');
    return figures;
  } finally {
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchBundle();
