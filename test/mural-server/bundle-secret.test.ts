/**
 * The client secret never reaches the bundle: a build with MURAL_CLIENT_SECRET in its
 * environment ships no trace of it, and a VITE_-prefixed secret (which Vite would ship) stops the
 * build. Builds the MURAL page only, into a temporary folder.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const SECRET = 'bundle-canary-secret-7d2b';
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function buildMural(env: Record<string, string>): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tp-bundle-'));
  dirs.push(outDir);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        rolldownOptions: { input: { mural: join(root, 'mural.html') } },
      },
    });
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return outDir;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the bundle and the MURAL client secret', () => {
  it('a build with the secret in its environment ships no trace of it (code and source maps)', async () => {
    const out = await buildMural({ MURAL_CLIENT_ID: 'bundle-id', MURAL_CLIENT_SECRET: SECRET });
    const files = await filesUnder(out);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8')).not.toContain(SECRET);
  }, 120_000);

  it('a VITE_ secret stops the build, since Vite would put it in the bundle', async () => {
    await expect(buildMural({ VITE_MURAL_CLIENT_SECRET: SECRET })).rejects.toThrow(
      /VITE_MURAL_CLIENT_SECRET would be built into the bundle/,
    );
  }, 120_000);
});
