import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { createMuralTokenProxy, proxyConfigFromEnv } from './server/mural-token-proxy.js';
import { MODEL_PACKAGE, MODEL_PATH } from './src/app/grouping/model-id.js';

// Every HTML file at the root is a page (index = headless entry + playground, app = Miro panel, …).
const pages = Object.fromEntries(
  readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), resolve(import.meta.dirname, file)]),
);

/**
 * Meaning mode's model files (graph, vocabulary, weight shards) from the npm package, served by
 * the app itself at /models/<id>/: copied into the build, and served from node_modules in dev.
 * Nothing is fetched from a model hub, at install time or at run time.
 */
function modelAssets(): Plugin {
  const folder = dirname(
    createRequire(import.meta.url).resolve(`${MODEL_PACKAGE}/dist/model.json`),
  );
  const files = readdirSync(folder).filter(
    (f) => f === 'model.json' || f === 'vocab.json' || f.startsWith('group1-shard'),
  );
  const type = (f: string) =>
    f.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  return {
    name: 'touchpoint-model-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const name = path.startsWith(`/${MODEL_PATH}`) ? path.slice(MODEL_PATH.length + 1) : '';
        if (!files.includes(name)) return next();
        res.setHeader('content-type', type(name));
        createReadStream(join(folder, name)).pipe(res);
      });
    },
    generateBundle() {
      for (const name of files)
        this.emitFile({
          type: 'asset',
          fileName: `${MODEL_PATH}${name}`,
          source: readFileSync(join(folder, name)),
        });
    },
  };
}

/**
 * The loading indicator's few rules (`src/entries/boot.css`) go into each page as a `<style>`,
 * in dev and in the build: the indicator paints, and the page's scripts run, without waiting for
 * a stylesheet request (issue 12 §1; a pending stylesheet holds back every script after it).
 */
function inlineBootCss(): Plugin {
  const href = '/src/entries/boot.css';
  const link = `<link rel="stylesheet" href="${href}" />`;
  return {
    name: 'touchpoint-inline-boot-css',
    transformIndexHtml: {
      // Before Vite reads the page's links, so the file is not bundled as a stylesheet too; the
      // build minifies the inline rules.
      order: 'pre',
      handler: (html) =>
        html.replace(
          link,
          () =>
            `<style>\n${readFileSync(resolve(import.meta.dirname, `.${href}`), 'utf8')}</style>`,
        ),
    },
  };
}

/**
 * The MURAL token proxy as dev- and preview-server middleware, reading MURAL_CLIENT_ID and
 * MURAL_CLIENT_SECRET from the environment (or a .env file; only VITE_ variables reach the
 * bundle). A VITE_ variable that looks like a secret stops the build: it would be shipped.
 */
function muralTokenProxy(mode: string): Plugin {
  const env = { ...loadEnv(mode, import.meta.dirname, ['MURAL_', 'TP_']), ...process.env };
  const leaked = Object.keys(env).filter((k) => k.startsWith('VITE_') && /SECRET/i.test(k));
  if (leaked.length > 0) {
    throw new Error(`${leaked.join(', ')} would be built into the bundle: drop the VITE_ prefix.`);
  }
  const mount = (
    server: {
      config: { server: { port?: number }; preview: { port?: number } };
      middlewares: {
        use(fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void;
      };
    },
    port: number,
  ) => {
    const config = proxyConfigFromEnv(env, [
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ]);
    if (!config) return;
    const proxy = createMuralTokenProxy({ ...config, log: (line) => console.log(line) });
    server.middlewares.use((req, res, next) => {
      proxy(req, res).then((answered) => (answered ? undefined : next()), next);
    });
  };
  return {
    name: 'touchpoint-mural-token-proxy',
    configureServer(server) {
      mount(server, server.config.server.port ?? 3000);
    },
    configurePreviewServer(server) {
      mount(server, server.config.preview.port ?? 3000);
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [preact(), inlineBootCss(), modelAssets(), muralTokenProxy(mode)],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: {
    rolldownOptions: {
      input: pages,
      // Few files before the panel shows (issue 12 §1). Left alone, the bundler cuts shared code
      // into one chunk per set of importers, lazy tabs included: nine files for the Miro panel,
      // some of 300 bytes, and a browser fetches six at a time. Two groups instead: what every
      // page runs first (boot, Vite's preload helper, the Miro global), and the panel with all
      // it imports statically, which every page showing the panel loads anyway (the lazy tabs
      // import from it; `board/html-text` and `board/event-listeners`, which the Miro adapter and
      // MURAL's share, go with it, so the MURAL page does not fetch the Miro adapter for them).
      // The Miro panel loads four JS files, the MURAL page four.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'boot',
              test: /preload-helper|modulepreload-polyfill|src[\\/]entries[\\/](boot|miro-global)\./,
              priority: 2,
            },
            {
              name: 'workshop-panel',
              test: /src[\\/](entries[\\/]workshop-panel|app[\\/]workshop|domain[\\/]board[\\/]board-item|board[\\/](write-queue|html-text|event-listeners))\./,
              priority: 1,
            },
            // The Miro adapter with what it alone imports: one file for the Miro panel.
            { name: 'miro-adapter', test: /src[\\/]board[\\/]miro[\\/]adapter\./, priority: 0 },
          ],
        },
      },
    },
    target: 'es2022',
    sourcemap: true,
  },
  worker: { format: 'es' },
}));
