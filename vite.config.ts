import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Every HTML file at the root is a page (index = headless entry + playground, app = Miro panel, …).
const pages = Object.fromEntries(
  readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), resolve(import.meta.dirname, file)]),
);

export default defineConfig({
  plugins: [preact()],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: { rollupOptions: { input: pages }, target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
