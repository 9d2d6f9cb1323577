import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { MODEL_PACKAGE, MODEL_PATH } from './src/app/grouping/model-id';

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

export default defineConfig({
  plugins: [preact(), modelAssets()],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: { rollupOptions: { input: pages }, target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
